/**
 * Registers the service worker (once the page has loaded) and tracks whether
 * an update is waiting. An update never reloads the page by itself — that
 * could throw away an idea being typed — it waits for the person to press
 * "Reload" in the banner (registerType 'prompt').
 */
import { createStore } from 'zustand/vanilla';

export type UpdateState = {
  /** A new version is installed and waiting. */
  readonly waiting: boolean;
  /** Activates the waiting version, then reloads once it controls the page. */
  readonly apply: () => void;
};

export const swUpdate = createStore<UpdateState>(() => ({
  waiting: false,
  apply: () => undefined,
}));

/** Offer `worker` (installed, waiting) as the update the banner can apply. */
function offer(worker: ServiceWorker): void {
  swUpdate.setState({
    waiting: true,
    apply: () => {
      navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
        once: true,
      });
      worker.postMessage({ type: 'SKIP_WAITING' });
    },
  });
}

/**
 * Registers /sw.js once the page has loaded (as workbox-window did, so the
 * worker's precaching does not compete with the first paint), with the
 * browser's own API: workbox-window cost the capture screen's budget some
 * 2 KB gzipped for the two events used here.
 */
export async function registerServiceWorker(): Promise<void> {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  if (document.readyState !== 'complete')
    await new Promise((loaded) => addEventListener('load', loaded, { once: true }));
  const reg = await navigator.serviceWorker.register('/sw.js');
  // Only an update waits behind a controlling worker; a first install activates at once.
  if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
  reg.addEventListener('updatefound', () => {
    const worker = reg.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
    });
  });
}
