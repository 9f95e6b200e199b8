/**
 * Data a team can hand back (UK GDPR): a facilitator downloads everything of
 * the team and deletes it (a confirm step, then a grace period in which it can
 * be kept); a member downloads everything held about them and has their name
 * replaced by "Former member" wherever it is recorded.
 */
import type { Context, Hono } from 'hono';
import * as v from 'valibot';
import { requireActor } from '../http/auth.ts';
import { teamAdminWords } from '../../src/domain/teamAdmin.en.ts';
import { ApiError } from '../http/errors.ts';
import { parseInput, readJson } from '../http/input.ts';
import type { Actor, Store } from '../store/index.ts';

export type TeamDataDeps = {
  readonly store: Store;
  readonly now: () => number;
  /** Days between a facilitator's request and the team's deletion. */
  readonly graceDays: number;
  /** Called after the server changed records (an erasure): phones are told to pull. */
  readonly onChanged?: (teamId: string) => void;
};

const deleteRequest = v.object({ confirmTeamName: v.string() });

/** `what` names the whole refusal sentence: each is its own sentence in every language. */
function requireFacilitator(
  actor: Actor,
  what: 'facilitatorDownload' | 'facilitatorDelete' | 'facilitatorKeep',
): void {
  if (actor.role !== 'facilitator') {
    throw new ApiError(403, 'forbidden', teamAdminWords(what));
  }
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A JSON answer the browser saves as a file. */
function download(c: Context, body: unknown, filename: string) {
  return c.body(JSON.stringify(body, null, 2), 200, {
    'content-type': 'application/json; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
  });
}

export function teamDataRoutes(app: Hono, deps: TeamDataDeps): void {
  const { store, now } = deps;

  app.get('/api/v1/team/export', async (c) => {
    const actor = await requireActor(c, store);
    requireFacilitator(actor, 'facilitatorDownload');
    const data = await store.exportTeam(actor.teamId, now());
    if (!data) throw new ApiError(404, 'not_found', teamAdminWords('teamGone'));
    return download(c, data, `ground-up-team-${day(data.exportedAt)}.json`);
  });

  app.delete('/api/v1/team', async (c) => {
    const actor = await requireActor(c, store);
    requireFacilitator(actor, 'facilitatorDelete');
    const { confirmTeamName } = parseInput(deleteRequest, await readJson(c));
    const info = await store.teamInfo(actor.teamId);
    if (!info) throw new ApiError(404, 'not_found', teamAdminWords('teamGone'));
    if (confirmTeamName.trim() !== info.team.name) {
      throw new ApiError(
        400,
        'bad_request',
        teamAdminWords('confirmTeamName', { name: info.team.name }),
        { field: 'confirmTeamName' },
      );
    }
    const deletion = await store.scheduleDeletion(actor.teamId, now(), deps.graceDays);
    if (!deletion) throw new ApiError(404, 'not_found', teamAdminWords('teamGone'));
    return c.json(deletion, 202);
  });

  app.post('/api/v1/team/keep', async (c) => {
    const actor = await requireActor(c, store);
    requireFacilitator(actor, 'facilitatorKeep');
    if (!(await store.cancelDeletion(actor.teamId, now()))) {
      throw new ApiError(404, 'not_found', teamAdminWords('teamGone'));
    }
    return c.json({ kept: true }, 200);
  });

  app.get('/api/v1/me/export', async (c) => {
    const actor = await requireActor(c, store);
    const data = await store.exportMember(actor.memberId, now());
    if (!data) throw new ApiError(404, 'not_found', teamAdminWords('noLongerMember'));
    return download(c, data, `ground-up-my-data-${day(data.exportedAt)}.json`);
  });

  app.post('/api/v1/me/erase-name', async (c) => {
    const actor = await requireActor(c, store);
    const erased = await store.eraseName(actor.teamId, actor.memberId, now());
    if (!erased) throw new ApiError(404, 'not_found', teamAdminWords('noLongerMember'));
    if (erased.records > 0) deps.onChanged?.(actor.teamId);
    return c.json(erased, 200);
  });
}
