/**
 * The chart's data as a table (the accessible alternative to the picture),
 * with each point's signal, and the buttons to ghost a point or recalculate
 * the limits from it (whoever added it, or a facilitator; the server checks).
 */
import { cyclesAtPoint, type CycleStart } from '../../../domain/charts/annotations.ts';
import type { MeasureChart } from '../../../domain/charts/index.ts';
import type { PointRow } from '../../../db/improvementRows.ts';
import { editPoint } from '../../actions/index.ts';
import { useState } from 'preact/hooks';
import { NoteEditor } from './NoteEditor.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { shortDay } from '../../format.ts';

/** What the two less obvious buttons do, in words, once above the table. */
function ChangeWords() {
  return (
    <details class="details">
      <summary>What “Ghost” and “Recalculate from here” do</summary>
      <div class="details__text">
        <p>
          <strong>Ghost</strong> leaves one point out of the mean and the limits (a day that was not
          like the others, such as a ward closed to admissions). It is still drawn, hollow, and
          listed here; “Include” puts it back.
        </p>
        <p>
          <strong>Recalculate from here</strong> starts a new mean and new limits from this point,
          once a change has made a lasting difference (for example a run of points on one side of
          the mean after a change was adopted). Earlier points keep the old limits; “Undo
          recalculation” joins them again.
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
}: {
  chart: MeasureChart;
  rows: readonly PointRow[];
  /** PDSA cycle starts, shown on the first point on or after each. */
  cycles?: readonly CycleStart[];
}) {
  const [editing, setEditing] = useState<string | null>(null);
  if (chart.points.length === 0) return null;
  const change = async (row: PointRow, edit: { ghost?: boolean; recalculate?: boolean }) => {
    await editPoint(row.id, edit);
  };
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
              <th scope="col">Note</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {chart.points.map((p, i) => {
              const row = rows.find((r) => r.date === p.date);
              return (
                <tr key={`${p.date}-${i}`}>
                  <td class="nowrap">
                    <time dateTime={p.date}>{shortDay(p.date)}</time>
                  </td>
                  <td>{p.value}</td>
                  <td>
                    {signalOf(p)}
                    {'recalculate' in p && p.recalculate ? '; limits recalculated from here' : ''}
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
                            Note
                            <span class="visually-hidden">
                              {' '}
                              on the point for {shortDay(p.date)}
                            </span>
                          </button>
                        </li>
                        <li>
                          <button
                            type="button"
                            class="link-button"
                            onClick={() => void change(row, { ghost: row.ghost !== true })}
                          >
                            {row.ghost ? 'Include' : 'Ghost'}
                            <span class="visually-hidden"> the point for {shortDay(p.date)}</span>
                          </button>
                        </li>
                        <li>
                          <button
                            type="button"
                            class="link-button"
                            onClick={() =>
                              void change(row, { recalculate: row.recalculate !== true })
                            }
                          >
                            {row.recalculate ? 'Undo recalculation' : 'Recalculate from here'}
                            <span class="visually-hidden"> ({shortDay(p.date)})</span>
                          </button>
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
