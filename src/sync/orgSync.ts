/**
 * Pulling the organisations' logs (decision 0021), after the team's pass:
 * the organisation the team is linked to (with the member's token) and the
 * one this device leads (with the leader's token), each from its own cursor.
 * An organisation the device may no longer read (the team unlinked: the team
 * answer says so, or its log answers 403) is dropped from the device. A
 * leader's portfolio is fetched whole and replaces the last one, so a team
 * that unlinked leaves the leader's phone at the next pass. Best effort: a
 * failure here leaves what the device holds and never fails the team's pass.
 */
import type { GroundUpDb } from '../db/schema.ts';
import { getSession } from '../db/session.ts';
import {
  applyOrgPage,
  dropOrg,
  getOrgSession,
  getTeamOrg,
  heldOrgs,
  orgCursor,
  savePortfolio,
} from '../db/orgData.ts';
import type { OrgApi } from './orgApi.ts';

export type OrgSyncOutcome = { readonly pulled: number; readonly failed: boolean };

export async function syncOrgs(
  db: GroundUpDb,
  api: OrgApi,
  now: () => number,
): Promise<OrgSyncOutcome> {
  const targets = new Map<string, string>();
  const session = await getSession(db);
  if (session) {
    const link = await getTeamOrg(db, session.team.id);
    if (link) targets.set(link.id, session.token);
  }
  const lead = await getOrgSession(db);
  if (lead) targets.set(lead.org.id, lead.token);
  for (const orgId of await heldOrgs(db)) if (!targets.has(orgId)) await dropOrg(db, orgId);

  let pulled = 0;
  let failed = false;
  for (const [orgId, token] of targets) {
    for (let cursor = await orgCursor(db, orgId); ;) {
      const r = await api.pull(token, orgId, cursor);
      if (r.kind === 'forbidden') {
        await dropOrg(db, orgId);
        break;
      }
      if (r.kind !== 'ok') {
        failed = true;
        break;
      }
      // Nothing new (most passes): no write, as in pull.ts.
      if (r.body.changes.length === 0 && r.body.cursor === cursor) break;
      await applyOrgPage(db, orgId, r.body.changes, r.body.cursor);
      pulled += r.body.changes.length;
      if (!r.body.more || r.body.cursor === cursor) break;
      cursor = r.body.cursor;
    }
  }
  if (lead) {
    const p = await api.portfolio(lead.token);
    if (p.kind === 'ok') await savePortfolio(db, p.body, now());
    else failed = true;
  }
  return { pulled, failed };
}
