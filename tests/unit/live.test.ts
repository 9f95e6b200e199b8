/**
 * The live-updates client: server-sent events read from a fetch body, however
 * the network splits the bytes, and the stream reopened after it drops.
 */
import { expect, it, vi } from 'vitest';
import { openLive, readEvents } from '../../src/sync/live.ts';

function body(chunks: string[]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    start(c) {
      for (const s of chunks) c.enqueue(enc.encode(s));
      c.close();
    },
  });
}

it('reads event names across chunk boundaries and ignores comments', async () => {
  const seen: string[] = [];
  await readEvents(
    body([
      'event: rea',
      'dy\ndata: \n\n: ping\n\nevent: change\r\n',
      'data: \r\n\r\nevent: change\n\n',
    ]),
    (e) => seen.push(e),
  );
  expect(seen).toEqual(['ready', 'change', 'change']);
});

it('sends the token in the Authorization header, never the URL, and pulls on each event', async () => {
  const calls: { url: string; auth: string | null }[] = [];
  const onChange = vi.fn();
  const stop = openLive({
    token: 'secret-token-1234567890',
    teamId: 'team-1',
    onChange,
    fetchImpl: (url, init) => {
      calls.push({ url, auth: new Headers(init?.headers).get('authorization') });
      return Promise.resolve(
        new Response(body(['event: ready\n\n', 'event: change\n\n']), { status: 200 }),
      );
    },
  });
  await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(2));
  stop();
  expect(calls[0]).toEqual({
    url: '/api/v1/events?team=team-1',
    auth: 'Bearer secret-token-1234567890',
  });
});
