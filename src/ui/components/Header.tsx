/** The persistent header: the NHS-blue bar with the wordmark and navigation, then the sync bar. */
import { useLocation } from 'preact-iso';
import { SyncBar } from './SyncBar.tsx';
import { UpdateBanner } from './UpdateBanner.tsx';

const LINKS = [
  { href: '/', label: 'Capture' },
  { href: '/ideas', label: 'Ideas' },
  { href: '/measures', label: 'Measures' },
  { href: '/huddles', label: 'Huddles' },
  { href: '/team', label: 'Team' },
  { href: '/settings', label: 'Settings' },
] as const;

function isCurrent(path: string, href: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

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
