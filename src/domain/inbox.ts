/**
 * "For you": what happened to the things a person cares about, derived on the
 * phone from records it already holds (no server round trip, so it works
 * offline). Pure: the records, who "you" are and the time come in as
 * arguments. Each item has a stable id, so read / unread can be kept per
 * device by id (src/db/inbox.ts).
 *
 * Anonymity: an anonymous idea is "yours" only on the phone that captured it
 * (`mine`), and an item about it never names who moved it (a member may
 * shortlist their own idea, so naming the mover could name the author).
 */
import { challengeDay, CHALLENGE_DAYS, dateOfDay, MID_POINT_DAY } from './challenge.ts';
import type { IdeaStatus, Role } from './records.ts';
import { t } from './inbox.en.ts';

export const INBOX_KINDS = [
  'idea-shortlisted',
  'idea-testing',
  'idea-decided',
  'comment',
  'huddle-open',
  'ask-answered',
  'ask-waiting',
  'review-soon',
] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export type InboxItem = {
  /** Stable across runs: the device keeps read / unread by it. */
  readonly id: string;
  readonly kind: InboxKind;
  /** When it happened (ms), for newest first; a review's day-1 stamp of its date. */
  readonly at: number;
  /** One line in words ("Your idea was chosen to test"). */
  readonly title: string;
  /** What it is about (the idea's title, the comment, the huddle's name). */
  readonly detail: string;
  /** Where a tap goes. */
  readonly href: string;
  /** The action a tap takes, in words ("Vote", "Read the answer"). */
  readonly action: string;
};

export type InboxIdea = {
  readonly id: string;
  readonly title?: string | undefined;
  readonly anonymous?: boolean | undefined;
  readonly authorId?: string | null | undefined;
  readonly mine: 0 | 1 | 2;
  readonly deleted?: boolean | undefined;
};
export type InboxStatusMove = {
  readonly ideaId: string;
  readonly hlc: string;
  readonly status: IdeaStatus;
  readonly by: string | null;
  readonly at: number | null;
};
export type InboxComment = {
  readonly id: string;
  readonly ideaId: string;
  readonly body?: string | undefined;
  readonly authorId?: string | null | undefined;
  readonly authorName?: string | null | undefined;
  readonly createdAt?: number | undefined;
  readonly deleted?: boolean | undefined;
};
export type InboxHuddle = {
  readonly id: string;
  readonly title?: string | undefined;
  readonly state?: 'open' | 'closed' | undefined;
  readonly startedBy?: string | undefined;
  readonly startedAt?: number | undefined;
  readonly endsAt?: number | null | undefined;
};
export type InboxAsk = {
  readonly id: string;
  readonly ideaId: string;
  readonly text?: string | undefined;
  readonly askedBy?: string | undefined;
  readonly askedByName?: string | undefined;
  readonly createdAt?: number | undefined;
  readonly answer?: 'backed' | 'needs-more' | 'not-now' | null | undefined;
  readonly answeredBy?: string | null | undefined;
  readonly answeredByName?: string | null | undefined;
  readonly answeredAt?: number | null | undefined;
  readonly deleted?: boolean | undefined;
};
export type InboxPdsa = {
  readonly ideaId: string;
  readonly deleted?: boolean | undefined;
};
export type InboxChallenge = {
  readonly id: string;
  readonly goal?: string | undefined;
  readonly startDate?: string | undefined;
  readonly deleted?: boolean | undefined;
};

export type InboxInput = {
  /** Who this device is: the session's member. */
  readonly me: { readonly id: string; readonly role: Role };
  readonly ideas: readonly InboxIdea[];
  readonly statusLog: readonly InboxStatusMove[];
  readonly comments: readonly InboxComment[];
  readonly huddles: readonly InboxHuddle[];
  readonly asks: readonly InboxAsk[];
  readonly pdsas: readonly InboxPdsa[];
  readonly challenge: InboxChallenge | null;
  /** Member id to display name, as last fetched. */
  readonly names: ReadonlyMap<string, string>;
  readonly now: number;
  /** Today on this device, yyyy-mm-dd. */
  readonly today: string;
};

/** A review shows from this many days before its day until the day itself. */
export const REVIEW_NOTICE_DAYS = 7;

const DECIDED: ReadonlySet<IdeaStatus> = new Set(['adopted', 'adapted', 'abandoned']);

function quoted(s: string | undefined, fallback: string): string {
  const t = s?.trim();
  return t ? `“${t}”` : fallback;
}

function isMine(idea: InboxIdea, me: string): boolean {
  return idea.mine > 0 || (idea.authorId != null && idea.authorId === me);
}

function statusItem(
  idea: InboxIdea,
  move: InboxStatusMove,
  names: ReadonlyMap<string, string>,
): InboxItem | null {
  const kind: InboxKind | null =
    move.status === 'shortlisted'
      ? 'idea-shortlisted'
      : move.status === 'testing'
        ? 'idea-testing'
        : DECIDED.has(move.status)
          ? 'idea-decided'
          : null;
  if (kind === null) return null;
  // Never name the mover of an anonymous idea: it could be the author.
  const who =
    idea.anonymous === true || move.by === null ? null : (names.get(move.by) ?? t('aColleague'));
  const what =
    kind === 'idea-shortlisted' ? 'shortlisted' : kind === 'idea-testing' ? 'testing' : 'decided';
  return {
    id: `status:${idea.id}:${move.hlc}`,
    kind,
    at: move.at ?? 0,
    title: who ? t(`${what}By`, { who, status: move.status }) : t(what, { status: move.status }),
    detail: quoted(idea.title, t('anIdea')),
    href: kind === 'idea-testing' ? `/ideas/${idea.id}/test` : `/ideas/${idea.id}`,
    action: kind === 'idea-testing' ? t('seeTest') : t('seeIdea'),
  };
}

/** Every item for this person, newest first. */
export function inboxItems(input: InboxInput): InboxItem[] {
  const { me, names } = input;
  const ideas = new Map(input.ideas.filter((i) => i.deleted !== true).map((i) => [i.id, i]));
  const mine = new Set([...ideas.values()].filter((i) => isMine(i, me.id)).map((i) => i.id));
  const items: InboxItem[] = [];

  // Your idea moved (by someone else).
  for (const move of input.statusLog) {
    const idea = ideas.get(move.ideaId);
    if (!idea || !mine.has(idea.id) || move.by === me.id) continue;
    const item = statusItem(idea, move, names);
    if (item) items.push(item);
  }

  // Tests of change you are in: on your idea, or one you asked about or commented on.
  const tested = new Set(input.pdsas.filter((p) => p.deleted !== true).map((p) => p.ideaId));
  const involved = new Set(mine);
  for (const a of input.asks)
    if (a.askedBy === me.id && tested.has(a.ideaId)) involved.add(a.ideaId);
  for (const c of input.comments) {
    if (c.authorId === me.id && c.deleted !== true && tested.has(c.ideaId)) involved.add(c.ideaId);
  }
  for (const c of input.comments) {
    if (c.deleted === true || c.authorId === me.id || !involved.has(c.ideaId)) continue;
    const idea = ideas.get(c.ideaId);
    if (!idea) continue;
    const onYours = mine.has(c.ideaId);
    items.push({
      id: `comment:${c.id}`,
      kind: 'comment',
      at: c.createdAt ?? 0,
      title: t(onYours ? 'commentedYours' : 'commentedTest', { who: c.authorName ?? t('someone') }),
      detail: idea.title?.trim()
        ? t('commentOn', { comment: quoted(c.body, ''), idea: quoted(idea.title, '') })
        : t('commentOnIdea', { comment: quoted(c.body, '') }),
      href: `/ideas/${c.ideaId}`,
      action: t('readComment'),
    });
  }

  // A huddle open now.
  for (const h of input.huddles) {
    if (h.state !== 'open' || (h.endsAt != null && h.endsAt <= input.now)) continue;
    if (h.startedBy === me.id) continue;
    items.push({
      id: `huddle:${h.id}`,
      kind: 'huddle-open',
      at: h.startedAt ?? 0,
      title: t('huddleOpen'),
      detail: quoted(h.title, t('huddle')),
      href: `/huddles/${h.id}`,
      action: t('vote'),
    });
  }

  for (const a of input.asks) {
    if (a.deleted === true) continue;
    const idea = ideas.get(a.ideaId);
    const ideaTitle = idea?.title?.trim() ? quoted(idea.title, '') : null;
    // Your ask answered.
    if (a.askedBy === me.id && a.answer && a.answeredBy !== me.id) {
      items.push({
        id: `ask-answered:${a.id}:${a.answeredAt ?? 0}`,
        kind: 'ask-answered',
        at: a.answeredAt ?? 0,
        title: t('answered', {
          who: a.answeredByName ?? t('sponsor'),
          answer: a.answer === 'needs-more' ? 'more' : a.answer,
        }),
        detail: ideaTitle
          ? t('yourAsk', { ask: quoted(a.text, ''), idea: ideaTitle })
          : t('yourAskIdea', { ask: quoted(a.text, '') }),
        href: `/ideas/${a.ideaId}/test`,
        action: t('readAnswer'),
      });
    }
    // The sponsor asked for an answer.
    if (me.role === 'sponsor' && !a.answer && a.askedBy !== me.id) {
      items.push({
        id: `ask-waiting:${a.id}`,
        kind: 'ask-waiting',
        at: a.createdAt ?? 0,
        title: t('askedYou', { who: a.askedByName ?? t('someone') }),
        detail: ideaTitle
          ? t('askAbout', { ask: quoted(a.text, t('anAsk')), idea: ideaTitle })
          : t('askAboutIdea', { ask: quoted(a.text, t('anAsk')) }),
        href: '/challenge/asks',
        action: t('answer'),
      });
    }
  }

  // The challenge's reviews coming up.
  const c = input.challenge;
  if (c && c.deleted !== true && c.startDate) {
    const day = challengeDay(c.startDate, input.today);
    for (const review of [MID_POINT_DAY, CHALLENGE_DAYS]) {
      const until = review - day;
      if (until < 0 || until > REVIEW_NOTICE_DAYS) continue;
      const date = dateOfDay(c.startDate, review);
      const words = { day: String(review), review: review === MID_POINT_DAY ? 'mid' : 'landing' };
      items.push({
        id: `review:${c.id}:${review}:${date}`,
        kind: 'review-soon',
        at: Date.parse(`${dateOfDay(c.startDate, review - REVIEW_NOTICE_DAYS)}T00:00:00Z`),
        title: until === 0 ? t('reviewToday', words) : t('reviewIn', { ...words, n: until, date }),
        detail: quoted(c.goal, t('challenge')),
        href: '/challenge',
        action: t('openChallenge'),
      });
    }
  }

  return items.sort((a, b) => b.at - a.at || a.id.localeCompare(b.id));
}

/** How many of `items` this device has not seen. */
export function unreadCount(items: readonly InboxItem[], read: ReadonlySet<string>): number {
  return items.filter((i) => !read.has(i.id)).length;
}
