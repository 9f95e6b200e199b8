/**
 * The kinds of record and where each lives: the part of the registry
 * (entities.ts) the device's database needs on the capture screen's first
 * load, kept apart from the wire schemas (valibot) so that load stays small.
 * entities.ts builds each kind's full entry on this one.
 */
/** Every kind, in the order the registry lists them (checked against it below, both ways). */
export const ENTITY_NAMES = [
  'idea',
  'comment',
  'team',
  'huddle',
  'vote',
  'pdsa',
  'measure',
  'point',
  'tap',
  'challenge',
  'ask',
  'share',
  'take',
] as const;

export type EntityName = (typeof ENTITY_NAMES)[number];

/** The device's Dexie tables that hold synced records. */
export type DeviceTable =
  | 'ideas'
  | 'comments'
  | 'teams'
  | 'huddles'
  | 'votes'
  | 'pdsas'
  | 'measures'
  | 'points'
  | 'taps'
  | 'challenges'
  | 'asks'
  | 'shares'
  | 'takes';

/** Where each kind lives and what it belongs to: the registry's storage half. */
export type KindPlace = {
  /** Where the device keeps it. */
  readonly table: DeviceTable;
  /** Where the server keeps it: the generic records table, or the team's own row. */
  readonly store: 'records' | 'team';
  /** The field naming the record this one belongs to, and that record's kind. */
  readonly parent: { readonly field: string; readonly kind: EntityName } | null;
};

export const KINDS = {
  idea: { table: 'ideas', store: 'records', parent: null },
  comment: { table: 'comments', store: 'records', parent: { field: 'ideaId', kind: 'idea' } },
  team: { table: 'teams', store: 'team', parent: null },
  huddle: { table: 'huddles', store: 'records', parent: null },
  vote: { table: 'votes', store: 'records', parent: { field: 'huddleId', kind: 'huddle' } },
  pdsa: { table: 'pdsas', store: 'records', parent: { field: 'ideaId', kind: 'idea' } },
  measure: { table: 'measures', store: 'records', parent: null },
  point: { table: 'points', store: 'records', parent: { field: 'measureId', kind: 'measure' } },
  tap: { table: 'taps', store: 'records', parent: { field: 'measureId', kind: 'measure' } },
  challenge: { table: 'challenges', store: 'records', parent: null },
  ask: { table: 'asks', store: 'records', parent: { field: 'ideaId', kind: 'idea' } },
  // Organisation records (entities.ts `scope: 'org'`): the organisation's log carries them.
  share: { table: 'shares', store: 'records', parent: null },
  take: { table: 'takes', store: 'records', parent: { field: 'shareId', kind: 'share' } },
} as const satisfies Record<EntityName, KindPlace>;
