/**
 * What the organisation's screens read (decision 0021): this device's place
 * (its team's link, its role, a leader's session), the changes shared in the
 * organisation ("Worked elsewhere") with how many teams took each up, one
 * shared change, and what the share form starts from.
 */
import { parseSharedPoints } from '../domain/orgSchema.ts';
import { searchWords } from '../domain/search.ts';
import { takenUpBy, triedSummary } from '../domain/spread.ts';
import { seriesOf } from '../domain/measureSeries.ts';
import { categories } from './categories.ts';
import { listMeasures, measureData } from './improvementQueries.ts';
import { getOrgSession, getTeamOrg } from './orgData.ts';
import type { ShareRow } from './orgRows.ts';
import type { GroundUpDb } from './schema.ts';
import { getSession } from './session.ts';

export async function orgPlace(db: GroundUpDb) {
  const session = await getSession(db);
  const link = session ? await getTeamOrg(db, session.team.id) : undefined;
  return {
    team: session ? { name: session.team.name, role: session.member.role } : null,
    /** undefined: not heard from the server yet. */
    link,
    lead: await getOrgSession(db),
  };
}

export type SharedChange = ShareRow & {
  readonly takenUp: number;
  /** Shared by this device's own team. */
  readonly ours: boolean;
  /** This team took it up already: the idea it became. */
  readonly takenAs: string | null;
};

async function describe(db: GroundUpDb, rows: readonly ShareRow[]): Promise<SharedChange[]> {
  const takes = await db.takes.toArray();
  const ideas = await db.ideas.toArray();
  const own = new Set(ideas.map((i) => i.id));
  return rows.map((r) => ({
    ...r,
    takenUp: takenUpBy(r.id, takes),
    ours: own.has(r.ideaId ?? ''),
    takenAs: ideas.find((i) => (i as { takenFrom?: string }).takenFrom === r.id)?.id ?? null,
  }));
}

/** Live shares, newest first, whose words start with every word searched for. */
export async function workedElsewhere(db: GroundUpDb, search: string): Promise<SharedChange[]> {
  const want = searchWords(search);
  const rows = (await db.shares.toArray()).filter((r) => {
    if (r.withdrawn === true || typeof r.title !== 'string') return false;
    const words = searchWords(
      `${r.title} ${r.tried ?? ''} ${r.teamName ?? ''} ${r.category ?? ''}`,
    );
    return want.every((w) => words.some((x) => x.startsWith(w)));
  });
  rows.sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0));
  return describe(db, rows);
}

export async function sharedChange(db: GroundUpDb, id: string): Promise<SharedChange | null> {
  const row = await db.shares.get(id);
  if (!row || typeof row.title !== 'string') return null;
  const [one] = await describe(db, [row]);
  return one ?? null;
}

export { parseSharedPoints };

/** The share form's starting point: the idea, what its cycles tried, the team's measures. */
export async function shareDraft(db: GroundUpDb, ideaId: string) {
  const idea = await db.ideas.get(ideaId);
  if (!idea) return null;
  const cycles = await db.pdsas.where('ideaId').equals(ideaId).toArray();
  const cats = await categories(db);
  const measures = await Promise.all((await listMeasures(db)).map((m) => measureData(db, m.id)));
  const session = await getSession(db);
  return {
    idea,
    theme: cats.find((c) => c.id === idea.category)?.label ?? null,
    tried: triedSummary(cycles),
    contact: session ? `${session.member.displayName}, ${session.team.name}` : '',
    measures: measures.flatMap((d) =>
      d
        ? [
            {
              id: d.measure.id,
              name: d.measure.name ?? 'Measure',
              unit: d.measure.unit ?? '',
              direction: d.measure.direction ?? 'higher',
              points: seriesOf(d.points, d.taps)
                .filter((p) => p.ghost !== true)
                .slice(-200)
                .map((p) => ({ date: p.date, value: p.value })),
            },
          ]
        : [],
    ),
  };
}
