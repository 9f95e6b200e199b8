/**
 * Changes the server turned down, each with its reason in words and the idea,
 * huddle or measure it is about by name. Nothing is dropped silently: the
 * person discards it after a confirm step, or tries again — offered only when
 * sending it again could succeed (rules/retry.ts), so a refusal that can never
 * pass leads with Discard.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { attentionItems, type AttentionItem } from '../../../db/attention.ts';
import { discard as discardChange, retry as retryChange } from '../../actions/index.ts';
import { dateTime } from '../../format.ts';
import { ENTITIES } from '../../../domain/entities.ts';
import { fieldsOf } from '../../../domain/rules/common.ts';
import { retryChance } from '../../../domain/rules/retry.ts';
import { useData } from '../../reads/useData.ts';

/** What the change was, in words (the registry says it for each kind). */
function describe(item: AttentionItem): string {
  return ENTITIES[item.row.entity].describe(fieldsOf(item.row.mutation), item.title);
}

/** "the idea “Spare pumps” in the huddle “Tuesday”". */
function aboutWords(item: AttentionItem): string {
  return item.about.map((a, i) => `${i === 0 ? '' : 'in '}the ${a.words} “${a.name}”`).join(' ');
}

/** What happens next, by whether sending it again could ever succeed. */
const NEXT = {
  never:
    'This change can never be accepted as it is. Discard it: your team keeps what the server has.',
  later: 'This change may be accepted later. Try again once the problem is fixed.',
  unknown: 'If the problem is fixed, try again; otherwise discard it.',
} as const;

/** The item is about to vanish: keep focus somewhere sensible. */
const focusList = () => document.getElementById('needs-attention')?.focus();

function Item({ item }: { item: AttentionItem }) {
  const { row } = item;
  const chance = retryChance(row.code);
  const [confirming, setConfirming] = useState(false);
  const retry = async () => {
    await retryChange(row.mutationId);
    focusList();
  };
  const discard = async () => {
    await discardChange(row.mutationId);
    focusList();
  };
  const about = aboutWords(item);
  const tryAgain = (
    <button
      type="button"
      class={chance === 'later' ? 'button button--small' : 'button button--secondary button--small'}
      onClick={() => void retry()}
    >
      Try again
    </button>
  );
  const discardButton = (
    <button
      type="button"
      class={chance === 'later' ? 'button button--secondary button--small' : 'button button--small'}
      onClick={() => setConfirming(true)}
    >
      Discard
    </button>
  );
  return (
    <li class="card" data-testid="needs-attention-item">
      <p class="card__heading">{describe(item)}</p>
      {about && <p data-testid="needs-attention-about">About {about}</p>}
      <p>
        <strong>Why:</strong> {row.reason}
      </p>
      <p>{NEXT[chance]}</p>
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
          {chance === 'later' ? (
            <>
              {tryAgain}
              {discardButton}
            </>
          ) : chance === 'unknown' ? (
            <>
              {discardButton}
              {tryAgain}
            </>
          ) : (
            discardButton
          )}
        </div>
      )}
    </li>
  );
}

export function NeedsAttention() {
  const data = useData(attentionItems, []);
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
      {data.length === 0 ? (
        <p class="secondary-text">
          Nothing needs attention: every change was accepted or is waiting to sync.
        </p>
      ) : (
        <>
          <p>The team's server did not accept these changes. They are still on this phone.</p>
          <ul class="card-list">
            {data.map((item) => (
              <Item key={item.row.mutationId} item={item} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
