/**
 * The phone's bottom navigation (issue 17): on a 360 px screen the header's
 * menu wrapped to two rows and, with the sync bar, took a third of the screen.
 * Below 40em the header menu hides and these five stay in reach of a thumb;
 * "More" lists the rest of the menu (More.tsx). Phones' keyboards overlay the
 * page (Chrome's default `resizes-visual`), so the bar sits behind the keyboard
 * rather than on top of the form.
 */
import { useLocation } from 'preact-iso';
import { BOTTOM, isCurrent, linkLabel, LINKS } from './navLinks.ts';
import { t } from './chrome.en.ts';
import { useUnreadCount } from './useUnreadCount.ts';

export function BottomNav() {
  const { path } = useLocation();
  const unread = useUnreadCount();
  const shown = LINKS.filter((l) => BOTTOM.includes(l.href));
  const inMore = !shown.some((l) => isCurrent(path, l.href));
  return (
    <nav class="bottom-nav" aria-label={t('phoneMenu')}>
      <ul>
        {shown.map((l) => (
          <li key={l.href}>
            <a href={l.href} aria-current={isCurrent(path, l.href) ? 'page' : undefined}>
              {linkLabel(l)}
            </a>
          </li>
        ))}
        <li>
          <a href="/more" aria-current={inMore ? 'page' : undefined}>
            {t('more')}
            {unread > 0 && (
              <>
                <span class="app-nav__count" aria-hidden="true" data-testid="for-you-count">
                  {unread}
                </span>
                {/* Hidden text, not aria-label: the name must contain what is seen (WCAG 2.5.3). */}
                <span class="visually-hidden">{t('moreUnread', { n: unread })}</span>
              </>
            )}
          </a>
        </li>
      </ul>
    </nav>
  );
}
