/**
 * The board on a ward TV, from a board link (`/huddles/tv#TOKEN`, made on the
 * Team screen). The TV is not a member: it holds no team, syncs nothing and
 * reads only the board the server composes for the link's token (kept in the
 * address's fragment, which browsers never send to a server). It updates on
 * the link's own event stream, and every 30 s besides; when a facilitator
 * withdraws the link the next read says so, with what to do.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Board, BoardHuddle } from '../../domain/display.ts';
import { DISPLAY_POLL_MS, watchBoard, type BoardRead } from '../../sync/display.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { Countdown } from './huddle/Countdown.tsx';
import { VotersNote } from './huddle/HuddleState.tsx';
import { ResultsTable } from './huddle/Results.tsx';
import { language } from '../../i18n/index.ts';
import { serverWords } from '../serverWords.ts';
import { t as huddleWords } from './huddle/huddle.en.ts';
import { t as teamWords } from './team/team.en.ts';
import { t } from './huddles.en.ts';
import '../styles/huddle.css';

function HuddleOnTv({ huddle }: { huddle: BoardHuddle }) {
  const titles = new Map(huddle.ideas.map((i) => [i.id, i.title]));
  return (
    <>
      <div class="board__top">
        <h2 class="board__huddle">{huddle.title}</h2>
        <Countdown endsAt={huddle.endsAt} closed={huddle.closed} />
      </div>
      {huddle.rows ? (
        <ResultsTable
          rows={huddle.rows}
          titleOf={(id) => titles.get(id) ?? huddleWords('anIdea')}
          outcome={huddle.outcome}
          caption={huddle.closed ? t('result') : t('votesSoFar')}
        />
      ) : (
        <>
          <h3>{huddleWords('shortlist')}</h3>
          <ol class="board__list">
            {huddle.ideas.map((i) => (
              <li key={i.id}>{i.title}</li>
            ))}
          </ol>
          <VotersNote n={huddle.voters} />
        </>
      )}
    </>
  );
}

function Shown({ board, live }: { board: Board; live: boolean }) {
  return (
    <>
      <PageHeading title={t('teamBoard', { team: board.team.name })}>{board.team.name}</PageHeading>
      {board.huddle ? (
        <HuddleOnTv huddle={board.huddle} />
      ) : (
        <p>
          {t('noHuddle')} {t('whenStarts')}
        </p>
      )}
      {!board.huddle?.closed && <p class="secondary-text">{live ? t('live') : t('polling')}</p>}
    </>
  );
}

/**
 * Why the board stopped and what to do: the server's own words, said again in
 * the language in force (src/ui/serverWords.ts); words this TV does not know
 * (a newer server's) are, in another language than English, what a refused
 * link or a server's failure means.
 */
function stoppedWords(read: Extract<BoardRead, { kind: 'stopped' }>): string {
  if (read.cause === 'offline') return `${t('boardOffline')} ${t('checkConnection')}`;
  const said = serverWords(read.message);
  if (language() === 'en' || said !== read.message) return said;
  return read.cause === 'link' ? `${t('linkStopped')} ${t('askNewLink')}` : t('serverFailed');
}

export function TvBoard() {
  const token = window.location.hash.slice(1);
  const [read, setRead] = useState<BoardRead>({ kind: 'loading' });
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (!token) return;
    return watchBoard(token, { onRead: setRead, onLive: setLive, pollMs: DISPLAY_POLL_MS });
  }, [token]);
  return (
    <div class="board board--tv" data-testid="tv-board">
      {!token ? (
        <>
          <PageHeading>{t('tvHeading')}</PageHeading>
          <p>
            {t('tvShows')} {t('openLink', { where: teamWords('boardHeading') })}
          </p>
        </>
      ) : read.kind === 'loading' ? (
        <p>{t('loadingBoard')}</p>
      ) : read.kind === 'stopped' ? (
        <>
          <PageHeading>{t('stoppedHeading')}</PageHeading>
          <p data-testid="tv-stopped">{stoppedWords(read)}</p>
        </>
      ) : (
        <>
          <Shown board={read.board} live={live && read.kind === 'ok'} />
          {read.kind === 'stale' && (
            <p class="inset-text" role="status">
              {t('unreachable')} {t('asLast')}
            </p>
          )}
        </>
      )}
    </div>
  );
}
