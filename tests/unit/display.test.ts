// What a TV's board link shows (src/domain/display.ts) and how the TV reads
// it (src/sync/display.ts): which huddle, never a hidden idea's words, and a
// withdrawn link stops the TV with the server's words.
import { describe, expect, it } from 'vitest';
import { boardOf, boardTitle, currentHuddle, type Board } from '../../src/domain/display.ts';
import type { Api } from '../../src/sync/api.ts';
import { readBoard } from '../../src/sync/display.ts';

const h = (id: string, state: string, startedAt: number) => ({
  id,
  fields: { title: id, state, startedAt },
});

describe('the huddle a TV shows', () => {
  it('is the open one started last, else the one started last, else none', () => {
    expect(currentHuddle([h('a', 'closed', 3), h('b', 'open', 1), h('c', 'open', 2)])?.id).toBe(
      'c',
    );
    expect(currentHuddle([h('a', 'closed', 3), h('b', 'closed', 5)])?.id).toBe('b');
    expect(currentHuddle([{ id: 'x', fields: { state: 'open' } }])).toBeNull();
  });

  it('never shows the words of a hidden or erased idea', () => {
    expect(boardTitle({ title: 'Patient in bed 4', hidden: true })).not.toContain('bed 4');
    expect(boardTitle({ title: 'Patient in bed 4', erased: true })).not.toContain('bed 4');
    expect(boardTitle({ title: 'Fridge key' })).toBe('Fridge key');
    expect(boardTitle(undefined)).toMatch(/not on the server/);
  });

  it('holds back the tally while votes are hidden, and counts voters only', () => {
    const huddle = { title: 'H', state: 'open', hidden: true, shortlist: '["i1","i2"]' };
    const votes = [
      { huddleId: 'h', ideaId: 'i1', memberId: 'm1', dots: 2, proxy: false },
      { huddleId: 'h', ideaId: 'i2', memberId: 'm2', dots: 1, proxy: false },
      { huddleId: 'other', ideaId: 'i2', memberId: 'm3', dots: 1, proxy: false },
    ];
    const hidden = boardOf('h', huddle, new Map(), votes);
    expect(hidden.rows).toBeNull();
    expect(hidden.voters).toBe(2);
    const closed = boardOf('h', { ...huddle, state: 'closed' }, new Map(), votes);
    expect(closed.rows?.map((r) => [r.ideaId, r.dots])).toEqual([
      ['i1', 2],
      ['i2', 1],
    ]);
  });
});

describe('a TV reading its board', () => {
  const board: Board = { team: { name: 'Ward 7' }, huddle: null };
  const api = (r: Awaited<ReturnType<Api['board']>>) =>
    ({ board: () => Promise.resolve(r) }) as unknown as Api;

  it('stops with the server’s words when the link is withdrawn', async () => {
    const read = await readBoard(
      api({ kind: 'unauthorised', message: 'This board link was withdrawn.' }),
      't',
      { kind: 'ok', board },
    );
    expect(read).toEqual({
      kind: 'stopped',
      cause: 'link',
      message: 'This board link was withdrawn.',
    });
  });

  it('keeps the last board on screen while the server cannot be reached', async () => {
    const read = await readBoard(api({ kind: 'offline', message: 'x' }), 't', {
      kind: 'ok',
      board,
    });
    expect(read).toEqual({ kind: 'stale', board });
    const first = await readBoard(api({ kind: 'offline', message: 'x' }), 't', {
      kind: 'loading',
    });
    // The screen says what to do, in the reader's language.
    expect(first).toEqual({ kind: 'stopped', cause: 'offline' });
    const refused = await readBoard(
      api({ kind: 'server-error', status: 500, message: 'Broke.' }),
      't',
      {
        kind: 'loading',
      },
    );
    expect(refused).toEqual({ kind: 'stopped', cause: 'server', message: 'Broke.' });
  });
});
