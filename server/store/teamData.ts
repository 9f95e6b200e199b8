/**
 * Data a team or a person can ask for (UK GDPR): the facilitator's export of
 * everything of the team, a member's subject access download, and the
 * erasure of a member's name from every record and change that carries it.
 *
 * The team export leaves out who pushed each record and change (`created_by`,
 * `member_id`): the server keeps those privately so that an anonymous idea
 * stays anonymous to the team, and a facilitator's download must not undo
 * that. A member's own download includes them: it is their data.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { ENTITY_NAMES, entityDef, type EntityName } from '../../src/domain/entities.ts';
import type { Fields } from '../../src/domain/merge.ts';
import { normaliseName } from '../../src/domain/huddle.ts';
import { stampAfter, type Hlc } from '../../src/domain/hlc.ts';
import { FORMER_MEMBER, type Role } from '../../src/domain/records.ts';
import { stampsText, toStamped } from './records.ts';
import type { Database } from './schema.ts';
import { lockTeamSeq } from './teamCounter.ts';
import { teamDeletion, type Deletion } from './teamLifecycle.ts';

export { FORMER_MEMBER };

type Json = Record<string, unknown>;

export type TeamExport = {
  readonly format: 'ground-up-team-export';
  readonly version: 1;
  readonly exportedAt: number;
  readonly team: {
    id: string;
    name: string;
    categories: unknown;
    createdAt: number;
    deletion: Deletion | null;
  };
  readonly members: {
    id: string;
    displayName: string;
    role: Role;
    joinedAt: number;
    removedAt: number | null;
  }[];
  readonly records: { entity: EntityName; id: string; parentId: string | null; fields: Json }[];
  readonly changes: {
    seq: number;
    mutationId: string;
    entity: EntityName;
    entityId: string;
    fields: Json;
    hlc: string;
    receivedAt: number;
  }[];
};

export type MemberExport = {
  readonly format: 'ground-up-subject-access';
  readonly version: 1;
  readonly exportedAt: number;
  readonly member: {
    id: string;
    teamId: string;
    teamName: string;
    displayName: string;
    role: Role;
    joinedAt: number;
    removedAt: number | null;
  };
  /** The work account they signed in with (decision 0020), when they did. */
  readonly signIn?: { email: string; subject: string; disabledAt: number | null };
  /** Every record this member created, as it stands now. */
  readonly records: { entity: EntityName; id: string; fields: Json }[];
  /** Every change this member sent, as the server received it. */
  readonly changes: {
    seq: number;
    entity: EntityName;
    entityId: string;
    fields: Json;
    hlc: string;
    receivedAt: number;
  }[];
};

const parse = (text: string) => JSON.parse(text) as Json;

/** Everything of the team, or null if there is no such team. */
export async function exportTeam(
  db: Kysely<Database>,
  teamId: string,
  now: number,
): Promise<TeamExport | null> {
  const team = await db
    .selectFrom('teams')
    .select(['id', 'name', 'categories', 'created_at'])
    .where('id', '=', teamId)
    .executeTakeFirst();
  if (!team) return null;
  const [members, records, changes, deletion] = await Promise.all([
    db
      .selectFrom('members')
      .select(['id', 'display_name', 'role', 'created_at', 'removed_at'])
      .where('team_id', '=', teamId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('records')
      .select(['entity', 'id', 'parent_id', 'fields'])
      .where('team_id', '=', teamId)
      .orderBy('entity')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('change_log')
      .select(['seq', 'mutation_id', 'entity', 'entity_id', 'fields', 'hlc', 'received_at'])
      .where('team_id', '=', teamId)
      .orderBy('seq')
      .execute(),
    teamDeletion(db, teamId),
  ]);
  return {
    format: 'ground-up-team-export',
    version: 1,
    exportedAt: now,
    team: {
      id: team.id,
      name: team.name,
      categories: JSON.parse(team.categories) as unknown,
      createdAt: Number(team.created_at),
      deletion,
    },
    members: members.map((m) => ({
      id: m.id,
      displayName: m.display_name,
      role: m.role,
      joinedAt: Number(m.created_at),
      removedAt: m.removed_at === null ? null : Number(m.removed_at),
    })),
    records: records.map((r) => ({
      entity: r.entity,
      id: r.id,
      parentId: r.parent_id,
      fields: parse(r.fields),
    })),
    changes: changes.map((c) => ({
      seq: Number(c.seq),
      mutationId: c.mutation_id,
      entity: c.entity,
      entityId: c.entity_id,
      fields: parse(c.fields),
      hlc: c.hlc,
      receivedAt: Number(c.received_at),
    })),
  };
}

/** Everything the server holds about one member, or null if there is no such member. */
export async function exportMember(
  db: Kysely<Database>,
  memberId: string,
  now: number,
): Promise<MemberExport | null> {
  const m = await db
    .selectFrom('members')
    .innerJoin('teams', 'teams.id', 'members.team_id')
    .select([
      'members.id',
      'members.team_id',
      'teams.name as team_name',
      'members.display_name',
      'members.role',
      'members.created_at',
      'members.removed_at',
    ])
    .where('members.id', '=', memberId)
    .executeTakeFirst();
  if (!m) return null;
  const [identity, records, changes] = await Promise.all([
    db
      .selectFrom('member_identities')
      .select(['email', 'subject', 'disabled_at'])
      .where('member_id', '=', memberId)
      .executeTakeFirst(),
    db
      .selectFrom('records')
      .select(['entity', 'id', 'fields'])
      .where('team_id', '=', m.team_id)
      .where('created_by', '=', memberId)
      .orderBy('entity')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('change_log')
      .select(['seq', 'entity', 'entity_id', 'fields', 'hlc', 'received_at'])
      .where('team_id', '=', m.team_id)
      .where('member_id', '=', memberId)
      .orderBy('seq')
      .execute(),
  ]);
  return {
    format: 'ground-up-subject-access',
    version: 1,
    exportedAt: now,
    member: {
      id: m.id,
      teamId: m.team_id,
      teamName: m.team_name,
      displayName: m.display_name,
      role: m.role,
      joinedAt: Number(m.created_at),
      removedAt: m.removed_at === null ? null : Number(m.removed_at),
    },
    ...(identity
      ? {
          signIn: {
            email: identity.email,
            subject: identity.subject,
            disabledAt: identity.disabled_at === null ? null : Number(identity.disabled_at),
          },
        }
      : {}),
    records: records.map((r) => ({ entity: r.entity, id: r.id, fields: parse(r.fields) })),
    changes: changes.map((c) => ({
      seq: Number(c.seq),
      entity: c.entity,
      entityId: c.entity_id,
      fields: parse(c.fields),
      hlc: c.hlc,
      receivedAt: Number(c.received_at),
    })),
  };
}

type Erased = { readonly memberId: string; readonly name: string };

/**
 * The fields of `fields` that carry the member's name: those the registry's `names` pair
 * with their id, and a proxy vote's `proxyName` when it is their name however
 * typed (someone voted for them in a huddle).
 */
function namedFields(entity: EntityName, fields: Json, who: Erased): string[] {
  const named = (entityDef(entity).names ?? []).flatMap(({ id, name }) =>
    fields[id] === who.memberId &&
    typeof fields[name] === 'string' &&
    fields[name] !== FORMER_MEMBER
      ? [name]
      : [],
  );
  const proxy = fields['proxyName'];
  if (
    entity === 'vote' &&
    fields['proxy'] === true &&
    typeof proxy === 'string' &&
    who.name !== FORMER_MEMBER &&
    normaliseName(proxy) === normaliseName(who.name)
  ) {
    named.push('proxyName');
  }
  return named;
}

/**
 * The rows (of `records` or `change_log`, whose `entity` and `fields` columns
 * are alike) that may name the member: those whose kind names members and
 * whose fields hold the member's id, and every proxy vote (a proxy vote names
 * them by name only; namedFields decides). A superset: withNameErased keeps
 * only the rows that really name them.
 */
function mayName(memberId: string): RawBuilder<SqlBool> {
  const kinds = ENTITY_NAMES.filter((k) => entityDef(k).names);
  return sql<SqlBool>`((entity in (${sql.join(kinds)}) and fields like ${`%${memberId}%`}) or (entity = 'vote' and fields like ${'%"proxy":true%'}))`;
}

/**
 * Each row that names the member, with its fields parsed and the member's
 * name in them replaced by "Former member", and the names of those fields.
 */
function withNameErased<R extends { readonly entity: EntityName; readonly fields: string }>(
  rows: readonly R[],
  who: Erased,
): { row: R; fields: Json; names: string[] }[] {
  return rows.flatMap((row) => {
    const fields = parse(row.fields);
    const names = namedFields(row.entity, fields, who);
    for (const n of names) fields[n] = FORMER_MEMBER;
    return names.length === 0 ? [] : [{ row, fields, names }];
  });
}

/** The record's group key as the push path computes it (records.ts). */
function groupKeyOf(entity: EntityName, fields: Json): string | null {
  return entityDef(entity).group?.(fields as Fields) ?? null;
}

export type Erasure = { readonly records: number; readonly changes: number };

/**
 * Replaces the member's name with "Former member": in the members table, in
 * every record that names them (each such record gets a new change in the
 * team's log, stamped later than the name it replaces, so every phone applies
 * it on its next pull), and in the logged changes that carried it (so a phone
 * reading the log from the start never sees it). Null if there is no such member.
 */
export async function eraseName(
  db: Kysely<Database>,
  teamId: string,
  memberId: string,
  now: number,
): Promise<Erasure | null> {
  return db.transaction().execute(async (trx: Transaction<Database>) => {
    // The team's counter row first: the push path's lock too, so no push interleaves; and
    // taken before the member's row, in the order the purge takes them (teamLifecycle.ts),
    // so the two wait in line rather than on each other. No row: the team is gone.
    const locked = await lockTeamSeq(trx, teamId);
    if (locked === null) return null;
    const member = await trx
      .selectFrom('members')
      .select('display_name')
      .where('id', '=', memberId)
      .where('team_id', '=', teamId)
      .executeTakeFirst();
    if (!member) return null;
    const who: Erased = { memberId, name: member.display_name };
    await trx
      .updateTable('members')
      .set({ display_name: FORMER_MEMBER })
      .where('id', '=', memberId)
      .execute();
    let seq = locked;
    const records = await trx
      .selectFrom('records')
      .select(['entity', 'id', 'fields', 'stamps'])
      .where('team_id', '=', teamId)
      .where(mayName(memberId))
      .execute();
    const renamed = withNameErased(records, who);
    for (const { row: r, fields, names } of renamed) {
      const stamps: Record<string, Hlc> = { ...toStamped(r.fields, r.stamps).stamps };
      const hlc = stampAfter(Object.fromEntries(names.map((n) => [n, stamps[n] ?? ''])), now);
      const change: Json = {};
      for (const n of names) {
        stamps[n] = hlc;
        change[n] = FORMER_MEMBER;
      }
      seq++;
      const mutationId = uuidv7();
      await trx
        .updateTable('records')
        .set({
          fields: JSON.stringify(fields),
          stamps: stampsText(fields as Fields, stamps),
          updated_seq: seq,
          // A proxy vote's budget group is its (now erased) name.
          group_key: groupKeyOf(r.entity, fields),
        })
        .where('entity', '=', r.entity)
        .where('id', '=', r.id)
        .execute();
      await trx
        .insertInto('applied_mutations')
        .values({ id: mutationId, team_id: teamId, seq, received_at: now })
        .execute();
      await trx
        .insertInto('change_log')
        .values({
          team_id: teamId,
          seq,
          mutation_id: mutationId,
          entity: r.entity,
          entity_id: r.id,
          fields: JSON.stringify(change),
          hlc,
          member_id: memberId,
          received_at: now,
        })
        .execute();
    }

    const logged = await trx
      .selectFrom('change_log')
      .select(['seq', 'entity', 'fields'])
      .where('team_id', '=', teamId)
      .where(mayName(memberId))
      .execute();
    const rewritten = withNameErased(logged, who);
    for (const { row: c, fields } of rewritten) {
      await trx
        .updateTable('change_log')
        .set({ fields: JSON.stringify(fields) })
        .where('team_id', '=', teamId)
        .where('seq', '=', c.seq)
        .execute();
    }
    await trx.updateTable('team_counters').set({ seq }).where('team_id', '=', teamId).execute();
    return { records: renamed.length, changes: rewritten.length };
  });
}
