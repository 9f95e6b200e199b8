/**
 * Reads for the huddle screens (each wrapped in liveQuery by a screen): the
 * team's huddles, one huddle with its votes, ideas that can be shortlisted,
 * an idea's status history, and the cached member list.
 */
import type { VoteLike } from '../domain/huddle.ts';
import { getSession } from './session.ts';
import type { GroundUpDb, HuddleRow, IdeaRow, MemberRow, StatusLogRow } from './schema.ts';

/** Newest first. */
export async function listHuddles(db: GroundUpDb): Promise<HuddleRow[]> {
  const rows = await db.huddles.orderBy('startedAt').reverse().toArray();
  return rows.filter((h) => typeof h.title === 'string');
}

/** Huddles open now (voting, timer not run out) in this device's team, newest first. */
export async function openHuddles(db: GroundUpDb, now: number): Promise<HuddleRow[]> {
  const team = (await getSession(db))?.team.id;
  if (!team) return [];
  return (await listHuddles(db)).filter(
    (h) => h.teamId === team && h.state === 'open' && (h.endsAt == null || h.endsAt > now),
  );
}

export function votesIn(db: GroundUpDb, huddleId: string): Promise<VoteLike[]> {
  return db.votes
    .where('huddleId')
    .equals(huddleId)
    .toArray()
    .then((rows) =>
      rows.flatMap((r) =>
        typeof r.ideaId === 'string' && typeof r.memberId === 'string'
          ? [
              {
                huddleId: r.huddleId,
                ideaId: r.ideaId,
                memberId: r.memberId,
                dots: r.dots ?? 0,
                proxy: r.proxy === true,
                proxyName: r.proxyName ?? null,
              },
            ]
          : [],
      ),
    );
}

/** Ideas a facilitator can put on a shortlist: new or shortlisted, newest first. */
export async function shortlistCandidates(db: GroundUpDb): Promise<IdeaRow[]> {
  const rows = await db.ideas.orderBy('sortKey').reverse().toArray();
  return rows.filter(
    (i) =>
      i.deleted !== true &&
      typeof i.title === 'string' &&
      (i.status === 'new' || i.status === 'shortlisted'),
  );
}

/**
 * The candidates for a new huddle's shortlist, and those captured since the
 * last huddle started (all of them when there has been none): the form ticks
 * those at the start, so a facilitator does not pick them one by one.
 */
export async function shortlistStart(
  db: GroundUpDb,
): Promise<{ ideas: IdeaRow[]; since: string[]; last: number | null }> {
  const ideas = await shortlistCandidates(db);
  const huddles = await db.huddles.toArray();
  const starts = huddles.map((h) => h.startedAt).filter((t): t is number => typeof t === 'number');
  const last = starts.length === 0 ? null : Math.max(...starts);
  // In the order they were captured: the first raised is discussed first.
  const since = ideas
    .filter((i) => last === null || (typeof i.createdAt === 'number' && i.createdAt > last))
    .map((i) => i.id)
    .reverse();
  return { ideas, since, last };
}

/** Titles of these ideas, by id. */
export async function ideaTitles(
  db: GroundUpDb,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const rows = await db.ideas.bulkGet([...ids]);
  return new Map(rows.flatMap((r) => (r?.title ? [[r.id, r.title] as const] : [])));
}

/** An idea's status moves, oldest first (by HLC, the order the team's merge sees). */
export async function statusHistory(db: GroundUpDb, ideaId: string): Promise<StatusLogRow[]> {
  return db.statusLog.where('[ideaId+hlc]').between([ideaId, ''], [ideaId, '\uffff']).toArray();
}

export async function cachedMembers(db: GroundUpDb, teamId: string): Promise<MemberRow[]> {
  const rows = await db.members.where('teamId').equals(teamId).toArray();
  return rows.sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
}

/**
 * Replace the cached member list of a team (after fetching it online). The
 * same list (after most sync passes) writes nothing, so a Save meanwhile waits
 * for nothing and no screen re-reads it.
 */
export async function saveMembers(db: GroundUpDb, teamId: string, members: readonly MemberRow[]) {
  const key = (rows: readonly MemberRow[]) =>
    JSON.stringify(
      rows.map((m) => [m.id, m.teamId, m.displayName, m.role]).sort((a, b) => (a < b ? -1 : 1)),
    );
  if (key(await db.members.where('teamId').equals(teamId).toArray()) === key(members)) return;
  await db.transaction('rw', db.members, async () => {
    await db.members.where('teamId').equals(teamId).delete();
    await db.members.bulkPut([...members]);
  });
}
