/** Notification choices: quiet hours across midnight, defaults, and the person's own clock. */
import { expect, it } from 'vitest';
import { localMinute, wantsAt } from '../../server/notify/index.ts';
import { DEFAULT_KINDS, defaultPrefs, inQuietHours } from '../../src/domain/notify.ts';

it('keeps quiet hours that wrap midnight, and ones within a day', () => {
  const night = { quietFrom: 22 * 60, quietTo: 7 * 60 };
  expect(inQuietHours(night, 22 * 60)).toBe(true);
  expect(inQuietHours(night, 3 * 60)).toBe(true);
  expect(inQuietHours(night, 7 * 60)).toBe(false);
  expect(inQuietHours(night, 12 * 60)).toBe(false);
  const day = { quietFrom: 8 * 60, quietTo: 16 * 60 };
  expect(inQuietHours(day, 12 * 60)).toBe(true);
  expect(inQuietHours(day, 23 * 60)).toBe(false);
  expect(inQuietHours({ quietFrom: null, quietTo: null }, 3 * 60)).toBe(false);
});

it('turns on a huddle opening and "your idea chosen" by default, and comments off', () => {
  expect(DEFAULT_KINDS['huddle-open']).toBe(true);
  expect(DEFAULT_KINDS['idea-testing']).toBe(true);
  expect(DEFAULT_KINDS.comment).toBe(false);
});

it('reads quiet hours by the person’s time zone, summer time included', () => {
  // 21:30 UTC on 1 July is 22:30 in London (BST): quiet. In winter it is 21:30: not.
  expect(localMinute(Date.UTC(2026, 6, 1, 21, 30), 'Europe/London')).toBe(22 * 60 + 30);
  expect(wantsAt(defaultPrefs('Europe/London'), 'huddle-open', Date.UTC(2026, 6, 1, 21, 30))).toBe(
    false,
  );
  expect(wantsAt(defaultPrefs('Europe/London'), 'huddle-open', Date.UTC(2026, 0, 5, 21, 30))).toBe(
    true,
  );
  expect(wantsAt(defaultPrefs('Europe/London'), 'comment', Date.UTC(2026, 0, 5, 12, 0))).toBe(
    false,
  );
  // An unknown zone counts as UTC rather than failing.
  expect(localMinute(Date.UTC(2026, 0, 5, 9, 15), 'Not/AZone')).toBe(9 * 60 + 15);
});
