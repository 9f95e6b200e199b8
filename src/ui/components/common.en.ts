/**
 * Words of the parts every screen has from the first paint: the skip link, the
 * header and its menu, a field's error and the patient-identifier warning.
 */
import { messages } from '../../i18n/index.ts';

export const en = {
  skip: 'Skip to main content',
  appName: 'Ground Up',
  menu: 'Main',
  navCapture: 'Capture',
  navForYou: 'For you',
  navIdeas: 'Ideas',
  navMeasures: 'Measures',
  navHuddles: 'Huddles',
  navChallenge: 'Challenge',
  navTeam: 'Team',
  navSettings: 'Settings',
  unread: ', {n} new',
  error: 'Error:',
  checkPatient: 'Check for patient details',
  looksLike:
    'This looks like it contains {found}. {what} are seen by your whole team — remove patient details.',
  nhsNumber: 'an NHS number',
  dateOfBirth: 'a date that could be a date of birth',
  postcode: 'a postcode',
  and: '{a} and {b}',
  removeAndSave: 'Remove it and save',
  saveAsIs: 'Save as it is',
};

export const t = messages('ui/components/common', en);
