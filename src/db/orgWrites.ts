/**
 * Writes of the organisation's records (decision 0021), through the same
 * commit() and outbox as every write, so they travel with the team's push and
 * its exactly-once rules; the server files them in the organisation's log.
 * Each row keeps the organisation's id as its scope (orgRows.ts).
 */
import { createIdeaMutation } from '../domain/idea.ts';
import { defaultStamp } from '../domain/hlc.ts';
import type { IdeaId, MutationId } from '../domain/ids.ts';
import { takeId } from '../domain/takeId.ts';
import type { SharedPoint } from '../domain/orgSchema.ts';
import { newId } from '../lib/id.ts';
import { categories } from './categories.ts';
import { getTeamOrg } from './orgData.ts';
import { getSession } from './session.ts';
import type { GroundUpDb } from './schema.ts';
import { Refused } from './errors.ts';
import { attempt, build, commit } from './writes.ts';
import { syncedTables } from './syncedTables.ts';
import { t as words } from './writes.en.ts';

export type NewShare = {
  readonly ideaId: string;
  readonly title: string;
  readonly tried: string;
  readonly category: string | null;
  readonly measure: {
    readonly name: string;
    readonly unit: string;
    readonly direction: 'higher' | 'lower';
    readonly points: readonly SharedPoint[];
    /** The chart as the form showed it, exported (exportChart.ts chartSvgText). */
    readonly svg: string | null;
  } | null;
  readonly contact: string;
};

class NotLinked extends Refused {
  constructor() {
    super(words('notLinked'));
  }
}

async function linkedOrg(db: GroundUpDb) {
  const session = await getSession(db);
  const org = session ? await getTeamOrg(db, session.team.id) : null;
  if (!session || !org) throw new NotLinked();
  return { session, org };
}

/** Share an adopted or adapted change with the organisation. */
export function shareChange(db: GroundUpDb, input: NewShare, now: number) {
  const id = newId<string>();
  return attempt(async () => {
    await db.transaction('rw', [...syncedTables(db), db.outbox, db.meta], async () => {
      const { session, org } = await linkedOrg(db);
      await commit(
        db,
        build('share', id, {
          ideaId: input.ideaId,
          title: input.title,
          tried: input.tried,
          category: input.category,
          measureName: input.measure?.name ?? null,
          unit: input.measure?.unit ?? null,
          direction: input.measure?.direction ?? null,
          points: JSON.stringify(input.measure?.points ?? []),
          chartSvg: input.measure?.svg ?? null,
          contact: input.contact,
          teamName: session.team.name,
          sharedBy: session.member.id,
          createdAt: now,
          withdrawn: false,
        }),
        now,
      );
      await db.shares.update(id, { teamId: org.id });
    });
    return { id };
  });
}

/** Withdraw a change the team shared: it leaves every phone at their next pull. */
export function withdrawShare(db: GroundUpDb, shareId: string, now: number) {
  return attempt(async () => {
    await commit(db, build('share', shareId, { withdrawn: true }), now);
    return { id: shareId };
  });
}

/**
 * Take a shared change up as a new idea of this team, with the link back
 * (`takenFrom`), and count the team once in the share's take-ups: both in one
 * transaction, so offline they wait together in the outbox.
 */
export function takeShare(db: GroundUpDb, shareId: string, now: number) {
  const ideaId = newId<IdeaId>();
  return attempt(async () => {
    await db.transaction('rw', [...syncedTables(db), db.outbox, db.meta], async () => {
      const { session, org } = await linkedOrg(db);
      const share = await db.shares.get(shareId);
      if (!share || share.withdrawn === true) throw new Refused(words('noLongerShared'));
      const cats = await categories(db);
      const category = cats.find((c) => c.label === share.category)?.id ?? cats[0]?.id ?? 'other';
      // Written in the language of whoever takes it up: from then on it is their idea's text.
      const detail = words('takenDetail', {
        team: share.teamName ?? words('anotherTeam'),
        tried: share.tried ?? '',
        contact: share.contact ?? '',
      });
      await commit(
        db,
        ({ hlc, author, now: t }) => {
          const m = createIdeaMutation(
            {
              title: share.title ?? words('takenTitle'),
              detail: detail.slice(0, 4000),
              category,
              anonymous: false,
            },
            { ideaId, mutationId: newId<MutationId>() },
            author,
            hlc,
            t,
          );
          return { ...m, fields: { ...m.fields, takenFrom: shareId } };
        },
        now,
        true,
      );
      const take = takeId(shareId, session.team.id);
      await commit(
        db,
        // Default-stamped (decision 0007): another phone of the team taking it up too writes
        // the same record, and its creation never overwrites the first.
        ({ hlc }) => ({
          id: newId<MutationId>(),
          entity: 'take',
          entityId: take,
          fields: { shareId, takenBy: session.team.id, createdAt: now, deleted: false },
          hlc: defaultStamp(hlc),
        }),
        now,
      );
      await db.takes.update(take, { teamId: org.id });
    });
    return { id: ideaId };
  });
}
