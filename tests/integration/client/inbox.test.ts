/**
 * "For you" through the real server: Ben captures an idea, Asha (facilitator)
 * starts a huddle with it on the shortlist and comments on it; after a sync,
 * Ben's phone lists each item, counts them unread, and viewing clears them on
 * his phone only. Nothing here needs the network to read the inbox.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startHuddle } from '../../../src/db/huddleWrites.ts';
import { loadInbox, markInboxRead, unreadInboxCount } from '../../../src/db/inbox.ts';
import { addComment } from '../../../src/db/writes.ts';
import type { IdeaId } from '../../../src/domain/ids.ts';
import { now, startServer, twoPhoneTeam, type Device, type Server } from './harness.ts';

let server: Server;
let a: Device;
let b: Device;

beforeEach(async () => {
  server = await startServer();
  ({ a, b } = await twoPhoneTeam(server));
});
afterEach(async () => {
  a.close();
  b.close();
  await server.close();
});

const TODAY = '2026-11-26';

it('lists what happened to Ben’s idea on his phone, unread until he views it', async () => {
  const ideaId = await b.capture('Pre-fill the fluid charts');
  await b.sync();
  await a.sync();
  const started = await startHuddle(
    a.db,
    { title: 'Thursday huddle', dotsPerMember: 3, minutes: 0, hidden: false, shortlist: [ideaId] },
    now(),
  );
  expect(started.kind).toBe('saved');
  expect((await addComment(a.db, ideaId as IdeaId, 'Love this', now())).kind).toBe('saved');
  await a.sync();
  await b.sync();

  const inbox = await loadInbox(b.db, now(), TODAY);
  expect(inbox.items.map((i) => [i.kind, i.title]).sort()).toEqual([
    ['comment', 'Asha commented on your idea'],
    ['huddle-open', 'A huddle is open: place your dots'],
    ['idea-shortlisted', 'Your idea was shortlisted by Asha'],
  ]);
  expect(await unreadInboxCount(b.db, now(), TODAY)).toBe(3);
  await markInboxRead(
    b.db,
    inbox.items.map((i) => i.id),
    now(),
  );
  expect(await unreadInboxCount(b.db, now(), TODAY)).toBe(0);

  // Asha's own phone: her own huddle and comment are not "for" her.
  expect((await loadInbox(a.db, now(), TODAY)).items).toEqual([]);
});
