/**
 * "A new version of Ground Up is ready": shown when an updated service worker
 * is waiting. Only the person's tap reloads the page — never under their fingers.
 */
import { swUpdate } from '../serviceWorker.ts';
import { t } from './parts.en.ts';
import { useStore } from '../hooks/useStore.ts';

export function UpdateBanner() {
  const { waiting, apply } = useStore(swUpdate);
  if (!waiting) return null;
  return (
    <div class="update-banner" role="status">
      <div class="width-container">
        <p>{t('newVersion')}</p>
        <button type="button" class="button button--secondary button--small" onClick={apply}>
          {t('reload')}
        </button>
      </div>
    </div>
  );
}
