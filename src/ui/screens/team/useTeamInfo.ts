/**
 * The team as the server sees it (members, invite code): online only. Offline
 * is an ordinary answer here, not an error: the rest of the screen still works.
 */
import { serverWords } from '../../serverWords.ts';
import { useEffect, useState } from 'preact/hooks';
import type { TeamResponse } from '../../../domain/protocol.ts';
import { createApi } from '../../../sync/api.ts';
import { t } from './team.en.ts';

export type TeamInfo =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ok'; readonly info: TeamResponse }
  | { readonly kind: 'unavailable'; readonly message: string }
  /** The server no longer accepts this device's token; its words say why. */
  | { readonly kind: 'signed-out'; readonly message: string };

/** @param version bump it to fetch again (after removing a member). */
export function useTeamInfo(token: string, version = 0): TeamInfo {
  const [state, setState] = useState<TeamInfo>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    void createApi()
      .team(token)
      .then((r) => {
        if (!live) return;
        if (r.kind === 'ok') setState({ kind: 'ok', info: r.body });
        else if (r.kind === 'unauthorised') setState({ kind: 'signed-out', message: r.message });
        else if (r.kind === 'offline') {
          setState({
            kind: 'unavailable',
            message: t('membersOffline'),
          });
        } else
          setState({
            kind: 'unavailable',
            message: t('membersFailed', { why: serverWords(r.message) }),
          });
      });
    return () => {
      live = false;
    };
  }, [token, version]);
  return state;
}
