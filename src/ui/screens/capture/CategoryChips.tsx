/** The category as a radio group drawn as chips: one tap, always a choice. */
import type { Category } from '../../../domain/records.ts';
import { categoryLabel } from '../../categories.en.ts';
import { t } from './capture.en.ts';

type Props = {
  categories: readonly Category[];
  value: string;
  onChange: (id: string) => void;
};

export function CategoryChips({ categories, value, onChange }: Props) {
  return (
    <fieldset class="fieldset form-group">
      <legend class="legend">{t('category')}</legend>
      <div class="chips">
        {categories.map((c) => (
          <label class="chip" key={c.id}>
            <input
              type="radio"
              name="category"
              value={c.id}
              checked={value === c.id}
              onChange={() => onChange(c.id)}
            />
            <span>{categoryLabel(c)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** "Other" when the team has it, else the last category. */
export function defaultCategory(categories: readonly Category[]): string {
  return (
    categories.find((c) => c.id === 'other')?.id ?? categories[categories.length - 1]?.id ?? 'other'
  );
}
