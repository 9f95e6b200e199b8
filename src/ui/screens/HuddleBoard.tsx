/**
 * The big screen for a huddle (a TV or a tablet on a stand): the shortlist,
 * the timer, the tally once it may be shown, and the team's join QR code, in
 * type large enough to read from 3 metres. Updates live as votes arrive.
 */
import { QrCode } from './team/QrCode.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useLiveUpdates } from '../hooks/useLiveUpdates.ts';
import { Countdown } from './huddle/Countdown.tsx';
import { HiddenNote, NotHere } from './huddle/HuddleState.tsx';
import { Results } from './huddle/Results.tsx';
import { useHuddle } from './huddle/useHuddle.ts';
import { useAutoClose } from './huddle/useAutoClose.ts';
import { useTeamInfo } from './team/useTeamInfo.ts';
import { t as huddleWords } from './huddle/huddle.en.ts';
import { t } from './huddles.en.ts';
import '../styles/huddle.css';

function JoinCode({ token, code }: { token: string; code: string | undefined }) {
  const info = useTeamInfo(token);
  const invite = code ?? (info.kind === 'ok' ? info.info.team.inviteCode : undefined);
  if (!invite) return null;
  const link = `${window.location.origin}/join/${invite}`;
  return (
    <aside class="board__join" aria-labelledby="join-heading">
      <h2 id="join-heading">{t('joinHeading')}</h2>
      <QrCode text={link} label={t('joinQr', { code: invite })} />
      <p class="board__code">{invite}</p>
    </aside>
  );
}

export function HuddleBoard({ id }: { id: string }) {
  const live = useLiveUpdates();
  const view = useHuddle(id);
  useAutoClose(view);
  if (view === undefined) return <p class="secondary-text">{t('loading')}</p>;
  if (view === null) return <NotHere />;
  const { huddle, session } = view;
  return (
    <div class="board" data-testid="board">
      <div class="board__top">
        <PageHeading
          title={t('boardTitle', { title: huddle.title ?? huddleWords('defaultTitle') })}
        >
          {huddle.title}
        </PageHeading>
        <Countdown endsAt={huddle.endsAt} closed={view.closed} />
      </div>
      <div class="board__body">
        <div class="board__main">
          {view.revealed ? (
            <Results view={view} caption={view.closed ? t('result') : t('votesSoFar')} />
          ) : (
            <>
              <h2>{huddleWords('shortlist')}</h2>
              <ol class="board__list">
                {view.shortlist.map((i) => (
                  <li key={i}>{view.titles.get(i) ?? huddleWords('notOnDevice')}</li>
                ))}
              </ol>
              <HiddenNote view={view} />
            </>
          )}
        </div>
        {session && <JoinCode token={session.token} code={session.team.inviteCode} />}
      </div>
      <p class="secondary-text">
        {!view.closed && `${live ? t('live') : t('polling')} `}
        <a href={`/huddles/${id}`}>{t('backToHuddle')}</a>
      </p>
    </div>
  );
}
