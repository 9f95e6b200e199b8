/** What an erase writes over, and who still sees a hidden record. */
import { describe, expect, it } from 'vitest';
import {
  eraseChangeFields,
  hiddenNote,
  holdsWords,
  scrubFields,
  showsHidden,
} from '../../src/domain/moderation.ts';

describe('scrubFields', () => {
  it('blanks the words an idea change carries and keeps everything else', () => {
    const change = { title: 'Bed 4 943 476 5919', status: 'new', authorName: 'Sam', createdAt: 1 };
    expect(scrubFields('idea', change)).toEqual({
      title: '[erased]',
      status: 'new',
      authorName: null,
      createdAt: 1,
    });
    // Adds no field the change did not carry.
    expect(scrubFields('idea', { status: 'testing' })).toEqual({ status: 'testing' });
    expect(scrubFields('comment', { body: 'x', ideaId: 'i' })).toEqual({
      body: '[erased]',
      ideaId: 'i',
    });
  });

  it('knows when a record still holds words', () => {
    expect(holdsWords('idea', { title: 'Hoist' })).toBe(true);
    expect(holdsWords('idea', eraseChangeFields('idea', 'm', 1, 'An NHS number'))).toBe(false);
    expect(holdsWords('comment', { body: '[erased]', authorName: null })).toBe(false);
  });
});

describe('showsHidden', () => {
  it('shows a hidden record only to its author and the leads', () => {
    const hidden = { hidden: true };
    expect(showsHidden(hidden, { isAuthor: false, leads: false })).toBe(false);
    expect(showsHidden(hidden, { isAuthor: true, leads: false })).toBe(true);
    expect(showsHidden(hidden, { isAuthor: false, leads: true })).toBe(true);
    expect(showsHidden({ hidden: false }, { isAuthor: false, leads: false })).toBe(true);
    expect(hiddenNote('Off topic')).toBe('Hidden by a facilitator: Off topic');
  });
});
