/** The capture screen's words (Capture.tsx, CaptureForm, CategoryChips). */
import { messages } from '../../../i18n/index.ts';

export const en = {
  heading: 'Capture an idea',
  noTeam:
    "You're not in a team yet — your ideas are safe on this phone and will be sent when you join.",
  joinLink: 'Join or start a team',
  yourIdea: 'Your idea',
  upTo: 'Up to {max} characters',
  remaining: 'You have {n, plural, one {# character} other {# characters}} remaining',
  tooMany: 'You have {n, plural, one {# character} other {# characters}} too many',
  enterIdea: 'Enter your idea',
  tooLong:
    'Your idea must be {max} characters or fewer — you have {n}. Shorten it or put the rest in More detail',
  moreDetail: 'More detail (optional)',
  ideas: 'Ideas',
  save: 'Save',
  addDetail: 'Add more detail',
  saved: 'Saved on this phone',
  category: 'Category',
  anonymous: 'Anonymous to my team',
  notLoaded:
    'Ground Up has not finished loading, so this was not saved. Your text is still in the box: check your connection and press Save again.',
};

export const t = messages('ui/screens/capture/capture', en);
