/** The facilitator's timer buttons while voting is open: more time, or no timer. */
import { addTime, stopTimer } from '../../actions/index.ts';
import { t } from './huddle.en.ts';

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
          ? t('addMinutes', { n: MORE_MINUTES })
          : t('startTimer', { n: MORE_MINUTES })}
      </button>
      {typeof endsAt === 'number' && (
        <button type="button" class="button button--secondary" onClick={() => void stopTimer(id)}>
          {t('stopTimer')}
        </button>
      )}
    </p>
  );
}
