/**
 * A refusal in the person's language (decision 0027). The team's rules give
 * their reason in English (src/domain/rules/rules.en.ts), on this phone and
 * on the server, whose answer keeps that sentence in `reason` for every phone
 * old and new. This phone recognises the sentence against the same English
 * catalogue and says it again from the chosen language's; a sentence it does
 * not know (a newer server's, or words the server made itself) falls back to
 * the meaning of the refusal's stable code, then to the server's own words.
 * A refusal this phone made itself (a change too large to send, push.ts) is
 * kept in English the same way and recognised against the sync catalogue.
 */
import { language } from '../i18n/index.ts';
import { recogniser } from '../i18n/recognise.ts';
import { en, t } from '../domain/rules/rules.en.ts';
import type { VerdictCode } from '../domain/rules/verdict.ts';
import { en as syncEn, t as syncT } from '../sync/sync.en.ts';
import { codeWords } from './screens/settings/refusals.en.ts';

/** Which rule's sentence this is, with its values; null when no rule says it. */
export const recognise = recogniser(en);
const recogniseOwn = recogniser(syncEn);

/** A refusal (the rules' English `reason`, with its code when known) in the person's language. */
export function refusalWords(refusal: {
  readonly reason: string;
  readonly code?: VerdictCode | undefined;
}): string {
  if (language() == 'en') return refusal.reason;
  const known = recognise(refusal.reason);
  if (known) return t(known.key, known.values);
  const own = recogniseOwn(refusal.reason);
  if (own) return syncT(own.key, own.values);
  return refusal.code ? codeWords(refusal.code) : refusal.reason;
}
