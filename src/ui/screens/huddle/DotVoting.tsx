/**
 * Tap to add a dot, tap again to take it off: the shortlist for one voter,
 * their dots on each idea and how many they have left. A tap is saved on the
 * device at once (offline too) and refused in words if the rules say no.
 * Compact (an idea a line) with "dots left" kept on screen, and no more dots
 * once the timer has run out (issue 17).
 */
import { useState } from 'preact/hooks';
import { tapDot, type Voter } from '../../actions/index.ts';
import { voteIdOf, voterKey } from '../../../domain/huddle.ts';
import { dotsLeft } from '../../../domain/huddleTally.ts';
import { useNow } from '../../hooks/useNow.ts';
import { timeIsUp } from './useAutoClose.ts';
import type { HuddleView } from './useHuddle.ts';
import { t } from './huddle.en.ts';

function Dots({ filled, of }: { filled: number; of: number }) {
  return (
    <span class="dots" aria-hidden="true">
      {Array.from({ length: of }, (_, i) => (
        <span key={i} class={i < filled ? 'dot dot--on' : 'dot'} />
      ))}
    </span>
  );
}

export function DotVoting({ view, voter, who }: { view: HuddleView; voter: Voter; who: string }) {
  const [problem, setProblem] = useState('');
  const now = useNow(1000);
  const over = timeIsUp(view.huddle.endsAt, now);
  const me = view.session?.member.id ?? '';
  const identity = {
    huddleId: view.huddle.id,
    memberId: voter.kind === 'member' ? voter.memberId : me,
    proxy: voter.kind === 'proxy',
    proxyName: voter.kind === 'proxy' ? voter.name : null,
  };
  const key = voterKey(identity);
  const left = dotsLeft(view.votes, view.huddle.id, key, view.dots);
  const mine = (ideaId: string) =>
    view.votes.find((v) => voteIdOf(v) === voteIdOf({ ...identity, ideaId }))?.dots ?? 0;

  async function tap(ideaId: string, delta: 1 | -1) {
    const r = await tapDot(view.huddle.id, ideaId, voter, delta);
    if (r.kind === 'saved') {
      setProblem('');
    } else setProblem(r.message);
  }

  if (view.closed) return <p>{t('votingClosedStop')}</p>;
  return (
    <section aria-labelledby="voting-heading">
      <h2 id="voting-heading">{who}</h2>
      <p class="dots-left dots-left--sticky" role="status" data-testid="dots-left">
        {over ? t('closing') : t('dotsLeft', { left, n: view.dots })}
      </p>
      {problem && (
        <p class="error-message" role="alert">
          {problem}
        </p>
      )}
      <ul class="card-list vote-list">
        {view.shortlist.map((ideaId) => {
          const title = view.titles.get(ideaId) ?? t('notOnDevice');
          const n = mine(ideaId);
          return (
            <li class="card vote-card" key={ideaId} data-testid="vote-card">
              <h3 class="card__heading">{title}</h3>
              <p class="meta">
                <Dots filled={n} of={Math.min(view.dots, HUGE)} />{' '}
                <span data-testid="my-dots">{t('myDots', { n })}</span>
              </p>
              <div class="button-group">
                <button
                  type="button"
                  class="button"
                  disabled={left === 0 || over}
                  aria-label={t('addDot', { title })}
                  onClick={() => void tap(ideaId, 1)}
                >
                  {t('add')}
                </button>
                <button
                  type="button"
                  class="button button--secondary"
                  disabled={n === 0 || over}
                  aria-label={t('removeDot', { title })}
                  onClick={() => void tap(ideaId, -1)}
                >
                  {t('remove')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const HUGE = 10;
