/** The 100-day challenge's calendar and a measure's series (points plus tally taps). */
import { expect, it } from 'vitest';
import { challengeDay, dateOfDay } from '../../src/domain/challenge.ts';
import { seriesOf } from '../../src/domain/measureSeries.ts';

it('counts day 1 as the start date, with reviews on day 50 and day 100', () => {
  expect(challengeDay('2026-11-01', '2026-11-01')).toBe(1);
  expect(challengeDay('2026-11-01', '2026-10-31')).toBe(0);
  expect(dateOfDay('2026-11-01', 50)).toBe('2026-12-20');
  expect(dateOfDay('2026-11-01', 100)).toBe('2027-02-08');
  expect(challengeDay('2026-11-01', '2027-02-08')).toBe(100);
  // Across the clocks going back (UTC dates, whole days).
  expect(challengeDay('2026-10-20', '2026-10-30')).toBe(11);
});

it('adds a day’s live tally taps to its point, and charts tap-only days', () => {
  const points = [
    { date: '2026-11-02', value: 1, note: 'Bank holiday', deleted: false },
    { date: '2026-11-01', value: 4, ghost: true },
    { date: '2026-11-03', value: 9, deleted: true },
  ];
  const taps = [
    { date: '2026-11-02', deleted: false },
    { date: '2026-11-04' },
    { date: '2026-11-04' },
    { date: '2026-11-04', deleted: true },
  ];
  expect(seriesOf(points, taps)).toEqual([
    { date: '2026-11-01', value: 4, ghost: true },
    { date: '2026-11-02', value: 2, note: 'Bank holiday' },
    { date: '2026-11-04', value: 2 },
  ]);
});
