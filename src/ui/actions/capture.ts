/**
 * Capturing an idea, the home screen's one write. Kept apart from the other
 * actions so the capture screen's first bundle holds none of the write path:
 * the domain's builders, the HLC, src/db/writes.ts and the words for write
 * failures arrive by a dynamic import just after the first render
 * (src/ui/localWrites.ts); captureIdea gives those words itself.
 */
import type { NewIdeaInput } from '../../domain/idea.ts';
import { loadWrites } from '../localWrites.ts';
import { onPage } from './page.ts';
import { t } from '../screens/capture/capture.en.ts';

/** Save a new idea on this device; a write path that failed to load is a failed save, in words. */
export async function captureIdea(input: NewIdeaInput) {
  try {
    return await onPage(async (db, at) => (await loadWrites()).captureIdea(db, input, at));
  } catch {
    return { kind: 'error', message: t('notLoaded') } as const;
  }
}
