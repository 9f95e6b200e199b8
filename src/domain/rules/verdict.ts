/**
 * One verdict for every rule of the team, on the device and the server: ok, or
 * refused with a stable `code` (what tests, the fault suite and the screens
 * switch on) and `reason`, the words a person reads. Like Workbox's
 * WorkboxError(code, details): the code never changes meaning; the words may.
 */
import type { Stamped } from '../merge.ts';
import type { Role } from '../records.ts';
import { format, type Values } from '../../i18n/index.ts';
import { en as WORDS, type RuleWords } from './rules.en.ts';

export type VerdictCode =
  /** The record's id belongs to another team (or another kind of record). */
  | 'other-team'
  /** The first write of a record is missing a field it must be created with. */
  | 'not-created'
  /** The record refers to a parent (idea, measure, huddle) the team does not have. */
  | 'no-parent'
  /** Only whoever made the record (or a lead) may change this. */
  | 'not-owner'
  /** Only a facilitator (or sponsor) may do this. */
  | 'not-lead'
  /** The change names someone other than the person sending it. */
  | 'not-you'
  /** What a record belongs to, or a posted comment, cannot change. */
  | 'fixed'
  /** The record's id must be derived from its fields (votes, cycles). */
  | 'derived-id'
  /** The change breaks the record's own shape or workflow. */
  | 'invalid'
  /** A vote over the voter's dots in the huddle. */
  | 'over-budget'
  /** A vote after the huddle closed. */
  | 'huddle-closed'
  /** The stamp is ahead of the server's clock by more than the drift allowed. */
  | 'clock-ahead';

export type Verdict =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: VerdictCode;
      readonly reason: string;
      readonly field?: string;
    };

export const OK: Verdict = { ok: true };

/**
 * A refusal with its sentence from the rules' catalogue (rules.en.ts), always
 * in English: the server's `reason` on the wire. A phone shows it in its
 * person's language (src/ui/refusalWords.ts).
 */
export function no(code: VerdictCode, words: RuleWords, field?: string, values?: Values): Verdict {
  const reason = format(WORDS[words], values);
  return field === undefined ? { ok: false, code, reason } : { ok: false, code, reason, field };
}

/** The refusals that come from the team's rules (never from a fault). */
export const VERDICT_CODES: readonly VerdictCode[] = [
  'other-team',
  'not-created',
  'no-parent',
  'not-owner',
  'not-lead',
  'not-you',
  'fixed',
  'derived-id',
  'invalid',
  'over-budget',
  'huddle-closed',
  'clock-ahead',
];

/** Who is acting, as the server knows them from their token. */
export type Actor = { readonly memberId: string; readonly teamId: string; readonly role: Role };

/** What the store holds for a record's id. */
export type Existing =
  | { readonly kind: 'none' }
  | { readonly kind: 'other-team' }
  | { readonly kind: 'own'; readonly createdBy: string; readonly state: Stamped };

/** Facilitators and sponsors lead a team: they may move, edit and decide what members cannot. */
export function mayLead(role: Role): boolean {
  return role === 'facilitator' || role === 'sponsor';
}
