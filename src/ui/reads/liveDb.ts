/** What reads and writes on the page need of Dexie, as one lazily loaded module (database.ts). */
export { liveQuery } from 'dexie';
export { appDb } from '../../db/index.ts';
