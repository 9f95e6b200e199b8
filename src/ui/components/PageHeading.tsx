/**
 * The page's one h1. After an in-app navigation focus moves to the new page's
 * heading, so a screen reader announces where the person is. The router says
 * a navigation happened (`headingFocusAfterNavigation`); the heading may mount
 * later, once its screen's data has loaded, so whichever comes second focuses.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { t } from './common.en.ts';

let pending = false;

/** Called on each route change; `focus` false for screens that focus a field instead. */
export function headingFocusAfterNavigation(focus: boolean): void {
  pending = false;
  if (!focus) return;
  const h1 = document.querySelector<HTMLElement>('main h1');
  if (h1) h1.focus();
  else pending = true;
}

export function PageHeading({ children, title }: { children: ComponentChildren; title?: string }) {
  usePageTitle(title ?? (typeof children === 'string' ? children : t('appName')));
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!pending) return;
    pending = false;
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
