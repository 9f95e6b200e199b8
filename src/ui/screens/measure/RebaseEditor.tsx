/**
 * Rebasing the limits at a point (decision 0017): why (the change put in
 * place, required) and, optionally, the PDSA cycle it follows. The reason goes
 * through the identifier guard like every free text.
 */
import { shortDay } from '../../format.ts';
import { useState } from 'preact/hooks';
import type { CycleChoice } from '../../../db/improvementQueries.ts';
import type { PointRow } from '../../../db/improvementRows.ts';
import { IMPROVEMENT_LIMITS as L } from '../../../domain/improvement.ts';
import { setRebase } from '../../actions/index.ts';
import { ErrorSummary, FieldError, type Problem } from '../../components/ErrorSummary.tsx';
import { IdentifierWarning } from '../../components/IdentifierWarning.tsx';
import { useIdentifierGuard } from '../../hooks/useIdentifierGuard.ts';
import { t } from './measure.en.ts';

const NONE: readonly Problem[] = [];

export function RebaseEditor({
  row,
  choices,
  onDone,
}: {
  row: PointRow;
  choices: readonly CycleChoice[];
  onDone: () => void;
}) {
  const [reason, setReason] = useState(row.rebaseReason ?? '');
  const [pdsaId, setPdsaId] = useState(row.rebasePdsaId ?? '');
  const [problems, setProblems] = useState(NONE);
  const guard = useIdentifierGuard((f: { reason: string }) => void save(f.reason));
  const id = `rebase-${row.id}`;
  const err = problems.find((p) => p.field === `${id}-reason`)?.message;

  async function save(text: string) {
    const r = await setRebase(row.id, { reason: text, pdsaId: pdsaId === '' ? null : pdsaId });
    if (r.kind !== 'saved') return setProblems([{ message: r.message }]);
    onDone();
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim() === '') {
          setProblems([
            {
              message: t('sayWhat'),
              field: `${id}-reason`,
            },
          ]);
          return;
        }
        setProblems(NONE);
        guard.check({ reason });
      }}
    >
      <ErrorSummary problems={problems} id={`${id}-errors`} />
      <div class={err ? 'form-group form-group--error' : 'form-group'}>
        <label class="label" for={`${id}-reason`}>
          {t('whyRebase', { day: shortDay(row.date ?? '') })}
        </label>
        <FieldError id={`${id}-reason-error`} message={err} />
        <input
          id={`${id}-reason`}
          class="input"
          maxLength={L.short}
          value={reason}
          aria-describedby={err ? `${id}-reason-error` : undefined}
          onInput={(e) => {
            setReason((e.currentTarget as HTMLInputElement).value);
            guard.clear();
          }}
        />
      </div>
      <div class="form-group">
        <label class="label" for={`${id}-cycle`}>
          {t('afterCycle')}
        </label>
        <select
          id={`${id}-cycle`}
          class="select"
          value={pdsaId}
          onChange={(e) => setPdsaId((e.currentTarget as HTMLSelectElement).value)}
        >
          <option value="">{t('none')}</option>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      {guard.warning && (
        <IdentifierWarning
          matches={guard.warning}
          what={t('reasonsWhat')}
          onRemove={() => guard.remove({ reason })}
          onKeep={() => guard.keep({ reason })}
        />
      )}
      <div class="button-group">
        <button type="submit" class="button button--small">
          {t('rebaseHere')}
        </button>
        <button type="button" class="link-button" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
