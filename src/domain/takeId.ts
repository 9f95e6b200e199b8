/**
 * The id of a team's take-up of a shared change: from the share and the taking
 * team, so a team counts once however often its phones take it. Apart from
 * spread.ts so the registry (and with it a Save's path) does not carry the
 * portfolio's words.
 */
import { voteId } from './huddle.ts';

export function takeId(shareId: string, teamId: string): string {
  return voteId(shareId, 'take', teamId);
}
