/**
 * Tests of change (/ideas/:id/test), measures (/measures…, with the summary
 * table at /measures/summary), and the 100-day
 * challenge with its review pack, asks and CSV export (/challenge…) behind
 * ONE lazy import in App.tsx (each lazy route costs the capture
 * screen's first bundle bytes, as HuddleRoutes.tsx does for huddles).
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

export function ImprovementRoutes() {
  const { path } = useLocation();
  const [, section, id, view] = path.split('/');
  if (section === 'ideas' && id && view === 'test') return <TestOfChange id={id} />;
  // a measure id is a UUIDv7, never 'summary'
  if (section === 'measures' && id === 'summary') return <BoardReport />;
  if (section === 'measures') return id ? <MeasurePage id={id} /> : <Measures />;
  if (id === 'review') return <ReviewPack />;
  if (id === 'asks') return <Asks />;
  if (id === 'export') return <Export />;
  return <Challenge />;
}
