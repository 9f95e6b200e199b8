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
import { t as item } from '../../src/domain/inbox.en.ts';
import { t as words } from '../../src/domain/notify.en.ts';

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
/** An answer as the "For you" words select it. */
const ANSWERS: Record<string, string> = {
  backed: 'backed',
  'needs-more': 'more',
  'not-now': 'not-now',
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
    (id && l.members.find((m) => m.id === id)?.name) ?? item('someone');
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
          title: item('huddleOpen'),
          body: l.ideaText ? clip(str(f['title'])) : words('toVote'),
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
          ? 'shortlisted'
          : kind === 'idea-testing'
            ? 'testing'
            : 'decided';
      const who = name(str(f['statusBy']) ?? change.memberId);
      return notice([authorOf(idea)], kind, {
        title: anonymous ? item(what, { status }) : item(`${what}By`, { status, who }),
        body: l.ideaText ? clip(str(idea.fields['title'])) : words('toSee'),
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
        title: item('commentedYours', { who: clip(str(f['authorName']), 60) || item('someone') }),
        body: l.ideaText ? clip(str(f['body'])) : words('toRead'),
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
            title: item('askedYou', {
              who: clip(str(ask.fields['askedByName']), 60) || item('someone'),
            }),
            body: l.ideaText ? clip(str(ask.fields['text'])) : words('toAnswer'),
            url: '/challenge/asks',
            itemId: `ask-waiting:${change.entityId}`,
          },
        );
      }
      const answer = str(f['answer']);
      if (answer === null) return [];
      const sponsor = clip(str(ask.fields['answeredByName']), 60) || item('sponsor');
      return notice([str(ask.fields['askedBy'])], 'ask-answered', {
        title:
          ANSWERS[answer] === undefined
            ? words('answeredOther', { who: sponsor })
            : item('answered', { who: sponsor, answer: ANSWERS[answer] }),
        body: l.ideaText ? clip(str(ask.fields['text'])) : words('toReadAnswer'),
        url: `/ideas/${ideaId}/test`,
        itemId: `ask-answered:${change.entityId}:${Number(ask.fields['answeredAt'] ?? 0)}`,
      });
    }
    default:
      return [];
  }
}
