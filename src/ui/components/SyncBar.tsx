/**
 * The sync status bar, always in the header: how many changes are only on this
 * phone, whether we are offline or syncing, when we last synced, any problem in
 * words, and changes the server turned down ("need attention").
 */
import type { GroundUpDb } from '../../db/index.ts';
import { lastSyncedAt, outboxCount, rejectedList } from '../../db/queries.ts';
import { syncStatus, type SyncStatus } from '../../state/syncStatus.ts';
import { timeAgo } from '../format.ts';
import { useData } from '../reads/useData.ts';
import { useNow } from '../hooks/useNow.ts';
import { useStore } from '../hooks/useStore.ts';
import { syncNow } from '../syncClient.ts';

async function load(db: GroundUpDb) {
  const waiting = await outboxCount(db);
  const attention = (await rejectedList(db)).length;
  const last = await lastSyncedAt(db);
  return { waiting, attention, last };
}

/** The one-line summary, for people and for the e2e tests. */
export function syncSentence(s: Pick<SyncStatus, 'online' | 'syncing'>, waiting: number): string {
  if (!s.online) return `Offline — ${waiting} saved on this phone`;
  if (s.syncing) return 'Syncing…';
  if (waiting > 0) return `${waiting} waiting to sync`;
  return 'All synced';
}

export function SyncBar() {
  const status = useStore(syncStatus);
  const data = useData(load, []);
  const now = useNow();
  const waiting = data?.waiting ?? 0;
  const attention = data?.attention ?? 0;
  const last = data?.last ?? null;
  return (
    <div class="sync-bar" data-testid="sync-status">
      <div class="width-container">
        <div class="sync-bar__row">
          <div class="sync-bar__text">
            <p class="sync-bar__status" role="status" aria-live="polite">
              {data ? syncSentence(status, waiting) : ''}
            </p>
            <p class="meta">Last synced {last === null ? 'never' : timeAgo(last, now)}</p>
          </div>
          <button type="button" class="button button--secondary button--small" onClick={syncNow}>
            Sync now
          </button>
        </div>
        {(status.problem || attention > 0) && (
          <div class="sync-bar__problem" aria-live="polite">
            {status.problem && <p>{status.problem}</p>}
            {attention > 0 && (
              <p>
                <a href="/settings#needs-attention">
                  {attention} {attention === 1 ? 'needs' : 'need'} attention
                </a>
              </p>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
