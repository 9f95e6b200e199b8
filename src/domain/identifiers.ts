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
const NUMERIC_DATE = /(?<![\d])(0?[1-9]|[12]\d|3[01])[/.-](0?[1-9]|1[0-2])[/.-](\d{4}|\d{2})(?![\d])/g;
const WORD_DATE = new RegExp(
  `(?<![\\w])(0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\.?,?\\s+(\\d{4})(?![\\d])`,
  'gi',
);
const DOB_KEYWORD = new RegExp(
  `\\b(?:dob|d\\.o\\.b\\.?|born)\\s*:?\\s*((?:0?[1-9]|[12]\\d|3[01])[/.\\-\\s](?:0?[1-9]|1[0-2]|${MONTHS})(?:[/.\\-\\s]\\d{2,4})?)`,
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

function collect(text: string, re: RegExp, kind: IdentifierKind, accept = (_m: RegExpExecArray) => true) {
  const out: IdentifierMatch[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (accept(m)) out.push({ kind, text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Everything in `text` that looks like a patient identifier, in order of position. */
export function findIdentifiers(text: string): IdentifierMatch[] {
  const found = [
    ...collect(text, NHS_CANDIDATE, 'nhs-number', (m) => isValidNhsNumber(`${m[1]}${m[2]}${m[3]}`)),
    ...collect(text, NUMERIC_DATE, 'date-of-birth'),
    ...collect(text, WORD_DATE, 'date-of-birth'),
    ...collect(text, DOB_KEYWORD, 'date-of-birth'),
    ...collect(text, POSTCODE, 'postcode'),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  // Drop matches inside an earlier, longer one (a DOB keyword match contains its date).
  const kept: IdentifierMatch[] = [];
  for (const m of found) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) continue;
    kept.push(m);
  }
  return kept;
}

/** `text` with each match replaced by "[removed]". */
export function removeIdentifiers(text: string, matches: readonly IdentifierMatch[]): string {
  let out = '';
  let at = 0;
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    if (m.start < at) continue;
    out += text.slice(at, m.start) + '[removed]';
    at = m.end;
  }
  return out + text.slice(at);
}
