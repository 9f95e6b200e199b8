/**
 * The team's data as plain tables for the CSV export: ideas, huddle votes,
 * tests of change (one row per PDSA cycle) and measures (one row per charted
 * day), and the board report (one row per measure: boardData.ts). Cells are raw here; csvCells.ts makes them safe for spreadsheets.
 *
 * Written for people opening them in a spreadsheet (issue 17): headers in the
 * app's words (never field names such as `taskWhat`), category names and
 * statuses as the screens show them, times in the ward's local time, and no
 * voter's dots for a huddle whose votes were hidden — only each idea's total.
 * Headings and words are in the reader's language (decision 0028); the
 * team's JSON download is the form a program reads.
 */
import type { Table } from '../domain/csvCells.ts';
import { assuranceWords, variationWords } from '../domain/charts/index.ts';
import { seriesOf } from '../domain/measureSeries.ts';
import { PLAN_FIELDS } from '../domain/pdsa.ts';
import { categoryLabel } from '../ui/categories.en.ts';
import { t as pdsaWords } from '../ui/screens/pdsa/pdsa.en.ts';
import { t as ideaWords } from '../ui/words.en.ts';
import { boardData } from './boardData.ts';
import { t } from './exportTables.en.ts';
import { categories } from './queries.ts';
import type { GroundUpDb } from './schema.ts';

const pad = (n: number) => String(n).padStart(2, '0');
/** "2026-11-30 14:05" in this device's time zone: what a spreadsheet reads as a date and time. */
export const localTime = (ms: number | undefined) => {
  if (typeof ms !== 'number') return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const yesNo = (b: boolean | null | undefined) =>
  typeof b !== 'boolean' ? '' : b ? pdsaWords('yes') : pdsaWords('no');
const live = <T extends { deleted?: boolean }>(rows: T[]) => rows.filter((r) => r.deleted !== true);

export async function ideasTable(db: GroundUpDb): Promise<Table> {
  const ideas = live(await db.ideas.toArray()).filter((i) => typeof i.title === 'string');
  const names = new Map((await categories(db)).map((c) => [c.id, categoryLabel(c)]));
  return {
    header: [
      t('idea'),
      t('moreDetail'),
      t('category'),
      t('status'),
      t('raisedBy'),
      t('captured'),
      t('id'),
    ],
    rows: ideas.map((i) => [
      i.title,
      i.detail,
      names.get(i.category ?? '') ?? i.category,
      i.status ? ideaWords(i.status) : '',
      i.anonymous ? ideaWords('anonymous') : i.authorName,
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
        rows.push([h.title, title.get(ideaId), t('everyoneHidden'), dots]);
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
  return { header: [t('huddle'), t('idea'), t('voter'), t('dots')], rows };
}

/** Each PDSA field, headed by its question as the test-of-change screen asks it. */
const PDSA_COLUMNS = [
  ...PLAN_FIELDS,
  'asPlanned',
  'problems',
  'observations',
  'results',
  'learning',
  'act',
  'next',
] as const;
const pdsaHeading = (k: (typeof PDSA_COLUMNS)[number]) =>
  k === 'asPlanned' ? t('asPlanned') : k === 'act' ? t('decision') : pdsaWords(k);

export async function testsTable(db: GroundUpDb): Promise<Table> {
  const [cycles, ideas] = await Promise.all([db.pdsas.toArray(), db.ideas.toArray()]);
  const title = new Map(ideas.map((i) => [i.id, i.title]));
  return {
    header: [t('idea'), t('cycle'), ...PDSA_COLUMNS.map(pdsaHeading), t('started')],
    rows: live(cycles)
      .sort((a, b) =>
        a.ideaId < b.ideaId ? -1 : a.ideaId > b.ideaId ? 1 : (a.cycle ?? 0) - (b.cycle ?? 0),
      )
      .map((c) => [
        title.get(c.ideaId),
        c.cycle,
        ...PDSA_COLUMNS.map((k) =>
          k === 'asPlanned' ? yesNo(c.asPlanned) : k === 'act' ? c.act && pdsaWords(c.act) : c[k],
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
      t('typeCell', { type: m.type ?? '' }),
      m.unit,
      t('directionCell', { direction: m.direction ?? 'higher' }),
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
      t('measure'),
      t('type'),
      t('unit'),
      t('betterIs'),
      t('target'),
      t('date'),
      t('value'),
      t('note'),
      t('ghost'),
      t('rebase'),
      t('whyRebased'),
      t('fixedOn'),
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
      t('boardMeasure'),
      t('boardUnit'),
      t('boardBetterIs'),
      t('boardChart'),
      t('latestDate'),
      t('latestValue'),
      t('centreLine'),
      t('centre'),
      t('lowerLimit'),
      t('upperLimit'),
      t('boardTarget'),
      t('variation'),
      t('assurance'),
      t('lastSignal'),
      t('lastSignalClass'),
      t('lastSignalFrom'),
      t('lastSignalTo'),
      t('limitsFrom'),
      t('limitsPeriod'),
      t('rebaseReason'),
    ],
    rows: entries.map(({ data: { measure: m }, row }) => {
      const direction = m.direction ?? 'higher';
      return [
        m.name,
        m.unit,
        t('boardDirection', { direction }),
        t('chartKind', { kind: row.kind }),
        row.latest?.date,
        row.latest?.value,
        row.centreLabel && t('centreKind', { line: row.centreLabel }),
        round(row.centre),
        round(row.limits?.lower),
        round(row.limits?.upper),
        row.target,
        row.kind === 'xmr' ? variationWords(row.variation, direction) : '',
        row.kind === 'xmr' ? assuranceWords(row.assurance) : '',
        row.lastSignal?.words ?? t('noSignal'),
        row.lastSignal?.assessment && t('signalClass', { assessment: row.lastSignal.assessment }),
        row.lastSignal?.from,
        row.lastSignal?.to,
        row.period?.from,
        row.period && t('period', { kind: row.period.kind }),
        row.period?.reason,
      ];
    }),
  };
}
