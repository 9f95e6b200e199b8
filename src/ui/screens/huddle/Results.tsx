/**
 * The ranked result of a huddle: dots and how many people gave them, ties
 * shown as ties ("Joint 1st"). Used on the huddle page and the board.
 */
import { tally, type TallyRow } from '../../../domain/huddleTally.ts';
import type { HuddleView } from './useHuddle.ts';

const ordinal = (n: number) => {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${n % 10 > 3 ? 'th' : s}`;
};

export function Results({ view, caption }: { view: HuddleView; caption: string }) {
  return (
    <ResultsTable
      rows={tally(view.shortlist, view.votes, view.huddle.id)}
      titleOf={(id) => view.titles.get(id) ?? 'An idea not on this device yet'}
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
          <th scope="col">Place</th>
          <th scope="col">Idea</th>
          <th scope="col">Dots</th>
          <th scope="col">People</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.ideaId} data-testid="result-row">
            <td>{r.tied ? `Joint ${ordinal(r.rank)}` : ordinal(r.rank)}</td>
            <th scope="row">
              {titleOf(r.ideaId)}
              {outcome.includes(r.ideaId) && <strong class="tag tag--yellow"> Testing</strong>}
            </th>
            <td>{r.dots}</td>
            <td>{r.voters}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
