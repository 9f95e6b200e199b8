/**
 * A dot the server refused is explained on the huddle in the reader's
 * language: the server's own (English) words in English, the meaning of its
 * refusal code in Welsh, and the server's words when it sent no code.
 */
import { afterEach, expect, it } from 'vitest';
import { setLanguageForTest } from '../../src/i18n/index.ts';
import { OVER_YOUR_DOTS } from '../../src/domain/rules/huddleRules.ts';
import { refusalWords } from '../../src/ui/screens/huddle/useHuddle.ts';
import { cy } from '../../src/ui/screens/settings/refusals.cy.ts';

afterEach(() => setLanguageForTest('en'));

it('says why a dot was refused in English and in Welsh', () => {
  const refused = { reason: OVER_YOUR_DOTS, code: 'over-budget' } as const;
  setLanguageForTest('en');
  expect(refusalWords(refused)).toBe(OVER_YOUR_DOTS);
  setLanguageForTest('cy', { 'ui/screens/settings/refusals': cy });
  expect(refusalWords(refused)).toBe(cy['over-budget']);
  expect(refusalWords(refused)).not.toBe(OVER_YOUR_DOTS);
  expect(refusalWords({ reason: OVER_YOUR_DOTS })).toBe(OVER_YOUR_DOTS);
});
