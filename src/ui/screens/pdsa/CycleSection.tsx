/**
 * One part of a PDSA cycle (Plan, Do, Study or Act) as a short form in an NHS
 * details box (closed unless it is the stage the cycle is at, so the page is
 * short): its text fields, at most one choice (radios), and Save, with the
 * "saved" words beside the button where the eye is. Every text field goes through
 * the patient-identifier guard before it is saved on the device.
 */
import { useEffect, useState } from 'preact/hooks';
import type { WriteResult } from '../../../db/errors.ts';
import { ErrorSummary, type Problem } from '../../components/ErrorSummary.tsx';
import { IdentifierWarning } from '../../components/IdentifierWarning.tsx';
import { TextField, type FieldSpec } from '../../components/TextField.tsx';
import { useIdentifierGuard } from '../../hooks/useIdentifierGuard.ts';
import type { Locked } from '../../reads/mayChange.ts';
import { t } from './pdsa.en.ts';

export type Choice = {
  readonly legend: string;
  readonly options: readonly {
    readonly value: string;
    readonly label: string;
    readonly hint?: string;
  }[];
  readonly value: string;
};

type Values = Record<string, string>;

type Props = {
  /** 'plan', 'do', …: prefixes the ids. */
  part: string;
  title: string;
  fields: readonly FieldSpec[];
  initial: Values;
  choice?: Choice;
  submit: string;
  /** The choice is required before saving (Act). */
  choiceRequired?: string;
  onSave: (text: Values, choice: string) => Promise<WriteResult<object>>;
  savedText: string;
  /** Shown open (the cycle's current stage, or one just reached). */
  open: boolean;
  /** Where the cycle stands on this part: shown as a tag beside its name. */
  state: 'done' | 'now' | 'later';
  onToggle: (open: boolean) => void;
  /** Called after a save, e.g. to open the next part. */
  onSaved?: () => void;
  /** Fields this person may not change (the choice's own key included), and why. */
  locked?: Locked | null;
  /** The field the choice writes, for `locked`. */
  choiceKey?: string;
};

const STATE_TAG = {
  done: { cls: 'tag tag--green', words: 'stateDone' },
  now: { cls: 'tag tag--purple', words: 'stateNow' },
  later: { cls: 'tag tag--grey', words: 'stateLater' },
} as const;

const NONE: readonly Problem[] = [];

export function CycleSection(p: Props) {
  const [text, setText] = useState<Values>(p.initial);
  const [choice, setChoice] = useState(p.choice?.value ?? '');
  const [problems, setProblems] = useState(NONE);
  const [saved, setSaved] = useState('');
  const initialKey = JSON.stringify(p.initial);
  // A pulled change (another device's edit) replaces what is shown, unless being edited.
  useEffect(() => setText(p.initial), [initialKey]);
  useEffect(() => setChoice(p.choice?.value ?? ''), [p.choice?.value]);
  const guard = useIdentifierGuard((fields: Values) => void save(fields));

  async function save(fields: Values) {
    setText(fields);
    const result = await p.onSave(fields, choice);
    if (result.kind !== 'saved') return setProblems([{ message: result.message }]);
    setProblems(NONE);
    setSaved(p.savedText);
    p.onSaved?.();
  }

  function onSubmit(e: Event) {
    e.preventDefault();
    if (p.choiceRequired && !choice) {
      setProblems([{ message: p.choiceRequired, field: `${p.part}-choice-0` }]);
      return;
    }
    guard.check(text);
  }

  const headingId = `${p.part}-heading`;
  const tag = STATE_TAG[p.state];
  const lockedId = `${p.part}-locked`;
  const isLocked = (key: string | undefined) => key !== undefined && !!p.locked?.fields.has(key);
  const choiceLocked = isLocked(p.choiceKey);
  const allLocked = (!p.choice || choiceLocked) && p.fields.every((f) => isLocked(f.key));
  return (
    <details
      class="card stage"
      open={p.open}
      onToggle={(e) => p.onToggle((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary class="stage__summary">
        <h2 id={headingId} class="stage__title">
          {p.title} <strong class={tag.cls}>{t(tag.words)}</strong>
        </h2>
      </summary>
      <form onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
        <ErrorSummary problems={problems} id={`${p.part}-errors`} />
        {p.locked && (
          <p class="inset-text" id={lockedId}>
            {t('lockedWhy', { reason: p.locked.reason })}
          </p>
        )}
        {p.choice && (
          <fieldset class="fieldset form-group">
            <legend class="legend">{p.choice.legend}</legend>
            {p.choice.options.map((o, i) => (
              <div class="checkbox radio" key={o.value}>
                <input
                  type="radio"
                  id={`${p.part}-choice-${i}`}
                  name={`${p.part}-choice`}
                  value={o.value}
                  checked={choice === o.value}
                  disabled={choiceLocked}
                  aria-describedby={choiceLocked ? lockedId : undefined}
                  onChange={() => {
                    setChoice(o.value);
                    setSaved('');
                  }}
                />
                <label for={`${p.part}-choice-${i}`}>
                  {o.label}
                  {o.hint && <span class="hint"> — {o.hint}</span>}
                </label>
              </div>
            ))}
          </fieldset>
        )}
        {p.fields.map((f) => (
          <TextField
            key={f.key}
            spec={f}
            id={`${p.part}-${f.key}`}
            value={text[f.key] ?? ''}
            {...(isLocked(f.key) ? { readOnly: { describedBy: lockedId } } : {})}
            onInput={(v) => {
              setText({ ...text, [f.key]: v });
              setSaved('');
              guard.clear();
            }}
          />
        ))}
        {guard.warning && (
          <IdentifierWarning
            matches={guard.warning}
            what={t('testsWhat')}
            onRemove={() => guard.remove(text)}
            onKeep={() => guard.keep(text)}
          />
        )}
        <div class="save-row">
          {!allLocked && (
            <button type="submit" class="button">
              {p.submit}
            </button>
          )}
          <p class="success-text" role="status">
            {saved}
          </p>
        </div>
      </form>
    </details>
  );
}
