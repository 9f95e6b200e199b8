/**
 * The page's one clock. Writes take their time from here (src/ui/actions) and
 * screens that show "today" or "2 minutes ago" ask here, so a test or a
 * reader finds every use of the device's clock in one file.
 */

/** Now, in ms since the epoch. */
export function now(): number {
  return Date.now();
}

/** Today's date on this device, yyyy-mm-dd (local time: a night shift's "today"). */
export function today(at = new Date(now())): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}`;
}
