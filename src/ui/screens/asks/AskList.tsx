/** Asks of the sponsor and their answers: "you said, we did". */
import type { AskRow } from '../../../db/improvementRows.ts';
import { dateOnly } from '../../format.ts';

export const ANSWER_LABELS = {
  backed: 'Backed',
  'needs-more': 'Needs more',
  'not-now': 'Not now',
} as const;
const ANSWER_TAG = {
  backed: 'tag tag--green',
  'needs-more': 'tag tag--yellow',
  'not-now': 'tag tag--grey',
} as const;

export function AskAnswer({ ask }: { ask: AskRow }) {
  if (!ask.answer) return <strong class="tag tag--grey">Waiting for the sponsor</strong>;
  return (
    <>
      <strong class={ANSWER_TAG[ask.answer]}>{ANSWER_LABELS[ask.answer]}</strong>
      {ask.answerNote && (
        <p>
          {ask.answeredByName ?? 'The sponsor'} said: {ask.answerNote}
        </p>
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
            <strong>{a.kind === 'permission' ? 'Permission' : 'Support'}:</strong> {a.text}
          </p>
          <p class="meta">
            Asked by {a.askedByName ?? 'a colleague'}
            {a.createdAt ? ` on ${dateOnly(a.createdAt)}` : ''}
          </p>
          <AskAnswer ask={a} />
        </li>
      ))}
    </ul>
  );
}
