/** Words for times and statuses, in British English. */
import type { IdeaStatus } from '../domain/records.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "just now", "2 minutes ago", "3 hours ago", "4 days ago", then a date. */
export function timeAgo(at: number, now: number): string {
  const d = Math.max(0, now - at);
  if (d < MINUTE) return 'just now';
  if (d < HOUR) return `${plural(Math.floor(d / MINUTE), 'minute')} ago`;
  if (d < DAY) return `${plural(Math.floor(d / HOUR), 'hour')} ago`;
  if (d < 7 * DAY) return `${plural(Math.floor(d / DAY), 'day')} ago`;
  return `on ${dateOnly(at)}`;
}

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

export const dateOnly = (at: number) => DATE.format(at);

// A calendar day is kept as "2026-11-01" (a measure's point, a challenge's
// start); shown in the same words as every other date, read as that day
// wherever the phone is.
const CALENDAR_DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const SHORT_DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** "2026-11-01" → "1 November 2026" (unchanged if it is not such a day). */
export const dayDate = (iso: string) =>
  Number.isNaN(dayMs(iso)) ? iso : CALENDAR_DAY.format(dayMs(iso));

/** "2026-11-01" → "1 Nov 2026", for tables and a chart's axis. */
export const shortDay = (iso: string) =>
  Number.isNaN(dayMs(iso)) ? iso : SHORT_DAY.format(dayMs(iso));

/** "3 March 2025 at 14:05". */
export const dateTime = (at: number) => `${DATE.format(at)} at ${TIME.format(at)}`;

export const STATUS_LABELS: Readonly<Record<IdeaStatus, string>> = {
  new: 'New',
  shortlisted: 'Shortlisted',
  testing: 'Testing',
  adopted: 'Adopted',
  adapted: 'Adapted',
  abandoned: 'Abandoned',
  parked: 'Parked',
};

/** Tag colour modifier for each status. */
export const STATUS_TAG: Readonly<Record<IdeaStatus, string>> = {
  new: 'tag',
  shortlisted: 'tag tag--purple',
  testing: 'tag tag--yellow',
  adopted: 'tag tag--green',
  adapted: 'tag tag--green',
  abandoned: 'tag tag--red',
  parked: 'tag tag--grey',
};

type Authored = {
  readonly anonymous?: boolean | undefined;
  readonly authorId?: string | null | undefined;
  readonly authorName?: string | null | undefined;
};

/**
 * Who wrote it, as the reader should see it: "You" for this phone's own,
 * "Anonymous" when the author chose so, else their name.
 * @param mine captured on this device, or written by this device's member.
 */
export function authorLabel(row: Authored, mine: boolean): string {
  if (mine) return row.anonymous ? 'You (anonymous to your team)' : 'You';
  if (row.anonymous) return 'Anonymous';
  return row.authorName ?? 'Someone';
}
