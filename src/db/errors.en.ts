/** What a failed write on this phone means (errors.ts). */
import { messages } from '../i18n/index.ts';

export const en = {
  quota:
    'This phone is out of storage space, so this was not saved. Everything you saved before is still safe. Free some space (photos, other apps) and press Save again — your text is still in the box.',
  newer:
    'A newer version of Ground Up is open in another tab — reload this one. Nothing you saved before is lost, and your text is still in the box.',
  blocked:
    'Close other Ground Up tabs to finish updating. Then press Save again: nothing you saved before is lost.',
  /** Outside any Save (notices.ts): another tab holds the database. */
  otherTabNewer: 'A newer version of Ground Up is open in another tab — reload this one.',
  otherTabBlocked: 'Close other Ground Up tabs to finish updating.',
  error:
    'This could not be saved on the device. Your text is still in the box: press Save to try again.',
};

export const t = messages('db/errors', en);
