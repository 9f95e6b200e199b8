/** AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../../i18n/index.ts';
import type { en } from './parts.en.ts';

export const cy: Welsh<typeof en> = {
  problem: 'Mae problem',
  newVersion: 'Mae fersiwn newydd o Ground Up yn barod.',
  reload: 'Ail-lwytho',
  important: 'Pwysig',
  huddleOpen: 'Mae cyfarfod byr ar agor: {title}.',
  placeDots: 'Rhowch eich dotiau',
  moreOpen:
    '{n, plural, one {Mae # cyfarfod byr arall ar agor.} other {Mae # cyfarfod byr arall ar agor.}}',
  seeHuddles: 'Gweld pob cyfarfod byr',
  scroll: 'Sgroliwch i’r ochr i weld pob colofn →',
  mayHold: 'Gall y {kind, select, idea {syniad} other {sylw}} hwn gynnwys manylyn claf',
  itHeld: 'Roedd yn cynnwys {kinds}',
  alreadyShared:
    "Mae'n ymddangos ei fod yn cynnwys {kinds}, ac mae eisoes wedi'i rannu â'ch tîm. Byddai newid y geiriau yma yn eu gadael yn yr hanes sydd gan bob ffôn.",
  whyErase:
    'Pam rydych yn ei ddileu? (mae eich tîm yn gweld hwn, felly peidiwch ag ailadrodd y manylyn)',
  eraseEverywhere: 'Ei ddileu ym mhobman',
  askFacilitator:
    "Gofynnwch i hwylusydd ei ddileu ym mhobman: dim ond nhw all ei dynnu'n ôl o bob ffôn.",
};
