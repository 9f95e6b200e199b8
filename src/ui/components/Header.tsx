/**
 * The persistent header: the NHS-blue bar with the wordmark and navigation
 * (with the count of unread "For you" items), then the sync bar. On phones the
 * navigation moves to the bottom (BottomNav.tsx) so the header is one row.
 */
import { useLocation } from 'preact-iso';
import { late } from './late.tsx';
import { t } from './common.en.ts';
import { isCurrent, linkLabel, LINKS } from './navLinks.ts';
import { useUnreadCount } from './useUnreadCount.ts';

/**
 * The sync bar and the update banner load just after the first render, like
 * the write path: typing an idea needs neither, and their words and stores
 * would cost the capture screen's 50 KB budget. Its place is kept (`.sync-bar` min-height) so nothing
 * moves when it arrives.
 */
const SyncBar = late(
  () => import('./SyncBar.tsx').then((m) => m.SyncBar),
  () => <div class="sync-bar" aria-hidden="true" />,
);
const UpdateBanner = late(() => import('./UpdateBanner.tsx').then((m) => m.UpdateBanner));
export function Header() {
  const unread = useUnreadCount();
  const { path } = useLocation();
  return (
    <header class="app-header">
      <UpdateBanner />
      <div class="width-container app-header__bar">
        <a class="app-header__logo" href="/">
          {t('appName')}
        </a>
        <nav class="app-nav" aria-label={t('menu')}>
          <ul>
            {LINKS.map((l) => (
              <li key={l.href}>
                <a href={l.href} aria-current={isCurrent(path, l.href) ? 'page' : undefined}>
                  {linkLabel(l)}
                  {l.href === '/for-you' && unread > 0 && (
                    <>
                      <span class="app-nav__count" aria-hidden="true" data-testid="for-you-count">
                        {unread}
                      </span>
                      {/* Hidden text, not aria-label: the name must contain what is seen (WCAG 2.5.3). */}
                      <span class="visually-hidden">{t('unread', { n: unread })}</span>
                    </>
                  )}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <SyncBar />
    </header>
  );
}
