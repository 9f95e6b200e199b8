/** Reads for the challenge home, the asks queue and the review pack. */
import type { Role } from '../domain/records.ts';
import type { AskRow, ChallengeRow } from './improvementRows.ts';
import type { GroundUpDb } from './schema.ts';
import { getSession } from './session.ts';

/** The team's challenge: the newest one not deleted, or null. */
export async function currentChallenge(db: GroundUpDb): Promise<ChallengeRow | null> {
  const rows = (await db.challenges.toArray()).filter(
    (c) => c.deleted !== true && typeof c.goal === 'string',
  );
  rows.sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0));
  return rows[0] ?? null;
}

export async function asksAbout(db: GroundUpDb, ideaId: string): Promise<AskRow[]> {
  const rows = await db.asks.where('ideaId').equals(ideaId).toArray();
  return rows
    .filter((a) => a.deleted !== true)
    .sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0));
}

export async function allAsks(db: GroundUpDb): Promise<AskRow[]> {
  const rows = (await db.asks.toArray()).filter(
    (a) => a.deleted !== true && typeof a.text === 'string',
  );
  return rows.sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0));
}

/** Who this device is, with the role as last fetched from the team (a sponsor may be named later). */
export async function me(db: GroundUpDb): Promise<{ id: string; role: Role; name: string } | null> {
  const session = await getSession(db);
  if (!session) return null;
  const cached = await db.members.get(session.member.id);
  return {
    id: session.member.id,
    role: cached?.role ?? session.member.role,
    name: session.member.displayName,
  };
}
