/**
 * What the person sees about sync: online or not, a pass running, the last
 * problem in words. Counts (waiting, needs attention) and the last synced time
 * live in IndexedDB and are read with liveQuery; this store holds only what
 * exists in the page. A vanilla zustand store: testable without rendering.
 */
import { createStore } from 'zustand/vanilla';
import { serverHold } from '../sync/api.ts';
import type { SyncOutcome } from '../sync/engine.ts';

export type SyncStatus = {
  readonly online: boolean;
  readonly syncing: boolean;
  /** The last failed pass, in words; null after a good pass. */
  readonly problem: string | null;
  /** The server no longer accepts this device's token. */
  readonly signedOut: boolean;
};

export const syncStatus = createStore<SyncStatus>(() => ({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  syncing: false,
  problem: null,
  signedOut: false,
}));

export function reportOutcome(o: SyncOutcome): void {
  switch (o.kind) {
    case 'synced':
    case 'not-joined':
      syncStatus.setState({ syncing: false, problem: null, signedOut: false });
      return;
    case 'offline':
      syncStatus.setState({ syncing: false, online: false, problem: null });
      return;
    case 'signed-out':
      syncStatus.setState({
        syncing: false,
        signedOut: true,
        problem:
          'This phone is no longer signed in to the team. Your ideas are safe on it: join again to send them.',
      });
      return;
    case 'error': {
      // The server asked this phone to wait (fair use): its words say why and until when.
      const hold = serverHold();
      if (hold !== null && hold.message === o.message) {
        syncStatus.setState({ syncing: false, problem: hold.message });
        return;
      }
      syncStatus.setState({
        syncing: false,
        problem: `Could not reach the team's server (${o.message}). Your ideas are safe on this phone and will be sent automatically.`,
      });
      return;
    }
  }
}
