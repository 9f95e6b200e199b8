/**
 * The default categories' names in the chosen language. A team's own names
 * (a facilitator renamed or added one) are its words and shown as written.
 */
import { messages } from '../i18n/index.ts';
import { DEFAULT_CATEGORIES, type Category } from '../domain/records.ts';

export const en = {
  safety: 'Patient safety',
  flow: 'Flow and discharge',
  experience: 'Patient experience',
  wellbeing: 'Staff wellbeing',
  waste: 'Waste and cost',
  other: 'Other',
};

export const t = messages('ui/categories', en);

/** A category's label: translated while it is still the default's English name. */
export function categoryLabel(c: Category): string {
  const id = c.id as keyof typeof en;
  return DEFAULT_CATEGORIES.some((d) => d.id == id && d.label == c.label) ? t(id) : c.label;
}

/**
 * A category known by its label alone, from another team (a shared change's
 * or a portfolio's theme): translated when it is a default's English name.
 */
export function themeLabel(label: string): string {
  const d = DEFAULT_CATEGORIES.find((c) => c.label == label);
  return d ? categoryLabel(d) : label;
}
