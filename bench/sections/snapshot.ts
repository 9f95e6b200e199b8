/**
 * 11. A phone joining a team with a long history: a team whose change log
 * holds 1,000,000 changes (BENCH_SNAPSHOT_CHANGES), made as a ward makes them:
 * 20,000 ideas from 10 members, each then edited 49 times by its author
 * (title and detail in turn), pushed through the real push path in batches of
 * 200 (in the server's process, to seed quickly). On the embedded SQLite.
 *
 * Then a fresh phone (a newly joined member) pulls from cursor 0 over HTTP,
 * page by page, as the app does (gzip, and each page checked with the
 * client's schema): once with the whole history, once after the server has
 * compacted the log (CHANGE_LOG_COMPACT_DAYS, server/store/compact.ts: the
 * compacted log is the snapshot, decision 0025). Time, changes, requests and
 * bytes on the wire, and how long the compaction took.
 *
 * The pulls here are not held to the fair-use limit of 300 pulls a minute a
 * member: with it, the whole history's 1,000 pages would take a phone at
 * least three minutes and some 429 answers, which the figures say apart.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '../../server/http/limits.ts';
import { startServer, type RunningServer } from '../../server/main.ts';
import { createIdeaMutation, editIdeaMutation } from '../../src/domain/idea.ts';
import { formatHlc } from '../../src/domain/hlc.ts';
import type { DeviceId, IdeaId, MemberId, MutationId } from '../../src/domain/ids.ts';
import type { Mutation, SessionResponse } from '../../src/domain/protocol.ts';
import { LIMITS } from '../../src/domain/records.ts';
import { newId } from '../../src/lib/id.ts';
import { makeIdeas } from '../lib/ideas.ts';
import { round } from '../lib/stats.ts';
import type { Figure } from '../lib/result.ts';
import { pullAll } from '../lib/pull.ts';

const minutes = (m: number) => (m <= 1 ? 'a minute' : `${Math.ceil(m)} minutes`);

const SECTION = '11. Joining a team with a long history (SQLite)';
const MEMBERS = 10;
const EDITS = 49;

/** The team's history, pushed through the real push path; returns when every change is applied. */
async function seed(server: RunningServer, sessions: SessionResponse[], total: number) {
  const ideasPer = Math.max(1, Math.floor(total / (EDITS + 1) / sessions.length));
  const texts = makeIdeas(ideasPer * sessions.length, 23);
  const start = Date.now() - 2 * 365 * 86_400_000;
  let k = 0;
  const pushAs = async (s: SessionResponse, ms: readonly Mutation[], now: number) => {
    const actor = { memberId: s.member.id, teamId: s.team.id, role: s.member.role };
    for (let i = 0; i < ms.length; i += LIMITS.pushBatch) {
      const results = await server.store.push(actor, ms.slice(i, i + LIMITS.pushBatch), now, {
        finalRefusals: true,
      });
      const refused = results.find((r) => r.kind !== 'applied');
      if (refused) throw new Error(`seeding: ${JSON.stringify(refused)}`);
    }
  };
  let applied = 0;
  await Promise.all(
    sessions.map(async (s, m) => {
      const node = randomBytes(8).toString('hex') as DeviceId;
      // As a phone's clock does: the counter starts again at each new millisecond (it has four
      // hex digits, and 1,000,000 changes give each member 100,000 stamps).
      let last = -1;
      let counter = 0;
      const stamp = (wall: number) => {
        counter = wall > last ? 0 : counter + 1;
        last = Math.max(last, wall);
        return formatHlc({ wall: last, counter, node });
      };
      const mine: IdeaId[] = [];
      const creates: Mutation[] = [];
      for (let i = 0; i < ideasPer; i++) {
        const idea = texts[k++]!;
        const id = newId<IdeaId>();
        mine.push(id);
        creates.push(
          createIdeaMutation(
            { ...idea, anonymous: false },
            { ideaId: id, mutationId: newId<MutationId>() },
            { id: s.member.id as MemberId, name: s.member.displayName },
            stamp(start + m),
            start + m,
          ),
        );
      }
      await pushAs(s, creates, start);
      applied += creates.length;
      for (let e = 1; e <= EDITS; e++) {
        const at = start + e * 3_600_000;
        const edits = mine.map((id, i) =>
          editIdeaMutation(
            id,
            e % 2 === 0
              ? { title: `${texts[i]!.title} (${e})` }
              : { detail: `Tried on shift ${e}: ${texts[i]!.detail}` },
            newId<MutationId>(),
            stamp(at),
          ),
        );
        await pushAs(s, edits, at);
        applied += edits.length;
      }
    }),
  );
  return applied;
}

export async function snapshotFigures(log: (s: string) => void) {
  const total = Number(process.env['BENCH_SNAPSHOT_CHANGES'] ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'ground-up-snapshot-'));
  const path = join(dir, 'snapshot.sqlite');
  const lifted = { points: 2_000_000_000, durationSec: 60 };
  const server = await startServer({
    port: 0,
    sqlitePath: path,
    staticDir: join(dir, 'none'),
    log: () => undefined,
    limits: { ...DEFAULT_LIMITS, pushBytes: lifted, records: lifted, pulls: lifted },
    notifications: false,
  });
  try {
    const first = await server.store.createTeam(
      { teamName: 'Ward 9, two years on', displayName: 'Member 0' },
      Date.now(),
    );
    const sessions: SessionResponse[] = [first];
    for (let i = 1; i <= MEMBERS; i++) {
      const s = await server.store.joinTeam(
        { inviteCode: first.team.inviteCode!, displayName: `Member ${i}` },
        Date.now(),
      );
      if (!s || !('token' in s)) throw new Error('join failed');
      sessions.push(s);
    }
    const reader = sessions.pop()!;
    const t0 = performance.now();
    const applied = await seed(server, sessions, total);
    const seedS = (performance.now() - t0) / 1000;
    log(`snapshot: ${applied} changes seeded in ${seedS.toFixed(0)} s`);
    const whole = await pullAll(server.url, reader);
    if (whole.changes !== applied)
      throw new Error(`the whole history pulled ${whole.changes} of ${applied}`);
    const before = statSync(path).size;
    const c0 = performance.now();
    const compacted = await server.store.compactLogs(Date.now() + 1);
    const compactMs = performance.now() - c0;
    const snap = await pullAll(server.url, reader);
    const mb = (b: number) => `${round(b / 1_048_576, 1)} MB`;
    const s = SECTION;
    const figures: Figure[] = [
      {
        section: s,
        name: `Fresh phone pulls the whole history (${applied.toLocaleString('en-GB')} changes)`,
        value: round(whole.ms / 1000, 1),
        unit: 's',
        note: `${whole.requests} requests, ${mb(whole.wire)} on the wire (${mb(whole.json)} of JSON); fair use lifted here: at 300 pulls a minute a phone needs ${minutes(whole.requests / 300)} at least`,
      },
      {
        section: s,
        name: 'Fresh phone pulls the compacted log (the snapshot)',
        value: round(snap.ms / 1000, 2),
        unit: 's',
        note: `${snap.changes.toLocaleString('en-GB')} changes in ${snap.requests} requests, ${mb(snap.wire)} on the wire (${mb(snap.json)} of JSON)`,
      },
      {
        section: s,
        name: 'Bytes on the wire, snapshot / whole history',
        value: round(snap.wire / whole.wire, 3),
        unit: '×',
      },
      {
        section: s,
        name: 'Compacting the log (CHANGE_LOG_COMPACT_DAYS, one sweep)',
        value: round(compactMs / 1000, 1),
        unit: 's',
        note: `${compacted.removed.toLocaleString('en-GB')} rows removed, ${compacted.trimmed.toLocaleString('en-GB')} shortened; database file ${mb(before)} before (seeded in ${seedS.toFixed(0)} s through the push path)`,
      },
    ];
    return {
      figures,
      detail: { applied, seedS, whole, snap, compacted, compactMs, fileBytes: before },
    };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
