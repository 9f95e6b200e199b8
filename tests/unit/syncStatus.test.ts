/**
 * The sync bar's store and words, without rendering: every state reads
 * consistently, a good pass brings the bar back online (issue 17: one dropped
 * connection left it "Offline" until an `online` event), and "no connection"
 * is told apart from "the server is not answering".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  pressedSyncNow,
  reportBrowserOnline,
  problemWords,
  reportOutcome,
  syncStatus,
} from '../../src/state/syncStatus.ts';
import { syncWords, type SyncCounts } from '../../src/state/syncWords.ts';
import { holdFor, clearServerHold } from '../../src/sync/hold.ts';
import { setLanguageForTest } from '../../src/i18n/index.ts';
import { WELSH } from '../../src/i18n/welsh.ts';
import { serverWords } from '../../src/ui/serverWords.ts';
import { serverTroubleWords, waitValues } from '../../src/domain/serverTrouble.en.ts';

const synced = { kind: 'synced', pushed: 0, pulled: 0, rejected: 0 } as const;
const fetchFailed = { kind: 'offline', message: 'Failed to fetch' } as const;
const badGateway = { kind: 'error', message: 'Bad Gateway' } as const;
const joined = (waiting = 0, attention = 0): SyncCounts => ({ joined: true, waiting, attention });
const words = (c: SyncCounts) => syncWords(syncStatus.getState(), c);

beforeEach(() => {
  syncStatus.setState({
    online: true,
    syncing: false,
    reach: 'unknown',
    problem: null,
    signedOut: false,
    triedNow: false,
    manual: false,
  });
});

describe('the server’s words on a Welsh phone', () => {
  afterEach(() => {
    setLanguageForTest('en');
    clearServerHold();
  });

  it('says a fair-use wait and a full disk again in Welsh, and keeps them in English for English', () => {
    const over = serverTroubleWords('records', { max: '1,000', ...waitValues(7200) });
    holdFor(7200, over);
    reportOutcome({ kind: 'error', message: over }, true);
    expect(problemWords(syncStatus.getState().problem)).toBe(over);

    setLanguageForTest('cy', WELSH, serverWords);
    reportOutcome({ kind: 'error', message: over }, true);
    expect(syncStatus.getState()).toMatchObject({ reach: 'ok' });
    expect(problemWords(syncStatus.getState().problem)).toBe(
      'Rydych wedi cadw mwy na 1,000 o newidiadau heddiw, y mwyaf y caiff un person mewn diwrnod. Does dim wedi’i golli: mae eich newidiadau’n aros ar eich ffôn, a fydd yn eu hanfon ei hun ymhen 2 awr.',
    );
    clearServerHold();
    reportOutcome({ kind: 'error', message: serverTroubleWords('diskFull') }, true);
    expect(problemWords(syncStatus.getState().problem)).toMatch(
      /^Dywedodd y gweinydd: Mae lle storio’r gweinydd/,
    );
    // The Welsh words loaded after the pass, or the reader switched language: said as drawn.
    setLanguageForTest('en');
    holdFor(7200, over);
    reportOutcome({ kind: 'error', message: over }, true);
    setLanguageForTest('cy', WELSH, serverWords);
    expect(problemWords(syncStatus.getState().problem)).toMatch(/^Rydych wedi cadw mwy na 1,000/);
    clearServerHold();
    // A proxy's words are nobody's catalogue: as they came.
    reportOutcome(badGateway, true);
    expect(problemWords(syncStatus.getState().problem)).toBe('Dywedodd y gweinydd: Bad Gateway');
  });
});

describe('the sync status store', () => {
  it('comes back online after a good pass, with no `online` event', () => {
    reportOutcome(fetchFailed, false);
    expect(syncStatus.getState()).toMatchObject({ online: false, reach: 'no-connection' });
    reportOutcome(synced);
    expect(syncStatus.getState()).toMatchObject({ online: true, reach: 'ok', problem: null });
    expect(words(joined()).headline).toBe('All synced');
  });

  it('tells a failed fetch with the browser online apart from no connection', () => {
    reportOutcome(fetchFailed, true);
    expect(syncStatus.getState()).toMatchObject({ online: true, reach: 'server-down' });
    expect(words(joined(2)).headline).toBe(
      'The server is not answering — 2 changes waiting on this phone',
    );
    reportOutcome(fetchFailed, false);
    expect(words(joined(2)).headline).toBe('No connection — 2 changes waiting on this phone');
  });

  it('hears a 5xx as the server not answering, with what it said', () => {
    reportOutcome(badGateway, true);
    expect(syncStatus.getState().reach).toBe('server-down');
    expect(problemWords(syncStatus.getState().problem)).toContain('Bad Gateway');
    expect(words(joined(1)).headline).toBe(
      'The server is not answering — 1 change waiting on this phone',
    );
  });

  it('answers "Sync now" visibly when it could not reach the server, until a good pass', () => {
    reportOutcome(fetchFailed, false);
    expect(words(joined(1)).tried).toBeNull(); // an automatic retry says nothing new
    pressedSyncNow();
    reportOutcome(fetchFailed, false);
    expect(words(joined(1)).tried).toBe('Tried just now: still no connection.');
    reportOutcome(fetchFailed, false); // a later automatic retry keeps the answer
    expect(words(joined(1)).tried).toBe('Tried just now: still no connection.');
    reportOutcome(synced);
    expect(words(joined(0)).tried).toBeNull();
  });

  it('says "Sync now" reached nothing when the server is down', () => {
    pressedSyncNow();
    reportOutcome(fetchFailed, true);
    expect(words(joined(1)).tried).toBe('Tried just now: the server still did not answer.');
  });

  it('an `online` event forgets an old "no connection" but not a server that is down', () => {
    reportOutcome(fetchFailed, false);
    reportBrowserOnline(true);
    expect(syncStatus.getState()).toMatchObject({ online: true, reach: 'unknown' });
    reportOutcome(fetchFailed, true);
    reportBrowserOnline(true);
    expect(syncStatus.getState().reach).toBe('server-down');
    reportBrowserOnline(false);
    expect(words(joined(0)).headline).toBe('No connection — everything you saved is sent');
  });

  it('a sign-out is a problem in words and not a connection failure', () => {
    reportOutcome({ kind: 'signed-out', message: 'bad token' });
    expect(syncStatus.getState()).toMatchObject({ signedOut: true, reach: 'ok' });
    expect(problemWords(syncStatus.getState().problem)).toContain('join again');
    expect(words(joined(3)).headline).toBe('Not signed in — 3 changes waiting on this phone');
  });
});

describe('the sync bar words', () => {
  it('never says "All synced" beside changes that need attention', () => {
    reportOutcome(synced);
    const w = words(joined(0, 2));
    expect(w.headline).not.toContain('All synced');
    expect(w.headline).toBe('Synced, except 2 changes the server turned down');
    expect(w.attention).toBe('2 need attention');
    expect(words(joined(0, 1)).attention).toBe('1 needs attention');
  });

  it('before joining, says ideas are kept on this phone until you join', () => {
    const none = words({ joined: false, waiting: 0, attention: 0 });
    expect(none.headline).toBe('Ideas are kept on this phone until you join a team');
    expect(none.joined).toBe(false);
    expect(words({ joined: false, waiting: 3, attention: 0 }).headline).toBe(
      '3 changes kept on this phone until you join a team',
    );
  });

  it('offline with nothing waiting says everything is sent, not "0 saved"', () => {
    reportBrowserOnline(false);
    const w = words(joined(0));
    expect(w.headline).toBe('No connection — everything you saved is sent');
    expect(w.headline).not.toMatch(/\b0\b/);
    expect(w.detail).toBeNull();
    expect(words(joined(4)).detail).toContain('safe');
  });

  it('counts what waits while online and says syncing while a pass runs', () => {
    reportOutcome(synced);
    expect(words(joined(1)).headline).toBe('1 change waiting to sync');
    syncStatus.setState({ syncing: true });
    expect(words(joined(1)).headline).toBe('Syncing…');
  });
});
