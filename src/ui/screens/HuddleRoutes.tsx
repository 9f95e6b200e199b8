/**
 * Every /huddles address behind ONE lazy import in App.tsx (each lazy route
 * costs the capture screen's first bundle bytes): the list, a huddle, its
 * tablet and its board, and the board a TV shows from a board link.
 */
import { useLocation } from 'preact-iso';
import { HuddleBoard } from './HuddleBoard.tsx';
import { HuddlePage } from './HuddlePage.tsx';
import { Huddles } from './Huddles.tsx';
import { HuddleTablet } from './HuddleTablet.tsx';
import { TvBoard } from './TvBoard.tsx';

export function HuddleRoutes() {
  const { path } = useLocation();
  const [, , id, view] = path.split('/');
  if (!id) return <Huddles />;
  if (id === 'tv') return <TvBoard />; // a board link for a TV: not a huddle id (those are UUIDs)
  if (view === 'board') return <HuddleBoard id={id} />;
  if (view === 'tablet') return <HuddleTablet id={id} />;
  return <HuddlePage id={id} />;
}
