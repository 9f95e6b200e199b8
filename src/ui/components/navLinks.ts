import { t } from './common.en.ts';

/**
 * The menu's places, in one list: the header shows them all; on phones the
 * bottom navigation shows the first few and "More" (screens/More.tsx) the rest.
 */
export const LINKS = [
  { href: '/', word: 'navCapture' },
  { href: '/for-you', word: 'navForYou' },
  { href: '/ideas', word: 'navIdeas' },
  { href: '/measures', word: 'navMeasures' },
  { href: '/huddles', word: 'navHuddles' },
  { href: '/challenge', word: 'navChallenge' },
  { href: '/team', word: 'navTeam' },
  { href: '/settings', word: 'navSettings' },
] as const;

/** A menu link's words in the chosen language. */
export const linkLabel = (l: (typeof LINKS)[number]) => t(l.word);

/** The places a ward uses most, in the phone's bottom bar beside "More". */
export const BOTTOM: readonly string[] = ['/', '/ideas', '/huddles', '/challenge'];

export function isCurrent(path: string, href: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}
