/**
 * A facilitator renames the team's categories (the ids stay, so ideas keep
 * their category). Saved on the device and synced; the server checks the role.
 */
import { useState } from 'preact/hooks';
import { renameCategories } from '../../actions/index.ts';
import { LIMITS, type Category } from '../../../domain/records.ts';
import { ErrorSummary, FieldError, type Problem } from '../../components/ErrorSummary.tsx';

const NONE: readonly Problem[] = [];

export function CategoriesForm({
  teamId,
  categories,
}: {
  teamId: string;
  categories: readonly Category[];
}) {
  const [labels, setLabels] = useState(() => categories.map((c) => c.label));
  const [problems, setProblems] = useState(NONE);
  const [saved, setSaved] = useState('');
  const id = (i: number) => `category-${i + 1}`;
  const missing = labels.map((l) => !l.trim());

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (missing.some(Boolean)) {
      setProblems(
        missing.flatMap((m, i) =>
          m ? [{ message: `Enter a name for category ${i + 1}`, field: id(i) }] : [],
        ),
      );
      return;
    }
    const next = categories.map((c, i) => ({ id: c.id, label: (labels[i] ?? c.label).trim() }));
    const result = await renameCategories(teamId, next);
    if (result.kind !== 'saved') return setProblems([{ message: result.message }]);
    setProblems(NONE);
    setSaved('Category names saved.');
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="categories-heading">
      <h2 id="categories-heading">Categories</h2>
      <p>As facilitator you can rename the categories your team files ideas under.</p>
      <ErrorSummary problems={problems} id="categories-errors" />
      {categories.map((c, i) => (
        <div key={c.id} class={missing[i] ? 'form-group form-group--error' : 'form-group'}>
          <label class="label" for={id(i)}>
            Category {i + 1}
          </label>
          <FieldError
            id={`${id(i)}-error`}
            message={missing[i] ? `Enter a name for category ${i + 1}` : undefined}
          />
          <input
            id={id(i)}
            class="input"
            maxLength={LIMITS.categoryLabel}
            value={labels[i] ?? ''}
            onInput={(e) => {
              const v = (e.currentTarget as HTMLInputElement).value;
              setLabels((prev) => prev.map((l, j) => (j === i ? v : l)));
              setSaved('');
            }}
          />
        </div>
      ))}
      <button type="submit" class="button">
        Save category names
      </button>
      <p class="success-text" role="status">
        {saved}
      </p>
    </form>
  );
}
