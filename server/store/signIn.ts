/**
 * What staff sign-in keeps (migration 0010, decision 0020): a team's rule,
 * the sign-ins under way, finished sign-ins not yet used to join (tickets,
 * held by hash) and the account each signed-in member used. Talking to the
 * OpenID provider is server/signIn/'s business; this file only stores.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { hashToken } from './secrets.ts';

/** A sign-in must come back from the provider within this long. */
export const FLOW_TTL_MS = 10 * 60_000;
/** A finished sign-in must be used to join within this long. */
export const TICKET_TTL_MS = 15 * 60_000;

export type TeamSignInRule = {
  /** Joining needs a sign-in (as well as the invite code). */
  readonly required: boolean;
  /** With `required`, the invite code alone still lets bank and agency staff in. */
  readonly allowInviteCodes: boolean;
};

export type SignInFlow = {
  readonly state: string;
  readonly codeVerifier: string;
  readonly nonce: string;
  readonly inviteCode: string;
};

export type SignedInAccount = {
  readonly subject: string;
  readonly email: string;
  /** Sealed refresh token, or null. */
  readonly refreshToken: string | null;
};

/** A member whose account is due to be asked about. */
export type DueCheck = {
  readonly memberId: string;
  readonly teamId: string;
  readonly refreshToken: string | null;
};

export type SignInStore = {
  rule(teamId: string): Promise<TeamSignInRule>;
  setRule(teamId: string, rule: TeamSignInRule, now: number): Promise<void>;
  startFlow(flow: SignInFlow, now: number): Promise<void>;
  /** Takes the flow (it can be used once); null when unknown or too old. */
  takeFlow(state: string, now: number): Promise<SignInFlow | null>;
  /** Keeps a finished sign-in under the hash of `ticket`. */
  saveTicket(ticket: string, account: SignedInAccount, now: number): Promise<void>;
  /**
   * Claims the check of the account behind this bearer token when it was last
   * checked before `dueBefore` (one request wins, so a rotating refresh token
   * is never used twice). Null when nothing is due or the member has no account.
   */
  claimCheck(token: string, now: number, dueBefore: number): Promise<DueCheck | null>;
  /** The provider gave a new refresh token. */
  updateRefreshToken(memberId: string, refreshToken: string): Promise<void>;
  /** The provider says the account is no longer valid: the member's token stops working. */
  disable(memberId: string, now: number): Promise<void>;
  /** The token belongs to a member whose account the provider disabled. */
  isDisabled(token: string): Promise<boolean>;
  /** Which members of the team joined signed in (for the Team screen). */
  signedInMembers(teamId: string): Promise<Set<string>>;
};

export function signInStore(db: Kysely<Database>): SignInStore {
  return {
    async rule(teamId) {
      const row = await db
        .selectFrom('team_sign_in')
        .select(['required', 'invite_codes_allowed'])
        .where('team_id', '=', teamId)
        .executeTakeFirst();
      return {
        required: Number(row?.required ?? 0) === 1,
        allowInviteCodes: Number(row?.invite_codes_allowed ?? 0) === 1,
      };
    },
    async setRule(teamId, rule, now) {
      const values = {
        required: rule.required ? 1 : 0,
        invite_codes_allowed: rule.allowInviteCodes ? 1 : 0,
        updated_at: now,
      };
      await db
        .insertInto('team_sign_in')
        .values({ team_id: teamId, ...values })
        .onConflict((oc) => oc.column('team_id').doUpdateSet(values))
        .execute();
    },
    async startFlow(flow, now) {
      // Abandoned sign-ins leave rows: each new one sweeps the old.
      await db
        .deleteFrom('sign_in_flows')
        .where('created_at', '<', now - FLOW_TTL_MS)
        .execute();
      await db
        .deleteFrom('sign_in_tickets')
        .where('created_at', '<', now - TICKET_TTL_MS)
        .execute();
      await db
        .insertInto('sign_in_flows')
        .values({
          state: flow.state,
          code_verifier: flow.codeVerifier,
          nonce: flow.nonce,
          invite_code: flow.inviteCode,
          created_at: now,
        })
        .execute();
    },
    async takeFlow(state, now) {
      const row = await db
        .deleteFrom('sign_in_flows')
        .where('state', '=', state)
        .returningAll()
        .executeTakeFirst();
      if (!row || row.created_at < now - FLOW_TTL_MS) return null;
      return {
        state: row.state,
        codeVerifier: row.code_verifier,
        nonce: row.nonce,
        inviteCode: row.invite_code,
      };
    },
    async saveTicket(ticket, account, now) {
      await db
        .insertInto('sign_in_tickets')
        .values({
          ticket_hash: hashToken(ticket),
          subject: account.subject,
          email: account.email,
          refresh_token: account.refreshToken,
          created_at: now,
        })
        .execute();
    },
    async claimCheck(token, now, dueBefore) {
      const row = await db
        .selectFrom('member_identities')
        .innerJoin('members', 'members.id', 'member_identities.member_id')
        .select([
          'member_identities.member_id',
          'member_identities.team_id',
          'member_identities.refresh_token',
        ])
        .where('members.token_hash', '=', hashToken(token))
        .where('members.removed_at', 'is', null)
        .where('member_identities.checked_at', '<', dueBefore)
        .executeTakeFirst();
      if (!row) return null;
      const claimed = await db
        .updateTable('member_identities')
        .set({ checked_at: now })
        .where('member_id', '=', row.member_id)
        .where('checked_at', '<', dueBefore)
        .executeTakeFirst();
      if (claimed.numUpdatedRows === 0n) return null;
      return { memberId: row.member_id, teamId: row.team_id, refreshToken: row.refresh_token };
    },
    async updateRefreshToken(memberId, refreshToken) {
      await db
        .updateTable('member_identities')
        .set({ refresh_token: refreshToken })
        .where('member_id', '=', memberId)
        .execute();
    },
    async disable(memberId, now) {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('member_identities')
          .set({ disabled_at: now, refresh_token: null })
          .where('member_id', '=', memberId)
          .execute();
        await trx
          .updateTable('members')
          .set({ removed_at: now })
          .where('id', '=', memberId)
          .where('removed_at', 'is', null)
          .execute();
      });
    },
    async isDisabled(token) {
      const row = await db
        .selectFrom('member_identities')
        .innerJoin('members', 'members.id', 'member_identities.member_id')
        .select('member_identities.disabled_at')
        .where('members.token_hash', '=', hashToken(token))
        .executeTakeFirst();
      return row?.disabled_at != null;
    },
    async signedInMembers(teamId) {
      const rows = await db
        .selectFrom('member_identities')
        .select('member_id')
        .where('team_id', '=', teamId)
        .where('disabled_at', 'is', null)
        .execute();
      return new Set(rows.map((r) => r.member_id));
    },
  };
}
