/**
 * The board report: every measure of the team in one table (BoardTable), for
 * a sponsor or a board paper; reachable from Measures, printable, and the
 * same rows as board-report.csv.
 */
import { boardData } from '../../db/boardData.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useData } from '../reads/useData.ts';
import { BoardTable } from './measure/BoardTable.tsx';
import '../styles/improvement.css';

export function BoardReport() {
  const entries = useData(boardData, []);
  return (
    <>
      <p class="no-print">
        <a href="/measures">Back to measures</a>
      </p>
      <PageHeading title="Summary table">Summary table of measures</PageHeading>
      <p>
        Variation: grey is common cause, blue is special cause improvement, orange is special cause
        concern (H or L for high or low). Assurance against the target: P will consistently pass, F
        will consistently fail, grey hit and miss. Limits and icons need 13 points or more.
      </p>
      {entries === undefined ? (
        <p class="secondary-text">Loading…</p>
      ) : (
        <BoardTable entries={entries} />
      )}
      <p class="no-print">
        <a href="/challenge/export">Download it as CSV (board-report.csv)</a>
      </p>
    </>
  );
}
