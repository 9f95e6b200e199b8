/** The sponsor's answer to one ask: backed, needs more, or not now, with a note. */
import { useState } from 'preact/hooks';
import { answerAsk } from '../../actions/index.ts';
import type { AskRow } from '../../../db/improvementRows.ts';
import { ANSWERS, IMPROVEMENT_LIMITS as L, type Answer } from '../../../domain/improvement.ts';
import { ErrorSummary, type Problem } from '../../components/ErrorSummary.tsx';
import { IdentifierWarning } from '../../components/IdentifierWarning.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useIdentifierGuard } from '../../hooks/useIdentifierGuard.ts';
import { ANSWER_LABELS } from './AskList.tsx';

const NONE: readonly Problem[] = [];

import { t } from './asks.en.ts';

export function AnswerForm({ ask }: { ask: AskRow }) {
  const [answer, setAnswer] = useState<Answer | ''>(ask.answer ?? '');
  const [note, setNote] = useState(ask.answerNote ?? '');
  const [problems, setProblems] = useState(NONE);
  const guard = useIdentifierGuard((f: { note: string }) => void save(f.note));
  const p = `answer-${ask.id}`;

  async function save(n: string) {
    if (!answer) return;
    const r = await answerAsk(ask.id, answer, n);
    if (r.kind !== 'saved') return setProblems([{ message: r.message }]);
    setProblems(NONE);
  }
  function onSubmit(e: Event) {
    e.preventDefault();
    if (!answer) return setProblems([{ message: t('chooseAnswer'), field: `${p}-backed` }]);
    guard.check({ note });
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary problems={problems} id={`${p}-errors`} />
      <AnswerChoices id={p} answer={answer} onChoose={setAnswer} />
      <TextField
        spec={{ key: 'note', label: t('note'), long: true, max: L.long }}
        id={`${p}-note`}
        value={note}
        onInput={(v) => {
          setNote(v);
          guard.clear();
        }}
      />
      {guard.warning && (
        <IdentifierWarning
          matches={guard.warning}
          what={t('answersWhat')}
          onRemove={() => guard.remove({ note })}
          onKeep={() => guard.keep({ note })}
        />
      )}
      <button type="submit" class="button">
        {t('answer')}
      </button>
    </form>
  );
}

/** The three answers as radios; ids `${id}-backed` and so on (the error summary links the first). */
export function AnswerChoices(props: {
  id: string;
  answer: Answer | '';
  onChoose: (a: Answer) => void;
}) {
  const p = props.id;
  return (
    <fieldset class="fieldset form-group">
      <legend class="legend">{t('yourAnswer')}</legend>
      {ANSWERS.map((a) => (
        <div class="checkbox radio" key={a}>
          <input
            type="radio"
            id={`${p}-${a}`}
            name={p}
            checked={props.answer === a}
            onChange={() => props.onChoose(a)}
          />
          <label for={`${p}-${a}`}>{ANSWER_LABELS[a]}</label>
        </div>
      ))}
    </fieldset>
  );
}
