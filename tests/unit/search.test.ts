/** The search words an idea is indexed under. */
import { expect, it } from 'vitest';
import { MAX_WORDS, searchWords } from '../../src/domain/search.ts';

it('lower-cases, splits on anything but letters and digits, and keeps each word once', () => {
  expect(searchWords('Discharge checklist — at the 10am HUDDLE, discharge!')).toEqual([
    'discharge',
    'checklist',
    'at',
    'the',
    '10am',
    'huddle',
  ]);
});

it('keeps letters outside ASCII', () => {
  expect(searchWords('Café rota for Zoë')).toEqual(['café', 'rota', 'for', 'zoë']);
});

it('keeps at most MAX_WORDS words', () => {
  const text = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
  expect(searchWords(text)).toHaveLength(MAX_WORDS);
  expect(searchWords('')).toEqual([]);
});
