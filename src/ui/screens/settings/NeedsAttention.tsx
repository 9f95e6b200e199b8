/**
 * Changes the server turned down, each with its reason in words. Nothing is
 * dropped silently: the person tries again or discards it, after a confirm step.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { GroundUpDb, RejectedRow } from '../../../db/index.ts';
import { rejectedList } from '../../../db/queries.ts';
import { discard as discardChange, retry as retryChange } from '../../actions/index.ts';
import { dateTime } from '../../format.ts';
import { ENTITIES } from '../../../domain/entities.ts';
import { fieldsOf } from '../../../domain/rules/common.ts';
import { useData } from '../../reads/useData.ts';

async function load(db: GroundUpDb) {
  const rows = await rejectedList(db);
  const titles = new Map<string, string>();
  for (const r of rows) {
    if (r.entity !== 'idea') continue;
    const idea = await db.ideas.get(r.entityId);
    if (idea?.title) titles.set(r.entityId, idea.title);
  }
  return { rows, titles };
}

/** What the change was, in words (the registry says it for each kind). */
function describe(row: RejectedRow, titles: Map<string, string>): string {
  return ENTITIES[row.entity].describe(fieldsOf(row.mutation), titles.get(row.entityId));
}

/** The item is about to vanish: keep focus somewhere sensible. */
const focusList = () => document.getElementById('needs-attention')?.focus();

function Item({ row, what }: { row: RejectedRow; what: string }) {
  const [confirming, setConfirming] = useState(false);
  const retry = async () => {
    await retryChange(row.mutationId);
    focusList();
  };
  const discard = async () => {
    await discardChange(row.mutationId);
    focusList();
  };
  return (
    <li class="card" data-testid="needs-attention-item">
      <p class="card__heading">{what}</p>
      <p>
        <strong>Why:</strong> {row.reason}
        {row.field ? ` (${row.field})` : ''}
      </p>
      <p class="meta">Turned down {dateTime(row.rejectedAt)}</p>
      {confirming ? (
        <div role="group" aria-label="Confirm discard">
          <p>
            <strong>Discard this change? It will not reach your team.</strong>
          </p>
          <div class="button-group">
            <button
              type="button"
              class="button button--warning button--small"
              onClick={() => void discard()}
            >
              Discard
            </button>
            <button
              type="button"
              class="button button--secondary button--small"
              onClick={() => setConfirming(false)}
            >
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <div class="button-group">
          <button type="button" class="button button--small" onClick={() => void retry()}>
            Try again
          </button>
          <button
            type="button"
            class="button button--secondary button--small"
            onClick={() => setConfirming(true)}
          >
            Discard
          </button>
        </div>
      )}
    </li>
  );
}

export function NeedsAttention() {
  const data = useData(load, []);
  const { url } = useLocation();
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = data !== undefined;
  // The sync bar links to /settings#needs-attention: take the person here.
  useEffect(() => {
    if (loaded && url.endsWith('#needs-attention')) {
      heading.current?.scrollIntoView();
      heading.current?.focus();
    }
  }, [loaded, url]);
  if (!data) return null;
  return (
    <section aria-labelledby="needs-attention">
      <h2 id="needs-attention" ref={heading} tabIndex={-1}>
        Needs attention
      </h2>
      {data.rows.length === 0 ? (
        <p class="secondary-text">
          Nothing needs attention: every change was accepted or is waiting to sync.
        </p>
      ) : (
        <>
          <p>The team's server did not accept these changes. They are still on this phone.</p>
          <ul class="card-list">
            {data.rows.map((r) => (
              <Item key={r.mutationId} row={r} what={describe(r, data.titles)} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
