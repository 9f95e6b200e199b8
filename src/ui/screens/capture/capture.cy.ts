/**
 * Geiriau'r sgrin cofnodi syniad. AWAITING REVIEW by a Welsh-speaking
 * clinician (decision 0022): translated by the developers, not yet checked.
 */
import type { Welsh } from '../../../i18n/index.ts';
import type { en } from './capture.en.ts';

export const cy: Welsh<typeof en> = {
  heading: 'Cofnodi syniad',
  noTeam:
    "Dydych chi ddim mewn tîm eto — mae eich syniadau'n ddiogel ar y ffôn hwn a byddant yn cael eu hanfon pan fyddwch yn ymuno.",
  joinLink: 'Ymuno â thîm neu ddechrau un',
  yourIdea: 'Eich syniad',
  upTo: 'Hyd at {max} nod',
  remaining: 'Mae gennych {n, plural, one {# nod} other {# nod}} ar ôl',
  tooMany: 'Mae gennych {n, plural, one {# nod} other {# nod}} yn ormod',
  enterIdea: 'Rhowch eich syniad',
  tooLong:
    "Rhaid i'ch syniad fod yn {max} nod neu lai — mae gennych {n}. Byrhewch ef neu rhowch y gweddill yn Rhagor o fanylion",
  moreDetail: 'Rhagor o fanylion (dewisol)',
  ideas: 'syniadau',
  save: 'Cadw',
  addDetail: 'Ychwanegu rhagor o fanylion',
  saved: "Wedi'i gadw ar y ffôn hwn",
  category: 'Categori',
  anonymous: "Dienw i'm tîm",
  notLoaded:
    'Nid yw Ground Up wedi gorffen llwytho, felly ni chafodd hwn ei gadw. Mae eich testun yn y blwch o hyd: gwiriwch eich cysylltiad a phwyswch Cadw eto.',
};
