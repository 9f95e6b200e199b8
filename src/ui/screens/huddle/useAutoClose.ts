/**
 * Voting ends when the timer ends (issue 17: it went on after "Time is up").
 * The facilitator's device closes the huddle the moment its timer runs out,
 * on whichever of the huddle's screens it has open (page, tablet, board).
 * Dots sent later by phones that were offline are refused by the rule
 * ("closed means closed"), as before.
 */
import { useEffect, useRef } from 'preact/hooks';
import { closeHuddle } from '../../actions/index.ts';
import { useNow } from '../../hooks/useNow.ts';
import type { HuddleView } from './useHuddle.ts';

/** Whether the huddle's timer has run out at `now`. */
export function timeIsUp(endsAt: number | null | undefined, now: number): boolean {
  return typeof endsAt === 'number' && now >= endsAt;
}

export function useAutoClose(view: HuddleView | null | undefined): void {
  const now = useNow(1000);
  const asked = useRef<number | null>(null);
  const lead = view?.session?.member.role === 'facilitator';
  const endsAt = view?.huddle.endsAt;
  const id = view?.huddle.id;
  const due = !!view && lead && !view.closed && timeIsUp(endsAt, now);
  useEffect(() => {
    // Once per timer: a reopened huddle or more time starts a new one.
    if (!due || !id || asked.current === endsAt) return;
    asked.current = endsAt ?? null;
    void closeHuddle(id);
  }, [due, id, endsAt]);
}
