/**
 * Pass the tablet: one device, many voters. Each person picks their name (from
 * the member list kept on the device) or the facilitator records "a colleague
 * without the app" by name; they vote; "Done" hides their dots before the next
 * person takes the tablet. Votes are saved as the picked member's (or as proxy
 * votes) and pushed by the facilitator (docs/decisions/0004-tablet-votes.md).
 * While voting is open the tablet is locked to this screen (tabletLock.ts):
 * no menu, no other screen, until the facilitator unlocks it with a confirm.
 */
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Voter } from '../actions/index.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { lockTablet, unlockTablet } from '../tabletLock.ts';
import { useLiveUpdates } from '../hooks/useLiveUpdates.ts';
import { Countdown } from './huddle/Countdown.tsx';
import { DotVoting } from './huddle/DotVoting.tsx';
import { NotHere } from './huddle/HuddleState.tsx';
import { useHuddle, type HuddleView } from './huddle/useHuddle.ts';
import { useAutoClose } from './huddle/useAutoClose.ts';
import { t as huddleWords } from './huddle/huddle.en.ts';
import { t } from './huddles.en.ts';
import { memberName } from '../format.ts';
import '../styles/huddle.css';

const PROXY = 'proxy';

function PickVoter({
  view,
  onPick,
}: {
  view: HuddleView;
  onPick: (v: Voter, who: string) => void;
}) {
  const [choice, setChoice] = useState('');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState('');
  function onSubmit(e: Event) {
    e.preventDefault();
    if (choice === PROXY) {
      if (name.trim() === '') return setProblem(t('needColleague'));
      return onPick({ kind: 'proxy', name: name.trim() }, t('recordedFor', { name: name.trim() }));
    }
    const m = view.members.find((x) => x.id === choice);
    if (!m) return setProblem(t('chooseName'));
    onPick({ kind: 'member', memberId: m.id }, memberName(m.displayName));
  }
  return (
    <form onSubmit={onSubmit} aria-labelledby="who-heading" noValidate>
      <h2 id="who-heading">{t('whoVoting')}</h2>
      {problem && (
        <p class="error-message" role="alert">
          {problem}
        </p>
      )}
      {view.members.length === 0 && <p class="hint">{t('noMembers')}</p>}
      <fieldset class="fieldset">
        <legend class="legend">{t('chooseName')}</legend>
        {[
          ...view.members.map((m) => ({ id: m.id, label: memberName(m.displayName) })),
          { id: PROXY, label: t('colleague') },
        ].map((o) => (
          <div class="radio" key={o.id}>
            <input
              id={`voter-${o.id}`}
              type="radio"
              name="voter"
              value={o.id}
              checked={choice === o.id}
              onChange={() => setChoice(o.id)}
            />
            <label for={`voter-${o.id}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
      {choice === PROXY && (
        <div class="form-group">
          <label class="label" for="proxy-name">
            {t('theirName')}
          </label>
          <input
            id="proxy-name"
            class="input"
            value={name}
            maxLength={60}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </div>
      )}
      <button type="submit" class="button">
        {t('startVoting')}
      </button>
    </form>
  );
}

export function HuddleTablet({ id }: { id: string }) {
  useLiveUpdates();
  const view = useHuddle(id);
  useAutoClose(view);
  const [voter, setVoter] = useState<{ voter: Voter; who: string } | null>(null);
  const [unlocking, setUnlocking] = useState(false);
  const { route } = useLocation();
  const lead = view?.session?.member.role === 'facilitator';
  // Locked while voting is open on the facilitator's tablet; closing voting ends it.
  const locked = !!view && lead && !view.closed;
  useEffect(() => {
    if (locked) lockTablet(id);
    else if (view) unlockTablet();
  }, [locked, id]);
  if (view === undefined) return <p class="secondary-text">{t('loading')}</p>;
  if (view === null) return <NotHere />;
  const heading = t('tabletHeading', { title: view.huddle.title ?? huddleWords('defaultTitle') });
  if (view.session?.member.role !== 'facilitator') {
    return (
      <>
        <PageHeading>{heading}</PageHeading>
        <p>
          {t('onlyFacilitator')} <a href={`/huddles/${id}`}>{t('ownPhone')}</a>.
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading title={heading}>{heading}</PageHeading>
      <Countdown endsAt={view.huddle.endsAt} closed={view.closed} />
      {view.closed ? (
        <p>
          {huddleWords('votingClosedStop')} <a href={`/huddles/${id}`}>{t('seeResult')}</a>
        </p>
      ) : voter ? (
        <>
          <DotVoting view={view} voter={voter.voter} who={t('isVoting', { name: voter.who })} />
          <button type="button" class="button" onClick={() => setVoter(null)}>
            {t('passOn')}
          </button>
        </>
      ) : (
        <PickVoter view={view} onPick={(v, who) => setVoter({ voter: v, who })} />
      )}
      {locked ? (
        <div class="tablet-locked" data-testid="tablet-locked">
          {unlocking ? (
            <div class="callout" role="group" aria-labelledby="unlock-heading">
              <h2 class="callout__heading" id="unlock-heading">
                {t('unlockAsk')}
              </h2>
              <p>{t('unlockWhy')}</p>
              <div class="button-group">
                <button
                  type="button"
                  class="button button--warning"
                  onClick={() => {
                    unlockTablet();
                    route(`/huddles/${id}`);
                  }}
                >
                  {t('unlock')}
                </button>
                <button
                  type="button"
                  class="button button--secondary"
                  onClick={() => setUnlocking(false)}
                >
                  {t('keepLocked')}
                </button>
              </div>
            </div>
          ) : (
            <p>
              <span class="secondary-text">{t('locked')} </span>
              <button type="button" class="link-button" onClick={() => setUnlocking(true)}>
                {t('unlockLink')}
              </button>
            </p>
          )}
        </div>
      ) : (
        <p>
          <a href={`/huddles/${id}`}>{t('backToHuddle')}</a>
        </p>
      )}
    </>
  );
}
