/**
 * Which applied changes tell whom what: a huddle opened (everyone but who
 * opened it), an idea moved (its author), a comment (the idea's author), an
 * ask (the team's sponsors) and its answer (who asked). Each notice carries
 * the "For you" item id the phone derives for the same change (src/domain/
 * inbox.ts), so opening it marks that item read.
 *
 * Anonymity: the server knows who pushed an anonymous idea and tells only
 * them; the notice never names who moved an anonymous idea. With the team's
 * "no idea text" setting (the default) nothing a person typed is sent: only
 * what happened, which the lock screen may show.
 */
import type { Fields } from '../../src/domain/merge.ts';
import type { NotifyKind, PushPayload } from '../../src/domain/notify.ts';
import type { LoggedChange, NotifyStore, TeamMember } from '../store/notify.ts';

export type Notice = {
  /** Who is told. */
  readonly to: readonly string[];
  readonly payload: PushPayload;
};

type Lookups = {
  readonly members: readonly TeamMember[];
  readonly ideaText: boolean;
  readonly record: NotifyStore['record'];
  readonly teamId: string;
};

const str = (x: unknown) => (typeof x === 'string' ? x : null);
const DECIDED = new Set(['adopted', 'adapted', 'abandoned']);
const ANSWERS: Record<string, string> = {
  backed: 'backed it',
  'needs-more': 'asked for more',
  'not-now': 'said not now',
};

function clip(s: string | null, max = 120): string {
  if (!s) return '';
  const t = s.trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The idea's author as the server knows it: the pusher of an anonymous idea, else its authorId. */
function authorOf(idea: { createdBy: string; fields: Fields }): string | null {
  return idea.fields['anonymous'] === true ? idea.createdBy : str(idea.fields['authorId']);
}

export async function noticesFor(change: LoggedChange, l: Lookups): Promise<Notice[]> {
  const f = change.fields;
  const name = (id: string | null) =>
    (id && l.members.find((m) => m.id === id)?.name) ?? 'A colleague';
  const notice = (
    to: readonly (string | null)[],
    kind: NotifyKind,
    p: Omit<PushPayload, 'kind'>,
  ): Notice[] => {
    const who = to.filter((m): m is string => m !== null && m !== change.memberId);
    return who.length > 0 ? [{ to: who, payload: { kind, ...p } }] : [];
  };

  switch (change.entity) {
    case 'huddle': {
      if (f['state'] !== 'open' || !('startedAt' in f)) return [];
      return notice(
        l.members.map((m) => m.id),
        'huddle-open',
        {
          title: 'A huddle is open: place your dots',
          body: l.ideaText ? clip(str(f['title'])) : 'Open Ground Up to vote.',
          url: `/huddles/${change.entityId}`,
          itemId: `huddle:${change.entityId}`,
        },
      );
    }
    case 'idea': {
      const status = str(f['status']);
      if (status === null || 'createdAt' in f) return [];
      const kind: NotifyKind | null =
        status === 'shortlisted'
          ? 'idea-shortlisted'
          : status === 'testing'
            ? 'idea-testing'
            : DECIDED.has(status)
              ? 'idea-decided'
              : null;
      if (kind === null) return [];
      const idea = await l.record(l.teamId, 'idea', change.entityId);
      if (!idea) return [];
      const anonymous = idea.fields['anonymous'] === true;
      const what =
        kind === 'idea-shortlisted'
          ? 'was shortlisted'
          : kind === 'idea-testing'
            ? 'was chosen to test'
            : `was ${status}`;
      const by = anonymous ? '' : ` by ${name(str(f['statusBy']) ?? change.memberId)}`;
      return notice([authorOf(idea)], kind, {
        title: `Your idea ${what}${by}`,
        body: l.ideaText ? clip(str(idea.fields['title'])) : 'Open Ground Up to see it.',
        url:
          kind === 'idea-testing' ? `/ideas/${change.entityId}/test` : `/ideas/${change.entityId}`,
        itemId: `status:${change.entityId}:${change.hlc}`,
      });
    }
    case 'comment': {
      if (!('createdAt' in f) || f['deleted'] === true) return [];
      const ideaId = str(f['ideaId']);
      const idea = ideaId ? await l.record(l.teamId, 'idea', ideaId) : null;
      if (!idea || !ideaId) return [];
      return notice([authorOf(idea)], 'comment', {
        title: `${clip(str(f['authorName']), 60) || 'A colleague'} commented on your idea`,
        body: l.ideaText ? clip(str(f['body'])) : 'Open Ground Up to read it.',
        url: `/ideas/${ideaId}`,
        itemId: `comment:${change.entityId}`,
      });
    }
    case 'ask': {
      const ask = await l.record(l.teamId, 'ask', change.entityId);
      if (!ask || ask.fields['deleted'] === true) return [];
      const ideaId = str(ask.fields['ideaId']) ?? '';
      if ('createdAt' in f && !ask.fields['answer']) {
        return notice(
          l.members.filter((m) => m.role === 'sponsor').map((m) => m.id),
          'ask-waiting',
          {
            title: `${clip(str(ask.fields['askedByName']), 60) || 'A colleague'} asked you for an answer`,
            body: l.ideaText ? clip(str(ask.fields['text'])) : 'Open Ground Up to answer.',
            url: '/challenge/asks',
            itemId: `ask-waiting:${change.entityId}`,
          },
        );
      }
      const answer = str(f['answer']);
      if (answer === null) return [];
      return notice([str(ask.fields['askedBy'])], 'ask-answered', {
        title: `${clip(str(ask.fields['answeredByName']), 60) || 'The sponsor'} ${ANSWERS[answer] ?? 'answered'}`,
        body: l.ideaText ? clip(str(ask.fields['text'])) : 'Open Ground Up to read the answer.',
        url: `/ideas/${ideaId}/test`,
        itemId: `ask-answered:${change.entityId}:${Number(ask.fields['answeredAt'] ?? 0)}`,
      });
    }
    default:
      return [];
  }
}
