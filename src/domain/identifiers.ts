/**
 * Patient-identifier guard. Ideas are about how the ward works, not about a
 * patient, yet a tired nurse may type "bed 4, Mr Smith, 943 476 5919". Before
 * saving, the capture screen asks this module what looks like an identifier,
 * warns in words and offers to remove it; it never blocks saving silently.
 *
 * Flags:
 * - an NHS number: 10 digits, spaces or dashes allowed in the 3-3-4 layout, whose
 *   Modulus 11 check digit is valid (numbers that fail the check are not flagged;
 *   see https://www.datadictionary.nhs.uk/attributes/nhs_number.html);
 * - a date that could be a date of birth (day, month and a year, in numbers or
 *   with the month in words, or any date after "DOB" / "born");
 * - a UK postcode (e.g. "LS1 4AP", "sw1a1aa").
 */

export type IdentifierKind = 'nhs-number' | 'date-of-birth' | 'postcode';

export type IdentifierMatch = {
  readonly kind: IdentifierKind;
  /** The matched text, as typed. */
  readonly text: string;
  /** Offsets into the input, in UTF-16 code units; `end` is exclusive. */
  readonly start: number;
  readonly end: number;
};

export const IDENTIFIER_WORDS: Readonly<Record<IdentifierKind, string>> = {
  'nhs-number': 'an NHS number',
  'date-of-birth': 'a date that could be a date of birth',
  postcode: 'a postcode',
};

const NHS_CANDIDATE = /(?<![\d])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d])/g;
const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const NUMERIC_DATE =
  /(?<![\d])(0?[1-9]|[12]\d|3[01])[/.-](0?[1-9]|1[0-2])[/.-](\d{4}|\d{2})(?![\d])/g;
const WORD_DATE = new RegExp(
  `(?<![\\w])(0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\.?,?\\s+(\\d{4})(?![\\d])`,
  'gi',
);
// Longer alternatives first and a digit boundary after each number: with
// `0?[1-9]|1[0-2]` first, "DOB 12/10/1950" matched only "DOB 12/1" and removing it
// left "0/1950" behind.
const DOB_KEYWORD = new RegExp(
  `\\b(?:dob|d\\.o\\.b\\.?|born)\\s*:?\\s*(?:on\\s+)?((?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?[/.\\-\\s](?:(?:1[0-2]|0?[1-9])(?!\\d)|(?:${MONTHS})\\b)(?:\\.?,?[/.\\-\\s]\\d{2,4}(?!\\d))?)`,
  'gi',
);
// Outward code (A9, A99, A9A, AA9, AA99, AA9A) then inward code (9AA); GIR 0AA.
const POSTCODE =
  /(?<![A-Za-z0-9])(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}|GIR\s*0AA)(?![A-Za-z0-9])/gi;

/** True when the 10 digits carry a valid Modulus 11 check digit. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

function collect(
  text: string,
  re: RegExp,
  kind: IdentifierKind,
  accept = (_m: RegExpExecArray) => true,
) {
  const out: IdentifierMatch[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (accept(m)) out.push({ kind, text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * Everything in `text` that looks like a patient identifier, in order of position.
 * No match lies inside another, but two may overlap where one identifier runs
 * into the next.
 */
export function findIdentifiers(text: string): IdentifierMatch[] {
  const found = [
    ...collect(text, NHS_CANDIDATE, 'nhs-number', (m) => isValidNhsNumber(`${m[1]}${m[2]}${m[3]}`)),
    ...collect(text, NUMERIC_DATE, 'date-of-birth'),
    ...collect(text, WORD_DATE, 'date-of-birth'),
    ...collect(text, DOB_KEYWORD, 'date-of-birth'),
    ...collect(text, POSTCODE, 'postcode'),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  // A match inside an earlier one is the same identifier seen twice (a DOB keyword
  // match contains its date): drop it. A match that only overlaps an earlier one
  // is a second identifier running into the first ("DOB 12 3 943 476 5919"): keep
  // it, so the warning names both and removeIdentifiers removes all of each.
  const kept: IdentifierMatch[] = [];
  let reach = 0;
  for (const m of found) {
    if (m.end <= reach) continue;
    kept.push(m);
    reach = m.end;
  }
  return kept;
}

/**
 * `text` with each match replaced by "[removed]"; overlapping matches become one
 * "[removed]" covering both, so no part of either is left behind.
 */
export function removeIdentifiers(text: string, matches: readonly IdentifierMatch[]): string {
  let out = '';
  let at = 0;
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    if (m.end <= at) continue;
    if (m.start >= at) out += text.slice(at, m.start) + '[removed]';
    at = m.end;
  }
  return out + text.slice(at);
}
