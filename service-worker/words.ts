/**
 * A notification in the language the person chose (decision 0027). The
 * server writes it in English from the "For you" and notification catalogues
 * (server/notify/derive.ts); the service worker cannot read the page's
 * localStorage, so the page keeps its language in the database's `meta`
 * (src/main.tsx) and the words are said again from the Welsh catalogues.
 * What people typed (a title, a comment) is not a catalogue's and stays as
 * written; so does anything this version does not recognise.
 */
import { format, type Lang } from '../src/i18n/index.ts';
import { recogniser } from '../src/i18n/recognise.ts';
import { en as item } from '../src/domain/inbox.en.ts';
import { cy as itemCy } from '../src/domain/inbox.cy.ts';
import { en as notify } from '../src/domain/notify.en.ts';
import { cy as notifyCy } from '../src/domain/notify.cy.ts';
import type { GroundUpDb } from '../src/db/schema.ts';

const CATALOGUES = [
  { find: recogniser(item), cy: itemCy as Record<string, string> },
  { find: recogniser(notify), cy: notifyCy as Record<string, string> },
];

/** Words the server puts in a name's place when it has none. */
const STAND_INS: Record<string, string> = {
  [item.someone]: itemCy.someone,
  [item.sponsor]: itemCy.sponsor,
};

function say(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  for (const c of CATALOGUES) {
    const found = c.find(text);
    if (!found) continue;
    const values = Object.fromEntries(
      Object.entries(found.values).map(([k, v]) => [k, STAND_INS[String(v)] ?? v]),
    );
    return format(c.cy[found.key] ?? text, values);
  }
  return text;
}

/** The title and body to show, in `lang`. */
export function notificationWords(
  p: { readonly title: string; readonly body: string },
  lang: Lang,
): { title: string; body: string } {
  return { title: say(p.title, lang), body: say(p.body, lang) };
}

/** What to show for a push the worker could not read. */
export const unreadable = (lang: Lang) => ({
  title: 'Ground Up',
  body: lang === 'cy' ? notifyCy.unreadable : notify.unreadable,
});

/** The language the page last put in force; English when it has not said. */
export async function keptLanguage(db: GroundUpDb): Promise<Lang> {
  const row = await db.meta.get('lang').catch(() => undefined);
  return row?.key === 'lang' ? row.lang : 'en';
}
