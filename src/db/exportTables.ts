/**
 * The team's data as plain tables for the CSV export: ideas, huddle votes,
 * tests of change (one row per PDSA cycle) and measures (one row per charted
 * day), and the board report (one row per measure: boardData.ts). Cells are raw here; csvCells.ts makes them safe for spreadsheets.
 *
 * Written for people opening them in a spreadsheet (issue 17): headers in the
 * app's words (never field names such as `taskWhat`), category names and
 * statuses as the screens show them, times in the ward's local time, and no
 * voter's dots for a huddle whose votes were hidden — only each idea's total.
 */
import type { Table } from '../domain/csvCells.ts';
import { assuranceWords, variationWords } from '../domain/charts/index.ts';
import { seriesOf } from '../domain/measureSeries.ts';
import type { IdeaStatus } from '../domain/records.ts';
import { boardData } from './boardData.ts';
import { categories } from './queries.ts';
import type { GroundUpDb } from './schema.ts';

const pad = (n: number) => String(n).padStart(2, '0');
/** "2026-11-30 14:05" in this device's time zone: what a spreadsheet reads as a date and time. */
export const localTime = (ms: number | undefined) => {
  if (typeof ms !== 'number') return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const yesNo = (b: boolean | null | undefined) => (typeof b !== 'boolean' ? '' : b ? 'Yes' : 'No');

const STATUS_WORDS: Readonly<Record<IdeaStatus, string>> = {
  new: 'New',
  shortlisted: 'Shortlisted',
  testing: 'Testing',
  adopted: 'Adopted',
  adapted: 'Adapted',
  abandoned: 'Abandoned',
  parked: 'Parked',
};
const ACT_WORDS: Readonly<Record<string, string>> = {
  adopt: 'Adopt',
  adapt: 'Adapt',
  abandon: 'Abandon',
};
const live = <T extends { deleted?: boolean }>(rows: T[]) => rows.filter((r) => r.deleted !== true);

export async function ideasTable(db: GroundUpDb): Promise<Table> {
  const ideas = live(await db.ideas.toArray()).filter((i) => typeof i.title === 'string');
  const names = new Map((await categories(db)).map((c) => [c.id, c.label]));
  return {
    header: [
      'Idea',
      'More detail',
      'Category',
      'Status',
      'Raised by',
      'Captured (local time)',
      'Id',
    ],
    rows: ideas.map((i) => [
      i.title,
      i.detail,
      names.get(i.category ?? '') ?? i.category,
      i.status ? STATUS_WORDS[i.status] : '',
      i.anonymous ? 'Anonymous' : i.authorName,
      localTime(i.createdAt),
      i.id,
    ]),
  };
}

/**
 * Dots by voter for an open vote; for a huddle whose votes were hidden, each
 * idea's total only (who gave which dots was never shown, so it is not exported).
 */
export async function votesTable(db: GroundUpDb): Promise<Table> {
  const [votes, huddles, ideas, members] = await Promise.all([
    db.votes.toArray(),
    db.huddles.toArray(),
    db.ideas.toArray(),
    db.members.toArray(),
  ]);
  const title = new Map(ideas.map((i) => [i.id, i.title]));
  const who = new Map(members.map((m) => [m.id, m.displayName]));
  const rows: Table['rows'][number][] = [];
  for (const h of huddles) {
    const cast = votes.filter((v) => v.huddleId === h.id && (v.dots ?? 0) > 0);
    if (h.hidden === true) {
      const totals = new Map<string, number>();
      for (const v of cast)
        totals.set(v.ideaId ?? '', (totals.get(v.ideaId ?? '') ?? 0) + (v.dots ?? 0));
      for (const [ideaId, dots] of totals)
        rows.push([h.title, title.get(ideaId), 'Everyone (the votes were hidden)', dots]);
    } else {
      for (const v of cast)
        rows.push([
          h.title,
          title.get(v.ideaId ?? ''),
          v.proxy ? v.proxyName : who.get(v.memberId ?? ''),
          v.dots,
        ]);
    }
  }
  return { header: ['Huddle', 'Idea', 'Voter', 'Dots'], rows };
}

/** Each PDSA field with its question as the test-of-change screen asks it. */
const PDSA_COLUMNS = [
  ['objective', 'What are we trying to find out?'],
  ['taskWhat', 'What will we do?'],
  ['taskWho', 'Who will do it?'],
  ['taskWhen', 'When?'],
  ['taskWhere', 'Where?'],
  ['prediction', 'What do we predict will happen?'],
  ['predictionWhy', 'Why do we think so?'],
  ['measureText', 'What will we measure?'],
  ['asPlanned', 'Done as planned?'],
  ['problems', 'Problems'],
  ['observations', 'Anything unexpected?'],
  ['results', 'What happened, compared with the prediction?'],
  ['learning', 'What did we learn?'],
  ['act', 'Decision'],
  ['next', 'What next?'],
] as const;

export async function testsTable(db: GroundUpDb): Promise<Table> {
  const [cycles, ideas] = await Promise.all([db.pdsas.toArray(), db.ideas.toArray()]);
  const title = new Map(ideas.map((i) => [i.id, i.title]));
  return {
    header: ['Idea', 'Cycle', ...PDSA_COLUMNS.map(([, label]) => label), 'Started (local time)'],
    rows: live(cycles)
      .sort((a, b) =>
        a.ideaId < b.ideaId ? -1 : a.ideaId > b.ideaId ? 1 : (a.cycle ?? 0) - (b.cycle ?? 0),
      )
      .map((c) => [
        title.get(c.ideaId),
        c.cycle,
        ...PDSA_COLUMNS.map(([k]) =>
          k === 'asPlanned'
            ? yesNo(c.asPlanned)
            : k === 'act'
              ? (ACT_WORDS[c.act ?? ''] ?? c.act)
              : c[k],
        ),
        localTime(c.createdAt),
      ]),
  };
}

export async function measuresTable(db: GroundUpDb): Promise<Table> {
  const [measures, points, taps, cycles] = await Promise.all([
    db.measures.toArray(),
    db.points.toArray(),
    db.taps.toArray(),
    db.pdsas.toArray(),
  ]);
  const cycleOf = (id: string) => cycles.find((c) => c.id === id)?.cycle ?? null;
  const rows = live(measures).flatMap((m) =>
    seriesOf(
      points.filter((p) => p.measureId === m.id),
      taps.filter((t) => t.measureId === m.id),
      cycleOf,
    ).map((p) => [
      m.name,
      m.type,
      m.unit,
      m.direction === 'lower' ? 'Lower' : 'Higher',
      m.target,
      p.date,
      p.value,
      p.note,
      yesNo(p.ghost === true),
      yesNo(p.recalculate === true),
      p.reason,
      m.baselinePoints,
    ]),
  );
  return {
    header: [
      'Measure',
      'Type',
      'Unit',
      'Better is',
      'Target',
      'Date',
      'Value',
      'Note',
      'Left out of the limits (ghost)',
      'Limits recalculated from here (rebase)',
      'Why rebased',
      'Limits fixed on the first (points)',
    ],
    rows,
  };
}

/** Three decimals at most: limits and means are arithmetic, not recorded values. */
const round = (v: number | null | undefined) =>
  typeof v === 'number' ? Number(v.toFixed(3)) : null;

const PERIOD_WORDS = {
  baseline: 'baseline, fixed',
  rebased: 'rebased',
  'all-points': 'every point',
} as const;

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
      'limits from',
      'limits period',
      'rebase reason',
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
        row.period?.from,
        row.period ? PERIOD_WORDS[row.period.kind] : undefined,
        row.period?.reason,
      ];
    }),
  };
}
