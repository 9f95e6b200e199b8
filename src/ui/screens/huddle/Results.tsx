/**
 * The ranked result of a huddle: dots and how many people gave them, ties
 * shown as ties ("Joint 1st"). Used on the huddle page and the board.
 */
import { tally, type TallyRow } from '../../../domain/huddleTally.ts';
import type { HuddleView } from './useHuddle.ts';
import { t } from './huddle.en.ts';
import { locale } from '../../../i18n/index.ts';
import { statusLabel } from '../../format.ts';

/** "1st", "2nd" ("1af", "2il"): the language's ordinal rules choose the ending. */
const ordinal = (n: number) =>
  t('ordinal', {
    form: new Intl.PluralRules(locale(), { type: 'ordinal' }).select(n),
    rank: String(n),
  });

export function Results({ view, caption }: { view: HuddleView; caption: string }) {
  return (
    <ResultsTable
      rows={tally(view.shortlist, view.votes, view.huddle.id)}
      titleOf={(id) => view.titles.get(id) ?? t('notOnDevice')}
      outcome={view.outcome}
      caption={caption}
    />
  );
}

/** The table itself, for a huddle on this device or the board a TV reads from the server. */
export function ResultsTable({
  rows,
  titleOf,
  outcome,
  caption,
}: {
  rows: readonly TallyRow[];
  titleOf: (ideaId: string) => string;
  outcome: readonly string[];
  caption: string;
}) {
  return (
    <table class="results" data-testid="results">
      <caption class="results__caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('place')}</th>
          <th scope="col">{t('idea')}</th>
          <th scope="col">{t('dots')}</th>
          <th scope="col">{t('people')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.ideaId} data-testid="result-row">
            <td>{r.tied ? t('joint', { place: ordinal(r.rank) }) : ordinal(r.rank)}</td>
            <th scope="row">
              {titleOf(r.ideaId)}
              {outcome.includes(r.ideaId) && (
                <strong class="tag tag--yellow"> {statusLabel('testing')}</strong>
              )}
            </th>
            <td>{r.dots}</td>
            <td>{r.voters}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
