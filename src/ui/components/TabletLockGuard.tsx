/**
 * Keeps a locked tablet on its voting screen (tabletLock.ts): any other path
 * (a link, the back button, a typed address in the app) goes back to it.
 */
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { lockedTo, tabletPath } from '../tabletLock.ts';

export function TabletLockGuard() {
  const { path, route } = useLocation();
  useEffect(() => {
    const id = lockedTo();
    if (id !== null && path !== tabletPath(id)) route(tabletPath(id), true);
  }, [path]);
  return null;
}
