/**
 * Fair use: one member cannot slow the team down. Each member has a budget of
 * push bytes an hour, changes applied a day and pulls a minute (the counts in
 * http/limits.ts, shared through PostgreSQL), and a few event streams at once.
 * A member over a budget is answered 429 with a Retry-After header and words
 * that say what happened and when the phone will try again; nothing they
 * saved is lost, as it waits in the phone's outbox.
 */
import { ApiError } from './errors.ts';
import type { Limits } from './limits.ts';
import { serverTroubleWords, waitValues } from '../../src/domain/serverTrouble.en.ts';

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Math.round(mb * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function refusal(seconds: number, message: string): ApiError {
  return new ApiError(429, 'rate_limited', message, {
    headers: { 'Retry-After': String(seconds) },
  });
}

/** Refuses a push when the member has used their bytes this hour or their changes today. */
export async function checkPush(limits: Limits, memberId: string): Promise<void> {
  const { pushBytes, records } = limits.settings;
  const bytesWait = await limits.pushBytes.wait(memberId);
  if (bytesWait > 0) {
    throw refusal(
      bytesWait,
      serverTroubleWords('pushBytes', {
        size: megabytes(pushBytes.points),
        ...waitValues(bytesWait),
      }),
    );
  }
  const recordsWait = await limits.records.wait(memberId);
  if (recordsWait > 0) {
    throw refusal(
      recordsWait,
      serverTroubleWords('records', {
        max: records.points.toLocaleString('en-GB'),
        ...waitValues(recordsWait),
      }),
    );
  }
}

/** Counts one pull; refuses it when the member pulls more often than the limit. */
export async function checkPull(limits: Limits, memberId: string): Promise<void> {
  const wait = await limits.pulls.take(memberId);
  if (wait > 0) {
    throw refusal(
      wait,
      serverTroubleWords('pulls', {
        max: limits.settings.pulls.points.toLocaleString('en-GB'),
        ...waitValues(wait),
      }),
    );
  }
}

/** Seconds a refused event stream waits: a heartbeat, by when a dropped stream has been noticed. */
export const STREAM_RETRY_SECONDS = 20;

export function tooManyStreams(limit: number): ApiError {
  return refusal(STREAM_RETRY_SECONDS, serverTroubleWords('streams', { max: String(limit) }));
}
