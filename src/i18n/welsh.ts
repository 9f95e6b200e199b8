/**
 * The server's English said again in Welsh (decision 0027): only a Welsh
 * reader needs it, so it comes with the Welsh catalogues (i18n `fromServer`).
 */
export { serverWords } from '../ui/serverWords.ts';

/**
 * Every Welsh catalogue (`src/**\/<name>.cy.ts`), loaded as one chunk and only
 * for a Welsh reader: an English reader never downloads it. Keyed as the
 * English translators are, by the path under src without `.cy.ts`.
 */
const modules = import.meta.glob<Record<string, string>>('/src/**/*.cy.ts', {
  eager: true,
  import: 'cy',
});

export const WELSH: Readonly<Record<string, Readonly<Record<string, string>>>> = Object.fromEntries(
  Object.entries(modules).map(([path, m]) => [path.slice('/src/'.length, -'.cy.ts'.length), m]),
);
