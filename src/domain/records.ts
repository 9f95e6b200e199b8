/**
 * The records of the capture slice: Team, Member, Idea, Comment, and the limits
 * on their fields. Records hold plain values; their per-field HLC stamps travel
 * beside them (merge.ts). Shapes here are what the page stores and the server
 * serves; the wire schemas that validate them live in protocol.ts.
 */
import type { CommentId, IdeaId, MemberId, TeamId } from './ids.ts';
import type { Hlc } from './hlc.ts';

/** What an erased member's name reads as, on the server and on every phone. */
export const FORMER_MEMBER = 'Former member';

export const LIMITS = {
  ideaTitle: 200,
  ideaDetail: 4000,
  commentBody: 2000,
  /** Why a facilitator hid or erased an idea or comment. */
  moderationReason: 300,
  teamName: 80,
  displayName: 60,
  categoryId: 40,
  categoryLabel: 40,
  categories: 12,
  /**
   * Mutations in one push request; more gets 413 and the client halves its
   * batch. 200 until 3 December 2026 (docs/decisions/0038): a phone of this
   * version halves to what such a server takes.
   */
  pushBatch: 500,
  /** Bytes in one request body. */
  bodyBytes: 512 * 1024,
  /** Changes returned by one pull page. */
  pullPage: 1000,
} as const;

export type Role = 'member' | 'facilitator' | 'sponsor';

export const IDEA_STATUSES = [
  'new',
  'shortlisted',
  'testing',
  'adopted',
  'adapted',
  'abandoned',
  'parked',
] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export type Category = { readonly id: string; readonly label: string };

/** The categories a new team starts with; a facilitator can rename them. */
export const DEFAULT_CATEGORIES: readonly Category[] = [
  { id: 'safety', label: 'Patient safety' },
  { id: 'flow', label: 'Flow and discharge' },
  { id: 'experience', label: 'Patient experience' },
  { id: 'wellbeing', label: 'Staff wellbeing' },
  { id: 'waste', label: 'Waste and cost' },
  { id: 'other', label: 'Other' },
];

export type Team = {
  readonly id: TeamId;
  readonly name: string;
  readonly categories: readonly Category[];
};

export type Member = {
  readonly id: MemberId;
  readonly teamId: TeamId;
  readonly displayName: string;
  readonly role: Role;
};

/** The synced fields of an idea (each stamped separately). */
export type IdeaFields = {
  title: string;
  detail: string;
  category: string;
  status: IdeaStatus;
  /** True: the team sees no author. The server still knows who pushed it. */
  anonymous: boolean;
  /** Null when anonymous or captured before joining a team. */
  authorId: string | null;
  authorName: string | null;
  /** When the idea was captured on the device, in ms since the epoch. */
  createdAt: number;
  deleted: boolean;
  /** Who last moved the status (a member id; the server checks it is the pusher). */
  statusBy?: string | null;
  /** When the status was last moved, in ms since the epoch. */
  statusAt?: number | null;
} & ModerationFields;

/**
 * Moderation of an idea or comment (src/domain/moderation.ts): hidden by a
 * lead with a reason; erased (its words replaced) by a facilitator's erase.
 */
export type ModerationFields = {
  hidden?: boolean;
  hiddenReason?: string | null;
  hiddenBy?: string | null;
  erased?: boolean;
  erasedBy?: string | null;
  erasedAt?: number | null;
  erasedReason?: string | null;
};

export type Idea = IdeaFields & {
  readonly id: IdeaId;
  readonly stamps: Readonly<Partial<Record<keyof IdeaFields, Hlc>>>;
};

export type CommentFields = {
  ideaId: string;
  body: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: number;
  deleted: boolean;
} & ModerationFields;

export type Comment = CommentFields & {
  readonly id: CommentId;
  readonly stamps: Readonly<Partial<Record<keyof CommentFields, Hlc>>>;
};

/** The synced fields of the team itself (only a facilitator may change them). */
export type TeamFields = {
  name: string;
  /** JSON of Category[]: renamed as one value so a rename never half-applies. */
  categories: string;
};
