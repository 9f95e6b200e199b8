/** Words of the chrome that loads after the first paint: the phone's menu, "More" and the footer. */
import { messages } from '../../i18n/index.ts';

export const en = {
  phoneMenu: 'Main (phone)',
  more: 'More',
  moreUnread: ': For you, {n} new',
  organisation: 'Organisation',
  supportLinks: 'Support links',
  accessibility: 'Accessibility statement',
  privacy: 'Privacy notice',
  onDevice: 'What this app keeps on your phone',
};

export const t = messages('ui/components/chrome', en);
