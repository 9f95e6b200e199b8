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
          titleOf={(id) => titles.get(id) ?? 'An idea'}
          outcome={huddle.outcome}
          caption={huddle.closed ? 'Result' : 'Votes so far'}
        />
      ) : (
        <>
          <h3>Shortlist</h3>
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
      <PageHeading title={`${board.team.name} board`}>{board.team.name}</PageHeading>
      {board.huddle ? (
        <HuddleOnTv huddle={board.huddle} />
      ) : (
        <p>No huddle yet. When a facilitator starts a huddle, its shortlist shows here.</p>
      )}
      {!board.huddle?.closed && (
        <p class="secondary-text">
          {live ? 'Live: votes appear as they are made.' : 'Updating every few seconds.'}
        </p>
      )}
    </>
  );
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
          <PageHeading>Board for a TV</PageHeading>
          <p>
            This page shows a team’s huddle board on a TV. Open the board link a facilitator made on
            the Team screen (under “Board for a TV”).
          </p>
        </>
      ) : read.kind === 'loading' ? (
        <p>Loading the board…</p>
      ) : read.kind === 'stopped' ? (
        <>
          <PageHeading>This board link no longer works</PageHeading>
          <p data-testid="tv-stopped">{read.message}</p>
        </>
      ) : (
        <>
          <Shown board={read.board} live={live && read.kind === 'ok'} />
          {read.kind === 'stale' && (
            <p class="inset-text" role="status">
              The server cannot be reached. This is the board as it last was; it updates again by
              itself when the connection comes back.
            </p>
          )}
        </>
      )}
    </div>
  );
}
