/**
 * The capture form: type, tap Save (or press Enter) — two taps from opening to
 * saved on the device. Text that looks like a patient identifier gets a
 * warning with both ways forward; a failed save keeps what was typed. The
 * idea box grows with the text (a long idea stays in sight) and counts
 * characters instead of cutting a paste short without a word (issue 17).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { LIMITS, type Category } from '../../../domain/records.ts';
import type { Problem } from '../../components/ErrorSummary.tsx';
import { FieldError } from '../../components/FieldError.tsx';
import { late } from '../../components/late.tsx';

/** Shown only after a failed Save: loaded then, not with the capture screen. */
const ErrorSummary = late(() =>
  import('../../components/ErrorSummary.tsx').then((m) => m.ErrorSummary),
);
import { IdentifierWarning } from '../../components/IdentifierWarning.tsx';
import { useIdentifierGuard } from '../../hooks/useIdentifierGuard.ts';
import { captureIdea } from '../../actions/capture.ts';
import { CategoryChips, defaultCategory } from './CategoryChips.tsx';
import { t } from './capture.en.ts';

const NONE: readonly Problem[] = [];
const TITLE_ID = 'idea-title';
const input = (e: Event) => (e.currentTarget as HTMLInputElement).value;
/** A title is one line: a pasted line break becomes a space. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ');
const tooLong = (n: number) => t('tooLong', { max: LIMITS.ideaTitle, n });

/** Grow the box to its text (Chromium's `field-sizing: content` does it in CSS; this is for the rest). */
function fit(box: HTMLTextAreaElement | null) {
  if (!box || CSS.supports?.('field-sizing', 'content')) return;
  box.style.height = 'auto';
  box.style.height = `${box.scrollHeight + 4}px`;
}

/** The NHS character count: the limit, said before it is reached and while it is passed. */
function CharacterCount({ id, length }: { id: string; length: number }) {
  const left = LIMITS.ideaTitle - length;
  const words = left >= 0 ? t('remaining', { n: left }) : t('tooMany', { n: -left });
  return (
    <div
      id={id}
      class={left < 0 ? 'hint character-count character-count--over' : 'hint character-count'}
      aria-live="polite"
      data-testid="title-count"
    >
      {length >= LIMITS.ideaTitle * 0.75 ? words : t('upTo', { max: LIMITS.ideaTitle })}
    </div>
  );
}

export function CaptureForm({ categories }: { categories: readonly Category[] }) {
  const titleRef = useRef<HTMLTextAreaElement>(null);
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
  useEffect(() => fit(titleRef.current), [title]);
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
    setSaved(t('saved'));
    titleRef.current?.focus();
  }

  function onSubmit(e: Event) {
    e.preventDefault();
    const problem = !title.trim()
      ? t('enterIdea')
      : title.trim().length > LIMITS.ideaTitle
        ? tooLong(title.trim().length)
        : null;
    if (problem) {
      setTitleError(problem);
      setProblems([{ message: problem, field: TITLE_ID }]);
      return;
    }
    guard.check({ title, detail });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('heading')}>
      <ErrorSummary problems={problems} id="capture-errors" />
      <div class={titleError ? 'form-group form-group--error' : 'form-group capture-title'}>
        <label class="label label--l" for={TITLE_ID}>
          {t('yourIdea')}
        </label>
        <FieldError id={`${TITLE_ID}-error`} message={titleError} />
        <textarea
          ref={titleRef}
          id={TITLE_ID}
          class={titleError ? 'textarea textarea--grow input--error' : 'textarea textarea--grow'}
          name="title"
          rows={2}
          autoComplete="off"
          enterkeyhint="done"
          value={title}
          aria-describedby={`${TITLE_ID}-count${titleError ? ` ${TITLE_ID}-error` : ''}`}
          onKeyDown={(e) => {
            // Enter saves, as it did in the one-line box; the text wraps by itself.
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
          onInput={(e) => {
            setTitle(oneLine(input(e)));
            setTitleError(undefined);
            edited();
          }}
        />
        <CharacterCount id={`${TITLE_ID}-count`} length={title.trim().length} />
      </div>
      {showDetail && (
        <div class="form-group">
          <label class="label" for="idea-detail">
            {t('moreDetail')}
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
      )}
      {guard.warning && (
        <IdentifierWarning
          matches={guard.warning}
          what={t('ideas')}
          onRemove={() => guard.remove({ title, detail })}
          onKeep={() => guard.keep({ title, detail })}
        />
      )}
      {/* Save right under what is typed: in sight on a small phone with the keyboard up. */}
      <div class="capture-actions">
        <button type="submit" class="button">
          {t('save')}
        </button>
        {!showDetail && (
          <button type="button" class="link-button" onClick={() => setShowDetail(true)}>
            {t('addDetail')}
          </button>
        )}
      </div>
      <p class="success-text" role="status" aria-live="polite" data-testid="saved-message">
        {saved}
      </p>
      <CategoryChips categories={categories} value={chosen} onChange={setCategory} />
      <div class="checkbox">
        <input
          id="idea-anonymous"
          type="checkbox"
          checked={anonymous}
          onChange={(e) => setAnonymous((e.currentTarget as HTMLInputElement).checked)}
        />
        <label for="idea-anonymous">{t('anonymous')}</label>
      </div>
    </form>
  );
}
