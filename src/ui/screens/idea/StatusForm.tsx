/**
 * Moving an idea along (new → shortlisted → testing → …), recording who moved
 * it and when. Only the moves this person may make are offered (members: their
 * own idea, new ↔ shortlisted); the server enforces the same rule.
 */
import { useEffect, useState } from 'preact/hooks';
import type { IdeaRow } from '../../../db/index.ts';
import { moveIdea } from '../../actions/index.ts';
import { allowedStatuses } from '../../../domain/rules/huddleRules.ts';
import { IDEA_STATUSES, type IdeaStatus, type Role } from '../../../domain/records.ts';
import { ErrorSummary, type Problem } from '../../components/ErrorSummary.tsx';
import { STATUS_LABELS } from '../../format.ts';
import { t } from './idea.en.ts';

const NONE: readonly Problem[] = [];

export function StatusForm({
  idea,
  role,
  isAuthor,
}: {
  idea: IdeaRow;
  role: Role;
  isAuthor: boolean;
}) {
  const [status, setStatus] = useState<IdeaStatus>(idea.status ?? 'new');
  const [problems, setProblems] = useState(NONE);
  const [done, setDone] = useState('');
  // A pulled change (or another tab) may move the idea on: follow it.
  useEffect(() => setStatus(idea.status ?? 'new'), [idea.status]);

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (status === idea.status) return;
    const result = await moveIdea(idea.id, status);
    if (result.kind !== 'saved') {
      setProblems([{ message: result.message }]);
      return;
    }
    setProblems(NONE);
    setDone(t('statusChanged', { status: STATUS_LABELS[status] }));
  }

  const options = allowedStatuses(role, isAuthor, idea.status ?? 'new', IDEA_STATUSES);
  if (options.length < 2) {
    return (
      <p class="hint" id="status-heading">
        {t('onlyLeads')}
      </p>
    );
  }
  return (
    <form onSubmit={(e) => void onSubmit(e)} aria-labelledby="status-heading">
      <h2 id="status-heading">{t('status')}</h2>
      <ErrorSummary problems={problems} id="status-errors" />
      <div class="form-group">
        <label class="label" for="idea-status">
          {t('changeStatus')}
        </label>
        <select
          id="idea-status"
          class="select"
          value={status}
          onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as IdeaStatus)}
        >
          {options.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button button--secondary">
        {t('changeStatus')}
      </button>
      <p class="success-text" role="status">
        {done}
      </p>
    </form>
  );
}
