/** "For you" and its settings (ForYou.tsx, forYou/NotificationSettings, forYou/EmailSettings). */
import { messages } from '../../../i18n/index.ts';
import type { NotifyKind } from '../../../domain/notify.ts';

export const en = {
  loading: 'Loading…',
  heading: 'For you',
  notJoined: 'What happens to your ideas shows here once you are in your team.',
  joinTeam: 'Join your team',
  nothing: 'Nothing for you yet. When your idea moves on, or someone comments, it shows here.',
  new: 'New',
  tellMeWhen: 'Tell me when',
  kindHuddleOpen: 'A huddle opens',
  kindIdeaTesting: 'Your idea is chosen to test',
  kindIdeaDecided: 'Your idea is adopted, adapted or abandoned',
  kindIdeaShortlisted: 'Your idea is shortlisted',
  kindAskAnswered: 'The sponsor answers your ask',
  kindAskWaiting: 'Someone asks you, the sponsor, for an answer',
  kindComment: 'A comment on your idea',
  quiet: 'Quiet hours: no notifications between these times',
  from: 'From',
  until: 'Until',
  saveChoices: 'Save choices',
  notifyHeading: 'Notifications on this phone',
  blocked:
    'Notifications are blocked for Ground Up in this browser. To get them, allow them in the browser’s site settings.',
  offIntro:
    'Get a notification when a huddle opens or your idea is chosen to test, even with the app closed. Nothing is sent between 22:00 and 07:00 unless you change it.',
  areOn: 'Notifications are on.',
  turnOn: 'Turn on notifications',
  choicesSaved: 'Choices saved.',
  areOff: 'Notifications are off.',
  turnOff: 'Turn off notifications',
  saved: 'Saved.',
  emailHeading: 'Weekly email',
  emailOn: 'Your team gets a weekly email of what was captured, decided and learned.',
  emailOff:
    'Your team’s facilitator can send a weekly email of what was captured, decided and learned.',
  addressSaved: 'Your address is saved.',
  addressRemoved: 'Your address is removed.',
  address: 'Your email address (leave empty for no email)',
  saveAddress: 'Save address',
  forTeam: 'For the team (facilitator)',
  sendWeekly: 'Send the team a weekly email',
  ideaText:
    'Notifications and the weekly email may show ideas’ words (they can be seen on lock screens)',
};

export const t = messages('ui/screens/forYou/forYou', en);

const KIND_KEYS: Readonly<Record<NotifyKind, keyof typeof en>> = {
  'huddle-open': 'kindHuddleOpen',
  'idea-testing': 'kindIdeaTesting',
  'idea-decided': 'kindIdeaDecided',
  'idea-shortlisted': 'kindIdeaShortlisted',
  'ask-answered': 'kindAskAnswered',
  'ask-waiting': 'kindAskWaiting',
  comment: 'kindComment',
};

/** What a kind of notification is about, in the chosen language. */
export const notifyKindWords = (k: NotifyKind) => t(KIND_KEYS[k]);
