/** Sets the document title for a screen ("Ideas – Ground Up"). */
import { useEffect } from 'preact/hooks';

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Ground Up`;
  }, [title]);
}
