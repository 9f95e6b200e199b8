/** Geiriau’r gweinydd pan wrthodir newid i’r tîm. AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../i18n/index.ts';
import type { en } from './teamAdmin.en.ts';

export const cy: Welsh<typeof en> = {
  facilitatorInvite: 'Dim ond hwylusydd all newid y cod gwahodd.',
  facilitatorRemove: 'Dim ond hwylusydd all dynnu rhywun o’r tîm.',
  facilitatorRole: 'Dim ond hwylusydd all newid rôl rhywun.',
  facilitatorBoardLink: 'Dim ond hwylusydd all wneud dolen bwrdd neu ei thynnu’n ôl.',
  facilitatorJoining: 'Dim ond hwylusydd all newid sut mae pobl yn ymuno.',
  facilitatorDownload: 'Dim ond hwylusydd all lawrlwytho data’r tîm.',
  facilitatorDelete: 'Dim ond hwylusydd all ddileu’r tîm.',
  facilitatorKeep: 'Dim ond hwylusydd all gadw’r tîm.',
  facilitatorErase:
    'Dim ond hwylusydd all ddileu geiriau ym mhobman. Gofynnwch i hwylusydd eich tîm.',
  facilitatorNotifications:
    'Dim ond hwylusydd all ddewis beth mae hysbysiadau’n ei ddweud. Gofynnwch i’ch hwylusydd.',
  facilitatorWeeklyEmail: 'Dim ond hwylusydd all droi’r e-bost wythnosol ymlaen neu i ffwrdd.',
  notMemberDevice: 'Nid yw’r ddyfais hon yn aelod o’r tîm hwnnw.',
  teamGone: 'Nid yw’r tîm hwn yn bodoli mwyach.',
  noSuchMember: 'Nid oes aelod o’r fath yn eich tîm.',
  removeSelf: 'Ni allwch eich tynnu eich hun o’r tîm. Gofynnwch i hwylusydd arall wneud hynny.',
  ownRole: 'Ni allwch newid eich rôl eich hun. Gofynnwch i hwylusydd arall wneud hynny.',
  noLongerMember: 'Nid ydych yn aelod o’r tîm hwn mwyach.',
  confirmTeamName: 'I ddileu’r tîm, teipiwch ei enw yn union fel y caiff ei ddangos: {name}.',
  boardLinkWithdrawn:
    'Mae hwylusydd wedi tynnu’r ddolen bwrdd hon yn ôl. Gofynnwch i hwylusydd wneud dolen bwrdd newydd ar sgrin y Tîm, yna agorwch hi ar y sgrin hon.',
  boardLinkUnknown:
    'Nid yw’r gweinydd yn adnabod y ddolen bwrdd hon. Gwiriwch fod y ddolen gyfan wedi’i chopïo, neu gofynnwch i hwylusydd am un newydd ar sgrin y Tîm.',
  boardLinksFull:
    'Mae gan eich tîm {max} dolen bwrdd eisoes. Tynnwch yn ôl un nad yw’n cael ei defnyddio mwyach, yna gwnewch un newydd.',
  noSuchBoardLink: 'Nid oes dolen bwrdd o’r fath gan eich tîm.',
  noSuchPost:
    'Nid oes {entity, select, idea {syniad} other {sylw}} o’r fath gan eich tîm ar y gweinydd. Os na chafodd ei gysoni erioed, dilëwch ef ar y ffôn sy’n ei gadw.',
  pushAddressRefused:
    'Rhoddodd y porwr hwn gyfeiriad gwthio na fydd y gweinydd yn anfon ato (rhaid iddo ddechrau https://). Mae hysbysiadau’n aros i ffwrdd; mae “I chi” yn dal i ddangos popeth.',
};
