/**
 * Creating and joining a team. On success the device keeps its member id and
 * token (src/db/session.ts) and ideas captured before joining are given the
 * team, so the next sync sends them.
 */
import type { Api, ApiFailure } from './api.ts';
import type { CreateTeamRequest, JoinRequest, SessionResponse } from '../domain/protocol.ts';
import { getSession, saveSession } from '../db/session.ts';
import type { GroundUpDb } from '../db/schema.ts';
import { serverWords } from '../ui/serverWords.ts';
import { t } from './team.en.ts';

export type TeamOutcome = { readonly kind: 'ok'; readonly session: SessionResponse } | ApiFailure;

export async function createTeam(
  db: GroundUpDb,
  api: Api,
  req: CreateTeamRequest,
  now: number,
): Promise<TeamOutcome> {
  const res = await api.createTeam(req);
  if (res.kind !== 'ok') return res;
  await saveSession(db, res.body, now);
  return { kind: 'ok', session: res.body };
}

export async function joinTeam(
  db: GroundUpDb,
  api: Api,
  req: JoinRequest,
  now: number,
): Promise<TeamOutcome> {
  // Signed out (removed by a facilitator)? Show the token: the server lets the
  // same member back in, so what was saved meanwhile stays theirs. A token of
  // another team is ignored (the person joins that team as someone new).
  const previous = await getSession(db);
  const res = await api.join(
    previous && req.previousToken === undefined ? { ...req, previousToken: previous.token } : req,
  );
  if (res.kind !== 'ok') return res;
  await saveSession(db, res.body, now);
  return { kind: 'ok', session: res.body };
}

/** Words for a person when creating or joining failed. */
export function describeTeamFailure(f: ApiFailure): string {
  switch (f.kind) {
    case 'offline':
      return t('offline');
    case 'rate-limited':
      return t('tooMany', { n: Math.ceil(f.retryAfterSeconds / 60) });
    case 'bad-request':
    case 'unauthorised':
    case 'forbidden':
      return serverWords(f.message);
    case 'too-large':
      return t('tooLong');
    case 'server-error':
      return t('serverProblem');
  }
}
