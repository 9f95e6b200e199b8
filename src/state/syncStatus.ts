/**
 * What the person sees about sync: online or not, a pass running, whether the
 * team's server answered, the last problem in words. Counts (waiting, needs
 * attention) and the last synced time live in IndexedDB and are read with
 * liveQuery; this store holds only what exists in the page. A vanilla zustand
 * store: testable without rendering (tests/unit/syncStatus.test.ts).
 */
import { createStore } from 'zustand/vanilla';
import { serverHold } from '../sync/hold.ts';
import type { SyncOutcome } from '../sync/engine.ts';
import { fromServer } from '../i18n/index.ts';
import { t } from './sync.en.ts';

/**
 * How the last pass went, as far as the connection goes:
 * - `unknown`: no pass has finished yet (or none was needed: not joined);
 * - `ok`: the server answered;
 * - `no-connection`: the request never left (the browser says it is offline);
 * - `server-down`: the browser is online but the server did not answer, or
 *   answered with a failure of its own (a 5xx, a proxy's 502).
 */
/** The server's words about a failed pass; `framed`: said as "The server said: …". */
export type ServerSaid = { readonly server: string; readonly framed: boolean };

/** A problem in the reader's language, the server's words said again where this phone knows them. */
export function problemWords(problem: SyncStatus['problem']): string | null {
  if (problem === null || typeof problem === 'string') return problem;
  const said = fromServer(problem.server);
  return problem.framed ? t('serverSaid', { message: said }) : said;
}

export type Reach = 'unknown' | 'ok' | 'no-connection' | 'server-down';

export type SyncStatus = {
  /** navigator.onLine, kept up to date by the `online`/`offline` events and by each pass. */
  readonly online: boolean;
  readonly syncing: boolean;
  readonly reach: Reach;
  /**
   * The last failed pass or a database notice, in words; or the server's own
   * words, kept in English as they came and said in the reader's language when
   * drawn (`problemWords`: the Welsh words may load after the pass, and the
   * reader may switch language while the server holds the phone back); null
   * after a good pass.
   */
  readonly problem: string | ServerSaid | null;
  /** The server no longer accepts this device's token. */
  readonly signedOut: boolean;
  /** The live event stream is open: colleagues' changes arrive within seconds. */
  readonly live: boolean;
  /**
   * "Sync now" was pressed and that pass could not reach the server: the bar
   * says it tried, so the button never seems to do nothing. Cleared by a good pass.
   */
  readonly triedNow: boolean;
  /** Set when "Sync now" is pressed, until that pass's outcome arrives. */
  readonly manual: boolean;
};

const browserOnline = () => (typeof navigator === 'undefined' ? true : navigator.onLine);

export const syncStatus = createStore<SyncStatus>(() => ({
  online: browserOnline(),
  syncing: false,
  reach: 'unknown',
  problem: null,
  signedOut: false,
  live: false,
  triedNow: false,
  manual: false,
}));

/** The "Sync now" button was pressed: the next outcome answers the person. */
export function pressedSyncNow(): void {
  syncStatus.setState({ manual: true });
}

/**
 * The browser's `online`/`offline` events. Coming back online makes an old
 * "no connection" unknown again until the next pass says how it went.
 */
export function reportBrowserOnline(online: boolean): void {
  syncStatus.setState((s) => ({
    online,
    reach: online && s.reach === 'no-connection' ? 'unknown' : s.reach,
    triedNow: online ? false : s.triedNow,
  }));
}

/**
 * A finished pass. `online` is navigator.onLine at that moment: a fetch that
 * threw with the browser online means the network is there and the server is
 * not (stopped, or its host unreachable), which the person should hear as such.
 */
export function reportOutcome(o: SyncOutcome, online: boolean = browserOnline()): void {
  const manual = syncStatus.getState().manual;
  const failed = {
    syncing: false,
    manual: false,
    triedNow: manual || syncStatus.getState().triedNow,
  };
  switch (o.kind) {
    case 'synced':
      // A good pass proves the connection, whatever events the browser missed.
      syncStatus.setState({
        syncing: false,
        manual: false,
        triedNow: false,
        online: true,
        reach: 'ok',
        problem: null,
        signedOut: false,
      });
      return;
    case 'not-joined':
      syncStatus.setState({
        syncing: false,
        manual: false,
        triedNow: false,
        problem: null,
        signedOut: false,
      });
      return;
    case 'offline':
      syncStatus.setState({
        ...failed,
        online,
        reach: online ? 'server-down' : 'no-connection',
        problem: null,
      });
      return;
    case 'signed-out':
      syncStatus.setState({
        syncing: false,
        manual: false,
        triedNow: false,
        online: true,
        reach: 'ok',
        signedOut: true,
        problem: t('signedOut'),
      });
      return;
    case 'error': {
      // The server asked this phone to wait (fair use): its words say why and until when.
      const hold = serverHold();
      if (hold !== null && hold.message === o.message) {
        syncStatus.setState({
          ...failed,
          online: true,
          reach: 'ok',
          problem: { server: hold.message, framed: false },
        });
        return;
      }
      // The server answered, but with a failure (a 5xx, a proxy's 502).
      syncStatus.setState({
        ...failed,
        online: true,
        reach: 'server-down',
        problem: { server: o.message, framed: true },
      });
      return;
    }
  }
}
