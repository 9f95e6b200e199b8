/** The 100-day challenge's calendar and a measure's series (points plus tally taps). */
import { describe, expect, it } from 'vitest';
import { challengeDay, dateOfDay, reviewDue } from '../../src/domain/challenge.ts';
import { dayDate, shortDay } from '../../src/ui/format.ts';
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

describe('the review a pack prepares (issue 17)', () => {
  it('is the day-50 review until halfway to day 100, then the day-100 review', () => {
    expect([1, 50, 74, 75, 100, 130].map(reviewDue)).toEqual([50, 50, 50, 100, 100, 100]);
  });
});

describe('calendar days in words (issue 17)', () => {
  it('shows a stored day in the one en-GB format, the same day wherever the phone is', () => {
    expect(dayDate('2026-11-01')).toBe('1 November 2026');
    expect(shortDay('2026-10-16')).toBe('16 Oct 2026');
    expect(dayDate('not a day')).toBe('not a day');
  });
});
