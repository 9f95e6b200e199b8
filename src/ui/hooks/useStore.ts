/**
 * The thin Preact binding for our vanilla zustand stores (zustand's own hook
 * needs React): subscribe on mount, re-render on change.
 */
import { useEffect, useState } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';

export function useStore<T>(store: StoreApi<T>): T {
  const [state, setState] = useState(store.getState);
  useEffect(() => {
    setState(store.getState);
    return store.subscribe((s) => setState(() => s));
  }, [store]);
  return state;
}
