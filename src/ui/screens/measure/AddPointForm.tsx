/** Adding a data point in seconds: date (today by default), value, an optional note. */
import { useState } from 'preact/hooks';
import { addPoint } from '../../actions/index.ts';
import { IMPROVEMENT_LIMITS as L } from '../../../domain/improvement.ts';
import { isIsoDate } from '../../../domain/improvementSchema.ts';
import { ErrorSummary, FieldError, type Problem } from '../../components/ErrorSummary.tsx';
import { IdentifierWarning } from '../../components/IdentifierWarning.tsx';
import { useIdentifierGuard } from '../../hooks/useIdentifierGuard.ts';
import { shortDay } from '../../format.ts';
import { today } from '../../clock.ts';
import { parseNumber } from './number.ts';
import { t } from './measure.en.ts';

const NONE: readonly Problem[] = [];

export function AddPointForm({ measureId, unit }: { measureId: string; unit: string }) {
  const [date, setDate] = useState(today());
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState(NONE);
  const [saved, setSaved] = useState('');
  const guard = useIdentifierGuard((f: { note: string }) => void save(f.note));
  const err = (field: string) => problems.find((p) => p.field === field)?.message;

  async function save(text: string) {
    const n = parseNumber(value);
    if (n === null) return;
    const r = await addPoint(measureId, { date, value: n, note: text });
    if (r.kind !== 'saved') return setProblems([{ message: r.message }]);
    setSaved(t('savedPoint', { value: n, day: shortDay(date) }));
    setValue('');
    setNote('');
    setProblems(NONE);
    document.getElementById('point-value')?.focus();
  }

  function onSubmit(e: Event) {
    e.preventDefault();
    const found: Problem[] = [];
    if (!isIsoDate(date)) found.push({ message: t('realDate'), field: 'point-date' });
    if (parseNumber(value) === null)
      found.push({ message: t('valueNumber'), field: 'point-value' });
    setProblems(found);
    if (found.length === 0) guard.check({ note });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="add-point-heading" class="card">
      <h2 id="add-point-heading">{t('addPointHeading')}</h2>
      <ErrorSummary problems={problems} id="point-errors" />
      <div class={err('point-date') ? 'form-group form-group--error' : 'form-group'}>
        <label class="label" for="point-date">
          {t('date')}
        </label>
        <FieldError id="point-date-error" message={err('point-date')} />
        <input
          id="point-date"
          class="input"
          type="date"
          value={date}
          onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <div class={err('point-value') ? 'form-group form-group--error' : 'form-group'}>
        <label class="label" for="point-value">
          {unit ? t('valueUnit', { unit }) : t('value')}
        </label>
        <FieldError id="point-value-error" message={err('point-value')} />
        <input
          id="point-value"
          class={err('point-value') ? 'input input--error' : 'input'}
          inputMode="decimal"
          autoComplete="off"
          value={value}
          onInput={(e) => {
            setValue((e.currentTarget as HTMLInputElement).value);
            setSaved('');
          }}
        />
      </div>
      <div class="form-group">
        <label class="label" for="point-note">
          {t('noteOptional')}
        </label>
        <input
          id="point-note"
          class="input"
          maxLength={L.short}
          value={note}
          onInput={(e) => {
            setNote((e.currentTarget as HTMLInputElement).value);
            guard.clear();
          }}
        />
      </div>
      {guard.warning && (
        <IdentifierWarning
          matches={guard.warning}
          what={t('notesWhat')}
          onRemove={() => guard.remove({ note })}
          onKeep={() => guard.keep({ note })}
        />
      )}
      <button type="submit" class="button">
        {t('addPoint')}
      </button>
      <p class="success-text" role="status">
        {saved}
      </p>
    </form>
  );
}
