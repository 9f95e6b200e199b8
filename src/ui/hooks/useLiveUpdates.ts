/**
 * Keeps a huddle screen current. The page's one live event stream
 * (`src/sync/liveSync.ts`, started with sync on every screen) already pulls on
 * each change, so a colleague's vote shows within a second or two, and polls
 * every few seconds while it is down; this hook says which of the two is
 * happening (the board shows it) and refreshes the member list once, for the
 * tablet's name picker.
 */
import { useEffect, useState } from 'preact/hooks';
import { getSession } from '../../db/session.ts';
import { createApi } from '../../sync/api.ts';
import { refreshMembers } from '../../sync/members.ts';
import { syncStatus } from '../../state/syncStatus.ts';
import { read } from '../reads/useData.ts';

/** True while the live stream is open (changes arrive at once), false while polling. */
export function useLiveUpdates(): boolean {
  const [connected, setConnected] = useState(() => syncStatus.getState().live);
  useEffect(() => {
    setConnected(syncStatus.getState().live);
    return syncStatus.subscribe((s) => setConnected(s.live));
  }, []);
  useEffect(() => {
    void read(getSession).then((session) => {
      if (session) void read((db) => refreshMembers(db, createApi()));
    });
  }, []);
  return connected;
}
