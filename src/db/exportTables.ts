/**
 * The team's data as plain tables for the CSV export: ideas, huddle votes,
 * tests of change (one row per PDSA cycle) and measures (one row per charted
 * day), and the board report (one row per measure: boardData.ts). Cells are raw here; csvCells.ts makes them safe for spreadsheets.
 */
import type { Table } from '../domain/csvCells.ts';
import { assuranceWords, variationWords } from '../domain/charts/index.ts';
import { seriesOf } from '../domain/measureSeries.ts';
import { boardData } from './boardData.ts';
import type { GroundUpDb } from './schema.ts';

const iso = (ms: number | undefined) => (typeof ms === 'number' ? new Date(ms).toISOString() : '');
const live = <T extends { deleted?: boolean }>(rows: T[]) => rows.filter((r) => r.deleted !== true);

export async function ideasTable(db: GroundUpDb): Promise<Table> {
  const ideas = live(await db.ideas.toArray()).filter((i) => typeof i.title === 'string');
  return {
    header: ['id', 'title', 'detail', 'category', 'status', 'raised by', 'captured'],
    rows: ideas.map((i) => [
      i.id,
      i.title,
      i.detail,
      i.category,
      i.status,
      i.anonymous ? 'anonymous' : i.authorName,
      iso(i.createdAt),
    ]),
  };
}

export async function votesTable(db: GroundUpDb): Promise<Table> {
  const [votes, huddles, ideas, members] = await Promise.all([
    db.votes.toArray(),
    db.huddles.toArray(),
    db.ideas.toArray(),
    db.members.toArray(),
  ]);
  const title = new Map(ideas.map((i) => [i.id, i.title]));
  const huddle = new Map(huddles.map((h) => [h.id, h.title]));
  const who = new Map(members.map((m) => [m.id, m.displayName]));
  return {
    header: ['huddle', 'idea', 'voter', 'dots'],
    rows: votes
      .filter((v) => (v.dots ?? 0) > 0)
      .map((v) => [
        huddle.get(v.huddleId),
        title.get(v.ideaId ?? ''),
        v.proxy ? v.proxyName : who.get(v.memberId ?? ''),
        v.dots,
      ]),
  };
}

const PDSA_COLUMNS = [
  'objective',
  'taskWhat',
  'taskWho',
  'taskWhen',
  'taskWhere',
  'prediction',
  'predictionWhy',
  'measureText',
  'asPlanned',
  'problems',
  'observations',
  'results',
  'learning',
  'act',
  'next',
] as const;

export async function testsTable(db: GroundUpDb): Promise<Table> {
  const [cycles, ideas] = await Promise.all([db.pdsas.toArray(), db.ideas.toArray()]);
  const title = new Map(ideas.map((i) => [i.id, i.title]));
  return {
    header: ['idea', 'cycle', ...PDSA_COLUMNS, 'started'],
    rows: live(cycles)
      .sort((a, b) =>
        a.ideaId < b.ideaId ? -1 : a.ideaId > b.ideaId ? 1 : (a.cycle ?? 0) - (b.cycle ?? 0),
      )
      .map((c) => [
        title.get(c.ideaId),
        c.cycle,
        ...PDSA_COLUMNS.map((k) => c[k]),
        iso(c.createdAt),
      ]),
  };
}

export async function measuresTable(db: GroundUpDb): Promise<Table> {
  const [measures, points, taps] = await Promise.all([
    db.measures.toArray(),
    db.points.toArray(),
    db.taps.toArray(),
  ]);
  const rows = live(measures).flatMap((m) =>
    seriesOf(
      points.filter((p) => p.measureId === m.id),
      taps.filter((t) => t.measureId === m.id),
    ).map((p) => [
      m.name,
      m.type,
      m.unit,
      m.direction,
      m.target,
      p.date,
      p.value,
      p.note,
      p.ghost === true,
      p.recalculate === true,
    ]),
  );
  return {
    header: [
      'measure',
      'type',
      'unit',
      'better is',
      'target',
      'date',
      'value',
      'note',
      'ghosted',
      'recalculate limits',
    ],
    rows,
  };
}

/** Three decimals at most: limits and means are arithmetic, not recorded values. */
const round = (v: number | null | undefined) =>
  typeof v === 'number' ? Number(v.toFixed(3)) : null;

/** The board report ("summary table"): one row per measure, as on the screen. */
export async function boardTable(db: GroundUpDb): Promise<Table> {
  const entries = await boardData(db);
  return {
    header: [
      'measure',
      'unit',
      'better is',
      'chart',
      'latest date',
      'latest value',
      'centre line',
      'centre',
      'lower limit',
      'upper limit',
      'target',
      'variation',
      'assurance',
      'last signal',
      'last signal class',
      'last signal from',
      'last signal to',
    ],
    rows: entries.map(({ data: { measure: m }, row }) => {
      const direction = m.direction ?? 'higher';
      return [
        m.name,
        m.unit,
        direction,
        row.kind === 'xmr' ? 'XmR' : row.kind === 'run' ? 'run chart' : 'no points',
        row.latest?.date,
        row.latest?.value,
        row.centreLabel,
        round(row.centre),
        round(row.limits?.lower),
        round(row.limits?.upper),
        row.target,
        row.kind === 'xmr' ? variationWords(row.variation, direction) : '',
        row.kind === 'xmr' ? assuranceWords(row.assurance) : '',
        row.lastSignal?.words ?? 'none',
        row.lastSignal?.assessment,
        row.lastSignal?.from,
        row.lastSignal?.to,
      ];
    }),
  };
}
