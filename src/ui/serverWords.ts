/**
 * The server's refusals in the person's language (decision 0027's way): about
 * joining and signing in (src/domain/joining.en.ts) and about changing the
 * team, its board links, its data, erasing words and notifications
 * (src/domain/teamAdmin.en.ts), and about holding a phone back: fair use, too
 * many sign-ins, its database away, its disk full, a fault
 * (src/domain/serverTrouble.en.ts), and about organisations
 * (src/domain/orgAdmin.en.ts). The server always answers in English; this
 * phone recognises the sentence against the same English catalogues and says
 * it again in the chosen language. A sentence it does not know (another
 * refusal, a newer server's) stays as the server wrote it. Not on the capture
 * screen: it carries both English catalogues.
 */
import { language, type Translator } from '../i18n/index.ts';
import { recogniser } from '../i18n/recognise.ts';
import { t as joining } from '../domain/joining.en.ts';
import { t as teamAdmin } from '../domain/teamAdmin.en.ts';
import { t as serverTrouble } from '../domain/serverTrouble.en.ts';
import { t as orgAdmin } from '../domain/orgAdmin.en.ts';

const catalogue = <T extends Record<string, string>>(t: Translator<T>) => {
  const recognise = recogniser(t.en);
  return (message: string) => {
    const known = recognise(message);
    return known && t(known.key, known.values);
  };
};
const catalogues = [
  catalogue(joining),
  catalogue(teamAdmin),
  catalogue(serverTrouble),
  catalogue(orgAdmin),
];

export function serverWords(message: string): string {
  if (language() == 'en') return message;
  for (const said of catalogues) {
    const words = said(message);
    if (words !== null) return words;
  }
  return message;
}
