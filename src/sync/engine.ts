/**
 * One sync pass: push the outbox (first checking the server was not restored
 * from a backup, restore.ts), pull the team's changes, then refresh the member
 * list and this device's role (a role is not in the change log), holding the
 * sync lock so that only one tab or the service worker sends at a time. Used by
 * the page's scheduler and by the service worker's Background Sync handler.
 */
import type { Api } from './api.ts';
import { pushOutbox } from './push.ts';
import { pullChanges } from './pull.ts';
import { withSyncLock } from './lock.ts';
import {
  lastSeen,
  recoverFromRestore,
  restoreSuspected,
  watchingPulls,
  type RestoreCheck,
} from './restore.ts';
import { refreshMembers } from './members.ts';
import { createOrgApi, type OrgApi } from './orgApi.ts';
import { syncOrgs } from './orgSync.ts';
import { t } from './sync.en.ts';
import { getOrgSession } from '../db/orgData.ts';
import { getSession } from '../db/session.ts';
import { restampAhead } from '../db/restamp.ts';
import type { GroundUpDb } from '../db/schema.ts';

export type SyncOutcome =
  | {
      readonly kind: 'synced';
      readonly pushed: number;
      readonly pulled: number;
      readonly rejected: number;
    }
  | { readonly kind: 'not-joined' }
  | { readonly kind: 'signed-out'; readonly message: string }
  | { readonly kind: 'offline'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string };

export type SyncDeps = {
  readonly db: GroundUpDb;
  readonly api: Api;
  /** Wall clock, in ms since the epoch. */
  readonly now: () => number;
  readonly batchSize?: number;
  /** The organisations' routes (orgSync.ts). Default: same origin. */
  readonly orgApi?: OrgApi;
  /**
   * Runs the pass holding the sync lock. Default: navigator.locks, one sender
   * per browser. Tests that simulate several devices in one Node process give
   * each its own, since the Node fallback is one lock for the whole process.
   */
  readonly lock?: <T>(run: () => Promise<T>) => Promise<T>;
};

export function syncOnce(deps: SyncDeps): Promise<SyncOutcome> {
  return (deps.lock ?? withSyncLock)(() => syncUnlocked(deps));
}

async function syncUnlocked({ db, api, orgApi, now, batchSize }: SyncDeps): Promise<SyncOutcome> {
  const session = await getSession(db);
  if (!session) {
    // A leader's device in no team still reads its organisation.
    if (!(await getOrgSession(db))) return { kind: 'not-joined' };
    const org = await syncOrgs(db, orgApi ?? createOrgApi(), now);
    if (org.failed && org.pulled === 0) return { kind: 'offline', message: t('orgUnreachable') };
    await db.meta.put({ key: 'lastSynced', at: now() });
    return { kind: 'synced', pushed: 0, pulled: org.pulled, rejected: 0 };
  }
  const auth = { token: session.token, teamId: session.team.id };
  // A server restored from a backup gets back what it lost before anything newer is sent.
  // The push names where this phone last saw the server, and a server restored since
  // refuses it; a phone that has not seen the server's epoch asks with a pull first.
  // (Looked up even with nothing waiting: a Save made during the pass is checked too.)
  const waiting = (await db.outbox.count()) > 0;
  const since = await lastSeen(db, auth.teamId);
  if (waiting && since === null) {
    const failed = restoreFailed(await recoverFromRestore(db, api, auth));
    if (failed) return failed;
  }
  // Changes saved while this phone's clock was ahead get fresh stamps once it is right.
  await restampAhead(db, now());
  let pushed = await pushOutbox(db, api, auth, now, batchSize, since ?? undefined);
  if (pushed.kind === 'ask-first') {
    // A server that said it was restored is taken at its word: the journal is resent even
    // if its log has meanwhile grown past this phone's cursor (other phones resending).
    const failed = restoreFailed(await recoverFromRestore(db, api, auth, pushed.restored));
    if (failed) return failed;
    const rest = await pushOutbox(db, api, auth, now, batchSize);
    pushed =
      rest.kind === 'done'
        ? {
            ...rest,
            pushed: rest.pushed + pushed.pushed,
            rejected: rest.rejected + pushed.rejected,
          }
        : rest;
  }
  if (pushed.kind === 'signed-out') return pushed;
  if (pushed.kind === 'retry') {
    return pushed.offline
      ? { kind: 'offline', message: pushed.message }
      : { kind: 'error', message: pushed.message };
  }
  const watched = watchingPulls(api);
  let pulled = await pullChanges(db, watched.api, auth, now);
  // Nothing was sent, so the pull itself was the check: on signs of a restore, resend, pull again.
  if (
    pulled.kind === 'done' &&
    !waiting &&
    (await restoreSuspected(db, auth.teamId, watched.signs))
  ) {
    const failed = restoreFailed(await recoverFromRestore(db, api, auth, watched.signs.behind));
    if (failed) return failed;
    pulled = await pullChanges(db, api, auth, now);
  }
  if (pulled.kind === 'signed-out') return pulled;
  if (pulled.kind === 'retry') {
    return pulled.offline
      ? { kind: 'offline', message: pulled.message }
      : { kind: 'error', message: pulled.message };
  }
  await db.meta.put({ key: 'lastSynced', at: now() });
  // Best effort: a failure here leaves the last list and role, and the pass still counts.
  await refreshMembers(db, api);
  const org = await syncOrgs(db, orgApi ?? createOrgApi(), now);
  return {
    kind: 'synced',
    pushed: pushed.pushed,
    pulled: pulled.pulled + org.pulled,
    rejected: pushed.rejected,
  };
}

/** The pass's outcome when the restore check could not finish, else null. */
function restoreFailed(restore: RestoreCheck): SyncOutcome | null {
  if (restore.kind === 'signed-out') return restore;
  if (restore.kind !== 'retry') return null;
  return restore.offline
    ? { kind: 'offline', message: restore.message }
    : { kind: 'error', message: restore.message };
}

/** True when the outcome means "try again later" (Background Sync should retry). */
export function shouldRetry(outcome: SyncOutcome): boolean {
  return outcome.kind === 'offline' || outcome.kind === 'error';
}
