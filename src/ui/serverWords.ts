/**
 * The server's words about joining and signing in, in the person's language
 * (decision 0027's way, for src/domain/joining.en.ts). The server always
 * answers in English; this phone recognises the sentence against the same
 * English catalogue and says it again in the chosen language. A sentence it
 * does not know (another refusal, a newer server's) stays as the server wrote it.
 */
import { language } from '../i18n/index.ts';
import { recogniser } from '../i18n/recognise.ts';
import { en, t } from '../domain/joining.en.ts';

const recognise = recogniser(en);

export function serverWords(message: string): string {
  if (language() == 'en') return message;
  const known = recognise(message);
  return known ? t(known.key, known.values) : message;
}
