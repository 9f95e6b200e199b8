/**
 * The locked pass-the-tablet mode (issue 17): while the facilitator's tablet
 * goes round the huddle, whoever holds it can only vote — the menu and every
 * other screen are out of reach (they would act with the facilitator's
 * rights) until the facilitator unlocks it, after a confirm. Kept for the tab
 * (sessionStorage), so a reload stays locked; a new tab or a closed app is not.
 */
const KEY = 'ground-up:tablet-lock';

/** The huddle whose tablet screen this tab is locked to, or null. */
export function lockedTo(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function lockTablet(huddleId: string): void {
  try {
    sessionStorage.setItem(KEY, huddleId);
  } catch {
    // No storage: the lock holds for this page only (the screen still hides the menu).
  }
}

export function unlockTablet(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
}

/** The one path a locked tab may show. */
export const tabletPath = (huddleId: string) => `/huddles/${huddleId}/tablet`;
