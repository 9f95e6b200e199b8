/**
 * A wide table that scrolls sideways on a phone: the scrolling box can be
 * reached and scrolled with the keyboard (a labelled region with a tab stop),
 * and while it is wider than the screen a hint says so above it.
 */
import type { ComponentChildren } from 'preact';
import { t } from './parts.en.ts';
import { useEffect, useRef, useState } from 'preact/hooks';

export function ScrollTable({ label, children }: { label: string; children: ComponentChildren }) {
  const box = useRef<HTMLDivElement>(null);
  const [wide, setWide] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWide(el.scrollWidth > el.clientWidth + 1);
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  });
  return (
    <>
      {wide && (
        <p class="scroll-hint" data-testid="scroll-hint" aria-hidden="true">
          {t('scroll')}
        </p>
      )}
      <div
        class={`table-wrap${wide ? ' table-wrap--wide' : ''}`}
        ref={box}
        role="region"
        aria-label={label}
        tabIndex={0}
      >
        {children}
      </div>
    </>
  );
}
