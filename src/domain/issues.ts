/**
 * A failed valibot parse as one sentence that names the field: the server's
 * 400 answers (server/http/input.ts, a push's malformed mutation) and the
 * phone's own check before starting or joining a team (src/sync/team.ts). Its
 * own module, so that the capture screen's shared code does not carry it.
 */
import type * as v from 'valibot';

/** Turns a failed parse into one sentence that names the field. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): {
  field: string;
  message: string;
} {
  const first = issues[0];
  if (!first) return { field: '', message: 'is not valid' };
  const field = pathOf(first);
  return { field, message: `${field || 'body'} ${wordsFor(first)}` };
}

/** The dot path of an issue; a key that is the empty string shows as "" so it can be named. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? [])
    .map(({ key }) =>
      key === '' ? '""' : typeof key === 'string' || typeof key === 'number' ? String(key) : '?',
    )
    .join('.');
}

/** valibot's words, except for the two a person cannot read: an unknown key and a missing one. */
function wordsFor(issue: v.BaseIssue<unknown>): string {
  const last = issue.path?.at(-1);
  if (last?.origin !== 'key') return issue.message;
  if (issue.expected === 'never') return 'is not something this request can carry';
  if (issue.received === 'undefined') return 'is missing';
  return issue.message;
}
