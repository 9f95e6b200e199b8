/** Pam y gwrthodwyd newid. AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../../../i18n/index.ts';
import type { en } from './refusals.en.ts';

export const cy: Welsh<typeof en> = {
  'other-team': 'Mae’r newid hwn ar gyfer tîm arall.',
  'not-created':
    'Ni chafodd y cofnod hwn ei greu erioed: nid oes gan y newid yr hyn y mae’n rhaid iddo ddechrau ag ef.',
  'no-parent': 'Mae’r newid hwn yn ymwneud â rhywbeth nad yw gan eich tîm.',
  'not-owner': 'Dim ond pwy bynnag a’i gwnaeth (neu hwylusydd) all ei newid.',
  'not-lead': 'Dim ond hwylusydd neu’r noddwr all wneud hyn.',
  'not-you': 'Mae’r newid hwn yn enwi rhywun heblaw chi.',
  fixed: 'Ni all y rhan hon newid ar ôl ei gwneud.',
  'derived-id': 'Nid yw rhif adnabod y cofnod hwn yn cyfateb i’r hyn y mae ar ei gyfer.',
  invalid: 'Nid yw’r newid hwn yn cyd-fynd â rheolau’r cofnod.',
  'over-budget': 'Mae’r bleidlais hon yn fwy na’ch dotiau yn y cyfarfod byr.',
  'huddle-closed': 'Daeth y bleidlais hon ar ôl i’r cyfarfod byr gau.',
  'clock-ahead':
    'Mae cloc y ffôn hwn o flaen cloc y gweinydd. Cywirwch ef, yna rhowch gynnig arall arni.',
  idea: 'syniad',
  comment: 'sylw',
  team: 'tîm',
  huddle: 'cyfarfod byr',
  vote: 'bleidlais',
  pdsa: 'prawf o newid',
  measure: 'mesur',
  point: 'pwynt data',
  tap: 'cyfrif',
  challenge: 'her 100 diwrnod',
  ask: 'cais',
  share: 'newid a rannwyd',
  take: 'mabwysiad',
  changeTo: 'Newid i’r {kind} “{title}”',
  changeToKind: 'Newid i {kind}',
};
