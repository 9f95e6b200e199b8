/**
 * The registry: every kind of record, declared once. Its wire schema, the
 * fields it must be created with, the fields that never change, the record it
 * belongs to, the device table that holds it, a derived id if it has one, and
 * its name in words. Everything that lists kinds (the mutation and change
 * schemas, the device tables a sync touches, the server's store, the screens
 * that name a record) is derived from here; the rules of each kind are in
 * src/domain/rules/, keyed by the same names (`RULES`).
 *
 * Adding a kind: an entry here, its rules file, a device table (a Dexie schema
 * version) and its screens. See ARCHITECTURE.md, "Adding a kind of record".
 */
import type * as v from 'valibot';
import { huddleFieldsSchema, voteFieldsSchema } from './huddleSchema.ts';
import { parseIds, voteIdOf, voterKey } from './huddle.ts';
import { commentFieldsSchema, ideaFieldsSchema, teamFieldsSchema } from './ideaSchema.ts';
import {
  askFieldsSchema,
  challengeFieldsSchema,
  measureFieldsSchema,
  pdsaFieldsSchema,
  pointFieldsSchema,
  tapFieldsSchema,
} from './improvementSchema.ts';
import type { Fields } from './merge.ts';
import { shareFieldsSchema, takeFieldsSchema } from './orgSchema.ts';
import { takeId } from './takeId.ts';
import { cycleId } from './pdsa.ts';
import { ENTITY_NAMES, KINDS, type DeviceTable, type EntityName } from './entityKinds.ts';

export { ENTITY_NAMES, KINDS, type DeviceTable, type EntityName } from './entityKinds.ts';

/** A record another record names, which its rules may look up. */
export type Ref = { readonly kind: EntityName; readonly id: string };

export type EntityDef = {
  /** The fields a mutation may carry (every one optional; a strict object). */
  readonly fields: v.GenericSchema<unknown, object>;
  /** Fields the first write of a record must carry. */
  readonly create: readonly string[];
  /** Fields that never change once the record exists. */
  readonly fixed: readonly string[];
  /** The field naming the record this one belongs to, and that record's kind. */
  readonly parent: { readonly field: string; readonly kind: EntityName } | null;
  /** Where the device keeps it. */
  readonly table: DeviceTable;
  /** Where the server keeps it: the generic records table, or the team's own row. */
  readonly store: 'records' | 'team';
  /**
   * Whose change log carries it: the team's own (pulled by its members), or
   * the organisation's the team is linked to (pulled by every linked team's
   * devices and the organisation's leaders). An org record still belongs to
   * the team that made it: only that team may change it (decision 0021).
   */
  readonly scope: 'team' | 'org';
  /** The record's name in words ("idea", "test of change"). */
  readonly words: string;
  /**
   * One change to such a record, in words a person recognises ("New idea: …"),
   * for "needs attention". `title`: the record's title as this device holds it.
   */
  readonly describe: (f: Fields, title: string | undefined) => string;
  /** For a kind whose id is derived from its fields: that id, or null if they are incomplete. */
  readonly derivedId?: (fields: Fields) => string | null;
  /** A key the server indexes within the parent (a vote's voter, for the budget check). */
  readonly group?: (fields: Fields) => string | null;
  /** Records the rules may look up for a mutation whose merged fields are `after`. */
  readonly refs?: (after: Fields) => readonly Ref[];
  /**
   * Fields that show a member's name, each with the field holding that member's
   * id. The server writes the name from its member record, whatever the device
   * sent (serverFields.ts). `typed`: with no member id, the name may be typed
   * (a sponsor who has not joined yet).
   */
  readonly names?: readonly { readonly id: string; readonly name: string; readonly typed?: true }[];
  /** A field the server fills with the id of the member who made the record. */
  readonly by?: string;
};

const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);
const refTo = (kind: EntityName, id: unknown): Ref[] => {
  const s = str(id);
  return s === null ? [] : [{ kind, id: s }];
};

function voteOf(f: Fields) {
  const huddleId = str(f['huddleId']);
  const ideaId = str(f['ideaId']);
  const memberId = str(f['memberId']);
  if (huddleId === null || ideaId === null || memberId === null) return null;
  return { huddleId, ideaId, memberId, proxy: f['proxy'] === true, proxyName: str(f['proxyName']) };
}

export const ENTITIES = {
  idea: {
    ...KINDS.idea,
    scope: 'team',
    fields: ideaFieldsSchema,
    create: ['title', 'category', 'status', 'anonymous', 'createdAt', 'deleted'],
    fixed: [],
    names: [{ id: 'authorId', name: 'authorName' }],
    words: 'idea',
    describe: (f, title) => {
      const name = str(f['title']) ?? title ?? 'an idea';
      return 'createdAt' in f ? `New idea: “${name}”` : `Change to the idea “${name}”`;
    },
  },
  comment: {
    ...KINDS.comment,
    scope: 'team',
    fields: commentFieldsSchema,
    create: ['ideaId', 'body', 'createdAt', 'deleted'],
    fixed: ['ideaId', 'body', 'authorId', 'authorName', 'createdAt'],
    names: [{ id: 'authorId', name: 'authorName' }],
    words: 'comment',
    describe: (f) =>
      f['deleted'] === true && f['body'] === undefined
        ? 'Deleting a comment'
        : `Comment: “${str(f['body']) ?? ''}”`,
    refs: (f) => refTo('idea', f['ideaId']),
  },
  team: {
    ...KINDS.team,
    scope: 'team',
    fields: teamFieldsSchema,
    create: [],
    fixed: [],
    words: 'team',
    describe: (f) =>
      f['categories'] !== undefined ? 'New category names for the team' : 'A change to the team',
  },
  huddle: {
    ...KINDS.huddle,
    scope: 'team',
    fields: huddleFieldsSchema,
    create: ['title', 'dotsPerMember', 'hidden', 'shortlist', 'state', 'startedBy', 'startedAt'],
    fixed: ['startedBy', 'startedAt'],
    words: 'huddle',
    describe: (f, title) => {
      const name = `“${str(f['title']) ?? title ?? 'a huddle'}”`;
      if ('startedAt' in f) return `Starting the huddle ${name}`;
      if (f['state'] === 'closed') return `Closing voting in ${name}`;
      if (f['state'] === 'open') return `Reopening voting in ${name}`;
      return `A change to the huddle ${name}`;
    },
    refs: (f) => parseIds(str(f['shortlist'])).map((id) => ({ kind: 'idea' as const, id })),
  },
  vote: {
    ...KINDS.vote,
    scope: 'team',
    fields: voteFieldsSchema,
    create: ['huddleId', 'ideaId', 'memberId', 'dots', 'proxy'],
    fixed: ['huddleId', 'ideaId', 'proxy', 'proxyName'],
    words: 'vote',
    describe: (f) => {
      const dots = Number(f['dots'] ?? 0);
      return dots === 0
        ? 'Taking your dots off an idea'
        : `Your ${dots} ${dots === 1 ? 'dot' : 'dots'} on an idea`;
    },
    derivedId: (f) => {
      const vote = voteOf(f);
      return vote ? voteIdOf(vote) : null;
    },
    group: (f) => {
      const vote = voteOf(f);
      return vote ? voterKey(vote) : null;
    },
    refs: (f) => refTo('huddle', f['huddleId']),
  },
  pdsa: {
    ...KINDS.pdsa,
    scope: 'team',
    fields: pdsaFieldsSchema,
    create: ['ideaId', 'cycle', 'createdAt', 'deleted'],
    // A cycle created again offline (a default-stamped creation) may carry another
    // createdAt: rules/pdsaRules.ts checkRecreate.
    fixed: ['ideaId', 'cycle', 'createdAt', 'startedBy'],
    by: 'startedBy',
    words: 'test of change',
    describe: (f) =>
      typeof f['cycle'] === 'number'
        ? `A test of change (cycle ${f['cycle']})`
        : 'A test of change',
    derivedId: (f) =>
      typeof f['ideaId'] === 'string' && typeof f['cycle'] === 'number'
        ? cycleId(f['ideaId'], f['cycle'])
        : null,
    refs: (f) => refTo('idea', f['ideaId']),
  },
  measure: {
    ...KINDS.measure,
    scope: 'team',
    fields: measureFieldsSchema,
    create: ['name', 'direction', 'type', 'createdAt', 'deleted'],
    fixed: ['createdAt', 'createdBy'],
    by: 'createdBy',
    words: 'measure',
    describe: (f, title) => `The measure “${str(f['name']) ?? title ?? 'measure'}”`,
    refs: (f) => refTo('idea', f['ideaId']),
  },
  point: {
    ...KINDS.point,
    scope: 'team',
    fields: pointFieldsSchema,
    create: ['measureId', 'date', 'value', 'createdAt', 'deleted'],
    fixed: ['measureId', 'createdAt', 'createdBy'],
    by: 'createdBy',
    words: 'data point',
    describe: (f) => `A data point${f['date'] ? ` for ${String(f['date'])}` : ''}`,
    refs: (f) => [...refTo('measure', f['measureId']), ...refTo('pdsa', f['rebasePdsaId'])],
  },
  tap: {
    ...KINDS.tap,
    scope: 'team',
    fields: tapFieldsSchema,
    create: ['measureId', 'date', 'createdAt', 'deleted'],
    fixed: ['measureId', 'date', 'createdAt'],
    words: 'tally',
    describe: (f) => `A +1 on a tally${f['date'] ? ` for ${String(f['date'])}` : ''}`,
    refs: (f) => refTo('measure', f['measureId']),
  },
  challenge: {
    ...KINDS.challenge,
    scope: 'team',
    fields: challengeFieldsSchema,
    create: ['goal', 'startDate', 'createdAt', 'deleted'],
    fixed: ['createdAt'],
    names: [{ id: 'sponsorId', name: 'sponsorName', typed: true }],
    words: '100-day challenge',
    describe: () => 'A change to the 100-day challenge',
  },
  ask: {
    ...KINDS.ask,
    scope: 'team',
    fields: askFieldsSchema,
    create: ['ideaId', 'kind', 'text', 'askedBy', 'createdAt', 'deleted'],
    fixed: ['ideaId', 'pdsaId', 'askedBy', 'createdAt'],
    names: [
      { id: 'askedBy', name: 'askedByName' },
      { id: 'answeredBy', name: 'answeredByName' },
    ],
    words: 'ask',
    describe: (f) => (f['answer'] ? 'An answer to an ask' : 'An ask of the sponsor'),
    refs: (f) => refTo('idea', f['ideaId']),
  },
  share: {
    ...KINDS.share,
    scope: 'org',
    fields: shareFieldsSchema,
    create: [
      'ideaId',
      'title',
      'tried',
      'contact',
      'teamName',
      'sharedBy',
      'createdAt',
      'withdrawn',
    ],
    fixed: ['ideaId', 'teamName', 'sharedBy', 'createdAt'],
    words: 'shared change',
    describe: (f, title) => {
      const name = `“${str(f['title']) ?? title ?? 'a change'}”`;
      if ('createdAt' in f) return `Sharing ${name} with the organisation`;
      if (f['withdrawn'] === true) return `Withdrawing ${name} from the organisation`;
      return `A change to the shared ${name}`;
    },
    refs: (f) => refTo('idea', f['ideaId']),
  },
  take: {
    ...KINDS.take,
    scope: 'org',
    fields: takeFieldsSchema,
    create: ['shareId', 'takenBy', 'createdAt', 'deleted'],
    fixed: ['shareId', 'takenBy', 'createdAt'],
    words: 'take-up',
    describe: () => 'Taking up a change shared in the organisation',
    derivedId: (f) =>
      typeof f['shareId'] === 'string' && typeof f['takenBy'] === 'string'
        ? takeId(f['shareId'], f['takenBy'])
        : null,
    refs: (f) => refTo('share', f['shareId']),
  },
} as const satisfies Record<EntityName, EntityDef>;

/** The kinds whose changes travel in the organisation's log (scope 'org'). */
export const ORG_KINDS: readonly EntityName[] = ENTITY_NAMES.filter(
  (k) => ENTITIES[k].scope === 'org',
);

/** True for a kind the organisation's log carries. */
export function isOrgKind(kind: EntityName): boolean {
  return ENTITIES[kind].scope === 'org';
}

/** The registry entry of a kind, typed as the general definition. */
export function entityDef(kind: EntityName): EntityDef {
  return ENTITIES[kind];
}

/** The synced fields of a kind as a mutation carries them (every one optional). */
export type MutationFields<K extends EntityName> = v.InferOutput<(typeof ENTITIES)[K]['fields']>;

/** Fields a mutation must carry the first time the server sees a record. */
export const CREATE_FIELDS = Object.fromEntries(
  ENTITY_NAMES.map((k) => [k, ENTITIES[k].create]),
) as { readonly [K in EntityName]: (typeof ENTITIES)[K]['create'] };

/** For a `switch` over kinds: the type checker fails here when a kind is left out. */
export function assertNever(x: never): never {
  throw new Error(`unhandled kind: ${String(x)}`);
}
