/**
 * The menu's places, in one list: the header shows them all; on phones the
 * bottom navigation shows the first few and "More" (screens/More.tsx) the rest.
 */
export const LINKS = [
  { href: '/', label: 'Capture' },
  { href: '/for-you', label: 'For you' },
  { href: '/ideas', label: 'Ideas' },
  { href: '/measures', label: 'Measures' },
  { href: '/huddles', label: 'Huddles' },
  { href: '/challenge', label: 'Challenge' },
  { href: '/team', label: 'Team' },
  { href: '/settings', label: 'Settings' },
] as const;

/** The places a ward uses most, in the phone's bottom bar beside "More". */
export const BOTTOM: readonly string[] = ['/', '/ideas', '/huddles', '/challenge'];

export function isCurrent(path: string, href: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}
