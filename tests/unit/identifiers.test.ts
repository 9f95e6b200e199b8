/**
 * The patient-identifier guard: what the capture screen warns about before an
 * idea is saved, and what "remove" leaves behind. A miss lets a patient's NHS
 * number or date of birth into the team's shared list; a false alarm on
 * ordinary ward talk ("bed 12", "10:30") teaches people to ignore the warning.
 *
 * The valid NHS numbers here are computed with the Modulus 11 rule written out
 * independently below, not with the module's own check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findIdentifiers,
  isValidNhsNumber,
  removeIdentifiers,
  type IdentifierKind,
} from '../../src/domain/identifiers.ts';

/**
 * NHS Data Dictionary, NHS NUMBER: weights 10..2 on the first nine digits,
 * 11 minus the sum mod 11; 11 means 0, 10 means the prefix can never be valid.
 */
function checkDigit(prefix: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(prefix.charAt(i)) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return check === 11 ? 0 : check;
}

function kinds(text: string): IdentifierKind[] {
  return findIdentifiers(text).map((m) => m.kind);
}

function texts(text: string): string[] {
  return findIdentifiers(text).map((m) => m.text);
}

function scrub(text: string): string {
  return removeIdentifiers(text, findIdentifiers(text));
}

const spaced = (n: string) => `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
const dashed = (n: string) => `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`;

describe('NHS numbers', () => {
  it('computes the check digits used in these tests (943 476 5919 is valid)', () => {
    // 9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 1×2 = 299; 299 mod 11 = 2; 11 − 2 = 9.
    expect(checkDigit('943476591')).toBe(9);
    expect(checkDigit('401023213')).toBe(7);
    expect(checkDigit('485777345')).toBe(7);
    expect(checkDigit('943476590')).toBe(0); // sum 297 = 27 × 11: "11" becomes 0
    expect(checkDigit('123456789')).toBeNull(); // sum 210, 210 mod 11 = 1: "10", never valid
  });

  it.each(['9434765919', '4010232137', '4857773457', '9434765900'])(
    'flags %s in each layout a person might type',
    (n) => {
      for (const written of [n, spaced(n), dashed(n)]) {
        const text = `Mr S, bed 4, ${written}, kept waiting for pharmacy`;
        const found = findIdentifiers(text);
        expect(found).toEqual([
          {
            kind: 'nhs-number',
            text: written,
            start: text.indexOf(written),
            end: text.indexOf(written) + written.length,
          },
        ]);
      }
    },
  );

  it('flags a number at the very start and end of the text', () => {
    expect(kinds('9434765919')).toEqual(['nhs-number']);
    expect(kinds('943 476 5919 needs a side room')).toEqual(['nhs-number']);
    expect(kinds('side room for 943-476-5919')).toEqual(['nhs-number']);
  });

  it('does not flag ten digits whose check digit is wrong', () => {
    for (let last = 0; last <= 9; last++) {
      if (last === 9) continue;
      const n = `943476591${last}`;
      expect(isValidNhsNumber(n)).toBe(false);
      expect(kinds(`ref ${spaced(n)} and ${n}`)).toEqual([]);
    }
  });

  it('does not flag any number whose check digit would have to be 10', () => {
    for (let last = 0; last <= 9; last++) {
      const n = `123456789${last}`;
      expect(isValidNhsNumber(n)).toBe(false);
      expect(kinds(`call ${n}`)).toEqual([]);
    }
  });

  it('does not flag a valid number inside a longer run of digits', () => {
    expect(kinds('order 94347659190')).toEqual([]);
    expect(kinds('order 19434765919')).toEqual([]);
    expect(kinds('ext 0943 476 5919')).toEqual([]);
    expect(kinds('ext 943 476 59190')).toEqual([]);
  });

  it('rejects anything but exactly ten digits as a number', () => {
    expect(isValidNhsNumber('943476591')).toBe(false);
    expect(isValidNhsNumber('94347659190')).toBe(false);
    expect(isValidNhsNumber('943 476 5919')).toBe(false);
    expect(isValidNhsNumber('943476591a')).toBe(false);
  });

  it('for any nine-digit prefix flags exactly the number with the right check digit', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{9}$/),
        fc.constantFrom(String, spaced, dashed),
        (prefix, layout) => {
          const check = checkDigit(prefix);
          for (let last = 0; last <= 9; last++) {
            const n = `${prefix}${last}`;
            const flagged = kinds(`Idea from bay 2: ${layout(n)} waited`).includes('nhs-number');
            expect(flagged).toBe(last === check);
            expect(isValidNhsNumber(n)).toBe(last === check);
          }
        },
      ),
    );
  });
});

describe('dates that could be a date of birth', () => {
  it.each([
    ['12/03/1950', '12/03/1950'],
    ['seen 1.3.87 in clinic', '1.3.87'],
    ['12-03-1950', '12-03-1950'],
    ['3 March 1950', '3 March 1950'],
    ['3rd of March, 1950', '3rd of March, 1950'],
    ['31 Dec 1999', '31 Dec 1999'],
    ['DOB 12/03', 'DOB 12/03'],
    ['dob: 12/10/1950', 'dob: 12/10/1950'],
    ['D.O.B. 1/2/34', 'D.O.B. 1/2/34'],
    ['born 4th Jan 1962', 'born 4th Jan 1962'],
    ['born 4th Jan', 'born 4th Jan'],
    ['born on 4 January', 'born on 4 January'],
  ])('flags %j', (text, match) => {
    expect(findIdentifiers(text)).toEqual([
      {
        kind: 'date-of-birth',
        text: match,
        start: text.indexOf(match),
        end: text.indexOf(match) + match.length,
      },
    ]);
  });

  it.each([
    'bed 12',
    '2/3 of staff said yes',
    'huddle at 10:30 and 14.45',
    'handover 07:00-07:30',
    'March is busy',
    '4 beds in bay 3',
    'score 12/20',
    'stubborn 12 3 times',
  ])('does not flag %j', (text) => {
    expect(findIdentifiers(text)).toEqual([]);
  });

  // The keyword form once matched "DOB 12/1" of "DOB 12/10/1950", and removing it left "0/1950".
  it.each(['DOB 12/10/1950', 'DOB 1/11/1950', 'dob 30/12/61'])('removes all of %j', (text) => {
    expect(scrub(text)).toBe('[removed]');
  });
});

describe('postcodes', () => {
  it.each([
    'LS1 4AP',
    'sw1a1aa',
    'SW1A 1AA',
    'M1 1AE',
    'B33 8TH',
    'CR2 6XH',
    'DN55 1PT',
    'EC1A 1BB',
    'GIR 0AA',
    'gir0aa',
  ])('flags %j', (postcode) => {
    const text = `lives near ${postcode}, transport delayed`;
    expect(texts(text)).toEqual([postcode]);
    expect(kinds(text)).toEqual(['postcode']);
  });

  it.each([
    'A1',
    'bay A1 is closed',
    'the new hoist in bay 3 works well',
    'COVID-19 swabs',
    'MRSA screen at 2pm',
    'LS1',
    'Q1 1AA', // Q never starts a postcode
    'LS1 4CI', // C and I are never in the inward code
  ])('does not flag %j', (text) => {
    expect(findIdentifiers(text)).toEqual([]);
  });
});

describe('removeIdentifiers', () => {
  it('replaces each identifier with [removed] and keeps the rest word for word', () => {
    const text = 'Mrs K (943 476 5919, DOB 12/03/1950, LS1 4AP) waited 3 hours for transport.';
    expect(kinds(text)).toEqual(['nhs-number', 'date-of-birth', 'postcode']);
    expect(scrub(text)).toBe(
      'Mrs K ([removed], [removed], [removed]) waited 3 hours for transport.',
    );
  });

  it('removes several identifiers of the same kind', () => {
    expect(scrub('9434765919 and 4010232137 and 485-777-3457')).toBe(
      '[removed] and [removed] and [removed]',
    );
  });

  it('leaves text with nothing to remove unchanged', () => {
    expect(scrub('Move the hoist to bay 2 before the 10:30 huddle')).toBe(
      'Move the hoist to bay 2 before the 10:30 huddle',
    );
  });

  it('counts a date once when the keyword form contains it', () => {
    expect(findIdentifiers('DOB 12/03/1950')).toEqual([
      { kind: 'date-of-birth', text: 'DOB 12/03/1950', start: 0, end: 14 },
    ]);
  });

  // Two identifiers that run into each other: the keyword date takes "943" as a
  // year, the NHS number starts at "943". Both are named, and removal leaves
  // nothing of either (it once left "476 5919").
  it('names and removes both of two overlapping identifiers', () => {
    const text = 'DOB 12 3 943 476 5919 ok';
    expect(kinds(text)).toEqual(['date-of-birth', 'nhs-number']);
    expect(scrub(text)).toBe('[removed] ok');
  });

  it('removes the union of overlapping or nested matches it is given, in any order', () => {
    const text = 'abcdefghij';
    const m = (start: number, end: number) => ({
      kind: 'postcode' as const,
      text: text.slice(start, end),
      start,
      end,
    });
    expect(removeIdentifiers(text, [m(5, 8), m(1, 3), m(2, 6)])).toBe('a[removed]ij');
    expect(removeIdentifiers(text, [m(1, 6), m(2, 4)])).toBe('a[removed]ghij');
    expect(removeIdentifiers(text, [m(0, 2), m(2, 4)])).toBe('[removed][removed]efghij');
    expect(removeIdentifiers(text, [])).toBe(text);
  });

  it('leaves nothing flaggable behind in text built from identifiers and ward talk', () => {
    const fragments = fc.constantFrom(
      '943 476 5919',
      '4010232137',
      '485-777-3457',
      'DOB 12/10/1950',
      'born 4th Jan 1962',
      '3 March 1950',
      '1.3.87',
      'LS1 4AP',
      'sw1a1aa',
      'bed 12',
      'at 10:30',
      '2/3 of staff',
      'hoist',
      ',',
      ' ',
    );
    fc.assert(
      fc.property(
        fc.array(fragments, { maxLength: 12 }),
        fc.constantFrom(' ', ', ', '\n'),
        (parts, sep) => {
          const text = parts.join(sep);
          expect(findIdentifiers(scrub(text))).toEqual([]);
        },
      ),
    );
  });
});
