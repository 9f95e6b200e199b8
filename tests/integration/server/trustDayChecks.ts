/** What every several-servers run must show, whatever sits between the servers and PostgreSQL. */
import { expect } from 'vitest';
import type { TrustDayReport } from '../../load/trustDay.ts';

export function expectACleanDay(
  report: TrustDayReport,
  expected: { readonly devices: number; readonly liveSamples: number; readonly context?: string },
): void {
  expect(report.errorSamples, expected.context).toEqual([]);
  expect(report.errors).toBe(0);
  expect(report.captured).toBe(expected.devices);
  expect(report.voted).toBe(expected.devices);
  expect(report.lost).toEqual([]);
  expect(report.duplicated).toEqual([]);
  for (const sent of report.perServer) expect(sent).toBeGreaterThan(0);
  // The devices push as the app does: once a device has seen the server's epoch (its first
  // push asks for it, if no pull has brought it), its pushes are checked; each device pushes
  // twice, so at least its second is.
  expect(report.checkedPushes).toBeGreaterThanOrEqual(expected.devices);
  expect(report.liveMissed).toBe(0);
  expect(report.live.count).toBe(expected.liveSamples);
}
