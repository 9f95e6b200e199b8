/**
 * Keeps the team's member list on the device (for choosing a name on the
 * huddle tablet offline) and this device's own role in step with the server's:
 * fetched after every good sync pass (src/sync/engine.ts) and whenever a huddle
 * screen opens online; offline, the last list is used. A facilitator changing
 * someone's role reaches that person's phone with its next sync, without them
 * opening the Team screen (issue 17).
 */
import { saveMembers } from '../db/huddleQueries.ts';
import type { GroundUpDb } from '../db/schema.ts';
import { getSession, setOwnRole } from '../db/session.ts';
import type { Api } from './api.ts';
import { setTeamOrg } from '../db/orgData.ts';

export async function refreshMembers(db: GroundUpDb, api: Api): Promise<boolean> {
  const session = await getSession(db);
  if (!session) return false;
  const r = await api.team(session.token);
  if (r.kind !== 'ok') return false;
  const teamId = session.team.id;
  if (r.body.team.id !== teamId) return false;
  await saveMembers(
    db,
    teamId,
    r.body.members.map((m) => ({ id: m.id, teamId, displayName: m.displayName, role: m.role })),
  );
  const self = r.body.members.find((m) => m.id === session.member.id);
  if (self) await setOwnRole(db, self.role);
  // The organisation the team is linked to (absent from older servers: keep what we knew).
  if (r.body.org !== undefined) await setTeamOrg(db, teamId, r.body.org);
  return true;
}
