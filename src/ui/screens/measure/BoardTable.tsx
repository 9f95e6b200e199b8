/**
 * The board report ("summary table"): one row per measure with Making Data
 * Count's variation and assurance icons first (what a phone shows before the
 * table scrolls), then its latest value, centre line, limits (with the period
 * they are from: a fixed baseline, or since a rebase), target and its last signal. Used by the summary screen and the
 * review pack; the CSV export writes the same rows (src/db/exportTables.ts).
 */
import type { BoardEntry } from '../../../db/boardData.ts';
import { AssuranceIcon, VariationIcon } from '../../components/chart/MdcIcons.tsx';
import { t } from './measure.en.ts';

/** Which period the mean and limits are from: the current one (decision 0017). */
export function periodLabel(period: NonNullable<BoardEntry['row']['period']>): string {
  if (period.kind === 'baseline') return t('periodBaseline', { from: period.from });
  if (period.kind === 'all-points') return t('periodEvery');
  return period.reason === null
    ? t('periodRebased', { from: period.from })
    : t('periodRebasedWhy', { from: period.from, reason: period.reason });
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
  if (entries.length === 0) return <p>{t('noMeasures')}</p>;
  return (
    <div class="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table class="table board-table">
        <caption id={`${id}-caption`}>{t('atAGlance', { n: entries.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('measure')}</th>
            <th scope="col">{t('variation')}</th>
            <th scope="col">{t('assurance')}</th>
            <th scope="col">{t('latest')}</th>
            <th scope="col">{t('mean')}</th>
            <th scope="col">{t('limits')}</th>
            <th scope="col">{t('target')}</th>
            <th scope="col">{t('lastSignal')}</th>
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
                    {direction === 'lower' ? t('lowerBetter') : t('higherBetter')}
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
                    t('noPoints')
                  )}
                </td>
                <td>
                  {fmt(row.centre)}
                  {row.centreLabel === 'median' && (
                    <span class="meta board-table__meta">{t('median')}</span>
                  )}
                </td>
                <td>
                  {row.limits
                    ? t('fromTo', { from: fmt(row.limits.lower), to: fmt(row.limits.upper) })
                    : '—'}
                  {row.period && (
                    <span class="meta board-table__meta">{periodLabel(row.period)}</span>
                  )}
                </td>
                <td>{row.target === null ? t('none') : `${fmt(row.target)}${unit}`}</td>
                <td>
                  {row.lastSignal ? (
                    <>
                      {row.lastSignal.words}
                      {row.lastSignal.assessment ? ` (${row.lastSignal.assessment})` : ''}
                      <span class="meta board-table__meta">
                        {row.lastSignal.from === row.lastSignal.to
                          ? row.lastSignal.to
                          : t('fromTo', { from: row.lastSignal.from, to: row.lastSignal.to })}
                      </span>
                    </>
                  ) : (
                    t('none')
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
