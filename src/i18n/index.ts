/**
 * The app's words in English and Welsh (decision 0022). Each area keeps its
 * English catalogue in `<name>.en.ts` (loaded with its screen) and its Welsh
 * one beside it in `<name>.cy.ts` (all Welsh catalogues load together, and only
 * for a Welsh reader: src/i18n/welsh.ts). Messages are ICU MessageFormat:
 * `{name}`, `{n, plural, one {# idea} other {# ideas}}` and
 * `{x, select, a {…} other {…}}`, formatted here with Intl.PluralRules and
 * Intl.NumberFormat for the chosen language. The whole of ICU (a library such
 * as Lingui or intl-messageformat) would not fit the capture screen's 50 KB;
 * tests/unit/i18n.test.ts checks every message with the reference ICU parser.
 */

export type Lang = 'en' | 'cy';
export type Values = Readonly<Record<string, string | number>>;
/** A Welsh catalogue: the same keys as its English one. */
export type Welsh<T> = { readonly [K in keyof T]: string };
export type Translator<T> = ((key: keyof T & string, values?: Values) => string) & {
  readonly id: string;
  readonly en: T;
};

let lang: Lang = 'en';
let welsh: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined;
let sayAgain: ((english: string) => string) | undefined;

/** The language in force. */
export const language = (): Lang => lang;
/** The BCP 47 tag for Intl and `<html lang>`. */
export const locale = (): string => (lang == 'cy' ? 'cy' : 'en-GB');

/**
 * Put a language in force, with the Welsh catalogues when it is Welsh (the
 * page loads them in choose.ts; kept apart so that the service worker, which
 * formats words but never switches, does not carry them all).
 */
export function putInForce(next: Lang, cy?: typeof welsh, say?: typeof sayAgain): void {
  lang = next;
  welsh = cy ?? welsh;
  sayAgain = say ?? sayAgain;
}

/**
 * Words the server made from one of its English catalogues (a refusal, a
 * "wait"), said again in the language in force when this phone knows them
 * (src/ui/serverWords.ts, loaded with the Welsh catalogues); as the server
 * wrote them otherwise. For words shown on the capture screen, which does not
 * carry the recogniser for an English reader.
 */
export const fromServer = (english: string): string =>
  lang == 'en' || !sayAgain ? english : sayAgain(english);

/** Only for tests: put a language in force with Welsh catalogues given directly. */
export const setLanguageForTest: typeof putInForce = putInForce;

const made = new Map<string, unknown>();

/**
 * An Intl formatter for the language in force, made once per language and
 * `key` (making one is slow: a chart's sentences ask for hundreds).
 */
export function cached<T>(key: string, make: (locale: string) => T): T {
  const k = `${locale()} ${key}`;
  if (!made.has(k)) made.set(k, make(locale()));
  return made.get(k) as T;
}

const number = (n: number) => cached('n', (l) => new Intl.NumberFormat(l)).format(n);

/** The index of the `}` that closes the `{` at `open`. */
function closing(msg: string, open: number): number {
  let depth = 0;
  for (let i = open; i < msg.length; i++) {
    if (msg[i] == '{') depth++;
    else if (msg[i] == '}' && !--depth) return i;
  }
  throw new Error(`unclosed { in "${msg}"`);
}

/** Format an ICU message (the subset above); `hash` is the plural's number, for `#`. */
export function format(msg: string, values: Values = {}, hash?: number): string {
  let out = '';
  for (let i = 0; i < msg.length; i++) {
    const c = msg[i];
    if (c == '#' && hash !== undefined) out += number(hash);
    else if (c != '{') out += c;
    else {
      const end = closing(msg, i);
      const [name = '', kind, ...rest] = msg.slice(i + 1, end).split(',');
      const value = values[name.trim()] ?? '';
      if (!kind) out += typeof value == 'number' ? number(value) : value;
      else {
        const cases: Record<string, string> = {};
        const body = rest.join(',');
        for (let j = 0; j < body.length;) {
          const open = body.indexOf('{', j);
          if (open < 0) break;
          const shut = closing(body, open);
          cases[body.slice(j, open).trim()] = body.slice(open + 1, shut);
          j = shut + 1;
        }
        const n = Number(value);
        const chosen =
          kind.trim() == 'plural'
            ? (cases[`=${n}`] ?? cases[cached('p', (l) => new Intl.PluralRules(l)).select(n)])
            : cases[value];
        out += format(chosen ?? cases.other ?? '', values, kind.trim() == 'plural' ? n : hash);
      }
      i = end;
    }
  }
  return out;
}

/**
 * An area's translator: `t('key', { n: 3 })`. `id` is the catalogue's path
 * under src without `.en.ts` (the completeness test checks it).
 */
export function messages<T extends Record<string, string>>(id: string, en: T): Translator<T> {
  const t = (key: keyof T & string, values?: Values) =>
    format((lang == 'cy' && welsh?.[id]?.[key]) || (en[key] ?? key), values);
  return Object.assign(t, { id, en });
}

/**
 * A translator's English whatever language is in force: for words another
 * program reads back (the server's refusals on the wire, decision 0027).
 */
export function inEnglish<T extends Record<string, string>>(t: Translator<T>) {
  return (key: keyof T & string, values?: Values): string => format(t.en[key] ?? key, values);
}
