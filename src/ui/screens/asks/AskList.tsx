/** Asks of the sponsor and their answers: "you said, we did". */
import type { AskRow } from '../../../db/improvementRows.ts';
import { dateOnly } from '../../format.ts';
import { t } from './asks.en.ts';

/** The answers' words, read in the chosen language each time (getters). */
export const ANSWER_LABELS = {
  get backed() {
    return t('backed');
  },
  get 'needs-more'() {
    return t('needsMore');
  },
  get 'not-now'() {
    return t('notNow');
  },
};
const ANSWER_TAG = {
  backed: 'tag tag--green',
  'needs-more': 'tag tag--yellow',
  'not-now': 'tag tag--grey',
} as const;

export function AskAnswer({ ask }: { ask: AskRow }) {
  if (!ask.answer) return <strong class="tag tag--grey">{t('waiting')}</strong>;
  return (
    <>
      <strong class={ANSWER_TAG[ask.answer]}>{ANSWER_LABELS[ask.answer]}</strong>
      {ask.answerNote && (
        <p>{t('said', { who: ask.answeredByName ?? t('theSponsor'), note: ask.answerNote })}</p>
      )}
    </>
  );
}

export function AskList({ asks }: { asks: readonly AskRow[] }) {
  if (asks.length === 0) return null;
  return (
    <ul class="card-list">
      {asks.map((a) => (
        <li class="card" key={a.id}>
          <p>
            <strong>{t(a.kind === 'permission' ? 'permission' : 'support')}</strong> {a.text}
          </p>
          <p class="meta">
            {a.createdAt
              ? t('askedByOn', {
                  who: a.askedByName ?? t('aColleague'),
                  when: dateOnly(a.createdAt),
                })
              : t('askedBy', { who: a.askedByName ?? t('aColleague') })}
          </p>
          <AskAnswer ask={a} />
        </li>
      ))}
    </ul>
  );
}
