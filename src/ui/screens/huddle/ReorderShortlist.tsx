/**
 * The facilitator puts the shortlist in the order to discuss it (while the
 * huddle is open). The whole order is one LWW value, so two facilitators
 * reordering at once end with one of the two orders, never a mix.
 */
import { reorderShortlist } from '../../actions/index.ts';
import type { HuddleView } from './useHuddle.ts';
import { t } from './huddle.en.ts';

export function ReorderShortlist({ view }: { view: HuddleView }) {
  const { shortlist, titles } = view;
  if (shortlist.length < 2) return null;
  async function move(i: number, by: -1 | 1) {
    const next = [...shortlist];
    const [item] = next.splice(i, 1);
    if (item === undefined) return;
    next.splice(i + by, 0, item);
    await reorderShortlist(view.huddle.id, next);
  }
  return (
    <details class="reorder">
      <summary>{t('changeOrder')}</summary>
      <ol class="order-list">
        {shortlist.map((id, i) => {
          const title = titles.get(id) ?? t('anIdea');
          return (
            <li key={id}>
              {title}{' '}
              <button
                type="button"
                class="link-button"
                disabled={i === 0}
                aria-label={t('moveUp', { title })}
                onClick={() => void move(i, -1)}
              >
                {t('up')}
              </button>{' '}
              <button
                type="button"
                class="link-button"
                disabled={i === shortlist.length - 1}
                aria-label={t('moveDown', { title })}
                onClick={() => void move(i, 1)}
              >
                {t('down')}
              </button>
            </li>
          );
        })}
      </ol>
    </details>
  );
}
