/**
 * A leader's portfolio: what the organisation may see of each linked team,
 * summed up from the team's records at the time of asking (decision 0021).
 * Only these leave a team: its name; its live 100-day challenge (goal, start
 * date) with its outcome measure's name, unit, direction, target and data
 * points; the titles and themes of its ideas in test, adopted or adapted; and
 * its asks of the sponsor (text, kind, the idea's title, whether answered).
 * Never a member, an author, a comment, a vote, a cycle's notes, another
 * measure or an idea still new. A team that unlinks is simply not in the next
 * answer, and the device replaces its copy with each answer.
 */
import type { Kysely } from 'kysely';
import type { Portfolio, PortfolioTeam } from '../../src/domain/orgProtocol.ts';
import type { Category } from '../../src/domain/records.ts';
import type { Fields } from '../../src/domain/merge.ts';
import { seriesOf } from '../../src/domain/measureSeries.ts';
import type { PointFields, TapFields } from '../../src/domain/improvement.ts';
import { chunks } from './bulk.ts';
import type { Database } from './schema.ts';

const SHOWN = ['testing', 'adopted', 'adapted'] as const;

type Row = { entity: string; id: string; team_id: string; fields: string };
type Parsed = Row & { f: Fields };
/** What a portfolio reads of one team, by kind. */
type Held = { challenge: Parsed[]; idea: Parsed[]; ask: Parsed[] };
const noneHeld = (): Held => ({ challenge: [], idea: [], ask: [] });
const HELD_KINDS: ReadonlySet<string> = new Set(Object.keys(noneHeld()));

/**
 * The rows read, parsed and sorted by team and kind in one pass (deleted ones
 * left out), so a team's share costs the same with 800 teams as with 50.
 */
function heldByTeam(rows: readonly Row[]): Map<string, Held> {
  const out = new Map<string, Held>();
  for (const r of rows) {
    if (!HELD_KINDS.has(r.entity)) continue;
    const f = JSON.parse(r.fields) as Fields;
    if (f['deleted'] === true) continue;
    const team = out.get(r.team_id) ?? noneHeld();
    out.set(r.team_id, team);
    team[r.entity as keyof Held].push({ ...r, f });
  }
  return out;
}

const str = (x: unknown): string => (typeof x === 'string' ? x : '');
const num = (x: unknown): number | null => (typeof x === 'number' ? x : null);

export async function portfolio(
  db: Kysely<Database>,
  orgId: string,
  now: number,
): Promise<Portfolio | null> {
  const org = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  if (!org) return null;
  const teams = await db
    .selectFrom('team_orgs')
    .innerJoin('teams', 'teams.id', 'team_orgs.team_id')
    .select(['teams.id', 'teams.name', 'teams.categories'])
    .where('team_orgs.org_id', '=', orgId)
    .orderBy('teams.name')
    .execute();
  const ids = teams.map((t) => t.id);
  const rows: Row[] = [];
  for (const part of chunks(ids, 1)) {
    rows.push(
      ...(await db
        .selectFrom('records')
        .select(['entity', 'id', 'team_id', 'fields'])
        .where('team_id', 'in', part)
        .where((eb) =>
          eb.or([
            eb('entity', 'in', ['challenge', 'ask']),
            // Ideas in test or after: matched on the stored JSON, so a team's many new ideas
            // are never read (JSON.stringify writes "status":"testing" exactly so).
            eb.and([
              eb('entity', '=', 'idea'),
              eb.or(SHOWN.map((s) => eb('fields', 'like', `%"status":"${s}"%`))),
            ]),
          ]),
        )
        .execute()),
    );
  }
  const held = heldByTeam(rows);
  const challenges = new Map<string, Parsed>();
  for (const [teamId, kinds] of held) {
    for (const r of kinds.challenge) {
      const latest = challenges.get(teamId);
      if (!latest || str(r.f['startDate']) > str(latest.f['startDate'])) challenges.set(teamId, r);
    }
  }
  const outcomeIds = [...challenges.values()].flatMap((c) => {
    const id = c.f['outcomeMeasureId'];
    return typeof id === 'string' ? [id] : [];
  });
  const measures = new Map<string, { teamId: string; f: Fields }>();
  const points = new Map<string, { points: Partial<PointFields>[]; taps: Partial<TapFields>[] }>();
  for (const part of chunks(outcomeIds, 1)) {
    const ms = await db
      .selectFrom('records')
      .select(['id', 'team_id', 'fields'])
      .where('entity', '=', 'measure')
      .where('id', 'in', part)
      .where('team_id', 'in', ids.length > 0 ? ids : [''])
      .execute();
    for (const m of ms)
      measures.set(m.id, { teamId: m.team_id, f: JSON.parse(m.fields) as Fields });
    const ps = await db
      .selectFrom('records')
      .select(['entity', 'parent_id', 'team_id', 'fields'])
      .where('entity', 'in', ['point', 'tap'])
      .where('parent_id', 'in', part)
      .execute();
    for (const p of ps) {
      const owner = measures.get(p.parent_id ?? '');
      if (!owner || owner.teamId !== p.team_id) continue;
      const held = points.get(p.parent_id ?? '') ?? { points: [], taps: [] };
      points.set(p.parent_id ?? '', held);
      const f = JSON.parse(p.fields) as Fields;
      if (p.entity === 'point') held.points.push(f as Partial<PointFields>);
      else held.taps.push(f as Partial<TapFields>);
    }
  }
  const out: PortfolioTeam[] = teams.map((t) => {
    const themes = new Map(
      (JSON.parse(t.categories) as Category[]).map((c) => [c.id, c.label] as const),
    );
    const mine = held.get(t.id) ?? noneHeld();
    const ideas = mine.idea.filter(
      (r) => SHOWN.includes(r.f['status'] as (typeof SHOWN)[number]) && r.f['hidden'] !== true,
    );
    // An ask names its idea only if a leader may see that idea (not one a facilitator hid).
    const titles = new Map(
      mine.idea.filter((r) => r.f['hidden'] !== true).map((r) => [r.id, r] as const),
    );
    const c = challenges.get(t.id);
    const outcomeId = c ? str(c.f['outcomeMeasureId']) : '';
    const measure = measures.get(outcomeId);
    const series = points.get(outcomeId);
    return {
      id: t.id,
      name: t.name,
      challenge: c
        ? {
            goal: str(c.f['goal']),
            startDate: str(c.f['startDate']),
            outcome:
              measure && measure.teamId === t.id && measure.f['deleted'] !== true
                ? {
                    name: str(measure.f['name']),
                    unit: str(measure.f['unit']),
                    direction: measure.f['direction'] === 'lower' ? 'lower' : 'higher',
                    target: num(measure.f['target']),
                    points: seriesOf(series?.points ?? [], series?.taps ?? []).map((p) => ({
                      date: p.date,
                      value: p.value,
                      ...(p.ghost ? { ghost: true } : {}),
                    })),
                  }
                : null,
          }
        : null,
      ideas: ideas.map((r) => ({
        id: r.id,
        ...(r.f['erased'] === true
          ? { title: '(erased)', erased: true as const }
          : { title: str(r.f['title']) }),
        status: str(r.f['status']),
        theme: themes.get(str(r.f['category'])) ?? null,
        statusAt: num(r.f['statusAt']),
      })),
      asks: mine.ask.map((r) => {
        const idea = titles.get(str(r.f['ideaId']));
        return {
          id: r.id,
          kind: str(r.f['kind']),
          text: str(r.f['text']),
          ...(idea
            ? idea.f['erased'] === true
              ? { ideaTitle: '(erased)', ideaErased: true as const }
              : { ideaTitle: str(idea.f['title']) }
            : { ideaTitle: 'an idea of the team', ideaUnseen: true as const }),
          theme: idea ? (themes.get(str(idea.f['category'])) ?? null) : null,
          createdAt: num(r.f['createdAt']) ?? 0,
          answer: typeof r.f['answer'] === 'string' ? r.f['answer'] : null,
          answeredAt: num(r.f['answeredAt']),
        };
      }),
    };
  });
  return { org: { id: org.id, name: org.name }, at: now, teams: out };
}
