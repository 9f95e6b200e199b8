/** Adding a comment: saved on the device at once, with the identifier guard. */
import { useState } from 'preact/hooks';
import { addComment } from '../../actions/index.ts';
import { LIMITS } from '../../../domain/records.ts';
import { ErrorSummary, FieldError, type Problem } from '../../components/ErrorSummary.tsx';
import { IdentifierWarning } from '../../components/IdentifierWarning.tsx';
import { useIdentifierGuard } from '../../hooks/useIdentifierGuard.ts';
import { t } from './idea.en.ts';

const NONE: readonly Problem[] = [];
const FIELD = 'comment-body';

export function AddCommentForm({ ideaId }: { ideaId: string }) {
  const [body, setBody] = useState('');
  const [problems, setProblems] = useState(NONE);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState('');
  const guard = useIdentifierGuard((f: { body: string }) => void save(f.body));

  async function save(text: string) {
    const result = await addComment(ideaId, text);
    if (result.kind !== 'saved') return setProblems([{ message: result.message }]);
    setBody('');
    setProblems(NONE);
    setSaved(t('commentSaved'));
  }

  function onSubmit(e: Event) {
    e.preventDefault();
    if (!body.trim()) {
      setFieldError(t('enterComment'));
      setProblems([{ message: t('enterComment'), field: FIELD }]);
      return;
    }
    guard.check({ body });
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary problems={problems} id="comment-errors" />
      <div class={fieldError ? 'form-group form-group--error' : 'form-group'}>
        <label class="label" for={FIELD}>
          {t('addComment')}
        </label>
        <FieldError id={`${FIELD}-error`} message={fieldError} />
        <textarea
          id={FIELD}
          class={fieldError ? 'textarea textarea--error' : 'textarea'}
          rows={3}
          maxLength={LIMITS.commentBody}
          value={body}
          aria-describedby={fieldError ? `${FIELD}-error` : undefined}
          onInput={(e) => {
            setBody((e.currentTarget as HTMLTextAreaElement).value);
            setFieldError(undefined);
            setSaved('');
            guard.clear();
          }}
        />
      </div>
      {guard.warning && (
        <IdentifierWarning
          matches={guard.warning}
          what={t('commentsWhat')}
          onRemove={() => guard.remove({ body })}
          onKeep={() => guard.keep({ body })}
        />
      )}
      <button type="submit" class="button">
        {t('addCommentButton')}
      </button>
      <p class="success-text" role="status">
        {saved}
      </p>
    </form>
  );
}
