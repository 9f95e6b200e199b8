/**
 * Hiding: a facilitator hides a colleague's idea and comment with a reason.
 * They leave the lists of everyone but their author and the team's leads,
 * who read why; a member cannot hide anything (the server refuses, not-lead).
 */
import { expect, it } from 'vitest';
import { listIdeas } from '../../../src/db/ideaSearch.ts';
import { setHidden } from '../../../src/db/moderationWrites.ts';
import { commentsFor } from '../../../src/db/queries.ts';
import { addComment } from '../../../src/db/writes.ts';
import type { IdeaId } from '../../../src/domain/ids.ts';
import { now, twoPhoneTeamEachTest, type TwoPhones } from './harness.ts';

const each = twoPhoneTeamEachTest();

const titles = async (t: TwoPhones, who: 'a' | 'b', viewer: { memberId: string; leads: boolean }) =>
  (await listIdeas(t[who].db, { viewer })).map((i) => i.title);

it('a hidden idea and comment leave the lists of all but their author and the leads', async () => {
  const { team } = each;
  const { a, b, benId } = team;
  const ideaId = await b.capture('Rota swap board');
  const comment = await addComment(b.db, ideaId as IdeaId, 'Bay 3 agrees', now());
  if (comment.kind !== 'saved') throw new Error(comment.message);
  const third = 'someone-else';
  await b.sync();
  await a.sync();
  const ashaId = (await a.db.meta.get('session'))!;
  const asha = ashaId.key === 'session' ? ashaId.session.member.id : '';

  expect(await setHidden(a.db, 'idea', ideaId, true, 'Names a patient', now())).toMatchObject({
    kind: 'saved',
  });
  expect(await setHidden(a.db, 'comment', comment.id, true, 'Off topic', now())).toMatchObject({
    kind: 'saved',
  });
  expect(await a.sync()).toMatchObject({ kind: 'synced' });
  expect(await a.db.rejected.count()).toBe(0);
  await b.sync();

  // Ben wrote them: he still sees both, and why they were hidden.
  expect(await titles(team, 'b', { memberId: benId, leads: false })).toEqual(['Rota swap board']);
  const onBen = await b.db.ideas.get(ideaId);
  expect(onBen).toMatchObject({ hidden: true, hiddenReason: 'Names a patient', hiddenBy: asha });
  expect(await commentsFor(b.db, ideaId, { memberId: benId, leads: false })).toHaveLength(1);
  // A lead sees them; another member does not (read on Asha's phone, where the idea is not "mine").
  expect(await titles(team, 'a', { memberId: asha, leads: true })).toEqual(['Rota swap board']);
  expect(await titles(team, 'a', { memberId: third, leads: false })).toEqual([]);
  expect(await commentsFor(a.db, ideaId, { memberId: third, leads: false })).toEqual([]);

  // Shown again: back in everyone's list.
  await setHidden(a.db, 'idea', ideaId, false, '', now());
  await a.sync();
  expect(await titles(team, 'a', { memberId: third, leads: false })).toEqual(['Rota swap board']);
});

it('a member cannot hide a colleague’s idea: the server refuses it as not-lead', async () => {
  const { a, b } = each.team;
  const ideaId = await a.capture('Fridge log');
  await a.sync();
  await b.sync();
  await setHidden(b.db, 'idea', ideaId, true, 'I do not like it', now());
  await b.sync();
  const [refused] = await b.db.rejected.toArray();
  expect(refused).toMatchObject({ entityId: ideaId, code: 'not-lead' });
  // Put back to the server's state: not hidden on Ben's phone either.
  expect((await b.db.ideas.get(ideaId))?.hidden).toBeUndefined();
  expect(
    (await each.server.store.readEntity(each.team.teamId, 'idea', ideaId))?.state.fields['hidden'],
  ).toBe(undefined);
});
