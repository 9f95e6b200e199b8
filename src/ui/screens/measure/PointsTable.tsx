/**
 * The chart's data as a table (the accessible alternative to the picture),
 * with each point's signal and period (baseline, extended, rebased and why),
 * and the buttons to add a note, ghost a point or rebase the limits at it
 * (whoever added it, or a facilitator or sponsor; the server checks).
 */
import { cyclesAtPoint, type CycleStart } from '../../../domain/charts/annotations.ts';
import { periodWords, type MeasureChart } from '../../../domain/charts/index.ts';
import type { CycleChoice } from '../../../db/improvementQueries.ts';
import type { PointRow } from '../../../db/improvementRows.ts';
import { editPoint, setRebase } from '../../actions/index.ts';
import { useState } from 'preact/hooks';
import { NoteEditor } from './NoteEditor.tsx';
import { RebaseEditor } from './RebaseEditor.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { shortDay } from '../../format.ts';
import { t } from './measure.en.ts';

/** What the two less obvious buttons do, in words, once above the table. */
function ChangeWords() {
  return (
    <details class="details">
      <summary>{t('whatGhost')}</summary>
      <div class="details__text">
        <p>
          <strong>{t('ghostWord')}</strong> {t('ghostExplain')}
        </p>
        <p>
          <strong>{t('rebaseHere')}</strong> {t('rebaseExplain')}
        </p>
      </div>
    </details>
  );
}

const RULE_KEYS: Readonly<
  Record<string, 'ruleOutside' | 'ruleShift' | 'ruleTrend' | 'ruleTwoOfThree'>
> = {
  'outside-limits': 'ruleOutside',
  shift: 'ruleShift',
  trend: 'ruleTrend',
  'two-of-three': 'ruleTwoOfThree',
};
const ruleWords = (rule: string) => {
  const key = RULE_KEYS[rule];
  return key ? t(key) : rule;
};

function signalOf(p: MeasureChart['points'][number]): string {
  if ('ghost' in p && p.ghost === true) return t('ghosted');
  if (!('special' in p) || p.special === null) return t('commonCause');
  const rules = p.rules.map(ruleWords).join(', ');
  const d = 'decidedBy' in p ? p.decidedBy : undefined;
  const clash =
    d === undefined
      ? ''
      : d.bySetting
        ? t('clashSetting', { rule: d.rule })
        : t('clashRule', { rule: ruleWords(d.rule), over: ruleWords(d.over) });
  return t(p.special === 'improvement' ? 'improvementRules' : 'concernRules', { rules, clash });
}

export function PointsTable({
  chart,
  rows,
  cycles = [],
  choices = [],
}: {
  chart: MeasureChart;
  rows: readonly PointRow[];
  /** PDSA cycle starts, shown on the first point on or after each. */
  cycles?: readonly CycleStart[];
  /** The cycles a rebase may name. */
  choices?: readonly CycleChoice[];
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [rebasing, setRebasing] = useState<string | null>(null);
  if (chart.points.length === 0) return null;
  return (
    <>
      <ChangeWords />
      <ScrollTable label={t('dataPoints')}>
        <table class="table">
          <caption>{t('dataPointsN', { n: chart.points.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('date')}</th>
              <th scope="col">{t('value')}</th>
              <th scope="col">{t('signal')}</th>
              <th scope="col">{t('limits')}</th>
              <th scope="col">{t('note')}</th>
              <th scope="col">{t('change')}</th>
            </tr>
          </thead>
          <tbody>
            {chart.points.map((p, i) => {
              const row = rows.find((r) => r.date === p.date);
              const day = shortDay(p.date);
              return (
                <tr key={`${p.date}-${i}`}>
                  <td class="nowrap">
                    <time dateTime={p.date}>{day}</time>
                  </td>
                  <td>{p.value}</td>
                  <td>{signalOf(p)}</td>
                  <td>
                    {row && rebasing === row.id ? (
                      <RebaseEditor row={row} choices={choices} onDone={() => setRebasing(null)} />
                    ) : (
                      periodWords(chart, i) ||
                      ('recalculate' in p && p.recalculate ? t('rebasedNotApplied') : '')
                    )}
                  </td>
                  <td>
                    {row && editing === row.id ? (
                      <NoteEditor row={row} onDone={() => setEditing(null)} />
                    ) : (
                      (p.note ?? '')
                    )}
                    {cyclesAtPoint(chart.points, i, cycles).map((c) => (
                      <span key={c.cycle} class="meta board-table__meta">
                        {t('cycleStarted', { n: String(c.cycle), day: shortDay(c.date) })}
                      </span>
                    ))}
                  </td>
                  <td>
                    {row && (
                      <ul class="point-actions">
                        <li>
                          <button
                            type="button"
                            class="link-button"
                            onClick={() => setEditing(row.id)}
                          >
                            {t('note')}
                            <span class="visually-hidden"> {t('onPointFor', { day })}</span>
                          </button>
                        </li>
                        <li>
                          <button
                            type="button"
                            class="link-button"
                            onClick={() => void editPoint(row.id, { ghost: row.ghost !== true })}
                          >
                            {row.ghost ? t('include') : t('ghostWord')}
                            <span class="visually-hidden"> {t('thePointFor', { day })}</span>
                          </button>
                        </li>
                        <li>
                          {row.recalculate === true ? (
                            <button
                              type="button"
                              class="link-button"
                              onClick={() => void setRebase(row.id, null)}
                            >
                              {t('undoRebase')}
                              <span class="visually-hidden"> {t('atDay', { day })}</span>
                            </button>
                          ) : (
                            <button
                              type="button"
                              class="link-button"
                              onClick={() => setRebasing(row.id)}
                            >
                              {t('rebaseHere')}
                              <span class="visually-hidden"> ({day})</span>
                            </button>
                          )}
                        </li>
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}
