/**
 * Words for the ideas list's search index: lower-case runs of letters and
 * digits from an idea's title and detail, each once. Indexed in IndexedDB as a
 * multi-entry index so a search reads only the ideas that have a word starting
 * with what was typed, not every idea on the device (100,000 on a busy ward).
 */
const WORD = /[\p{L}\p{N}]+/gu;
/** Words kept per idea: enough for a title and a long detail's opening. */
export const MAX_WORDS = 64;

export function searchWords(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.toLocaleLowerCase().matchAll(WORD)) {
    out.add(m[0]);
    if (out.size >= MAX_WORDS) break;
  }
  return [...out];
}
