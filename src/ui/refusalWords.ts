/**
 * A refusal in the person's language (decision 0027). The team's rules give
 * their reason in English (src/domain/rules/rules.en.ts), on this phone and
 * on the server, whose answer keeps that sentence in `reason` for every phone
 * old and new. This phone recognises the sentence against the same English
 * catalogue and says it again from the chosen language's; a sentence it does
 * not know (a newer server's, or words the server made itself) falls back to
 * the meaning of the refusal's stable code, then to the server's own words.
 */
import { format, language, type Values } from '../i18n/index.ts';
import { en, t, type RuleWords } from '../domain/rules/rules.en.ts';
import type { VerdictCode } from '../domain/rules/verdict.ts';
import { codeWords } from './screens/settings/refusals.en.ts';

type Pattern = { readonly words: RuleWords; readonly re: RegExp; readonly names: string[] };

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
 * A message as a regular expression: each `{name}` a group, each
 * `{name, select, a {…} …}` one group per case, whose text is plain.
 * `names[i]` says what group i + 1 gives: `name` (its text) or `name=case`.
 */
function compile(words: RuleWords): Pattern {
  const msg = en[words];
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
  return { words, re: new RegExp(`^${re}$`), names };
}

let patterns: Pattern[] | undefined;

/** Which rule's sentence this is, with its values; null when no rule says it. */
export function recognise(reason: string): { words: RuleWords; values: Values } | null {
  // A message that is only a placeholder (the server's own words) would match anything.
  patterns ??= (Object.keys(en) as RuleWords[])
    .filter((w) => !/^\{\w+\}$/.test(en[w]))
    .map(compile);
  for (const p of patterns) {
    const found = p.re.exec(reason);
    if (!found) continue;
    const values: Record<string, string> = {};
    p.names.forEach((n, i) => {
      const got = found[i + 1];
      if (got === undefined) return;
      const [name = '', chosen] = n.split('=');
      values[name] = chosen ?? got;
    });
    // A select's text can be the same in two cases (no such message today): check it formats back.
    if (format(en[p.words], values) === reason) return { words: p.words, values };
  }
  return null;
}

/** A refusal (the rules' English `reason`, with its code when known) in the person's language. */
export function refusalWords(refusal: {
  readonly reason: string;
  readonly code?: VerdictCode | undefined;
}): string {
  if (language() == 'en') return refusal.reason;
  const known = recognise(refusal.reason);
  if (known) return t(known.words, known.values);
  return refusal.code ? codeWords(refusal.code) : refusal.reason;
}
