/** Editing an idea's title and detail, with the same identifier guard as capture. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { IdeaRow } from '../../../db/index.ts';
import { editIdea } from '../../actions/index.ts';
import { LIMITS } from '../../../domain/records.ts';
import { ErrorSummary, FieldError, type Problem } from '../../components/ErrorSummary.tsx';
import { IdentifierWarning } from '../../components/IdentifierWarning.tsx';
import { useIdentifierGuard } from '../../hooks/useIdentifierGuard.ts';
import { t } from './idea.en.ts';

const NONE: readonly Problem[] = [];
type Edit = { title?: string; detail?: string };
const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;

export function EditIdeaForm({ idea, onDone }: { idea: IdeaRow; onDone: () => void }) {
  const ref = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState(idea.title ?? '');
  const [detail, setDetail] = useState(idea.detail ?? '');
  const [problems, setProblems] = useState(NONE);
  const [titleError, setTitleError] = useState<string | undefined>(undefined);
  const guard = useIdentifierGuard((edit: Edit) => void save(edit));
  useEffect(() => ref.current?.focus(), []);

  /** Only what changed is saved, and only that is checked for identifiers. */
  const changed = (): Edit => ({
    ...(title.trim() !== idea.title ? { title } : {}),
    ...(detail.trim() !== (idea.detail ?? '') ? { detail } : {}),
  });

  async function save(edit: Edit) {
    if (Object.keys(edit).length === 0) return onDone();
    const result = await editIdea(idea.id, edit);
    if (result.kind !== 'saved') return setProblems([{ message: result.message }]);
    onDone();
  }

  function onSubmit(e: Event) {
    e.preventDefault();
    if (!title.trim()) {
      setTitleError(t('enterIdea'));
      setProblems([{ message: t('enterIdea'), field: 'edit-title' }]);
      return;
    }
    guard.check(changed());
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="edit-heading">
      <h2 id="edit-heading">{t('editIdea')}</h2>
      <ErrorSummary problems={problems} id="edit-errors" />
      <div class={titleError ? 'form-group form-group--error' : 'form-group'}>
        <label class="label" for="edit-title">
          {t('ideaLabel')}
        </label>
        <FieldError id="edit-title-error" message={titleError} />
        <input
          ref={ref}
          id="edit-title"
          class={titleError ? 'input input--error' : 'input'}
          maxLength={LIMITS.ideaTitle}
          value={title}
          aria-describedby={titleError ? 'edit-title-error' : undefined}
          onInput={(e) => {
            setTitle(value(e));
            setTitleError(undefined);
            guard.clear();
          }}
        />
      </div>
      <div class="form-group">
        <label class="label" for="edit-detail">
          {t('moreDetail')}
        </label>
        <textarea
          id="edit-detail"
          class="textarea"
          maxLength={LIMITS.ideaDetail}
          value={detail}
          onInput={(e) => {
            setDetail(value(e));
            guard.clear();
          }}
        />
      </div>
      {guard.warning && (
        <IdentifierWarning
          matches={guard.warning}
          what={t('ideasWhat')}
          onRemove={() => guard.remove(changed())}
          onKeep={() => guard.keep(changed())}
        />
      )}
      <div class="button-group">
        <button type="submit" class="button">
          {t('saveChanges')}
        </button>
        <button type="button" class="button button--secondary" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
