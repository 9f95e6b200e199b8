/**
 * Organisations (decision 0021): creating one (its creator is its admin),
 * a leader joining with the leader code, recognising a leader's token, and a
 * team's facilitator linking the team with the organisation's code or
 * unlinking it. Unlinking withdraws every change the team shared, through the
 * organisation's log, so each phone drops them at its next pull.
 */
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { OrgInfo, OrgSession, TeamOrg } from '../../src/domain/orgProtocol.ts';
import { applyFields } from '../../src/domain/idea.ts';
import { isUniqueViolation } from './errors.ts';
import { stampAfter } from './erase.ts';
import { advanceOrgSeq, lockOrgSeq, orgOfTeam } from './orgCounter.ts';
import { stampsText, toStamped } from './records.ts';
import type { Database, OrgRole } from './schema.ts';
import { lockTeamSeq } from './teamCounter.ts';
import { hashToken, newInviteCode, newToken } from './secrets.ts';

/** A leader or admin of an organisation, as their token says. */
export type OrgActor = {
  readonly memberId: string;
  readonly orgId: string;
  readonly role: OrgRole;
};

async function addOrgMember(
  db: Kysely<Database>,
  orgId: string,
  displayName: string,
  role: OrgRole,
  now: number,
) {
  const token = newToken();
  const id = uuidv7();
  await db
    .insertInto('org_members')
    .values({
      id,
      org_id: orgId,
      display_name: displayName,
      role,
      token_hash: hashToken(token),
      created_at: now,
      removed_at: null,
    })
    .execute();
  return { member: { id, displayName, role }, token };
}

export async function createOrg(
  db: Kysely<Database>,
  input: { readonly orgName: string; readonly displayName: string },
  now: number,
): Promise<OrgSession> {
  for (let attempt = 1; ; attempt++) {
    const org = {
      id: uuidv7(),
      name: input.orgName,
      invite_code: newInviteCode(),
      leader_code: newInviteCode(),
    };
    try {
      return await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('organisations')
          .values({ ...org, created_at: now })
          .execute();
        await trx.insertInto('org_counters').values({ org_id: org.id, seq: 0 }).execute();
        const { member, token } = await addOrgMember(trx, org.id, input.displayName, 'admin', now);
        return {
          org: {
            id: org.id,
            name: org.name,
            inviteCode: org.invite_code,
            leaderCode: org.leader_code,
          },
          member,
          token,
        };
      });
    } catch (err) {
      if (attempt >= 5 || !isUniqueViolation(err)) throw err;
    }
  }
}

/** A leader joins with the leader code; null when no organisation has it. */
export async function joinOrg(
  db: Kysely<Database>,
  input: { readonly leaderCode: string; readonly displayName: string },
  now: number,
): Promise<OrgSession | null> {
  const org = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('leader_code', '=', input.leaderCode)
    .executeTakeFirst();
  if (!org) return null;
  const { member, token } = await addOrgMember(db, org.id, input.displayName, 'leader', now);
  return { org: { id: org.id, name: org.name }, member, token };
}

export async function authenticateOrg(
  db: Kysely<Database>,
  token: string,
): Promise<OrgActor | null> {
  const row = await db
    .selectFrom('org_members')
    .select(['id', 'org_id', 'role'])
    .where('token_hash', '=', hashToken(token))
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return row ? { memberId: row.id, orgId: row.org_id, role: row.role } : null;
}

export async function orgInfo(db: Kysely<Database>, actor: OrgActor): Promise<OrgInfo | null> {
  const org = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'invite_code', 'leader_code'])
    .where('id', '=', actor.orgId)
    .executeTakeFirst();
  if (!org) return null;
  const teams = await db
    .selectFrom('team_orgs')
    .innerJoin('teams', 'teams.id', 'team_orgs.team_id')
    .select(['teams.id', 'teams.name'])
    .where('team_orgs.org_id', '=', actor.orgId)
    .orderBy('teams.name')
    .execute();
  const codes =
    actor.role === 'admin' ? { inviteCode: org.invite_code, leaderCode: org.leader_code } : {};
  return { org: { id: org.id, name: org.name, ...codes }, teams };
}

/** The teams linked to an organisation, by id (whose phones hear of its log's changes). */
export async function orgTeams(db: Kysely<Database>, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_orgs')
    .select('team_id')
    .where('org_id', '=', orgId)
    .execute();
  return rows.map((r) => r.team_id);
}

/** The organisation a team is linked to, as its members see it. */
export async function teamOrg(db: Kysely<Database>, teamId: string): Promise<TeamOrg> {
  const row = await db
    .selectFrom('team_orgs')
    .innerJoin('organisations', 'organisations.id', 'team_orgs.org_id')
    .select(['organisations.id', 'organisations.name'])
    .where('team_orgs.team_id', '=', teamId)
    .executeTakeFirst();
  return row ?? null;
}

export type LinkOutcome =
  | { readonly kind: 'linked'; readonly org: NonNullable<TeamOrg> }
  | { readonly kind: 'no-such-code' }
  | { readonly kind: 'already-linked'; readonly org: NonNullable<TeamOrg> };

export async function linkTeam(
  db: Kysely<Database>,
  teamId: string,
  inviteCode: string,
  now: number,
): Promise<LinkOutcome> {
  return db.transaction().execute(async (trx) => {
    const org = await trx
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('invite_code', '=', inviteCode)
      .executeTakeFirst();
    if (!org) return { kind: 'no-such-code' } as const;
    const held = await teamOrg(trx, teamId);
    if (held)
      return held.id === org.id ? { kind: 'linked', org } : { kind: 'already-linked', org: held };
    await trx
      .insertInto('team_orgs')
      .values({ team_id: teamId, org_id: org.id, linked_at: now })
      .onConflict((oc) => oc.column('team_id').doNothing())
      .execute();
    return { kind: 'linked', org } as const;
  });
}

/**
 * Unlinks the team: each change it shared and has not withdrawn is withdrawn
 * by a change the server stamps, appended to the organisation's log (so every
 * phone of the organisation drops it at its next pull), then the link goes.
 * False if the team was not linked.
 */
export async function unlinkTeam(
  db: Kysely<Database>,
  teamId: string,
  now: number,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // The team's counter first, then the organisation's (orgCounter.ts).
    await lockTeamSeq(trx, teamId);
    const orgId = await orgOfTeam(trx, teamId);
    if (orgId === null) return false;
    const start = await lockOrgSeq(trx, orgId);
    if (start === null) return false;
    const shares = await trx
      .selectFrom('records')
      .select(['id', 'fields', 'stamps'])
      .where('entity', '=', 'share')
      .where('team_id', '=', teamId)
      .execute();
    let seq = start;
    for (const row of shares) {
      const held = toStamped(row.fields, row.stamps);
      if (held.fields['withdrawn'] === true) continue;
      seq += 1;
      const hlc = stampAfter(held.stamps, now);
      const fields = { withdrawn: true };
      const after = applyFields(held, fields, hlc);
      await trx
        .updateTable('records')
        .set({
          fields: JSON.stringify(after.fields),
          stamps: stampsText(after.fields, after.stamps),
          updated_seq: seq,
        })
        .where('entity', '=', 'share')
        .where('id', '=', row.id)
        .execute();
      await trx
        .insertInto('org_change_log')
        .values({
          org_id: orgId,
          seq,
          mutation_id: uuidv7(),
          entity: 'share',
          entity_id: row.id,
          fields: JSON.stringify(fields),
          hlc,
          team_id: teamId,
          received_at: now,
        })
        .execute();
    }
    await advanceOrgSeq(trx, orgId, seq - start, seq);
    await trx.deleteFrom('team_orgs').where('team_id', '=', teamId).execute();
    return true;
  });
}
