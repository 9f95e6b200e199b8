// ESLint flat config: typescript-eslint with type information, so that a
// forgotten `await` on a Dexie write (a lost idea) fails the lint.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'coverage/**', 'bench/results*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a string union, not an enum.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The domain is pure: no storage, no network, no UI, no implicit clock.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['dexie', 'dexie/*', 'idb', 'idb/*'],
              message: 'src/domain does no IO: storage belongs in src/db.',
            },
            {
              group: ['preact', 'preact/*', 'preact-iso', 'zustand', 'zustand/*'],
              message: 'src/domain has no UI.',
            },
            {
              group: [
                'workbox-*',
                'hono',
                'hono/*',
                'kysely',
                'better-sqlite3',
                'pg',
                'node:*',
                'fs',
                'http',
                'https',
              ],
              message: 'src/domain does no IO.',
            },
            {
              group: ['../db/*', '../sync/*', '../ui/*', '../state/*', '../lib/*'],
              message: 'src/domain depends on nothing outside itself.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass the time in as an argument.' },
        { object: 'Math', property: 'random', message: 'Pass randomness in as an argument.' },
      ],
      'no-restricted-globals': [
        'error',
        'fetch',
        'indexedDB',
        'localStorage',
        'navigator',
        'crypto',
      ],
    },
  },
  {
    // Screens and components write through src/ui/actions and read through
    // src/ui/reads: the database, the clock and the sync are injected there.
    files: ['src/ui/screens/**/*.{ts,tsx}', 'src/ui/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/index.ts'],
              importNames: ['appDb'],
              message: 'Read with useData/read (src/ui/reads), write with src/ui/actions.',
            },
            {
              group: ['**/syncClient.ts'],
              importNames: ['requestSync'],
              message: 'The actions (src/ui/actions) start one sync after each saved write.',
            },
            {
              group: ['**/db/*Writes.ts', '**/db/writes.ts'],
              message: 'Write through src/ui/actions: it injects the database and the clock.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Use now() or today() from src/ui/clock.ts.' },
      ],
    },
  },
);
