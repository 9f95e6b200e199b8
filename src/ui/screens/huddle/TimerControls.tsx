/** The facilitator's timer buttons while voting is open: more time, or no timer. */
import { changeHuddle } from '../../../db/huddleWrites.ts';
import { appDb } from '../../../db/index.ts';
import { extendTimer } from '../../../domain/huddle.ts';
import { requestSync } from '../../syncClient.ts';

const MORE_MINUTES = 2;

export function TimerControls({ id, endsAt }: { id: string; endsAt: number | null | undefined }) {
  async function set(next: number | null) {
    await changeHuddle(appDb(), id, { endsAt: next }, Date.now());
    requestSync();
  }
  return (
    <p class="button-group">
      <button
        type="button"
        class="button button--secondary"
        onClick={() => void set(extendTimer(endsAt, Date.now(), MORE_MINUTES))}
      >
        {typeof endsAt === 'number'
          ? `Add ${MORE_MINUTES} minutes`
          : `Start a ${MORE_MINUTES}-minute timer`}
      </button>
      {typeof endsAt === 'number' && (
        <button type="button" class="button button--secondary" onClick={() => void set(null)}>
          Stop the timer
        </button>
      )}
    </p>
  );
}
