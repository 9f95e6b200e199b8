/**
 * The board report: every measure of the team in one table (BoardTable), for
 * a sponsor or a board paper; reachable from Measures, printable, and the
 * same rows as board-report.csv.
 */
import { boardData } from '../../db/boardData.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useData } from '../reads/useData.ts';
import { BoardTable } from './measure/BoardTable.tsx';
import { t } from './improvement.en.ts';
import '../styles/improvement.css';

export function BoardReport() {
  const entries = useData(boardData, []);
  return (
    <>
      <p class="no-print">
        <a href="/measures">{t('back')}</a>
      </p>
      <PageHeading title={t('summaryTitle')}>{t('summaryHeading')}</PageHeading>
      <p>{t('key')}</p>
      {entries === undefined ? (
        <p class="secondary-text">{t('loading')}</p>
      ) : (
        <BoardTable entries={entries} />
      )}
      <p class="no-print">
        <a href="/challenge/export">{t('summaryCsv')}</a>
      </p>
    </>
  );
}
