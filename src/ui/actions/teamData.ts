/**
 * A member's own data: having their name replaced by "Former member" on the
 * server (then on this phone's session, and one sync brings the team's
 * records up to date). Needs a connection; nothing changes without one.
 */
import { setOwnName } from '../../db/session.ts';
import { FORMER_MEMBER } from '../../domain/records.ts';
import { createApi } from '../../sync/api.ts';
import { serverWords } from '../serverWords.ts';
import { t as words } from './actions.en.ts';
import { SAVED, write } from './run.ts';

export function eraseMyName(token: string) {
  return write(async (db) => {
    const r = await createApi().eraseName(token);
    if (r.kind !== 'ok') {
      return {
        kind: 'failed',
        message: r.kind === 'offline' ? words('needsConnection') : serverWords(r.message),
      } as const;
    }
    await setOwnName(db, FORMER_MEMBER);
    return SAVED;
  });
}
