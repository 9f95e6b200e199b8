/**
 * Keeps a huddle screen current: while it is open, the server's event stream
 * triggers a pull on every change (a colleague's vote shows within a second
 * or two); while the stream is down, the screen polls every few seconds. The
 * member list is refreshed too, for the tablet's name picker.
 */
import { useEffect, useState } from 'preact/hooks';
import { getSession } from '../../db/session.ts';
import { createApi } from '../../sync/api.ts';
import { openLive } from '../../sync/live.ts';
import { refreshMembers } from '../../sync/members.ts';
import { read } from '../reads/useData.ts';
import { syncNow } from '../syncClient.ts';

/** Poll period while the event stream is down, in ms. */
export const FALLBACK_POLL_MS = 5_000;

export function useLiveUpdates(): boolean {
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    let live = true;
    let up = false;
    let close = () => undefined as void;
    void read(getSession).then((session) => {
      if (!session || !live) return;
      void read((db) => refreshMembers(db, createApi()));
      close = openLive({
        token: session.token,
        teamId: session.team.id,
        onChange: syncNow,
        onConnected: (c) => {
          up = c;
          if (live) setConnected(c);
        },
      });
    });
    const poll = setInterval(() => {
      if (!up && navigator.onLine) syncNow();
    }, FALLBACK_POLL_MS);
    return () => {
      live = false;
      close();
      clearInterval(poll);
    };
  }, []);
  return connected;
}
