/**
 * Every message catalogue in src (decision 0022), found by walking the tree:
 * `<name>.en.ts` beside `<name>.cy.ts`. Shared by the completeness test
 * (tests/unit/i18n.test.ts) and the Welsh e2e test's "no English left" check,
 * so a catalogue added anywhere is covered by both without editing them.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Translator } from '../src/i18n/index.ts';

export const SRC = join(import.meta.dirname, '../src');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const files = walk(SRC);
const idsOf = (lang: 'en' | 'cy') =>
  files
    .filter((f) => f.endsWith(`.${lang}.ts`))
    .map((f) => relative(SRC, f).replaceAll('\\', '/').slice(0, -`.${lang}.ts`.length));

/** Each catalogue's id: its path under src without `.en.ts` / `.cy.ts`. */
export const ENGLISH_IDS = idsOf('en');
export const WELSH_IDS = idsOf('cy');

export type Catalogue = {
  readonly id: string;
  readonly en: Record<string, string>;
  readonly t: Translator<Record<string, string>>;
  readonly cy: Record<string, string>;
};

/** One catalogue, both languages (the English module's translator too). */
export async function loadCatalogue(id: string): Promise<Catalogue> {
  const enModule = (await import(pathToFileURL(join(SRC, `${id}.en.ts`)).href)) as {
    en: Record<string, string>;
    t: Translator<Record<string, string>>;
  };
  const cyModule = (await import(pathToFileURL(join(SRC, `${id}.cy.ts`)).href)) as {
    cy: Record<string, string>;
  };
  return { id, en: enModule.en, t: enModule.t, cy: cyModule.cy };
}

/** Every catalogue that has both languages. */
export const loadCatalogues = () =>
  Promise.all(ENGLISH_IDS.filter((id) => WELSH_IDS.includes(id)).map(loadCatalogue));
