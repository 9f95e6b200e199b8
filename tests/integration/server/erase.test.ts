/**
 * A facilitator erases an NHS number typed by mistake into an idea and a
 * comment: afterwards no table of the database holds it (every table of the
 * schema, read row by row; on SQLite also the file's bytes and its
 * write-ahead log), the change log keeps its sequence numbers and stamps, a
 * pull from 0 (a phone joining later) never carries it, the last change
 * erases it on every phone, and nobody can write it back.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, withPgUser, type Store } from '../../../server/store/index.ts';
import type { PullResponse } from '../../../src/domain/protocol.ts';
import { BACKENDS, dropSchema, PG_URL, uniqueSchema } from './backends.ts';
import { device, harness, type Harness, type Session } from './harness.ts';

const SECRET = '943 476 5919';
const DIGITS = '9434765919';

type Scanned = { store: Store; everything(): Promise<string>; close(): Promise<void> };

/** A store and every byte of it a copy of the database would reveal, as text. */
async function open(backend: 'sqlite' | 'postgres'): Promise<Scanned> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ground-up-erase-'));
    const path = join(dir, 'store.sqlite');
    const store = await openStore({ sqlitePath: path });
    return {
      store,
      async everything() {
        const reader = new Database(path, { readonly: true });
        const tables = reader
          .prepare(`select name from sqlite_master where type = 'table'`)
          .all() as { name: string }[];
        const rows = tables.map((t) =>
          JSON.stringify(reader.prepare(`select * from "${t.name}"`).all()),
        );
        reader.close();
        const files = [path, `${path}-wal`, `${path}-journal`]
          .filter(existsSync)
          .map((f) => readFileSync(f).toString('latin1'));
        return [...rows, ...files].join('\n');
      },
      async close() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = uniqueSchema();
  const store = await openStore({ databaseUrl: PG_URL, pgSchema: schema });
  const client = new pg.Client({ connectionString: withPgUser(PG_URL).toString() });
  await client.connect();
  return {
    store,
    async everything() {
      const tables = await client.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = $1`,
        [schema],
      );
      expect(tables.rows.map((t) => t.table_name)).toContain('change_log');
      const parts: string[] = [];
      for (const t of tables.rows) {
        const rows = await client.query(`select * from "${schema}"."${t.table_name}"`);
        parts.push(JSON.stringify(rows.rows));
      }
      return parts.join('\n');
    },
    async close() {
      await client.end();
      await store.close();
      await dropSchema(schema);
    },
  };
}

async function pullAll(h: Harness, s: Session): Promise<PullResponse['changes']> {
  const out: PullResponse['changes'] = [];
  for (let cursor = 0; ;) {
    const page = await h.pull(s, cursor);
    out.push(...page.changes);
    if (!page.more) return out;
    cursor = page.cursor;
  }
}

const holds = (text: string) => text.includes(SECRET) || text.includes(DIGITS);

describe.each(BACKENDS)('erasing a patient detail on $name', (backend) => {
  let db: Scanned;
  let h: Harness;
  let fac: Session;
  let sam: Session;
  const phone = device(7);
  let ideaId: string;
  let commentId: string;

  beforeEach(async () => {
    db = await open(backend.name);
    h = harness(db.store);
    fac = await h.createTeam('Ward 7', 'Priya');
    sam = await h.join(fac.team.inviteCode, 'Sam');
    const idea = phone.idea(sam, `Bed 4 NHS ${SECRET} falls`);
    ideaId = idea.entityId;
    const edit = phone.edit(ideaId, { detail: `Patient ${DIGITS} fell twice` });
    const comment = phone.comment(sam, ideaId, `Same patient ${SECRET}`);
    commentId = comment.entityId;
    const other = phone.idea(sam, 'Fridge key on a lanyard');
    const results = await h.push(sam, [idea, edit, comment, other]);
    expect(results.map((r) => r.kind)).toEqual(['applied', 'applied', 'applied', 'applied']);
  });
  afterEach(() => db.close());

  const erase = (s: Session, entity: string, id: string, reason = 'An NHS number') =>
    h.request('POST', `/api/v1/records/${entity}/${id}/erase`, {
      token: s.token,
      body: { reason },
    });

  it('leaves the words in no table, no file and no pull, keeping the log’s numbers and stamps', async () => {
    // The test can fail: before the erase, the words are everywhere.
    expect(holds(await db.everything())).toBe(true);
    const before = await pullAll(h, sam);
    expect(holds(JSON.stringify(before))).toBe(true);

    expect((await erase(fac, 'idea', ideaId)).status).toBe(200);
    expect((await erase(fac, 'comment', commentId)).status).toBe(200);

    expect(holds(await db.everything())).toBe(false);
    const after = await pullAll(h, sam);
    expect(holds(JSON.stringify(after))).toBe(false);
    // The cursor contract: every earlier change keeps its number, stamp and id; two are added.
    expect(after.slice(0, before.length).map((c) => [c.seq, c.hlc, c.mutationId])).toEqual(
      before.map((c) => [c.seq, c.hlc, c.mutationId]),
    );
    const [ideaErase, commentErase] = after.slice(before.length);
    expect(ideaErase).toMatchObject({
      entity: 'idea',
      entityId: ideaId,
      fields: { title: '[erased]', detail: '', erased: true, erasedBy: fac.member.id },
    });
    expect(commentErase).toMatchObject({
      entity: 'comment',
      fields: { body: '[erased]', erased: true },
    });
    // Later than every stamp the record held, so every phone's merge takes it.
    for (const c of before.filter((c) => c.entityId === ideaId))
      expect(ideaErase!.hlc > c.hlc).toBe(true);
    const held = await db.store.readEntity(fac.team.id, 'idea', ideaId);
    expect(held?.state.fields).toMatchObject({
      title: '[erased]',
      detail: '',
      authorName: null,
      erased: true,
      erasedBy: fac.member.id,
      erasedReason: 'An NHS number',
    });
    // Who erased what and when stays; the other idea is untouched.
    expect(JSON.stringify(after)).toContain('Fridge key on a lanyard');
  });

  it('refuses to write the words back, from the author or anyone', async () => {
    await erase(fac, 'idea', ideaId);
    await erase(fac, 'comment', commentId);
    phone.later(60_000);
    const [again] = await h.push(sam, [phone.edit(ideaId, { title: `Bed 4 ${SECRET}` })]);
    expect(again).toMatchObject({ kind: 'rejected', code: 'fixed' });
    const [undo] = await h.push(fac, [
      phone.raw({ entity: 'idea', entityId: ideaId, fields: { erased: false } }),
    ]);
    expect(undo).toMatchObject({ kind: 'rejected', code: 'invalid' });
    // Moving the idea on still works.
    const [move] = await h.push(sam, [
      phone.raw({
        entity: 'idea',
        entityId: ideaId,
        fields: { status: 'shortlisted', statusBy: sam.member.id },
      }),
    ]);
    expect(move).toMatchObject({ kind: 'applied' });
    expect(holds(await db.everything())).toBe(false);
  });

  it('is for a facilitator of the team only, with a reason that is not itself a patient detail', async () => {
    const member = await erase(sam, 'idea', ideaId);
    expect(member.status).toBe(403);
    expect(member.text).toContain('Ask your team’s facilitator');
    const leaky = await erase(fac, 'idea', ideaId, `It said ${SECRET}`);
    expect(leaky.status).toBe(400);
    expect((await erase(fac, 'idea', ideaId, ' ')).status).toBe(400);
    expect((await erase(fac, 'vote', ideaId)).status).toBe(400);
    const other = await h.createTeam('Ward 8', 'Olu');
    const theirs = await erase(other, 'idea', ideaId);
    expect(theirs.status).toBe(404);
    expect(holds(await db.everything())).toBe(true);
  });
});
