/**
 * The count of unread "For you" items, from a module loaded after first paint
 * (not in the capture screen's first bundle). Shared by the header menu and
 * the phone's bottom navigation.
 */
import { useEffect, useState } from 'preact/hooks';

export /** Unread "For you" items, counted by a module loaded after first paint (not in the first bundle). */
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
