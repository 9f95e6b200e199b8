/**
 * Who this device is in which team: the member id and bearer token from
 * creating or joining a team. Ideas captured before joining get the team's id
 * here, in the same transaction that stores the session, so they sync once joined.
 */
import type { SessionResponse } from '../domain/protocol.ts';
import type { Role } from '../domain/records.ts';
import type { GroundUpDb } from './schema.ts';

export async function getSession(db: GroundUpDb): Promise<SessionResponse | null> {
  const row = await db.meta.get('session');
  return row?.key === 'session' ? row.session : null;
}

export async function saveSession(
  db: GroundUpDb,
  session: SessionResponse,
  now: number,
): Promise<void> {
  await db.transaction('rw', [db.meta, db.ideas, db.comments, db.teams], async () => {
    await db.meta.put({ key: 'session', session, joinedAt: now });
    await db.ideas.filter((i) => i.teamId === null).modify({ teamId: session.team.id });
    await db.comments.filter((c) => c.teamId === null).modify({ teamId: session.team.id });
  });
}

export async function clearSession(db: GroundUpDb): Promise<void> {
  await db.meta.delete('session');
}

/** Keep a rotated invite code in the session, so the invite card shows it offline too. */
export async function setInviteCode(db: GroundUpDb, inviteCode: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get('session');
    if (row?.key !== 'session') return;
    await db.meta.put({
      ...row,
      session: { ...row.session, team: { ...row.session.team, inviteCode } },
    });
  });
}

/** Keep this device's role in step with the server's (a facilitator may have changed it). */
/** The name this member goes by on this phone (after erasure: "Former member"). */
export async function setOwnName(db: GroundUpDb, displayName: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get('session');
    if (row?.key !== 'session' || row.session.member.displayName === displayName) return;
    await db.meta.put({
      ...row,
      session: { ...row.session, member: { ...row.session.member, displayName } },
    });
  });
}

export async function setOwnRole(db: GroundUpDb, role: Role): Promise<void> {
  // The same role (after most sync passes): no read-write transaction for a Save to wait on.
  if ((await getSession(db))?.member.role === role) return;
  await db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get('session');
    if (row?.key !== 'session' || row.session.member.role === role) return;
    await db.meta.put({
      ...row,
      session: { ...row.session, member: { ...row.session.member, role } },
    });
  });
}
