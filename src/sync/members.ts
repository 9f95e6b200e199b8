/**
 * Keeps the team's member list on the device (for choosing a name on the
 * huddle tablet offline): fetched from the server whenever a huddle screen
 * opens online; offline, the last list is used.
 */
import { saveMembers } from '../db/huddleQueries.ts';
import type { GroundUpDb } from '../db/schema.ts';
import { getSession } from '../db/session.ts';
import type { Api } from './api.ts';

export async function refreshMembers(db: GroundUpDb, api: Api): Promise<boolean> {
  const session = await getSession(db);
  if (!session) return false;
  const r = await api.team(session.token);
  if (r.kind !== 'ok') return false;
  const teamId = session.team.id;
  await saveMembers(
    db,
    teamId,
    r.body.members.map((m) => ({ id: m.id, teamId, displayName: m.displayName, role: m.role })),
  );
  return true;
}
