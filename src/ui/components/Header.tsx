/** The persistent header: the NHS-blue bar with the wordmark and navigation, then the sync bar. */
import { useLocation } from 'preact-iso';
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * The sync bar loads just after the first render, like the write path: it is
 * not needed to type an idea, and its words and store would cost the capture
 * screen's 50 KB budget. Its place is kept (`.sync-bar` min-height) so nothing
 * moves when it arrives.
 */
function SyncBar() {
  const [Bar, setBar] = useState<ComponentType | null>(null);
  useEffect(() => {
    void import('./SyncBar.tsx')
      .then((m) => setBar(() => m.SyncBar))
      .catch((e: unknown) => console.error('the sync bar could not load', e));
  }, []);
  return Bar ? <Bar /> : <div class="sync-bar" aria-hidden="true" />;
}
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
