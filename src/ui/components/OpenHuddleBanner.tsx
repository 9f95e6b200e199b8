/**
 * The NHS notification banner that says a huddle is open, on the capture and
 * ideas screens, with a link to vote. Part of the late chrome (lateChrome.ts),
 * so it costs the capture screen's first load nothing.
 */
import { useLocation } from 'preact-iso';
import { t } from './parts.en.ts';
import { openHuddles } from '../../db/huddleQueries.ts';
import { useNow } from '../hooks/useNow.ts';
import { useData } from '../reads/useData.ts';

const WHERE = new Set(['/', '/ideas']);

export function OpenHuddleBanner() {
  const { path } = useLocation();
  const now = useNow(15_000);
  const open = useData((db) => openHuddles(db, now), [now]);
  const huddle = open?.[0];
  if (!WHERE.has(path) || !huddle) return null;
  return (
    <div
      class="notification-banner"
      role="region"
      aria-labelledby="open-huddle-title"
      data-testid="open-huddle-banner"
    >
      <div class="notification-banner__header">
        <h2 class="notification-banner__title" id="open-huddle-title">
          {t('important')}
        </h2>
      </div>
      <div class="notification-banner__content">
        <p class="notification-banner__heading">
          {t('huddleOpen', { title: huddle.title ?? '' })}{' '}
          <a class="notification-banner__link" href={`/huddles/${huddle.id}`}>
            {t('placeDots')}
          </a>
        </p>
        {open.length > 1 && (
          <p>
            {t('moreOpen', { n: open.length - 1 })} <a href="/huddles">{t('seeHuddles')}</a>
          </p>
        )}
      </div>
    </div>
  );
}
