/** The facilitator's timer buttons while voting is open: more time, or no timer. */
import { addTime, stopTimer } from '../../actions/index.ts';

const MORE_MINUTES = 2;

export function TimerControls({ id, endsAt }: { id: string; endsAt: number | null | undefined }) {
  return (
    <p class="button-group">
      <button
        type="button"
        class="button button--secondary"
        onClick={() => void addTime(id, endsAt, MORE_MINUTES)}
      >
        {typeof endsAt === 'number'
          ? `Add ${MORE_MINUTES} minutes`
          : `Start a ${MORE_MINUTES}-minute timer`}
      </button>
      {typeof endsAt === 'number' && (
        <button type="button" class="button button--secondary" onClick={() => void stopTimer(id)}>
          Stop the timer
        </button>
      )}
    </p>
  );
}
