/**
 * The footer on every screen: the pages a trust and the public sector
 * accessibility regulations ask for. The pages themselves load on first visit.
 */
import { t } from './chrome.en.ts';

export const FOOTER_LINKS = [
  { href: '/accessibility', word: 'accessibility' },
  { href: '/privacy', word: 'privacy' },
  { href: '/on-this-device', word: 'onDevice' },
] as const;

export function Footer() {
  return (
    <footer class="app-footer">
      <div class="width-container">
        <h2 class="visually-hidden">{t('supportLinks')}</h2>
        <ul class="app-footer__links">
          {FOOTER_LINKS.map((l) => (
            <li key={l.href}>
              <a href={l.href}>{t(l.word)}</a>
            </li>
          ))}
        </ul>
      </div>
    </footer>
  );
}
