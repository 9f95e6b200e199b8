/**
 * The sync status bar, always in the header: how many changes are only on this
 * phone, whether there is a connection and whether the server answers, when we
 * last synced, any problem in words, and changes the server turned down ("need
 * attention"). The words come from syncWords (src/state/syncWords.ts).
 */
import type { GroundUpDb } from '../../db/index.ts';
import { lastSyncedAt, outboxCount, rejectedCount } from '../../db/queries.ts';
import { getSession } from '../../db/session.ts';
import { problemWords, syncStatus } from '../../state/syncStatus.ts';
import { syncWords } from '../../state/syncWords.ts';
import { timeAgo } from '../format.ts';
import { useData } from '../reads/useData.ts';
import { useNow } from '../hooks/useNow.ts';
import { useStore } from '../hooks/useStore.ts';
import { syncNow } from '../syncClient.ts';
import { t } from '../../state/sync.en.ts';

/**
 * Re-run after every Save, so its reads share one transaction and go to the
 * browser's database process together: one round trip, not four transactions
 * made and waited on one by one.
 */
function load(db: GroundUpDb) {
  return db.transaction('r', [db.meta, db.outbox, db.rejected], async () => {
    const [session, waiting, attention, last] = await Promise.all([
      getSession(db),
      outboxCount(db),
      rejectedCount(db),
      lastSyncedAt(db),
    ]);
    return { joined: session !== null, waiting, attention, last };
  });
}

export function SyncBar() {
  const status = useStore(syncStatus);
  const data = useData(load, []);
  const now = useNow();
  const words = data ? syncWords(status, data) : null;
  const last = data?.last ?? null;
  return (
    <div class="sync-bar" data-testid="sync-status">
      <div class="width-container">
        <div class="sync-bar__row">
          <div class="sync-bar__text">
            <p class="sync-bar__status" role="status" aria-live="polite">
              {words?.headline ?? ''}
            </p>
            {words?.joined && (
              <p class="meta">
                {last === null ? t('notSynced') : t('lastSynced', { when: timeAgo(last, now) })}
              </p>
            )}
            {words && !words.joined && (
              <p class="meta">
                <a href="/team">{words.detail}</a>
              </p>
            )}
          </div>
          {words?.joined && (
            <button type="button" class="button button--secondary button--small" onClick={syncNow}>
              {t('syncNow')}
            </button>
          )}
        </div>
        {((words?.joined && (words.detail || words.tried || words.attention)) ||
          status.problem) && (
          <div class="sync-bar__problem" aria-live="polite">
            {words?.joined && words.tried && <p>{words.tried}</p>}
            {words?.joined && words.detail && <p>{words.detail}</p>}
            {status.problem && <p>{problemWords(status.problem)}</p>}
            {words?.attention && (
              <p>
                <a href="/settings#needs-attention">{words.attention}</a>
              </p>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
