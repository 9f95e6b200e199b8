/**
 * Creating and joining a team. On success the device keeps its member id and
 * token (src/db/session.ts) and ideas captured before joining are given the
 * team, so the next sync sends them.
 */
import type { Api, ApiFailure } from './api.ts';
import * as v from 'valibot';
import { describeIssues } from '../domain/issues.ts';
import type { SessionResponse } from '../domain/protocol.ts';
import {
  createTeamRequestSchema,
  INVITE_CODE_PROBLEM,
  joinRequestSchema,
  type CreateTeamRequest,
  type JoinRequest,
} from '../domain/teamRequests.ts';
import { NAME_PROBLEMS } from '../domain/schemaParts.ts';
import { getSession, saveSession } from '../db/session.ts';
import type { GroundUpDb } from '../db/schema.ts';
import { serverWords } from '../ui/serverWords.ts';
import { t } from './team.en.ts';

export type TeamOutcome = { readonly kind: 'ok'; readonly session: SessionResponse } | ApiFailure;

/**
 * The server's own check of a request, run here first: a name with a hidden
 * character or a code of the wrong shape is refused on the phone, offline
 * too, with the words the server's refusal gets (`describeTeamFailure`).
 */
function checked(schema: v.GenericSchema, req: unknown): ApiFailure | null {
  const parsed = v.safeParse(schema, req);
  if (parsed.success) return null;
  const { field, message } = describeIssues(parsed.issues);
  return { kind: 'bad-request', message, field };
}

/** A refused field in words, when it is one of the checks this phone knows; else null. */
function inputWords(field: string | undefined, message: string): string | null {
  if (
    (field === 'teamName' || field === 'displayName') &&
    Object.values(NAME_PROBLEMS).some((p) => message === `${field} ${p}`)
  )
    return t('hiddenCharacter', { field });
  if (field === 'inviteCode' && message === `inviteCode ${INVITE_CODE_PROBLEM}`)
    return t('codeShape');
  return null;
}

export async function createTeam(
  db: GroundUpDb,
  api: Api,
  req: CreateTeamRequest,
  now: number,
): Promise<TeamOutcome> {
  const bad = checked(createTeamRequestSchema, req);
  if (bad) return bad;
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
  const bad = checked(joinRequestSchema, req);
  if (bad) return bad;
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
      return inputWords(f.field, f.message) ?? serverWords(f.message);
    case 'unauthorised':
    case 'forbidden':
      return serverWords(f.message);
    case 'too-large':
      return t('tooLong');
    case 'server-error':
      return t('serverProblem');
  }
}
