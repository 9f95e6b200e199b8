/** The current time, refreshed every `everyMs` so "2 minutes ago" stays true. */
import { useEffect, useState } from 'preact/hooks';
import { now as clock } from '../clock.ts';

export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const t = setInterval(() => setNow(clock()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
