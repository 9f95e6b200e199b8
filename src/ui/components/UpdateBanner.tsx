/**
 * "A new version of Ground Up is ready": shown when an updated service worker
 * is waiting. Only the person's tap reloads the page — never under their fingers.
 */
import { swUpdate } from '../serviceWorker.ts';
import { useStore } from '../hooks/useStore.ts';

export function UpdateBanner() {
  const { waiting, apply } = useStore(swUpdate);
  if (!waiting) return null;
  return (
    <div class="update-banner" role="status">
      <div class="width-container">
        <p>A new version of Ground Up is ready.</p>
        <button type="button" class="button button--secondary button--small" onClick={apply}>
          Reload
        </button>
      </div>
    </div>
  );
}
