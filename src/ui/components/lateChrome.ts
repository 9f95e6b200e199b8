/**
 * The page's chrome that typing an idea does not need: the footer's links,
 * the phone's bottom navigation, the locked tablet's guard and the open-huddle
 * banner. Loaded just
 * after the first render (App.tsx `useLateChrome`), like the write path and
 * the sync bar, to keep the capture screen within its 50 KB budget.
 */
import '../styles/chrome.css';

export { BottomNav } from './BottomNav.tsx';
export { Footer } from './Footer.tsx';
export { OpenHuddleBanner } from './OpenHuddleBanner.tsx';
export { TabletLockGuard } from './TabletLockGuard.tsx';
