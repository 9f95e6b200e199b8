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

/** A wait in words: "45 seconds", "10 minutes", "2 hours". */
export function inWords(seconds: number): string {
  if (seconds === 1) return '1 second';
  if (seconds < 90) return `${seconds} seconds`;
  if (seconds < 90 * 60) return `${Math.ceil(seconds / 60)} minutes`;
  return `${Math.ceil(seconds / 3600)} hours`;
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Math.round(mb * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function refusal(seconds: number, message: string): ApiError {
  return new ApiError(429, 'rate_limited', message, {
    headers: { 'Retry-After': String(seconds) },
  });
}

const SAFE = 'Nothing is lost: your changes wait on your phone, which sends them by itself';

/** Refuses a push when the member has used their bytes this hour or their changes today. */
export async function checkPush(limits: Limits, memberId: string): Promise<void> {
  const { pushBytes, records } = limits.settings;
  const bytesWait = await limits.pushBytes.wait(memberId);
  if (bytesWait > 0) {
    throw refusal(
      bytesWait,
      `You have sent more than ${megabytes(pushBytes.points)} of changes in an hour, the most one person may. ${SAFE} in ${inWords(bytesWait)}.`,
    );
  }
  const recordsWait = await limits.records.wait(memberId);
  if (recordsWait > 0) {
    throw refusal(
      recordsWait,
      `You have saved more than ${records.points.toLocaleString('en-GB')} changes today, the most one person may in a day. ${SAFE} in ${inWords(recordsWait)}.`,
    );
  }
}

/** Counts one pull; refuses it when the member pulls more often than the limit. */
export async function checkPull(limits: Limits, memberId: string): Promise<void> {
  const wait = await limits.pulls.take(memberId);
  if (wait > 0) {
    throw refusal(
      wait,
      `This phone is asking for the team's changes more than ${limits.settings.pulls.points.toLocaleString('en-GB')} times a minute. It will ask again in ${inWords(wait)}.`,
    );
  }
}

/** Seconds a refused event stream waits: a heartbeat, by when a dropped stream has been noticed. */
export const STREAM_RETRY_SECONDS = 20;

export function tooManyStreams(limit: number): ApiError {
  return refusal(
    STREAM_RETRY_SECONDS,
    `You already have ${limit} live connections open (other tabs or devices). This one shows changes every few seconds instead; close a tab you are not using to make it live again.`,
  );
}
