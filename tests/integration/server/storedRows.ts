/**
 * Checks every row the server stored against the wire schemas it was meant to
 * pass: a hostile request may be refused, but it must never leave behind a
 * record that a device would choke on, a name a database cannot hold, or a
 * change written into one team by a member of another.
 */
import * as v from 'valibot';
import { categoriesSchema, hlcSchema, mutationSchema } from '../../../src/domain/protocol.ts';
import { createTeamRequestSchema } from '../../../src/domain/teamRequests.ts';
import { CREATE_FIELDS, ENTITY_NAMES, type EntityName } from '../../../src/domain/entities.ts';
import { toStamped } from '../../../server/store/records.ts';
import type { InspectableStore } from './tables.ts';

const SOME_ID = '0190a1b2-0000-7000-8000-000000000000';
const SOME_HLC = '001772435814216-0000-0000000700000001';

function json(text: unknown): unknown {
  return typeof text === 'string' ? JSON.parse(text) : undefined;
}

/**
 * A record row's stamps as the server reads them (records.ts toStamped, either
 * form it stores), and what is wrong with the text itself: the shared form may
 * name, besides its shared stamp under "", only fields the record has. A text
 * that is not JSON throws, as the server's reading of it would.
 */
function storedStamps(r: Record<string, unknown>): { stamps: unknown; problems: string[] } {
  const { fields, stamps } = r;
  if (typeof fields !== 'string' || typeof stamps !== 'string')
    return { stamps: undefined, problems: [`record ${String(r['id'])}: no fields or stamps text`] };
  const raw = JSON.parse(stamps) as Record<string, unknown>;
  const names = Object.keys(JSON.parse(fields) as object);
  const strays = Object.hasOwn(raw, '')
    ? Object.keys(raw).filter((k) => k !== '' && !names.includes(k))
    : [];
  return {
    stamps: toStamped(fields, stamps).stamps,
    problems: strays.map((k) => `record ${String(r['id'])}: a stamp for ${k}, which it lacks`),
  };
}

function checkStoredRecord(entity: EntityName, r: Record<string, unknown>): string[] {
  const { stamps, problems } = storedStamps(r);
  return [...problems, ...checkEntity(entity, String(r['id']), json(r['fields']), stamps)];
}

/** Problems with one entity's stored fields and stamps; [] when it is well formed. */
function checkEntity(entity: string, id: string, fields: unknown, stamps?: unknown): string[] {
  const problems: string[] = [];
  const parsed = v.safeParse(mutationSchema, {
    id: SOME_ID,
    hlc: SOME_HLC,
    entity,
    entityId: entity === 'team' ? SOME_ID : id,
    fields,
  });
  if (!parsed.success) problems.push(`${entity} ${id}: ${v.summarize(parsed.issues)}`);
  if (stamps !== undefined) {
    const keys = Object.keys(fields ?? {}).sort();
    if (JSON.stringify(Object.keys(stamps ?? {}).sort()) !== JSON.stringify(keys))
      problems.push(`${entity} ${id}: stamps do not match fields`);
    for (const s of Object.values(stamps ?? {})) {
      if (!v.is(hlcSchema, s)) problems.push(`${entity} ${id}: bad stamp ${String(s)}`);
    }
    if (entity === 'idea' || entity === 'comment') {
      const missing = CREATE_FIELDS[entity].filter((f: string) => !keys.includes(f));
      if (missing.length > 0) problems.push(`${entity} ${id}: missing ${missing.join(', ')}`);
    }
  }
  return problems;
}

export async function malformedRows(db: InspectableStore): Promise<string[]> {
  const problems: string[] = [];
  const teamOf = new Map<string, string>();
  for (const m of await db.rows('members')) {
    teamOf.set(String(m['id']), String(m['team_id']));
    const name = v.safeParse(createTeamRequestSchema, {
      teamName: 'x',
      displayName: m['display_name'],
    });
    if (!name.success || name.output.displayName !== m['display_name'])
      problems.push(`member ${String(m['id'])}: display name ${JSON.stringify(m['display_name'])}`);
    if (!/^[0-9a-f]{64}$/.test(String(m['token_hash'])))
      problems.push(`member ${String(m['id'])}: token hash is not a SHA-256`);
  }
  for (const t of await db.rows('teams')) {
    const name = v.safeParse(createTeamRequestSchema, { teamName: t['name'], displayName: 'x' });
    if (!name.success || name.output.teamName !== t['name'])
      problems.push(`team ${String(t['id'])}: name ${JSON.stringify(t['name'])}`);
    if (!v.is(categoriesSchema, json(t['categories'])))
      problems.push(`team ${String(t['id'])}: categories ${String(t['categories'])}`);
    if (!/^[0-9A-Z]{10}$/.test(String(t['invite_code'])))
      problems.push(`team ${String(t['id'])}: invite code ${String(t['invite_code'])}`);
  }
  // Every kind of record, in the one records table.
  for (const r of await db.rows('records')) {
    const entity = String(r['entity']);
    if (!(ENTITY_NAMES as readonly string[]).includes(entity) || entity === 'team')
      problems.push(`record ${String(r['id'])}: unknown kind ${entity}`);
    else problems.push(...checkStoredRecord(entity as EntityName, r));
    if (teamOf.get(String(r['created_by'])) !== r['team_id'])
      problems.push(`${entity} ${String(r['id'])}: created by a member of another team`);
  }
  for (const c of await db.rows('change_log')) {
    problems.push(...checkEntity(String(c['entity']), String(c['entity_id']), json(c['fields'])));
    if (!v.is(hlcSchema, c['hlc'])) problems.push(`change ${String(c['seq'])}: bad stamp`);
    if (teamOf.get(String(c['member_id'])) !== c['team_id'])
      problems.push(`change ${String(c['seq'])}: written by a member of another team`);
  }
  return problems;
}
