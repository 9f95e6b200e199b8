/**
 * The persistent header: the NHS-blue bar with the wordmark and navigation, then the sync bar.
 * On phones the navigation moves to the bottom (BottomNav.tsx) so the header is one row.
 */
import { useLocation } from 'preact-iso';
import { isCurrent, LINKS } from './navLinks.ts';
import { SyncBar } from './SyncBar.tsx';
import { UpdateBanner } from './UpdateBanner.tsx';

export function Header() {
  const { path } = useLocation();
  return (
    <header class="app-header">
      <UpdateBanner />
      <div class="width-container app-header__bar">
        <a class="app-header__logo" href="/">
          Ground Up
        </a>
        <nav class="app-nav" aria-label="Main">
          <ul>
            {LINKS.map((l) => (
              <li key={l.href}>
                <a href={l.href} aria-current={isCurrent(path, l.href) ? 'page' : undefined}>
                  {l.label}
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
