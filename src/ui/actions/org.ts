/**
 * Organisations from the page (decision 0021): creating one or joining as a
 * leader, a facilitator linking or unlinking the team (these need a
 * connection, and say so), sharing, withdrawing and taking up a change (these
 * are saved on the device and sent with the next sync), and a leader's answer
 * to a team's ask from the portfolio (online, then a sync brings the portfolio).
 */
import type { ApiFailure } from '../../sync/api.ts';
import { createOrgApi } from '../../sync/orgApi.ts';
import { getSession } from '../../db/session.ts';
import { getOrgSession, saveOrgSession, setTeamOrg } from '../../db/orgData.ts';
import { shareChange, takeShare, withdrawShare, type NewShare } from '../../db/orgWrites.ts';
import type { Answer } from '../../domain/improvement.ts';
import { write } from './run.ts';
import { t as words } from './actions.en.ts';
import { serverWords } from '../serverWords.ts';

export type OnlineOutcome =
  | { readonly kind: 'ok' }
  | { readonly kind: 'failed'; readonly message: string; readonly field?: string };

function failure(f: ApiFailure): OnlineOutcome {
  switch (f.kind) {
    case 'offline':
      return {
        kind: 'failed',
        message: words('noConnection'),
      };
    case 'rate-limited':
      return {
        kind: 'failed',
        message: words('tooMany', { n: Math.ceil(f.retryAfterSeconds / 60) }),
      };
    case 'server-error':
      return { kind: 'failed', message: words('serverProblem') };
    case 'bad-request':
      return f.field === undefined
        ? { kind: 'failed', message: serverWords(f.message) }
        : { kind: 'failed', message: serverWords(f.message), field: f.field };
    default:
      return { kind: 'failed', message: serverWords(f.message) };
  }
}

const online = (run: Parameters<typeof write<OnlineOutcome>>[0]) =>
  write(run, 'ok') as Promise<OnlineOutcome>;

export function createOrganisation(orgName: string, displayName: string) {
  return online(async (db) => {
    const r = await createOrgApi().createOrg({ orgName, displayName });
    if (r.kind !== 'ok') return failure(r);
    await saveOrgSession(db, r.body);
    return { kind: 'ok' };
  });
}

export function joinAsLeader(leaderCode: string, displayName: string) {
  return online(async (db) => {
    const r = await createOrgApi().joinOrg({ leaderCode, displayName });
    if (r.kind !== 'ok') return failure(r);
    await saveOrgSession(db, r.body);
    return { kind: 'ok' };
  });
}

export function linkTeam(inviteCode: string) {
  return online(async (db) => {
    const session = await getSession(db);
    if (!session) return { kind: 'failed', message: words('joinATeam') };
    const r = await createOrgApi().link(session.token, inviteCode);
    if (r.kind !== 'ok') return failure(r);
    await setTeamOrg(db, session.team.id, r.body.org);
    return { kind: 'ok' };
  });
}

export function unlinkTeam() {
  return online(async (db) => {
    const session = await getSession(db);
    if (!session) return { kind: 'failed', message: words('joinATeam') };
    const r = await createOrgApi().unlink(session.token);
    if (r.kind !== 'ok') return failure(r);
    await setTeamOrg(db, session.team.id, null);
    return { kind: 'ok' };
  });
}

export function answerFromPortfolio(teamId: string, askId: string, answer: Answer, note: string) {
  return online(async (db) => {
    const lead = await getOrgSession(db);
    if (!lead) return { kind: 'failed', message: words('joinAsLeader') };
    const r = await createOrgApi().answerAsk(lead.token, askId, { teamId, answer, note });
    return r.kind === 'ok' ? { kind: 'ok' } : failure(r);
  });
}

export function share(input: NewShare) {
  return write((db, at) => shareChange(db, input, at));
}

export function withdraw(shareId: string) {
  return write((db, at) => withdrawShare(db, shareId, at));
}

export function take(shareId: string) {
  return write((db, at) => takeShare(db, shareId, at));
}
