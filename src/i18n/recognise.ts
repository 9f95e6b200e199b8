/**
 * Which message of an English catalogue a sentence is, with its values: for
 * words another program made from the same catalogue in English (the server's
 * refusals and notifications, decision 0027), so that this phone can say them
 * again in its person's language. Each `{name}` matches any text; each
 * `{name, select, a {…} …}` one of its cases' plain texts. A message that is
 * only a placeholder would match anything, so it is never recognised.
 */
import { format, type Values } from './index.ts';

type Pattern = { readonly key: string; readonly re: RegExp; readonly names: string[] };

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

/** `names[i]` says what group i + 1 gives: `name` (its text) or `name=case`. */
function compile(key: string, msg: string): Pattern {
  const names: string[] = [];
  let re = '';
  for (let i = 0; i < msg.length; i++) {
    if (msg[i] != '{') {
      re += escape(msg[i] ?? '');
      continue;
    }
    const end = closing(msg, i);
    const [name = '', kind, ...rest] = msg.slice(i + 1, end).split(',');
    if (!kind) {
      names.push(name.trim());
      re += '(.+?)';
    } else {
      const body = rest.join(',');
      const cases: string[] = [];
      for (let j = 0; j < body.length;) {
        const open = body.indexOf('{', j);
        if (open < 0) break;
        const shut = closing(body, open);
        names.push(`${name.trim()}=${body.slice(j, open).trim()}`);
        cases.push(`(${escape(body.slice(open + 1, shut))})`);
        j = shut + 1;
      }
      re += `(?:${cases.join('|')})`;
    }
    i = end;
  }
  return { key, re: new RegExp(`^${re}$`), names };
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
      .map(([key, msg]) => compile(key, msg));
    for (const p of patterns) {
      const found = p.re.exec(text);
      if (!found) continue;
      const values: Record<string, string> = {};
      p.names.forEach((n, i) => {
        const got = found[i + 1];
        if (got === undefined) return;
        const [name = '', chosen] = n.split('=');
        values[name] = chosen ?? got;
      });
      // Two cases of a select may read alike: what is found must format back to the same words.
      if (format(en[p.key] ?? '', values) === text) return { key: p.key, values };
    }
    return null;
  };
}
