/**
 * A facilitator renames the team's categories (the ids stay, so ideas keep
 * their category). Saved on the device and synced; the server checks the role.
 */
import { useState } from 'preact/hooks';
import { renameCategories } from '../../actions/index.ts';
import { LIMITS, type Category } from '../../../domain/records.ts';
import { ErrorSummary, FieldError, type Problem } from '../../components/ErrorSummary.tsx';
import { t } from './team.en.ts';

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
          m ? [{ message: t('categoryMissing', { i: i + 1 }), field: id(i) }] : [],
        ),
      );
      return;
    }
    const next = categories.map((c, i) => ({ id: c.id, label: (labels[i] ?? c.label).trim() }));
    const result = await renameCategories(teamId, next);
    if (result.kind !== 'saved') return setProblems([{ message: result.message }]);
    setProblems(NONE);
    setSaved(t('categoriesSaved'));
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="categories-heading">
      <h2 id="categories-heading">{t('categories')}</h2>
      <p>{t('categoriesIntro')}</p>
      <ErrorSummary problems={problems} id="categories-errors" />
      {categories.map((c, i) => (
        <div key={c.id} class={missing[i] ? 'form-group form-group--error' : 'form-group'}>
          <label class="label" for={id(i)}>
            {t('category', { i: i + 1 })}
          </label>
          <FieldError
            id={`${id(i)}-error`}
            message={missing[i] ? t('categoryMissing', { i: i + 1 }) : undefined}
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
        {t('saveCategories')}
      </button>
      <p class="success-text" role="status">
        {saved}
      </p>
    </form>
  );
}
