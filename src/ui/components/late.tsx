/**
 * A component loaded after the first render: what typing an idea does not
 * need (the sync bar, the update banner, the error summary) stays out of the
 * capture screen's first load and its 50 KB budget. Until it arrives the
 * placeholder (or nothing) is drawn; once loaded it is shared by every use.
 */
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function late<P extends object>(
  load: () => Promise<ComponentType<P>>,
  placeholder: (props: P) => JSX.Element | null = () => null,
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return function Late(props: P) {
    const [C, setC] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (C) return;
      loading ??= load().then((c) => (loaded = c));
      loading.then((c) => setC(() => c)).catch((e: unknown) => console.error('could not load', e));
    }, []);
    return C ? <C {...props} /> : placeholder(props);
  };
}
