/**
 * An erased member's records carry the name "Former member" (FORMER_MEMBER,
 * written by the server in English): a reader sees it in their own language,
 * as its author or in the member list; every other name stays as typed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FORMER_MEMBER } from '../../src/domain/records.ts';
import { setLanguageForTest } from '../../src/i18n/index.ts';
import { authorLabel, memberName } from '../../src/ui/format.ts';
import { cy } from '../../src/ui/words.cy.ts';

describe("an erased member's name", () => {
  afterEach(() => setLanguageForTest('en'));

  it('reads "Former member" in English and "Cyn-aelod" in Welsh; other names as typed', () => {
    setLanguageForTest('en');
    expect(memberName(FORMER_MEMBER)).toBe('Former member');
    expect(authorLabel({ authorName: FORMER_MEMBER, anonymous: false }, false)).toBe(
      'Former member',
    );
    expect(memberName('Asha')).toBe('Asha');
    setLanguageForTest('cy', { 'ui/words': cy });
    expect(memberName(FORMER_MEMBER)).toBe('Cyn-aelod');
    expect(authorLabel({ authorName: FORMER_MEMBER, anonymous: false }, false)).toBe('Cyn-aelod');
    expect(memberName('Asha')).toBe('Asha');
    expect(authorLabel({ authorName: 'Asha', anonymous: false }, false)).toBe('Asha');
  });
});
