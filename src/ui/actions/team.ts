/**
 * The team on this device: starting or joining one (a connection, then the
 * session saved and a first sync), the team's category names, and keeping the
 * saved session in step with what the server says (a new invite code, this
 * member's role, signed out).
 */
import { type WriteFailure } from '../../db/errors.ts';
import { clearSession, setInviteCode, setOwnRole } from '../../db/session.ts';
import { renameCategories as renameCategoriesWrite } from '../../db/writes.ts';
import type { CreateTeamRequest, JoinRequest } from '../../domain/protocol.ts';
import type { Role } from '../../domain/records.ts';
import { createApi } from '../../sync/api.ts';
import {
  createTeam as createTeamRequest,
  describeTeamFailure,
  joinTeam as joinTeamRequest,
  type TeamOutcome,
} from '../../sync/team.ts';
import { attempt, write } from './run.ts';

export type JoinOutcome = TeamOutcome | WriteFailure;

export function startTeam(req: CreateTeamRequest): Promise<JoinOutcome> {
  return write((db, at) => createTeamRequest(db, createApi(), req, at), 'ok');
}

export function joinTeam(req: JoinRequest): Promise<JoinOutcome> {
  return write((db, at) => joinTeamRequest(db, createApi(), req, at), 'ok');
}

/** Words for a person when starting or joining failed, on the network or on the device. */
export function joinFailureWords(f: Exclude<JoinOutcome, { kind: 'ok' }>): string {
  return f.kind === 'quota' || f.kind === 'blocked' || f.kind === 'error'
    ? f.message
    : describeTeamFailure(f);
}

/** Rename the team's categories (facilitators only; the server checks). */
export function renameCategories(
  teamId: string,
  categories: readonly { id: string; label: string }[],
) {
  return write((db, at) => renameCategoriesWrite(db, teamId, categories, at));
}

/** Keep a new invite code in the session, so the invite card shows it offline too. */
export function rememberInviteCode(inviteCode: string) {
  return attempt(async (db) => {
    await setInviteCode(db, inviteCode);
    return {};
  });
}

/** Follow the server's word on this member's role (a facilitator may have changed it). */
export function followRole(role: Role) {
  return attempt(async (db) => {
    await setOwnRole(db, role);
    return {};
  });
}

/** Forget the session after being signed out, so the person can join again. */
export function forgetSession() {
  return attempt(async (db) => {
    await clearSession(db);
    return {};
  });
}
