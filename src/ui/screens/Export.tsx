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
import { type en, t } from './improvement.en.ts';
import { saveFile } from '../saveFile.ts';

/** Each file, its label's key in improvement.en.ts, and its table. */
const FILES = [
  { name: 'ideas.csv', label: 'fileIdeas', table: () => read(ideasTable) },
  { name: 'votes.csv', label: 'fileVotes', table: () => read(votesTable) },
  { name: 'tests-of-change.csv', label: 'fileTests', table: () => read(testsTable) },
  { name: 'measures.csv', label: 'fileMeasures', table: () => read(measuresTable) },
  { name: 'board-report.csv', label: 'fileBoard', table: () => read(boardTable) },
] as const satisfies readonly {
  name: string;
  label: keyof typeof en;
  table: () => Promise<Table>;
}[];

async function download(file: (typeof FILES)[number]): Promise<number> {
  const table = await file.table();
  saveFile(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), file.name);
  return table.rows.length;
}

export function Export() {
  const [done, setDone] = useState('');
  return (
    <>
      <PageHeading>{t('downloadData')}</PageHeading>
      <p>{t('csvOpen')}</p>
      <ul class="card-list">
        {FILES.map((f) => (
          <li class="card" key={f.name}>
            <button
              type="button"
              class="button button--secondary"
              onClick={() =>
                void download(f).then(
                  (n) => setDone(t('downloaded', { file: f.name, n })),
                  () => setDone(t('notMade', { file: f.name })),
                )
              }
            >
              {t('download', { label: t(f.label) })}
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
