/**
 * The server's words when it holds a phone back: fair use (too much sent, too
 * many changes, pulls or live connections), too many sign-ins or attempts
 * from one place, its database away, its disk full, a fault
 * (server/http/fairUse.ts, errors.ts, unavailable.ts, routes/signIn.ts). As
 * with the rules' sentences (decision 0027) the server always sends them in
 * English (`serverTroubleWords`), word for word as before, and a phone says
 * them again in its person's language (src/ui/serverWords.ts), the wait
 * included ("in 3 minutes"). Add a key rather than reword one: phones in the
 * wild recognise these sentences.
 */
import { inEnglish, messages } from '../i18n/index.ts';

/** A wait: `unit` and `count` from `waitValues`. */
const WAIT =
  '{unit, select, second {{count, plural, one {# second} other {# seconds}}} minute {{count, plural, one {# minute} other {# minutes}}} other {{count, plural, one {# hour} other {# hours}}}}';
const SAFE = 'Nothing is lost: your changes wait on your phone, which sends them by itself';

export const en = {
  pushBytes: `You have sent more than {size} of changes in an hour, the most one person may. ${SAFE} in ${WAIT}.`,
  records: `You have saved more than {max} changes today, the most one person may in a day. ${SAFE} in ${WAIT}.`,
  pulls: `This phone is asking for the team's changes more than {max} times a minute. It will ask again in ${WAIT}.`,
  streams:
    'You already have {max} live connections open (other tabs or devices). This one shows changes every few seconds instead; close a tab you are not using to make it live again.',
  tooManySignIns: `Too many sign-ins have been started from your network in the last few minutes. Wait ${WAIT}, then sign in again; nothing on this phone has changed. If this keeps happening, tell whoever runs Ground Up for your trust.`,
  tooManyAttempts:
    'Too many attempts from this device. Try again in {count, plural, one {# minute} other {# minutes}}.',
  databaseAway:
    'The server cannot reach its database just now. Everything you saved is still on your device and will be sent when it is back; there is nothing you need to do.',
  diskFull:
    'The server has run out of storage space, so it cannot take your changes just now. They are safe on your device and will be sent when space is freed; you can keep working.',
  serverError:
    'Something went wrong on the server. Anything you saved is still on your device; try again in a minute.',
  restored:
    'This server was restored from a backup since your phone last synced, so it took none of these changes yet. Your phone sends again what the backup lost, then these, by itself; there is nothing you need to do.',
};

export const t = messages('domain/serverTrouble', en);

/** The English sentence whatever language is in force: the server's, on the wire. */
export const serverTroubleWords = inEnglish(t);

/**
 * A wait of `seconds` as the catalogue's `unit` and `count`: seconds up to 89,
 * then minutes (rounded up) up to 89, then hours (rounded up).
 */
export function waitValues(seconds: number): { unit: 'second' | 'minute' | 'hour'; count: number } {
  if (seconds < 90) return { unit: 'second', count: seconds };
  if (seconds < 90 * 60) return { unit: 'minute', count: Math.ceil(seconds / 60) };
  return { unit: 'hour', count: Math.ceil(seconds / 3600) };
}
