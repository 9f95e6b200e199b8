// A record's stamps as `records.stamps` holds them (decision 0040): a new
// record keeps one stamp for all its fields, a field changed later gets one
// of its own, and a row written before (a stamp for every field) still reads
// and merges exactly as it did. On both databases, reading the rows
// themselves, not only what the store chooses to show.
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../server/store/index.ts';
import { openDatabase } from '../../../server/store/open.ts';
import type { Database as Tables } from '../../../server/store/schema.ts';
import { databaseTargets } from './backends.ts';
import { device, harness, T0 } from './harness.ts';

const stored = async (db: Kysely<Tables>, id: string) =>
  (await db.selectFrom('records').select(['fields', 'stamps']).where('id', '=', id).execute())[0];

describe.each(databaseTargets('stamps'))('a record’s stamps as stored on $name', (target) => {
  let done: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await done?.();
    done = undefined;
  });

  async function open(): Promise<{ store: Store; db: Kysely<Tables> }> {
    const made = target.make();
    const store = await openStore(made.opts);
    const { db } = await openDatabase(made.opts);
    done = async () => {
      await db.destroy();
      await store.close();
      await made.done();
    };
    return { store, db };
  }

  /** A team whose phone `seed` has pushed one new idea, `title`. */
  async function withIdea(seed: number, title: string) {
    const { store, db } = await open();
    const h = harness(store);
    const lead = await h.createTeam();
    const phone = device(seed);
    const idea = phone.idea(lead, title);
    expect((await h.push(lead, [idea]))[0]?.kind).toBe('applied');
    return { store, db, h, lead, phone, idea };
  }

  it('keeps one stamp for a new record, and its own for a field changed later', async () => {
    const { store, db, h, lead, phone, idea } = await withIdea(7, 'Bank staff induction pack');

    const made = await stored(db, idea.entityId);
    expect(JSON.parse(made!.stamps)).toEqual({ '': idea.hlc });
    const fieldNames = Object.keys(JSON.parse(made!.fields) as object);
    expect(fieldNames.length).toBeGreaterThan(5);
    const read = await store.readEntity(lead.team.id, 'idea', idea.entityId);
    expect(read?.state.stamps).toEqual(Object.fromEntries(fieldNames.map((f) => [f, idea.hlc])));

    phone.later(60_000);
    const edit = phone.edit(idea.entityId, { title: 'Bank and agency induction pack' });
    expect((await h.push(lead, [edit]))[0]?.kind).toBe('applied');
    expect(JSON.parse((await stored(db, idea.entityId))!.stamps)).toEqual({
      '': idea.hlc,
      title: edit.hlc,
    });
    const after = await store.readEntity(lead.team.id, 'idea', idea.entityId);
    expect(after?.state.fields['title']).toBe('Bank and agency induction pack');
    expect(after?.state.stamps).toEqual({
      ...Object.fromEntries(fieldNames.map((f) => [f, idea.hlc])),
      title: edit.hlc,
    });
  });

  it('reads a row stored with a stamp for every field, and merges into it as before', async () => {
    const { store, db, h, lead, phone, idea } = await withIdea(8, 'Falls huddle at 2pm');
    // As a server before decision 0040 wrote it: a stamp for each field, the title's later.
    const fields = JSON.parse((await stored(db, idea.entityId))!.fields) as Record<string, unknown>;
    const titleStamp = phone.hlc(T0 + 2 * 60_000);
    const old = { ...Object.fromEntries(Object.keys(fields).map((f) => [f, idea.hlc])) };
    old['title'] = titleStamp;
    await sql`update records set stamps = ${JSON.stringify(old)} where id = ${idea.entityId}`.execute(
      db,
    );
    expect((await store.readEntity(lead.team.id, 'idea', idea.entityId))?.state.stamps).toEqual(
      old,
    );

    // An edit stamped before the stored title loses it; the detail, stamped after, is taken.
    const late = phone.edit(
      idea.entityId,
      { title: 'Older title', detail: 'Falls lead joins' },
      T0 + 60_000,
    );
    expect((await h.push(lead, [late]))[0]).toMatchObject({ kind: 'applied' });
    const after = await store.readEntity(lead.team.id, 'idea', idea.entityId);
    expect(after?.state.fields['title']).toBe('Falls huddle at 2pm');
    expect(after?.state.fields['detail']).toBe('Falls lead joins');
    expect(after?.state.stamps).toEqual({ ...old, detail: late.hlc });
    // Written again in the shared form: the create's stamp for the rest.
    expect(JSON.parse((await stored(db, idea.entityId))!.stamps)).toEqual({
      '': idea.hlc,
      title: titleStamp,
      detail: late.hlc,
    });
  });
});
