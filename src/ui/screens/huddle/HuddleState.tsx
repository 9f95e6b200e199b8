/** Shared pieces of the huddle screens: "not on this device" and the hidden-votes note. */
import { voterKey } from '../../../domain/huddle.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import type { HuddleView } from './useHuddle.ts';
import { t } from './huddle.en.ts';

export function NotHere() {
  return (
    <>
      <PageHeading>{t('notFound')}</PageHeading>
      <p>
        {t('notHere')} <a href="/huddles">{t('seeAll')}</a>
      </p>
    </>
  );
}

/** How many people have put dots down (without saying where). */
export function votersSoFar(view: HuddleView): number {
  return new Set(view.votes.filter((v) => v.dots > 0).map(voterKey)).size;
}

export function HiddenNote({ view }: { view: HuddleView }) {
  return <VotersNote n={votersSoFar(view)} />;
}

/** "Votes are hidden…" with how many people have voted, for a count from anywhere (a TV's board). */
export function VotersNote({ n }: { n: number }) {
  return (
    <p class="inset-text" data-testid="hidden-note">
      {t('hiddenNote', { n })}
    </p>
  );
}
