/**
 * Words of the shared parts that load after the first paint: the error
 * summary, the update and open-huddle banners, a wide table's hint and the
 * warning on shared text that may hold a patient detail.
 */
import { messages } from '../../i18n/index.ts';

export const en = {
  problem: 'There is a problem',
  newVersion: 'A new version of Ground Up is ready.',
  reload: 'Reload',
  important: 'Important',
  huddleOpen: 'A huddle is open: {title}.',
  placeDots: 'Place your dots',
  moreOpen: '{n, plural, one {# more huddle is open.} other {# more huddles are open.}}',
  seeHuddles: 'See all huddles',
  scroll: 'Scroll sideways to see every column →',
  mayHold: 'This {kind, select, idea {idea} other {comment}} may hold a patient detail',
  itHeld: 'It held {kinds}',
  alreadyShared:
    'It looks like it contains {kinds}, and it has already been shared with your team. Changing the words here would leave them in the history every phone holds.',
  whyErase: 'Why are you erasing it? (your team sees this, so do not repeat the detail)',
  eraseEverywhere: 'Erase it everywhere',
  askFacilitator:
    'Ask a facilitator to erase it everywhere: only they can take it back from every phone.',
};

export const t = messages('ui/components/parts', en);
