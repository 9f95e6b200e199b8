/**
 * The patient-identifier guard for any form: which of its fields look like
 * they hold an identifier, the words for the warning, and the fields with the
 * identifiers taken out. The warning is advice: saving is never blocked.
 */
import {
  findIdentifiers,
  IDENTIFIER_WORDS,
  removeIdentifiers,
  type IdentifierMatch,
} from '../../domain/identifiers.ts';

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

/** "an NHS number: 943 476 5919 and a postcode: LS1 4AP". */
export function describeIdentifiers(matches: readonly IdentifierMatch[]): string {
  const parts = matches.map((m) => `${IDENTIFIER_WORDS[m.kind]}: ${m.text}`);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
}
