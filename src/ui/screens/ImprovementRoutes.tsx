/**
 * Tests of change (/ideas/:id/test), measures (/measures…, with the summary
 * table at /measures/summary), and the 100-day
 * challenge with its review pack, asks and CSV export (/challenge…) behind
 * ONE lazy import in App.tsx (each lazy route costs the capture
 * screen's first bundle bytes, as HuddleRoutes.tsx does for huddles). The
 * same import is App.tsx's default route: the organisation's screens (/org,
 * the spread of what a challenge found) and "Page not found" (OtherRoutes.tsx).
 */
import { useLocation } from 'preact-iso';
import { Asks } from './Asks.tsx';
import { BoardReport } from './BoardReport.tsx';
import { Challenge } from './Challenge.tsx';
import { Export } from './Export.tsx';
import { MeasurePage } from './MeasurePage.tsx';
import { Measures } from './Measures.tsx';
import { ReviewPack } from './ReviewPack.tsx';
import { TestOfChange } from './TestOfChange.tsx';
import { OtherRoutes } from './OtherRoutes.tsx';

export function ImprovementRoutes() {
  const { path } = useLocation();
  const [, section, id, view] = path.split('/');
  // Every path no other route claims comes here (App.tsx's default route).
  if (section !== 'ideas' && section !== 'measures' && section !== 'challenge')
    return <OtherRoutes />;
  if (section === 'ideas' && id && view === 'test') return <TestOfChange id={id} />;
  // a measure id is a UUIDv7, never 'summary'
  if (section === 'measures' && id === 'summary') return <BoardReport />;
  if (section === 'measures') return id ? <MeasurePage id={id} /> : <Measures />;
  if (id === 'review') return <ReviewPack />;
  if (id === 'asks') return <Asks />;
  if (id === 'export') return <Export />;
  return <Challenge />;
}
