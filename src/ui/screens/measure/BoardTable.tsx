/**
 * The board report ("summary table"): one row per measure with Making Data
 * Count's variation and assurance icons first (what a phone shows before the
 * table scrolls), then its latest value, centre line, limits (with the period
 * they are from: a fixed baseline, or since a rebase), target and its last signal. Used by the summary screen and the
 * review pack; the CSV export writes the same rows (src/db/exportTables.ts).
 */
import type { BoardEntry } from '../../../db/boardData.ts';
import { AssuranceIcon, VariationIcon } from '../../components/chart/MdcIcons.tsx';

/** Which period the mean and limits are from: the current one (decision 0017). */
export function periodLabel(period: NonNullable<BoardEntry['row']['period']>): string {
  if (period.kind === 'baseline') return `Baseline, fixed (from ${period.from})`;
  if (period.kind === 'all-points') return 'From every point';
  return `Rebased ${period.from}${period.reason === null ? '' : `: ${period.reason}`}`;
}

const fmt = (v: number | null | undefined) =>
  typeof v === 'number' ? String(Number(v.toFixed(2))) : '';

export function BoardTable({
  entries,
  id = 'board',
}: {
  entries: readonly BoardEntry[];
  id?: string;
}) {
  if (entries.length === 0) return <p>No measures yet.</p>;
  return (
    <div class="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table class="table board-table">
        <caption id={`${id}-caption`}>Every measure at a glance ({entries.length})</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">Variation</th>
            <th scope="col">Assurance</th>
            <th scope="col">Latest</th>
            <th scope="col">Mean</th>
            <th scope="col">Limits</th>
            <th scope="col">Target</th>
            <th scope="col">Last signal</th>
          </tr>
        </thead>
        <tbody>
          {entries.map(({ data: { measure: m }, row }) => {
            const unit = m.unit ? ` ${m.unit}` : '';
            const direction = m.direction ?? 'higher';
            return (
              <tr key={m.id}>
                <th scope="row">
                  <a href={`/measures/${m.id}`}>{m.name}</a>
                  <span class="meta board-table__meta">
                    {direction === 'lower' ? 'Lower' : 'Higher'} is better
                  </span>
                </th>
                <td>
                  {row.variation ? (
                    <VariationIcon variation={row.variation} direction={direction} size={32} />
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  {row.kind === 'xmr' ? <AssuranceIcon assurance={row.assurance} size={32} /> : '—'}
                </td>
                <td>
                  {row.latest ? (
                    <>
                      {fmt(row.latest.value)}
                      {unit}
                      <span class="meta board-table__meta">{row.latest.date}</span>
                    </>
                  ) : (
                    'No points'
                  )}
                </td>
                <td>
                  {fmt(row.centre)}
                  {row.centreLabel === 'median' && (
                    <span class="meta board-table__meta">median</span>
                  )}
                </td>
                <td>
                  {row.limits ? `${fmt(row.limits.lower)} to ${fmt(row.limits.upper)}` : '—'}
                  {row.period && (
                    <span class="meta board-table__meta">{periodLabel(row.period)}</span>
                  )}
                </td>
                <td>{row.target === null ? 'None' : `${fmt(row.target)}${unit}`}</td>
                <td>
                  {row.lastSignal ? (
                    <>
                      {row.lastSignal.words}
                      {row.lastSignal.assessment ? ` (${row.lastSignal.assessment})` : ''}
                      <span class="meta board-table__meta">
                        {row.lastSignal.from === row.lastSignal.to
                          ? row.lastSignal.to
                          : `${row.lastSignal.from} to ${row.lastSignal.to}`}
                      </span>
                    </>
                  ) : (
                    'None'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
