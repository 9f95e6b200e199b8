/** Words for times and statuses, in the chosen language (Intl and src/ui/words.*.ts). */
import { FORMER_MEMBER, type IdeaStatus } from '../domain/records.ts';
import { cached } from '../i18n/index.ts';
import { t } from './words.en.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "2 minutes ago", "3 hours ago", "4 days ago", then a date (Intl.RelativeTimeFormat). */
export function timeAgo(at: number, now: number): string {
  const d = Math.max(0, now - at);
  if (d < MINUTE) return t('justNow');
  const ago = (n: number, unit: Intl.RelativeTimeFormatUnit) =>
    cached('ago', (l) => new Intl.RelativeTimeFormat(l)).format(-Math.floor(n), unit);
  if (d < HOUR) return ago(d / MINUTE, 'minute');
  if (d < DAY) return ago(d / HOUR, 'hour');
  if (d < 7 * DAY) return ago(d / DAY, 'day');
  return t('onDate', { date: dateOnly(at) });
}

const LONG = { day: 'numeric', month: 'long', year: 'numeric' } as const;
const SHORT = { day: 'numeric', month: 'short', year: 'numeric' } as const;
const dates = (options: Intl.DateTimeFormatOptions) =>
  cached(JSON.stringify(options), (l) => new Intl.DateTimeFormat(l, options));

/** "3 March 2025" ("3 Mawrth 2025"). */
export const dateOnly = (at: number) => dates(LONG).format(at);

// A calendar day is kept as "2026-11-01" (a measure's point, a challenge's
// start); shown in the same words as every other date, read as that day
// wherever the phone is.
const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** "2026-11-01" → "1 November 2026" (unchanged if it is not such a day). */
export const dayDate = (iso: string) =>
  Number.isNaN(dayMs(iso)) ? iso : dates({ ...LONG, timeZone: 'UTC' }).format(dayMs(iso));

/** "2026-11-01" → "1 Nov 2026", for tables and a chart's axis. */
export const shortDay = (iso: string) =>
  Number.isNaN(dayMs(iso)) ? iso : dates({ ...SHORT, timeZone: 'UTC' }).format(dayMs(iso));

/** "3 March 2025 at 14:05" ("3 Mawrth 2025 am 14:05"). */
export const dateTime = (at: number) => dates({ dateStyle: 'long', timeStyle: 'short' }).format(at);

/** An idea's status in the chosen language. */
export const statusLabel = (s: IdeaStatus) => t(s);

/** The statuses' words, read in the chosen language each time (getters). */
export const STATUS_LABELS: Readonly<Record<IdeaStatus, string>> = Object.defineProperties(
  {},
  Object.fromEntries(
    (['new', 'shortlisted', 'testing', 'adopted', 'adapted', 'abandoned', 'parked'] as const).map(
      (s) => [s, { get: () => t(s), enumerable: true }],
    ),
  ),
) as Record<IdeaStatus, string>;

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
  if (mine) return row.anonymous ? t('youAnonymous') : t('you');
  if (row.anonymous) return t('anonymous');
  return row.authorName ? memberName(row.authorName) : t('someone');
}

/** A member's name as the reader sees it: an erased member's ("Former member") in their language. */
export const memberName = (name: string) => (name === FORMER_MEMBER ? t('formerMember') : name);
