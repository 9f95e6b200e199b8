/** The Settings screen's words (Settings.tsx, Language, NeedsAttention, Storage). */
import { messages } from '../../../i18n/index.ts';

export const en = {
  heading: 'Settings',
  language: 'Language (Iaith)',
  languageHint:
    'The words of the app on this phone. Your team’s own words stay as they wrote them.',
  // The language names are each in their own language, in both catalogues.
  english: 'English',
  welsh: 'Cymraeg',
  storageHeading: 'Storage on this phone',
  keptSafe: 'Kept safe from clearing',
  notSaid: 'This browser does not say',
  persisted: 'Yes — the browser will not clear Ground Up’s data when space runs low',
  notPersisted:
    'No — if the phone runs very low on space the browser may clear data that has not synced',
  spaceUsed: 'Space used',
  notKnown: 'Not known',
  usedOf: '{used} of about {quota} available',
  askKeep: 'Ask to keep data on this phone',
  granted: 'The browser will keep Ground Up’s data on this phone.',
  refused:
    'The browser said no for now. It may agree later, for example after you add Ground Up to your home screen.',
  attentionHeading: 'Needs attention',
  nothing: 'Nothing needs attention: every change was accepted or is waiting to sync.',
  notAccepted: "The team's server did not accept these changes. They are still on this phone.",
  about: 'About {about}',
  aboutOne: 'the {what} “{name}”',
  aboutIn: 'in the {what} “{name}”',
  why: 'Why:',
  never:
    'This change can never be accepted as it is. Discard it: your team keeps what the server has.',
  later: 'This change may be accepted later. Try again once the problem is fixed.',
  unknown: 'If the problem is fixed, try again; otherwise discard it.',
  turnedDown: 'Turned down {when}',
  confirmDiscard: 'Confirm discard',
  discardQuestion: 'Discard this change? It will not reach your team.',
  discard: 'Discard',
  keep: 'Keep it',
  tryAgain: 'Try again',
};

export const t = messages('ui/screens/settings/settings', en);
