/**
 * Tapping a dot: add or take off one dot on an idea for a voter (this
 * device's member, a member picked on the tablet, or a colleague without the
 * app). Checked against the same vote rules the server applies, so what would
 * be rejected is refused at once, then saved in one strict transaction.
 */
import { HUDDLE_LIMITS, parseIds, voteIdOf, type VoteFields } from '../domain/huddle.ts';
import { checkVote } from '../domain/rules/huddleRules.ts';
import type { Verdict } from '../domain/rules/verdict.ts';
import type { MutationId } from '../domain/ids.ts';
import { newId } from '../lib/id.ts';
import { refusalWords } from '../ui/refusalWords.ts';
import { t as words } from './writes.en.ts';
import { attempt } from './writes.ts';
import { getSession } from './session.ts';
import { syncedTables } from './syncedTables.ts';
import type { GroundUpDb } from './schema.ts';
import { commit } from './writes.ts';

/** Whose dots: this device's member, a member picked on the tablet, or a proxy. */
export type Voter =
  | { readonly kind: 'member'; readonly memberId: string }
  | { readonly kind: 'proxy'; readonly name: string };

export type TapResult =
  | { readonly kind: 'saved'; readonly dots: number }
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'quota' | 'blocked' | 'error'; readonly message: string };

/** Add (+1) or take off (-1) one dot on an idea, if the rules allow. */
export async function tapDot(
  db: GroundUpDb,
  huddleId: string,
  ideaId: string,
  voter: Voter,
  delta: 1 | -1,
  now: number,
): Promise<TapResult> {
  let verdict: Verdict = { ok: true };
  let notHere = false;
  let dots = 0;
  const result = await attempt(async () => {
    await db.transaction('rw', [...syncedTables(db), db.outbox, db.meta], async () => {
      const session = await getSession(db);
      const huddle = await db.huddles.get(huddleId);
      if (!session || !huddle) {
        notHere = true;
        return;
      }
      const actor = { memberId: session.member.id, role: session.member.role };
      const identity = {
        huddleId,
        ideaId,
        memberId: voter.kind === 'member' ? voter.memberId : actor.memberId,
        proxy: voter.kind === 'proxy',
        proxyName: voter.kind === 'proxy' ? voter.name.trim() : null,
      };
      const id = voteIdOf(identity);
      const votes = (await db.votes.where('huddleId').equals(huddleId).toArray()).flatMap(asVote);
      const before = votes.find((v) => voteIdOf(v) === id) ?? null;
      dots = Math.max(0, (before?.dots ?? 0) + delta);
      // A colleague's name keeps the spelling this phone holds for them (the server
      // takes any spelling that normalises alike as the same voter).
      const fields: VoteFields = {
        ...identity,
        proxyName: before?.proxyName ?? identity.proxyName,
        dots,
      };
      verdict = checkVote({
        actor,
        huddle: {
          state: huddle.state ?? 'open',
          dotsPerMember: huddle.dotsPerMember ?? HUDDLE_LIMITS.defaultDots,
          shortlist: parseIds(huddle.shortlist),
        },
        before,
        after: fields,
        votes,
      });
      if (!verdict.ok || dots === (before?.dots ?? 0)) return;
      await commit(
        db,
        ({ hlc }) => ({ id: newId<MutationId>(), entity: 'vote', entityId: id, fields, hlc }),
        now,
      );
    });
    return {};
  });
  if (result.kind !== 'saved') return result;
  if (notHere) return { kind: 'refused', message: words('huddleNotHere') };
  const v = verdict as Verdict;
  return v.ok ? { kind: 'saved', dots } : { kind: 'refused', message: refusalWords(v) };
}

function asVote(row: Partial<VoteFields>): VoteFields[] {
  const { huddleId, ideaId, memberId, dots, proxy, proxyName } = row;
  if (huddleId === undefined || ideaId === undefined || memberId === undefined) return [];
  return [
    {
      huddleId,
      ideaId,
      memberId,
      dots: dots ?? 0,
      proxy: proxy === true,
      proxyName: proxyName ?? null,
    },
  ];
}
