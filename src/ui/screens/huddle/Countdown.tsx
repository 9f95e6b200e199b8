/** The huddle's timer: minutes and seconds left, then "Time is up". */
import { useNow } from '../../hooks/useNow.ts';
import { t } from './huddle.en.ts';

export function Countdown({
  endsAt,
  closed,
}: {
  endsAt: number | null | undefined;
  closed: boolean;
}) {
  const now = useNow(1000);
  if (closed) return <p class="countdown">{t('votingClosed')}</p>;
  if (typeof endsAt !== 'number') return null;
  const left = Math.max(0, Math.ceil((endsAt - now) / 1000));
  const text =
    left === 0
      ? t('timeUp')
      : t('timeLeft', { time: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` });
  return (
    <p class="countdown" data-testid="countdown">
      <span class="visually-hidden">{t('timer')} </span>
      {text}
    </p>
  );
}
