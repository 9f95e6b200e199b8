/**
 * Download the team's data as CSV files for a board paper or a spreadsheet.
 * Loaded with the improvement screens only; cells that a spreadsheet would
 * run as formulas are escaped (csvCells.ts).
 */
import { useState } from 'preact/hooks';
import {
  boardTable,
  ideasTable,
  measuresTable,
  testsTable,
  votesTable,
} from '../../db/exportTables.ts';
import type { Table } from '../../domain/csvCells.ts';
import { toCsv } from '../../lib/csv.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { read } from '../reads/useData.ts';

const FILES: readonly { name: string; label: string; table: () => Promise<Table> }[] = [
  { name: 'ideas.csv', label: 'Ideas', table: () => read(ideasTable) },
  { name: 'votes.csv', label: 'Huddle votes', table: () => read(votesTable) },
  {
    name: 'tests-of-change.csv',
    label: 'Tests of change (one row per cycle)',
    table: () => read(testsTable),
  },
  {
    name: 'measures.csv',
    label: 'Measures (one row per day)',
    table: () => read(measuresTable),
  },
  {
    name: 'board-report.csv',
    label: 'Summary table (one row per measure)',
    table: () => read(boardTable),
  },
];

async function download(file: (typeof FILES)[number]): Promise<number> {
  const table = await file.table();
  const url = URL.createObjectURL(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return table.rows.length;
}

export function Export() {
  const [done, setDone] = useState('');
  return (
    <>
      <PageHeading>Download data</PageHeading>
      <p>CSV files open in Excel or any spreadsheet. They hold what is on this phone.</p>
      <ul class="card-list">
        {FILES.map((f) => (
          <li class="card" key={f.name}>
            <button
              type="button"
              class="button button--secondary"
              onClick={() =>
                void download(f).then(
                  (n) => setDone(`${f.name} downloaded: ${n} rows.`),
                  () => setDone(`${f.name} could not be made. Try again.`),
                )
              }
            >
              Download {f.label}
            </button>
          </li>
        ))}
      </ul>
      <p class="success-text" role="status">
        {done}
      </p>
    </>
  );
}
