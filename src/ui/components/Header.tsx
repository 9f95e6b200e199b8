/**
 * The persistent header: the NHS-blue bar with the wordmark and navigation
 * (with the count of unread "For you" items), then the sync bar.
 */
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
  { href: '/for-you', label: 'For you' },
  { href: '/ideas', label: 'Ideas' },
  { href: '/measures', label: 'Measures' },
  { href: '/huddles', label: 'Huddles' },
  { href: '/team', label: 'Team' },
  { href: '/settings', label: 'Settings' },
] as const;

function isCurrent(path: string, href: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

/** Unread "For you" items, counted by a module loaded after first paint (not in the first bundle). */
function useUnreadCount(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let stop: (() => void) | null = null;
    let gone = false;
    void import('../reads/inboxCount.ts').then((m) => {
      if (!gone) stop = m.watchUnread(setCount);
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, []);
  return count;
}

export function Header() {
  const unread = useUnreadCount();
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
                <a
                  href={l.href}
                  aria-current={isCurrent(path, l.href) ? 'page' : undefined}
                  aria-label={
                    l.href === '/for-you' && unread > 0 ? `${l.label}, ${unread} new` : undefined
                  }
                >
                  {l.label}
                  {l.href === '/for-you' && unread > 0 && (
                    <span class="app-nav__count" aria-hidden="true" data-testid="for-you-count">
                      {unread}
                    </span>
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
