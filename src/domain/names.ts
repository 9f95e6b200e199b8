import { joiningWords } from './joining.en.ts';

/**
 * When two people's names are the same to a reader: the same letters once
 * Unicode-normalised (NFKC: "Ａlice" is "Alice"), case, spacing and marks
 * aside. A team refuses a second member whose name a colleague could not tell
 * from one already there ("Alice Fac" and "alice  fac").
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en-GB')
    .replace(/[\s.\-_'’]+/g, ' ')
    .trim();
}

/** The words for a name already taken, with what to do next. */
export function nameTakenWords(name: string): string {
  return joiningWords('nameTaken', { name });
}
