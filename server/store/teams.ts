/**
 * Teams and their members: creating a team, joining one by invite code,
 * recognising a bearer token, and the team as its members see it.
 */
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { MemberId, TeamId } from '../../src/domain/ids.ts';
import type { SessionResponse, TeamResponse } from '../../src/domain/protocol.ts';
import { DEFAULT_CATEGORIES, type Category, type Role } from '../../src/domain/records.ts';
import { isUniqueViolation } from './errors.ts';
import type { Actor } from '../../src/domain/rules/verdict.ts';
import { nameKey } from '../../src/domain/names.ts';
import type { Database } from './schema.ts';
import { hashToken, newInviteCode, newToken } from './secrets.ts';
import { TICKET_TTL_MS } from './signIn.ts';
import { lockTeamSeq } from './teamCounter.ts';

export type NewTeam = { readonly teamName: string; readonly displayName: string };
export type NewMember = {
  readonly inviteCode: string;
  readonly displayName: string;
  /** The token the device held before; if it was this team's, the same member comes back. */
  readonly previousToken?: string | undefined;
  /** A finished sign-in (server/routes/signIn.ts): the account joins with the member. */
  readonly signInTicket?: string | undefined;
};

/** Why a join was refused although the code was right (decision 0020). */
export type JoinRefusal =
  | { readonly nameTaken: string }
  /** The team asks for sign-in; `expired` when a ticket was sent but is unknown or too old. */
  | { readonly signInRequired: { readonly expired: boolean } };

type TeamRow = { id: string; name: string; invite_code: string; categories: string };

function teamOut(row: TeamRow): SessionResponse['team'] {
  return {
    id: row.id as TeamId,
    name: row.name,
    inviteCode: row.invite_code,
    categories: JSON.parse(row.categories) as Category[],
  };
}

async function addMember(
  db: Kysely<Database>,
  teamId: string,
  displayName: string,
  role: Role,
  now: number,
) {
  const token = newToken();
  const id = uuidv7() as MemberId;
  await db
    .insertInto('members')
    .values({
      id,
      team_id: teamId,
      display_name: displayName,
      role,
      token_hash: hashToken(token),
      created_at: now,
      removed_at: null,
    })
    .execute();
  return { member: { id, displayName, role }, token };
}

export async function createTeam(
  db: Kysely<Database>,
  input: NewTeam,
  now: number,
): Promise<SessionResponse> {
  for (let attempt = 1; ; attempt++) {
    const row: TeamRow = {
      id: uuidv7(),
      name: input.teamName,
      invite_code: newInviteCode(),
      categories: JSON.stringify(DEFAULT_CATEGORIES),
    };
    try {
      return await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('teams')
          .values({ ...row, stamps: '{}', created_at: now })
          .execute();
        await trx.insertInto('team_counters').values({ team_id: row.id, seq: 0 }).execute();
        const { member, token } = await addMember(
          trx,
          row.id,
          input.displayName,
          'facilitator',
          now,
        );
        return { team: teamOut(row), member, token };
      });
    } catch (err) {
      // An invite code drawn twice (1 in 32^10 per pair): draw again.
      if (attempt >= 5 || !isUniqueViolation(err)) throw err;
    }
  }
}

/**
 * Null when no team has that invite code; `nameTaken` when a colleague has that
 * name; `signInRequired` when the team asks for sign-in and none came with the join.
 */
export async function joinTeam(
  db: Kysely<Database>,
  input: NewMember,
  now: number,
): Promise<SessionResponse | null | JoinRefusal> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('teams')
      .select(['id', 'name', 'invite_code', 'categories'])
      .where('invite_code', '=', input.inviteCode)
      .executeTakeFirst();
    if (!row) return null;
    const ticket =
      input.signInTicket === undefined
        ? undefined
        : await trx
            .selectFrom('sign_in_tickets')
            .selectAll()
            .where('ticket_hash', '=', hashToken(input.signInTicket))
            .where('created_at', '>=', now - TICKET_TTL_MS)
            .executeTakeFirst();
    const rule = await trx
      .selectFrom('team_sign_in')
      .select(['required', 'invite_codes_allowed'])
      .where('team_id', '=', row.id)
      .executeTakeFirst();
    if (Number(rule?.required ?? 0) === 1 && !ticket && Number(rule?.invite_codes_allowed) !== 1)
      return { signInRequired: { expired: input.signInTicket !== undefined } };
    // One join of a team at a time (the counter row's lock), so two people typing
    // the same name at once cannot both have it. No counter: the team was purged
    // while this waited, so the code is no team's any more.
    if ((await lockTeamSeq(trx, row.id)) === null) return null;
    const self =
      input.previousToken === undefined
        ? null
        : await trx
            .selectFrom('members')
            .select('id')
            .where('token_hash', '=', hashToken(input.previousToken))
            .executeTakeFirst();
    const others = await trx
      .selectFrom('members')
      .select(['id', 'display_name', 'role'])
      .where('team_id', '=', row.id)
      .where('removed_at', 'is', null)
      .execute();
    const alike = others.filter(
      (m) => m.id !== self?.id && nameKey(m.display_name) === nameKey(input.displayName),
    );
    // Only a colleague who is really there counts: a lead, or someone who has sent a
    // change. A join whose answer was lost left a member nobody ever used; the person
    // joining again under their own name must not be refused it.
    const sent =
      alike.length === 0
        ? []
        : await trx
            .selectFrom('change_log')
            .select('member_id')
            .where('team_id', '=', row.id)
            .where(
              'member_id',
              'in',
              alike.map((m) => m.id),
            )
            .limit(1)
            .execute();
    const taken = alike.find((m) => m.role !== 'member' || sent.some((r) => r.member_id === m.id));
    if (taken) return { nameTaken: taken.display_name };
    const returning =
      input.previousToken === undefined
        ? undefined
        : await rejoin(trx, row.id, input.previousToken, input.displayName);
    const { member, token } =
      returning ?? (await addMember(trx, row.id, input.displayName, 'member', now));
    if (ticket) {
      const identity = {
        team_id: row.id,
        subject: ticket.subject,
        email: ticket.email,
        refresh_token: ticket.refresh_token,
        checked_at: now,
        disabled_at: null,
      };
      await trx
        .insertInto('member_identities')
        .values({ member_id: member.id, ...identity })
        .onConflict((oc) => oc.column('member_id').doUpdateSet(identity))
        .execute();
      await trx
        .deleteFrom('sign_in_tickets')
        .where('ticket_hash', '=', ticket.ticket_hash)
        .execute();
    }
    return { team: teamOut(row), member, token };
  });
}

/**
 * A device comes back with the current invite code and the token it holds
 * (typically after a facilitator removed it): the same member is let in again,
 * with that same token, so what they saved while signed out still names them
 * and is accepted. Keeping the token (rather than issuing a new one) makes a
 * retried or doubled join give the same answer, so a lost response cannot turn
 * the person into someone new. A removed member comes back as a plain member,
 * whatever their role was. Undefined if the token was never this team's.
 * (Holding the token and the current code is what joining needed anyway; to
 * keep someone out, rotate the code as well as removing them.)
 */
async function rejoin(
  db: Kysely<Database>,
  teamId: string,
  previousToken: string,
  displayName: string,
) {
  const prior = await db
    .selectFrom('members')
    .select(['id', 'role', 'removed_at'])
    .where('token_hash', '=', hashToken(previousToken))
    .where('team_id', '=', teamId)
    .executeTakeFirst();
  if (!prior) return undefined;
  const role: Role = prior.removed_at === null ? prior.role : 'member';
  await db
    .updateTable('members')
    .set({ removed_at: null, display_name: displayName, role })
    .where('id', '=', prior.id)
    .execute();
  return { member: { id: prior.id as MemberId, displayName, role }, token: previousToken };
}

/** The member a bearer token belongs to; null when unknown or removed. */
export async function authenticate(db: Kysely<Database>, token: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('members')
    .select(['id', 'team_id', 'role'])
    .where('token_hash', '=', hashToken(token))
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return row ? { memberId: row.id, teamId: row.team_id, role: row.role } : null;
}

export async function teamInfo(db: Kysely<Database>, teamId: string): Promise<TeamResponse | null> {
  const team = await db
    .selectFrom('teams')
    .select(['id', 'name', 'invite_code', 'categories'])
    .where('id', '=', teamId)
    .executeTakeFirst();
  if (!team) return null;
  const members = await db
    .selectFrom('members')
    .select(['id', 'display_name', 'role'])
    .where('team_id', '=', teamId)
    .where('removed_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return {
    team: teamOut(team),
    members: members.map((m) => ({
      id: m.id as MemberId,
      displayName: m.display_name,
      role: m.role,
    })),
  };
}

/** Revokes a member's token (their device gets 401 from then on). False if there was no such member. */
export async function removeMember(
  db: Kysely<Database>,
  teamId: string,
  memberId: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('members')
    .set({ removed_at: now })
    .where('id', '=', memberId)
    .where('team_id', '=', teamId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Sets a member's role (facilitator, member or sponsor). False if the team has no such member. */
export async function setRole(
  db: Kysely<Database>,
  teamId: string,
  memberId: string,
  role: Role,
): Promise<boolean> {
  const result = await db
    .updateTable('members')
    .set({ role })
    .where('id', '=', memberId)
    .where('team_id', '=', teamId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Gives the team a new invite code; the old one stops working at once (a code
 * shared too widely, or a leaver who still has it). Null if there is no such team.
 */
export async function rotateInvite(db: Kysely<Database>, teamId: string): Promise<string | null> {
  for (let attempt = 1; ; attempt++) {
    const code = newInviteCode();
    try {
      const result = await db
        .updateTable('teams')
        .set({ invite_code: code })
        .where('id', '=', teamId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n ? code : null;
    } catch (err) {
      // Drawn a code another team holds (1 in 32^10 per pair): draw again.
      if (attempt >= 5 || !isUniqueViolation(err)) throw err;
    }
  }
}
