/** A tap on a dot: checked against the vote rules on the device, then saved and synced. */
import { tapDot as tapDotWrite, type Voter } from '../../db/voteWrites.ts';
import { write } from './run.ts';

export type { Voter };

/** Add (+1) or take off (-1) one dot on an idea; refused in words if the rules say no. */
export function tapDot(huddleId: string, ideaId: string, voter: Voter, delta: 1 | -1) {
  return write((db, at) => tapDotWrite(db, huddleId, ideaId, voter, delta, at));
}
