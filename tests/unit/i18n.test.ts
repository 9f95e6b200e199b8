/**
 * The message catalogues (decision 0022): every `src/**\/<name>.en.ts` has a
 * `<name>.cy.ts` beside it with the same keys, no message is empty, each is
 * valid ICU MessageFormat by the reference parser (@messageformat/parser,
 * plural cases checked against each language's plural rules), English and
 * Welsh take the same placeholders in the same way, and the app's own
 * formatter (src/i18n) renders each with no brace left. Catalogues are found
 * by walking src, so a new one is covered without editing this file.
 */
import { parse, type PluralCategory, type Token } from '@messageformat/parser';
import { describe, expect, it } from 'vitest';
import { format, messages, setLanguageForTest } from '../../src/i18n/index.ts';
import { ENGLISH_IDS as english, loadCatalogue, WELSH_IDS as welsh } from '../catalogues.ts';

const categories = (locale: string) =>
  new Intl.PluralRules(locale).resolvedOptions().pluralCategories as PluralCategory[];

/** Each placeholder and how it is used, e.g. "n:plural", "name:argument". */
function signature(tokens: readonly Token[], into = new Set<string>()): Set<string> {
  for (const tk of tokens) {
    if (tk.type === 'content' || tk.type === 'octothorpe') continue;
    into.add(`${tk.arg}:${tk.type}`);
    if ('cases' in tk) for (const c of tk.cases) signature(c.tokens, into);
  }
  return into;
}

/** What the app's formatter does not handle: a function ({d, date}) or an ordinal. */
function unsupported(tokens: readonly Token[]): string[] {
  return tokens.flatMap((tk) =>
    tk.type === 'function' || tk.type === 'selectordinal'
      ? [`{${tk.arg}, ${tk.type === 'function' ? tk.key : tk.type}}`]
      : 'cases' in tk
        ? [
            ...(tk.cases.some((c) => c.key === 'other') ? [] : [`{${tk.arg}} has no "other" case`]),
            ...tk.cases.flatMap((c) => unsupported(c.tokens)),
          ]
        : [],
  );
}

/** Values that reach every case: each plural number, each select key, a word for the rest. */
function samples(tokens: readonly Token[]): Record<string, string | number>[] {
  const out: Record<string, string | number>[] = [{}];
  const visit = (list: readonly Token[]) => {
    for (const tk of list) {
      if (tk.type === 'argument') for (const v of out) v[tk.arg] ??= 'x';
      if (tk.type === 'plural')
        for (const n of [0, 1, 2, 3, 6, 100]) out.push({ ...out[0], [tk.arg]: n });
      if (tk.type === 'select') for (const c of tk.cases) out.push({ ...out[0], [tk.arg]: c.key });
      if ('cases' in tk) for (const c of tk.cases) visit(c.tokens);
    }
  };
  visit(tokens);
  for (const v of out) for (const [k, x] of Object.entries(out[0] ?? {})) v[k] ??= x;
  return out;
}

it('finds the catalogues', () => {
  expect(english.length).toBeGreaterThan(3);
});

it('has a Welsh catalogue for every English one, and no Welsh without English', () => {
  expect(english.filter((id) => !welsh.includes(id)).map((id) => `${id}.cy.ts`)).toEqual([]);
  expect(welsh.filter((id) => !english.includes(id)).map((id) => `${id}.en.ts`)).toEqual([]);
});

describe.each(english.filter((id) => welsh.includes(id)))('%s', (id) => {
  const load = () => loadCatalogue(id);

  it('names itself by its path, so its Welsh is found', async () => {
    const { t, en } = await load();
    expect(t.id).toBe(id);
    expect(t.en).toBe(en);
  });

  it('has the same keys in English and Welsh, none empty', async () => {
    const { en, cy } = await load();
    expect(Object.keys(cy).sort()).toEqual(Object.keys(en).sort());
    const empty = Object.entries({ ...en, ...cy }).filter(([, m]) => !m.trim());
    expect(empty).toEqual([]);
  });

  it('is valid ICU with the same placeholders in both, and formats with none left', async () => {
    const { en, cy } = await load();
    for (const key of Object.keys(en)) {
      const where = `${id}: ${key}`;
      const enTokens = parse(en[key] ?? '', { cardinal: categories('en-GB') });
      const cyTokens = parse(cy[key] ?? '', { cardinal: categories('cy') });
      expect(unsupported(enTokens), where).toEqual([]);
      expect(unsupported(cyTokens), where).toEqual([]);
      expect([...signature(cyTokens)].sort(), where).toEqual([...signature(enTokens)].sort());
      for (const [lang, msg, tokens] of [
        ['en', en[key] ?? '', enTokens],
        ['cy', cy[key] ?? '', cyTokens],
      ] as const) {
        setLanguageForTest(lang);
        for (const values of samples(tokens)) {
          const out = format(msg, values);
          expect(out, `${where} (${lang}) ${JSON.stringify(values)}`).not.toMatch(/[{}]/);
        }
      }
    }
    setLanguageForTest('en');
  });
});

/**
 * One Welsh word for one English term across every catalogue (the list at the
 * top of src/ui/screens/huddle/huddle.cy.ts): a chart said "ailseilio" where
 * the measure's page said "ailsylfaenu" for the same rebase. Each stem is one
 * that Welsh mutations leave as it is.
 */
const TERMS: readonly (readonly [english: RegExp, welsh: RegExp])[] = [
  [/\brebas/i, /ailsylfaen/i],
  [/\bbaseline/i, /sylfaen/i],
];

it('uses the same Welsh term wherever the English does', async () => {
  const catalogues = await Promise.all(
    english.filter((id) => welsh.includes(id)).map(loadCatalogue),
  );
  const astray = catalogues.flatMap(({ id, en, cy }) =>
    Object.keys(en).flatMap((key) =>
      TERMS.filter(([e, w]) => e.test(en[key] ?? '') && !w.test(cy[key] ?? '')).map(
        ([e, w]) => `${id}: ${key} says ${e.source} but not ${w.source}: ${cy[key]}`,
      ),
    ),
  );
  expect(astray).toEqual([]);
});

describe('the formatter', () => {
  it('chooses plural cases by each language’s rules, and formats numbers for it', () => {
    const msg = '{n, plural, =0 {none} one {# idea} two {# two} few {# few} other {# ideas}}';
    setLanguageForTest('en');
    expect([0, 1, 2, 3, 1234].map((n) => format(msg, { n }))).toEqual([
      'none',
      '1 idea',
      '2 ideas',
      '3 ideas',
      '1,234 ideas',
    ]);
    setLanguageForTest('cy');
    expect([1, 2, 3, 7].map((n) => format(msg, { n }))).toEqual([
      '1 idea',
      '2 two',
      '3 few',
      '7 ideas',
    ]);
    setLanguageForTest('en');
  });

  it('fills placeholders and chooses a select case, with "other" as the fallback', () => {
    const msg = '{who} said {kind, select, idea {an idea} other {something}}';
    expect(format(msg, { who: 'Sam', kind: 'idea' })).toBe('Sam said an idea');
    expect(format(msg, { who: 'Sam', kind: 'comment' })).toBe('Sam said something');
  });

  it('shows a Welsh message when Welsh is in force, English otherwise', () => {
    const t = messages('test/hello', { hi: 'Hello {name}' });
    setLanguageForTest('cy', { 'test/hello': { hi: 'Helo {name}' } });
    expect(t('hi', { name: 'Ffion' })).toBe('Helo Ffion');
    setLanguageForTest('en');
    expect(t('hi', { name: 'Ffion' })).toBe('Hello Ffion');
  });
});

describe('the chart engine in Welsh', () => {
  it('says its summary and its dates in Welsh, and in English again after', async () => {
    const { chartMeasure } = await import('../../src/domain/charts/index.ts');
    const { cy } = await import('../../src/domain/charts/charts.cy.ts');
    const points = [3, 5, 4, 6, 5].map((value, i) => ({ date: `2025-01-0${i + 1}`, value }));
    setLanguageForTest('cy', { 'domain/charts/charts': cy });
    const welsh = chartMeasure({ points, direction: 'higher' }).summary;
    setLanguageForTest('en');
    const english = chartMeasure({ points, direction: 'higher' }).summary;
    expect(welsh).toMatch(/^Siart rhediad, 5 pwynt\. Llai na 13 pwynt: yn dangos siart rhediad\./);
    expect(english).toMatch(/^Run chart, 5 points\. Fewer than 13 points: showing a run chart\./);
  });
});
