/**
 * What the device keeps of organisations (decision 0021): the team's link as
 * the server last said, a leader's session, one cursor per organisation's log
 * (kept apart from the team's cursor and from each other's), the shares and
 * take-ups pulled from each log, and a leader's portfolio. Applying a page of
 * an organisation's log saves its cursor in the same transaction, as pull.ts
 * does for the team's.
 */
import type { Change } from '../domain/protocol.ts';
import { portfolioSchema, type Portfolio } from '../domain/orgProtocol.ts';
import * as v from 'valibot';
import { applyChange } from './apply.ts';
import type { GroundUpDb, OrgSessionRow } from './schema.ts';

export type TeamOrgLink = { readonly id: string; readonly name: string } | null;

const cursorKey = (orgId: string) => `orgCursor:${orgId}` as const;

/** The organisation this device's team is linked to, as last heard (undefined: never heard). */
export async function getTeamOrg(db: GroundUpDb, teamId: string): Promise<TeamOrgLink | undefined> {
  const row = await db.meta.get('teamOrg');
  return row?.key === 'teamOrg' && row.teamId === teamId ? row.org : undefined;
}

/** Remembers the team's organisation; the same as before (most sync passes) writes nothing. */
export async function setTeamOrg(db: GroundUpDb, teamId: string, org: TeamOrgLink): Promise<void> {
  const known = await db.meta.get('teamOrg');
  const same =
    known?.key === 'teamOrg' &&
    known.teamId === teamId &&
    known.org?.id === org?.id &&
    known.org?.name === org?.name;
  if (!same) await db.meta.put({ key: 'teamOrg', teamId, org });
}

export async function getOrgSession(db: GroundUpDb): Promise<OrgSessionRow | null> {
  const row = await db.meta.get('orgSession');
  return row?.key === 'orgSession' ? row.session : null;
}

export async function saveOrgSession(db: GroundUpDb, session: OrgSessionRow): Promise<void> {
  await db.meta.put({ key: 'orgSession', session });
}

export async function orgCursor(db: GroundUpDb, orgId: string): Promise<number> {
  const row = await db.meta.get(cursorKey(orgId));
  return row && 'cursor' in row && row.key === cursorKey(orgId) ? row.cursor : 0;
}

/** The organisations whose log this device has read. */
export async function heldOrgs(db: GroundUpDb): Promise<string[]> {
  const rows = await db.meta.where('key').startsWith('orgCursor:').toArray();
  return rows.flatMap((r) => ('orgId' in r && r.key.startsWith('orgCursor:') ? [r.orgId] : []));
}

/** One page of an organisation's log, merged, with its cursor, in one transaction. */
export async function applyOrgPage(
  db: GroundUpDb,
  orgId: string,
  changes: readonly Change[],
  cursor: number,
): Promise<void> {
  await db.transaction('rw', [db.shares, db.takes, db.meta], async () => {
    for (const change of changes) await applyChange(db, change, orgId);
    await db.meta.put({ key: cursorKey(orgId), orgId, cursor });
  });
}

/** Forget an organisation this device no longer reads (its team unlinked, or it left). */
export async function dropOrg(db: GroundUpDb, orgId: string): Promise<void> {
  await db.transaction('rw', [db.shares, db.takes, db.meta], async () => {
    await db.shares.filter((r) => r.teamId === orgId).delete();
    await db.takes.filter((r) => r.teamId === orgId).delete();
    await db.meta.delete(cursorKey(orgId));
    const p = await db.meta.get('portfolio');
    if (p?.key === 'portfolio' && p.orgId === orgId) await db.meta.delete('portfolio');
  });
}

export async function savePortfolio(db: GroundUpDb, portfolio: Portfolio, at: number) {
  await db.meta.put({ key: 'portfolio', orgId: portfolio.org.id, portfolio, fetchedAt: at });
}

/** The leader's portfolio as last fetched, or null. */
export async function getPortfolio(
  db: GroundUpDb,
): Promise<{ portfolio: Portfolio; fetchedAt: number } | null> {
  const row = await db.meta.get('portfolio');
  if (row?.key !== 'portfolio') return null;
  const parsed = v.safeParse(portfolioSchema, row.portfolio);
  return parsed.success ? { portfolio: parsed.output, fetchedAt: row.fetchedAt } : null;
}
