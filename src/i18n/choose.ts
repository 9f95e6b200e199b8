/**
 * The page's choice of language (decision 0022): kept in localStorage, else
 * the browser's, and put in force with the Welsh catalogues loaded first (and
 * with them the phone's way of saying the server's English again).
 */
import { locale, putInForce, type Lang } from './index.ts';

const KEY = 'groundup.lang';
let welsh: Parameters<typeof putInForce>[1];
let say: Parameters<typeof putInForce>[2];

/** Chosen in Settings (kept on this device), else the browser's first choice of Welsh or English. */
export function storedLanguage(): Lang {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(KEY);
  } catch {
    // Storage refused (a locked-down browser): the browser's language decides.
  }
  if (saved == 'cy' || saved == 'en') return saved;
  const first = navigator.languages.find((l) => /^(cy|en)\b/i.test(l));
  return first?.slice(0, 2).toLowerCase() == 'cy' ? 'cy' : 'en';
}

/** Sent on `window` when the person switches language in Settings; main.tsx redraws the app. */
export const LANGUAGE_EVENT = 'groundup:language';

/**
 * Put a language in force: the Welsh catalogues are loaded first (a precached
 * chunk, so offline too), then `<html lang>` follows. `chosen`: the person
 * chose it in Settings, so it is kept on this device and the app redrawn.
 */
export async function setLanguage(next: Lang, chosen = false): Promise<void> {
  if (next == 'cy' && !welsh) ({ WELSH: welsh, serverWords: say } = await import('./welsh.ts'));
  putInForce(next, welsh, say);
  document.documentElement.lang = locale();
  if (!chosen) return;
  localStorage.setItem(KEY, next);
  dispatchEvent(new Event(LANGUAGE_EVENT));
}
