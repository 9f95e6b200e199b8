/** Adding a measure: name, unit, operational definition, direction, target, type, tally. */
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { createMeasure } from '../../actions/index.ts';
import { IMPROVEMENT_LIMITS as L, type MeasureType } from '../../../domain/improvement.ts';
import { ErrorSummary, type Problem } from '../../components/ErrorSummary.tsx';
import { IdentifierWarning } from '../../components/IdentifierWarning.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useIdentifierGuard } from '../../hooks/useIdentifierGuard.ts';
import { parseNumber } from './number.ts';
import { t } from './measure.en.ts';

const NONE: readonly Problem[] = [];
type Text = { name: string; unit: string; definition: string };

export function NewMeasureForm({ ideaId }: { ideaId: string | null }) {
  const { route } = useLocation();
  const [text, setText] = useState<Text>({ name: '', unit: '', definition: '' });
  const [direction, setDirection] = useState<'higher' | 'lower'>('lower');
  const [type, setType] = useState<MeasureType>('outcome');
  const [target, setTarget] = useState('');
  const [tally, setTally] = useState(false);
  const [problems, setProblems] = useState(NONE);
  const guard = useIdentifierGuard((t: Text) => void save(t));

  async function save(t: Text) {
    const r = await createMeasure({
      ...t,
      direction,
      type,
      target: target.trim() === '' ? null : (parseNumber(target) ?? null),
      ideaId,
      tally,
    });
    if (r.kind !== 'saved') return setProblems([{ message: r.message }]);
    route(`/measures/${r.id}`);
  }

  function onSubmit(e: Event) {
    e.preventDefault();
    const found: Problem[] = [];
    if (!text.name.trim()) found.push({ message: t('nameMissing'), field: 'measure-name' });
    if (target.trim() !== '' && parseNumber(target) === null)
      found.push({
        message: t('targetNumber'),
        field: 'measure-target',
      });
    setProblems(found);
    if (found.length === 0) guard.check(text);
  }

  const set = (k: keyof Text) => (v: string) => {
    setText({ ...text, [k]: v });
    guard.clear();
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="new-measure-heading" class="card">
      <h2 id="new-measure-heading">{t('addMeasureHeading')}</h2>
      <ErrorSummary problems={problems} id="measure-errors" />
      <TextField
        spec={{ key: 'name', label: t('name'), max: L.name, hint: t('nameHint') }}
        id="measure-name"
        value={text.name}
        onInput={set('name')}
      />
      <TextField
        spec={{
          key: 'unit',
          label: t('unitOptional'),
          max: L.unit,
          hint: t('unitHint'),
        }}
        id="measure-unit"
        value={text.unit}
        onInput={set('unit')}
      />
      <TextField
        spec={{
          key: 'definition',
          label: t('definition'),
          hint: t('definitionHint'),
          long: true,
          max: L.long,
        }}
        id="measure-definition"
        value={text.definition}
        onInput={set('definition')}
      />
      <fieldset class="fieldset form-group">
        <legend class="legend">{t('whichWay')}</legend>
        {(['lower', 'higher'] as const).map((d) => (
          <div class="checkbox" key={d}>
            <input
              type="radio"
              id={`measure-direction-${d}`}
              name="direction"
              checked={direction === d}
              onChange={() => setDirection(d)}
            />
            <label for={`measure-direction-${d}`}>
              {d === 'lower' ? t('lowerBetter') : t('higherBetter')}
            </label>
          </div>
        ))}
      </fieldset>
      <div class="form-group">
        <label class="label" for="measure-type">
          {t('typeOf')}
        </label>
        <select
          id="measure-type"
          class="select"
          value={type}
          onChange={(e) => setType((e.currentTarget as HTMLSelectElement).value as MeasureType)}
        >
          <option value="outcome">{t('outcome')}</option>
          <option value="process">{t('process')}</option>
          <option value="balancing">{t('balancing')}</option>
        </select>
      </div>
      <div class="form-group">
        <label class="label" for="measure-target">
          {t('targetOptional')}
        </label>
        <input
          id="measure-target"
          class="input"
          inputMode="decimal"
          value={target}
          onInput={(e) => setTarget((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <div class="checkbox">
        <input
          type="checkbox"
          id="measure-tally"
          checked={tally}
          onChange={(e) => setTally((e.currentTarget as HTMLInputElement).checked)}
        />
        <label for="measure-tally">{t('tallyButton')}</label>
      </div>
      {guard.warning && (
        <IdentifierWarning
          matches={guard.warning}
          what={t('measuresWhat')}
          onRemove={() => guard.remove(text)}
          onKeep={() => guard.keep(text)}
        />
      )}
      <button type="submit" class="button">
        {t('addMeasure')}
      </button>
    </form>
  );
}
