/**
 * One huddle on a phone: the timer, your dots on the shortlist, and (for the
 * facilitator) more time on the timer, closing the vote (after a confirm; it
 * also closes itself when the timer runs out), the tablet and the board. Once
 * closed: the ranked result, the facilitator chooses what to test, and may
 * reopen voting if it closed by mistake.
 */
import { useState } from 'preact/hooks';
import { closeHuddle, reopenHuddle } from '../actions/index.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useLiveUpdates } from '../hooks/useLiveUpdates.ts';
import { ChooseToTest } from './huddle/ChooseToTest.tsx';
import { Countdown } from './huddle/Countdown.tsx';
import { DotVoting } from './huddle/DotVoting.tsx';
import { HiddenNote, NotHere } from './huddle/HuddleState.tsx';
import { ReorderShortlist } from './huddle/ReorderShortlist.tsx';
import { TieBreak } from './huddle/TieBreak.tsx';
import { TimerControls } from './huddle/TimerControls.tsx';
import { Results } from './huddle/Results.tsx';
import { useAutoClose } from './huddle/useAutoClose.ts';
import { t as huddleWords } from './huddle/huddle.en.ts';
import { Sentence } from './huddle/Sentence.tsx';
import { t } from './huddles.en.ts';
import { useHuddle } from './huddle/useHuddle.ts';
import '../styles/huddle.css';

export function HuddlePage({ id }: { id: string }) {
  useLiveUpdates();
  const view = useHuddle(id);
  useAutoClose(view);
  const [confirming, setConfirming] = useState(false);
  if (view === undefined) return <p class="secondary-text">{t('loading')}</p>;
  if (view === null) return <NotHere />;
  const { huddle, session, closed } = view;
  const lead = session?.member.role === 'facilitator';
  async function close() {
    setConfirming(false);
    await closeHuddle(id);
  }
  return (
    <>
      <p>
        <a href="/huddles">{t('back')}</a>
      </p>
      <PageHeading title={huddle.title ?? huddleWords('defaultTitle')}>{huddle.title}</PageHeading>
      <Countdown endsAt={huddle.endsAt} closed={closed} />
      {lead && !closed && <TimerControls id={id} endsAt={huddle.endsAt} />}
      <p class="button-group">
        <a class="button button--secondary" href={`/huddles/${id}/board`}>
          {t('showBoard')}
        </a>
        {lead && !closed && (
          <a class="button button--secondary" href={`/huddles/${id}/tablet`}>
            {t('passTablet')}
          </a>
        )}
      </p>
      {view.refused.length > 0 && (
        <div class="callout" role="alert" data-testid="refused-votes">
          <h2 class="callout__heading">{t('notCounted')}</h2>
          <p>
            {t('refusedCount', {
              n: view.refused.length,
              reasons: [...new Set(view.refused)].join('; '),
            })}{' '}
            {t('otherDevice')}{' '}
            <Sentence say={(link) => t('listedUnder', { link })}>
              <a href="/settings">{t('attention')}</a>
            </Sentence>
          </p>
        </div>
      )}
      {!closed && session && (
        <DotVoting
          view={view}
          voter={{ kind: 'member', memberId: session.member.id }}
          who={t('yourDots')}
        />
      )}
      {!closed && !view.revealed && <HiddenNote view={view} />}
      {(closed || view.revealed) && (
        <Results view={view} caption={closed ? t('result') : t('votesSoFar')} />
      )}
      {lead && !closed && <ReorderShortlist view={view} />}
      {lead && !closed && !confirming && (
        <button type="button" class="button button--warning" onClick={() => setConfirming(true)}>
          {t('closeVoting')}
        </button>
      )}
      {lead && !closed && confirming && (
        <div class="callout" role="group" aria-labelledby="close-heading">
          <h2 class="callout__heading" id="close-heading">
            {t('closeAsk')}
          </h2>
          <p>
            {t('noMoreDots')} {t('canReopen')}
          </p>
          <div class="button-group">
            <button type="button" class="button button--warning" onClick={() => void close()}>
              {t('closeVoting')}
            </button>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => setConfirming(false)}
            >
              {t('keepOpen')}
            </button>
          </div>
        </div>
      )}
      {lead && closed && <TieBreak view={view} />}
      {lead && closed && <ChooseToTest view={view} />}
      {lead && closed && (
        <p>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => void reopenHuddle(id)}
          >
            {t('reopen')}
          </button>
        </p>
      )}
    </>
  );
}
