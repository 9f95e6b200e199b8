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
import { t } from './settings.en.ts';
import { kindWords, t as words } from './refusals.en.ts';
import { refusalWords } from '../../refusalWords.ts';
import { language } from '../../../i18n/index.ts';
import type { EntityName } from '../../../domain/entities.ts';

/** What the change was, in words (the registry says it for each kind, in English). */
function describe(item: AttentionItem): string {
  if (language() === 'en')
    return ENTITIES[item.row.entity].describe(fieldsOf(item.row.mutation), item.title);
  const kind = kindWords(item.row.entity);
  return item.title
    ? words('changeTo', { kind, title: item.title })
    : words('changeToKind', { kind });
}

/** A kind of record's name from the registry's English words ("huddle"), in the chosen language. */
function kindOf(english: string): string {
  const kind = (Object.keys(ENTITIES) as EntityName[]).find((k) => ENTITIES[k].words === english);
  return kind ? kindWords(kind) : english;
}

/** Why the server turned it down, in the chosen language (refusalWords.ts). */
const reasonOf = (item: AttentionItem) => refusalWords(item.row);

/** "the idea “Spare pumps” in the huddle “Tuesday”". */
function aboutWords(item: AttentionItem): string {
  return item.about
    .map((a, i) => t(i === 0 ? 'aboutOne' : 'aboutIn', { what: kindOf(a.words), name: a.name }))
    .join(' ');
}

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
      {t('tryAgain')}
    </button>
  );
  const discardButton = (
    <button
      type="button"
      class={chance === 'later' ? 'button button--secondary button--small' : 'button button--small'}
      onClick={() => setConfirming(true)}
    >
      {t('discard')}
    </button>
  );
  return (
    <li class="card" data-testid="needs-attention-item">
      <p class="card__heading">{describe(item)}</p>
      {about && <p data-testid="needs-attention-about">{t('about', { about })}</p>}
      <p>
        <strong>{t('why')}</strong> {reasonOf(item)}
      </p>
      <p>{t(chance)}</p>
      <p class="meta">{t('turnedDown', { when: dateTime(row.rejectedAt) })}</p>
      {confirming ? (
        <div role="group" aria-label={t('confirmDiscard')}>
          <p>
            <strong>{t('discardQuestion')}</strong>
          </p>
          <div class="button-group">
            <button
              type="button"
              class="button button--warning button--small"
              onClick={() => void discard()}
            >
              {t('discard')}
            </button>
            <button
              type="button"
              class="button button--secondary button--small"
              onClick={() => setConfirming(false)}
            >
              {t('keep')}
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
        {t('attentionHeading')}
      </h2>
      {data.length === 0 ? (
        <p class="secondary-text">{t('nothing')}</p>
      ) : (
        <>
          <p>{t('notAccepted')}</p>
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
