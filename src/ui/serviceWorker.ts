/**
 * Registers the service worker with workbox-window (loaded after the first
 * render) and tracks whether an update is waiting. An update never reloads the
 * page by itself — that could throw away an idea being typed — it waits for the
 * person to press "Reload" in the banner (registerType 'prompt').
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

export async function registerServiceWorker(): Promise<void> {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox('/sw.js');
  wb.addEventListener('waiting', () => {
    swUpdate.setState({
      waiting: true,
      apply: () => {
        wb.addEventListener('controlling', () => window.location.reload());
        wb.messageSkipWaiting();
      },
    });
  });
  await wb.register();
}
