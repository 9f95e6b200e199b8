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

/** What the two less obvious buttons do, in words, once above the table. */
function ChangeWords() {
  return (
    <details class="details">
      <summary>What “Ghost” and “Rebase here” do</summary>
      <div class="details__text">
        <p>
          <strong>Ghost</strong> leaves one point out of the mean and the limits (a day that was not
          like the others, such as a ward closed to admissions). It is still drawn, hollow, and
          listed here; “Include” puts it back.
        </p>
        <p>
          <strong>Rebase here</strong> starts a new mean and new limits from this point, once a
          change has made a lasting difference (for example a run of points on one side of the mean
          after a change was adopted); you say why, and which test of change it follows. Earlier
          points keep the old limits; “Undo rebase” joins them again.
        </p>
      </div>
    </details>
  );
}

const RULE_WORDS: Readonly<Record<string, string>> = {
  'outside-limits': 'outside the limits',
  shift: 'shift',
  trend: 'trend',
  'two-of-three': 'two of three near a limit',
};

function signalOf(p: MeasureChart['points'][number]): string {
  if ('ghost' in p && p.ghost === true) return 'Ghosted (left out)';
  if (!('special' in p) || p.special === null) return 'Common cause';
  const rules = p.rules.map((r) => RULE_WORDS[r] ?? r).join(', ');
  const d = 'decidedBy' in p ? p.decidedBy : undefined;
  const clash =
    d === undefined
      ? ''
      : d.bySetting
        ? `; improvement and concern both caught it (a ${d.rule} each way), the measure's setting decides`
        : `; improvement and concern both caught it, the ${RULE_WORDS[d.rule] ?? d.rule} outranks the ${RULE_WORDS[d.over] ?? d.over}`;
  return `${p.special === 'improvement' ? 'Improvement' : 'Concern'}: ${rules}${clash}`;
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
      <ScrollTable label="Data points">
        <table class="table">
          <caption>Data points ({chart.points.length})</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Value</th>
              <th scope="col">Signal</th>
              <th scope="col">Limits</th>
              <th scope="col">Note</th>
              <th scope="col">Change</th>
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
                      ('recalculate' in p && p.recalculate ? 'Rebased here (not applied)' : '')
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
                        PDSA cycle {c.cycle} started {shortDay(c.date)}
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
                            Note<span class="visually-hidden"> on the point for {day}</span>
                          </button>
                        </li>
                        <li>
                          <button
                            type="button"
                            class="link-button"
                            onClick={() => void editPoint(row.id, { ghost: row.ghost !== true })}
                          >
                            {row.ghost ? 'Include' : 'Ghost'}
                            <span class="visually-hidden"> the point for {day}</span>
                          </button>
                        </li>
                        <li>
                          {row.recalculate === true ? (
                            <button
                              type="button"
                              class="link-button"
                              onClick={() => void setRebase(row.id, null)}
                            >
                              Undo rebase<span class="visually-hidden"> at {day}</span>
                            </button>
                          ) : (
                            <button
                              type="button"
                              class="link-button"
                              onClick={() => setRebasing(row.id)}
                            >
                              Rebase here<span class="visually-hidden"> ({day})</span>
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
