/**
 * The patient-identifier guard for any form: which of its fields look like
 * they hold an identifier, the words for the warning, and the fields with the
 * identifiers taken out. The warning is advice: saving is never blocked.
 */
import {
  findIdentifiers,
  removeIdentifiers,
  type IdentifierKind,
  type IdentifierMatch,
} from '../../domain/identifiers.ts';
import { t } from './common.en.ts';

export type GuardFields = Readonly<Record<string, string>>;

/** Every match across the fields, in field order. */
export function identifiersIn(fields: GuardFields): IdentifierMatch[] {
  return Object.values(fields).flatMap((text) => findIdentifiers(text));
}

/** The fields with every identifier replaced by "[removed]". */
export function withoutIdentifiers<T extends GuardFields>(fields: T): T {
  const out: Record<string, string> = {};
  for (const [k, text] of Object.entries(fields))
    out[k] = removeIdentifiers(text, findIdentifiers(text));
  return out as T;
}

/** "an NHS number", "a postcode" in the chosen language. */
export const identifierWords = (kind: IdentifierKind) =>
  t(kind == 'nhs-number' ? 'nhsNumber' : kind == 'postcode' ? 'postcode' : 'dateOfBirth');

/**
 * "a, b and c" in the chosen language. Not Intl.ListFormat: for Welsh it
 * writes "a(c)", leaving the reader to choose "a" or "ac".
 */
export const andList = (parts: readonly string[]) =>
  parts.length < 2
    ? parts.join('')
    : t('and', { a: parts.slice(0, -1).join(', '), b: parts[parts.length - 1] ?? '' });

/** "an NHS number: 943 476 5919 and a postcode: LS1 4AP". */
export const describeIdentifiers = (matches: readonly IdentifierMatch[]) =>
  andList(matches.map((m) => `${identifierWords(m.kind)}: ${m.text}`));
