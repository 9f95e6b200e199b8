/**
 * Client-made UUIDv7 ids (src/lib/id.ts, our own since issue 15's capture
 * budget): the RFC 9562 layout every schema checks (UUID_V7), the milliseconds
 * read back from the first 48 bits, and ids that sort in the order they were
 * made — within one millisecond, past the 12-bit counter, and when the clock
 * steps back.
 */
import { describe, expect, it } from 'vitest';
import { newId, uuidv7At } from '../../src/lib/id.ts';
import { UUID_V7 } from '../../src/domain/schemaParts.ts';

const millisOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('uuidv7', () => {
  it('has the RFC 9562 version 7 and variant bits, and the time it was made', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    expect(id).toMatch(UUID_V7);
    expect(millisOf(id)).toBeGreaterThanOrEqual(before);
    expect(millisOf(id)).toBeLessThanOrEqual(after);
    // A date far ahead still fits its 48 bits exactly.
    const far = Date.UTC(2999, 0, 1);
    const later = uuidv7At(far);
    expect(later).toMatch(UUID_V7);
    expect(millisOf(later)).toBe(far);
  });

  it('sorts in the order made, through a crowded millisecond and a clock that steps back', () => {
    const start = Date.UTC(3000, 0, 1); // beyond any id made above
    const ids = [
      ...Array.from({ length: 10_000 }, () => uuidv7At(start)), // past the 4,096 of one counter
      ...Array.from({ length: 50 }, () => uuidv7At(start - 60_000)), // the clock stepped back a minute
      ...Array.from({ length: 50 }, (_, i) => uuidv7At(start + 10_000 + i)),
    ];
    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    // The borrowed milliseconds stay close to the real one (4,096 ids per millisecond at least).
    expect(millisOf(ids[10_049] ?? '')).toBeLessThanOrEqual(start + 3);
  });

  it('varies its random bits between ids', () => {
    const tails = new Set(Array.from({ length: 200 }, () => newId().slice(19)));
    expect(tails.size).toBe(200);
  });
});
