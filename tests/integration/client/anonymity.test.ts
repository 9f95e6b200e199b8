// "Anonymous to my team" holds against a colleague who reads everything their
// phone receives: property-tested over random wards. Three people share named
// and anonymous ideas, edit and shortlist their own, comment anywhere, and the
// facilitator moves ideas along; a fourth member's pull of the whole change
// log is then searched for anything that links an anonymous idea to its author
// (a node id in its stamps seen on any other record, their member id or name
// in its fields, or "moved by" its author).
import fc from 'fast-check';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { moveIdea } from '../../../src/db/huddleWrites.ts';
import { addComment, captureIdea, editIdea } from '../../../src/db/writes.ts';
import { parseHlc } from '../../../src/domain/hlc.ts';
import type { IdeaId } from '../../../src/domain/ids.ts';
import type { Change } from '../../../src/domain/protocol.ts';
import { joinTeam } from '../../../src/sync/team.ts';
import { device, now, startServer, twoPhoneTeam, type Device, type Server } from './harness.ts';

type Op =
  | { kind: 'capture'; who: number; anonymous: boolean }
  | { kind: 'edit'; who: number; pick: number }
  | { kind: 'shortlist'; who: number; pick: number }
  | { kind: 'comment'; who: number; pick: number }
  | { kind: 'lead-moves'; pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('capture' as const), who: fc.nat(2), anonymous: fc.boolean() }),
  fc.record({ kind: fc.constant('edit' as const), who: fc.nat(2), pick: fc.nat() }),
  fc.record({ kind: fc.constant('shortlist' as const), who: fc.nat(2), pick: fc.nat() }),
  fc.record({ kind: fc.constant('comment' as const), who: fc.nat(2), pick: fc.nat() }),
  fc.record({ kind: fc.constant('lead-moves' as const), pick: fc.nat() }),
);

let server: Server;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

async function join(phone: Device, code: string, name: string): Promise<string> {
  const r = await joinTeam(phone.db, phone.api, { inviteCode: code, displayName: name }, now());
  if (r.kind !== 'ok') throw new Error(r.message);
  return r.session.member.id;
}

it('no anonymous idea can be linked to its author from what a member’s phone receives', async () => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 14 }), async (ops) => {
      run++;
      const team = await twoPhoneTeam(server);
      const code = (await server.store.teamInfo(team.teamId))?.team.inviteCode ?? '';
      const cee = device(server, `cee-${run}`);
      const reader = device(server, `reader-${run}`);
      const ceeId = await join(cee, code, 'Cee');
      await join(reader, code, 'Reader');
      const ashaId = (await server.store.teamInfo(team.teamId))?.members.find(
        (m) => m.displayName === 'Asha',
      )?.id;
      const people = [
        { phone: team.a, id: ashaId ?? '', name: 'Asha' },
        { phone: team.b, id: team.benId, name: 'Ben' },
        { phone: cee, id: ceeId, name: 'Cee' },
      ];
      const ideas: { id: IdeaId; who: number; anonymous: boolean }[] = [];
      for (const op of ops) {
        if (op.kind === 'capture') {
          const p = people[op.who]!;
          const r = await captureIdea(
            p.phone.db,
            {
              title: `Idea ${ideas.length}`,
              detail: '',
              category: 'other',
              anonymous: op.anonymous,
            },
            now(),
          );
          if (r.kind === 'saved') ideas.push({ id: r.id, who: op.who, anonymous: op.anonymous });
        } else if (ideas.length > 0) {
          const idea = ideas[op.pick % ideas.length]!;
          if (op.kind === 'edit' && idea.who === op.who)
            await editIdea(people[op.who]!.phone.db, idea.id, { detail: 'More' }, now());
          if (op.kind === 'shortlist' && idea.who === op.who)
            await moveIdea(people[op.who]!.phone.db, idea.id, 'shortlisted', now());
          if (op.kind === 'comment')
            await addComment(people[op.who]!.phone.db, idea.id, 'Good one', now());
          if (op.kind === 'lead-moves') await moveIdea(team.a.db, idea.id, 'testing', now());
        }
        // Sync now and then, so later writes see earlier ones from other phones.
        for (const p of people) await p.phone.sync();
      }
      for (const p of people) await p.phone.sync();

      // Everything the reader's phone receives.
      const session = (await reader.db.meta.get('session')) as { session: { token: string } };
      const changes: Change[] = [];
      for (let cursor = 0, more = true; more;) {
        const page = await reader.api.pull(session.session.token, team.teamId, cursor);
        if (page.kind !== 'ok') throw new Error('pull failed');
        changes.push(...page.body.changes);
        more = page.body.more && page.body.cursor !== cursor;
        cursor = page.body.cursor;
      }
      const nodeOf = (c: Change) => parseHlc(c.hlc)?.node ?? '';
      for (const idea of ideas.filter((i) => i.anonymous)) {
        const author = people[idea.who]!;
        const own = changes.filter((c) => c.entity === 'idea' && c.entityId === idea.id);
        const others = changes.filter((c) => !(c.entity === 'idea' && c.entityId === idea.id));
        // The author's own writes to it (all but a facilitator colleague's moves).
        const authorWrites = own.filter(
          (c) => !(idea.who !== 0 && c.fields['statusBy'] === ashaId),
        );
        const device = (await author.phone.db.meta.get('device')) as { deviceId: string };
        const otherNodes = new Set(others.map(nodeOf));
        for (const c of own) {
          const text = JSON.stringify(c.fields);
          expect(text).not.toContain(author.id);
          expect(text).not.toContain(author.name);
        }
        for (const c of authorWrites) {
          expect(nodeOf(c)).not.toBe(device.deviceId);
          expect(otherNodes.has(nodeOf(c))).toBe(false);
        }
      }
    }),
    { numRuns: 12 },
  );
});
