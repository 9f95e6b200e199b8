/**
 * Which message of an English catalogue a sentence is, with its values: for
 * words another program made from the same catalogue in English (the server's
 * refusals and notifications, decision 0027), so that this phone can say them
 * again in its person's language. Each `{name}` matches any text; each
 * `{name, select, a {…} …}` or `{name, plural, one {…} …}` one of its cases,
 * which may hold placeholders and selects of their own; a plural's `#` matches
 * a number (a plural's `=N` cases are not read: the catalogues have none). A
 * message that is only a placeholder would match anything, so it is never
 * recognised.
 */
import { format, type Values } from './index.ts';

type Pattern = { readonly key: string; readonly re: RegExp; readonly groups: readonly Group[] };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The index of the `}` closing the `{` at `open`. */
function closing(msg: string, open: number): number {
  let depth = 0;
  for (let i = open; i < msg.length; i++) {
    if (msg[i] == '{') depth++;
    else if (msg[i] == '}' && !--depth) return i;
  }
  return msg.length;
}

/**
 * What group i + 1 of a pattern gives its value `name`: `text`, the text it
 * matched (a placeholder's); `count`, that text as a number (a plural's `#`);
 * `chose`, the case it stands for, when it took part (an empty group before
 * each case of a select; a plural's cases say nothing, their `#` does).
 */
type Group = {
  readonly name: string;
  readonly as: 'text' | 'count' | 'chose';
  readonly case?: string;
};

/**
 * The regular expression for `msg`, its groups pushed on `groups`. A case of a
 * select or plural may hold placeholders and other selects or plurals, and a
 * plural's `#` (inside it, until a nested plural) is a number as the English
 * catalogue writes it ("1,200").
 */
function compile(msg: string, groups: Group[], plural?: string): string {
  let re = '';
  for (let i = 0; i < msg.length; i++) {
    const c = msg[i] ?? '';
    if (c == '#' && plural !== undefined) {
      groups.push({ name: plural, as: 'count' });
      re += '([\\d,.]+)';
      continue;
    }
    if (c != '{') {
      re += escape(c);
      continue;
    }
    const end = closing(msg, i);
    const [rawName = '', rawKind, ...rest] = msg.slice(i + 1, end).split(',');
    const name = rawName.trim();
    const kind = rawKind?.trim();
    if (!kind) {
      groups.push({ name, as: 'text' });
      re += '(.+?)';
    } else {
      const body = rest.join(',');
      const cases: string[] = [];
      for (let j = 0; j < body.length;) {
        const open = body.indexOf('{', j);
        if (open < 0) break;
        const shut = closing(body, open);
        groups.push(
          kind == 'plural'
            ? { name, as: 'chose' }
            : { name, as: 'chose', case: body.slice(j, open).trim() },
        );
        cases.push(
          `()${compile(body.slice(open + 1, shut), groups, kind == 'plural' ? name : plural)}`,
        );
        j = shut + 1;
      }
      re += `(?:${cases.join('|')})`;
    }
    i = end;
  }
  return re;
}

/** A message's pattern: the whole text, nothing before or after. */
function pattern(key: string, msg: string): Pattern {
  const groups: Group[] = [];
  return { key, re: new RegExp(`^${compile(msg, groups)}$`), groups };
}

export type Recognised<K extends string> = { readonly key: K; readonly values: Values };

/** A finder of `en`'s messages in text (its patterns made on first use). */
export function recogniser<T extends Record<string, string>>(
  en: T,
): (text: string) => Recognised<keyof T & string> | null {
  let patterns: Pattern[] | undefined;
  return (text) => {
    patterns ??= Object.entries(en)
      .filter(([, msg]) => !/^\{\w+\}$/.test(msg))
      .map(([key, msg]) => pattern(key, msg));
    for (const p of patterns) {
      const found = p.re.exec(text);
      if (!found) continue;
      const values: Record<string, string | number> = {};
      p.groups.forEach((g, i) => {
        const got = found[i + 1];
        if (got === undefined) return;
        if (g.as == 'text') values[g.name] = got;
        else if (g.as == 'count') values[g.name] = Number(got.replace(/,/g, ''));
        else if (g.case !== undefined) values[g.name] = g.case;
      });
      // Two cases of a select may read alike: what is found must format back to the same words.
      if (format(en[p.key] ?? '', values) === text) return { key: p.key, values };
    }
    return null;
  };
}
