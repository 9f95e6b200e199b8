/**
 * The capture form: type, tap Save (or press Enter) — two taps from opening to
 * saved on the device. Text that looks like a patient identifier gets a
 * warning with both ways forward; a failed save keeps what was typed.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { LIMITS, type Category } from '../../../domain/records.ts';
import { ErrorSummary, FieldError, type Problem } from '../../components/ErrorSummary.tsx';
import { IdentifierWarning } from '../../components/IdentifierWarning.tsx';
import { useIdentifierGuard } from '../../hooks/useIdentifierGuard.ts';
import { captureIdea } from '../../actions/capture.ts';
import { CategoryChips, defaultCategory } from './CategoryChips.tsx';

const NONE: readonly Problem[] = [];
const TITLE_ID = 'idea-title';
const input = (e: Event) => (e.currentTarget as HTMLInputElement).value;

export function CaptureForm({ categories }: { categories: readonly Category[] }) {
  const titleRef = useRef<HTMLInputElement>(null);
  const detailRef = useRef<HTMLTextAreaElement>(null);
  const busy = useRef(false);
  const [title, setTitle] = useState('');
  const [detail, setDetail] = useState('');
  const [showDetail, setShowDetail] = useState(false);
  const [category, setCategory] = useState<string | null>(null);
  const [anonymous, setAnonymous] = useState(false);
  const [problems, setProblems] = useState(NONE);
  const [titleError, setTitleError] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState('');
  const chosen = category ?? defaultCategory(categories);
  const guard = useIdentifierGuard((text: { title: string; detail: string }) => void save(text));

  useEffect(() => titleRef.current?.focus(), []);
  useEffect(() => {
    if (showDetail) detailRef.current?.focus();
  }, [showDetail]);

  const edited = () => {
    setSaved('');
    guard.clear();
  };

  async function save(text: { title: string; detail: string }) {
    if (busy.current) return;
    busy.current = true;
    const result = await captureIdea({ ...text, category: chosen, anonymous });
    busy.current = false;
    if (result.kind !== 'saved') {
      setProblems([{ message: result.message }]);
      return;
    }
    setTitle('');
    setDetail('');
    setShowDetail(false);
    setCategory(null);
    setProblems(NONE);
    setSaved('Saved on this phone');
    titleRef.current?.focus();
  }

  function onSubmit(e: Event) {
    e.preventDefault();
    if (!title.trim()) {
      setTitleError('Enter your idea');
      setProblems([{ message: 'Enter your idea', field: TITLE_ID }]);
      return;
    }
    guard.check({ title, detail });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Capture an idea">
      <ErrorSummary problems={problems} id="capture-errors" />
      <div class={titleError ? 'form-group form-group--error' : 'form-group'}>
        <label class="label label--l" for={TITLE_ID}>
          Your idea
        </label>
        <FieldError id={`${TITLE_ID}-error`} message={titleError} />
        <input
          ref={titleRef}
          id={TITLE_ID}
          class={titleError ? 'input input--error' : 'input'}
          type="text"
          name="title"
          autoComplete="off"
          enterKeyHint="done"
          maxLength={LIMITS.ideaTitle}
          value={title}
          aria-describedby={titleError ? `${TITLE_ID}-error` : undefined}
          onInput={(e) => {
            setTitle(input(e));
            setTitleError(undefined);
            edited();
          }}
        />
      </div>
      {showDetail ? (
        <div class="form-group">
          <label class="label" for="idea-detail">
            More detail (optional)
          </label>
          <textarea
            ref={detailRef}
            id="idea-detail"
            class="textarea"
            name="detail"
            rows={3}
            maxLength={LIMITS.ideaDetail}
            value={detail}
            onInput={(e) => {
              setDetail(input(e));
              edited();
            }}
          />
        </div>
      ) : (
        <p>
          <button type="button" class="link-button" onClick={() => setShowDetail(true)}>
            Add more detail
          </button>
        </p>
      )}
      <CategoryChips categories={categories} value={chosen} onChange={setCategory} />
      <div class="checkbox">
        <input
          id="idea-anonymous"
          type="checkbox"
          checked={anonymous}
          onChange={(e) => setAnonymous((e.currentTarget as HTMLInputElement).checked)}
        />
        <label for="idea-anonymous">Anonymous to my team</label>
      </div>
      {guard.warning && (
        <IdentifierWarning
          matches={guard.warning}
          what="Ideas"
          onRemove={() => guard.remove({ title, detail })}
          onKeep={() => guard.keep({ title, detail })}
        />
      )}
      <button type="submit" class="button">
        Save
      </button>
      <p class="success-text" role="status" aria-live="polite" data-testid="saved-message">
        {saved}
      </p>
    </form>
  );
}
