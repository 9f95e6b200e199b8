/**
 * Geiriau'r sgrin tîm. AWAITING REVIEW by a Welsh-speaking clinician
 * (decision 0022): translated by the developers, not yet checked. Terms as
 * listed in src/ui/screens/huddle/huddle.cy.ts.
 */
import type { Welsh } from '../../../i18n/index.ts';
import type { en } from './team.en.ts';

export const cy: Welsh<typeof en> = {
  yourTeam: 'Eich tîm',
  yourRole: 'Eich rôl',
  signInAgain: 'Mewngofnodwch eto',
  noLongerIn: 'Nid yw’r ffôn hwn wedi’i fewngofnodi i {team} mwyach.',
  allSafe: 'Mae popeth arno’n ddiogel.',
  joinToSend: 'Ymunwch eto â chod gwahodd i anfon yr hyn sy’n aros.',
  joinAgain: 'Ymuno eto',
  joinOrStart: 'Ymuno â thîm neu ddechrau un',
  reachTeam: 'Mae eich syniadau’n cyrraedd eich tîm unwaith y bydd y ffôn hwn ynddo.',
  needsOnce:
    'Mae angen cysylltiad unwaith i ymuno; tan hynny, mae syniadau’n aros yn ddiogel ar y ffôn hwn.',
  joinATeam: 'Ymuno â thîm',
  startATeam: 'Dechrau tîm',
  needsConnection: 'Mae angen cysylltiad ar gyfer hyn. Does dim wedi newid.',
  cancel: 'Canslo',
  noCopy: "Ni fyddai'r porwr hwn yn copïo'r ddolen. Dewiswch y ddolen uchod a'i chopïo.",
  boardOnline: "Mae dolenni'r bwrdd yn ymddangos yma pan fyddwch ar-lein.",
  boardWithdrawn:
    "Dolen y bwrdd wedi'i thynnu'n ôl. Bydd y teledu sy'n ei dangos yn stopio o fewn ychydig eiliadau.",
  boardCopied: "Dolen y bwrdd wedi'i chopïo.",
  boardHeading: 'Bwrdd ar gyfer teledu',
  boardIntro:
    "Rhowch fwrdd y cyfarfod byr ar deledu'r ward heb ei fewngofnodi i'r tîm: gwnewch ddolen bwrdd a'i hagor ym mhorwr y teledu. Mae'n dangos rhestr fer, amserydd a phleidleisiau'r cyfarfod byr presennol (mae pleidleisiau cudd yn aros yn gudd), yn diweddaru ei hun, ac ni all wneud dim arall.",
  boardOpen:
    'Agorwch y ddolen hon ar y teledu. Dim ond nawr y caiff ei dangos: gwnewch un newydd os byddwch yn ei cholli.',
  boardCopy: 'Copïo dolen y bwrdd',
  boardMake: 'Gwneud dolen bwrdd',
  boardInUse: 'Dolenni bwrdd sy’n cael eu defnyddio',
  boardAsk:
    "Tynnu'n ôl y ddolen bwrdd a wnaed {when}? Bydd y teledu sy'n ei dangos yn stopio ac yn dweud hynny. Gallwch wneud dolen newydd unrhyw bryd.",
  boardWithdrawLink: "Tynnu'r ddolen yn ôl",
  boardMade: 'Dolen bwrdd a wnaed {when}',
  withdraw: "Tynnu'n ôl",
  boardWithdrawWhich: 'y ddolen bwrdd a wnaed {when}',
  categoryMissing: 'Rhowch enw i gategori {i}',
  categoriesSaved: "Enwau'r categorïau wedi'u cadw.",
  categories: 'Categorïau',
  categoriesIntro:
    "Fel hwylusydd gallwch ailenwi'r categorïau y mae eich tîm yn ffeilio syniadau odanynt.",
  category: 'Categori {i}',
  saveCategories: "Cadw enwau'r categorïau",
  inviteHeading: 'Gwahodd eich tîm',
  inviteLater: 'Bydd y cod gwahodd yn ymddangos yma pan fydd y ffôn hwn ar-lein nesaf.',
  linkCopied: "Dolen wedi'i chopïo. Gludwch hi mewn neges i'ch tîm.",
  inviteIntro: "Mae cydweithwyr yn ymuno â'r cod hwn, neu drwy sganio'r cod QR â chamera eu ffôn.",
  inviteCode: 'Cod gwahodd',
  qrLabel: "Cod QR ar gyfer y ddolen i ymuno â'r tîm â'r cod {code}",
  joinLink: 'Dolen ymuno:',
  copyLink: "Copïo'r ddolen",
  qrFailed: "Ni ellid llunio'r cod QR. Rhannwch y cod neu'r ddolen yn lle hynny.",
  qrDrawing: "Yn llunio'r cod QR…",
  member: 'Aelod',
  facilitator: 'Hwylusydd',
  sponsor: 'Noddwr',
  members: 'Aelodau',
  loadingMembers: "Yn llwytho'r rhestr aelodau…",
  you: '(chi)',
  membersOffline:
    "Mae angen cysylltiad ar y rhestr aelodau. Mae popeth arall yma'n gweithio all-lein.",
  membersFailed: "Ni ellid llwytho'r rhestr aelodau: {why}",
  powersMember:
    'Byddant yn cofnodi syniadau, yn pleidleisio ac yn profi newidiadau, ac ni fyddant yn arwain y tîm mwyach.',
  powersFacilitator:
    'Byddant yn gallu cynnal cyfarfodydd byr, newid y cod gwahodd, tynnu pobl a newid rolau.',
  powersSponsor: "Byddant yn ateb ceisiadau'r tîm ac yn gallu symud syniadau ymlaen.",
  nowRole:
    'Mae {name} bellach yn {role, select, member {aelod} facilitator {hwylusydd} other {noddwr}}.',
  newCodeMade: "Cod gwahodd newydd wedi'i wneud. Nid yw'r hen god yn gweithio mwyach.",
  removed: "Tynnwyd {name} o'r tîm.",
  theMember: 'Yr aelod',
  whoCanJoin: 'Pwy all ymuno',
  askRotate: "Gwneud cod gwahodd newydd? Bydd y cod presennol a'r cod QR yn stopio gweithio.",
  askRole:
    'Gwneud {name} yn {role, select, member {aelod} facilitator {hwylusydd} other {noddwr}}? {powers} Gallwch ei newid yn ôl unrhyw bryd.',
  askRemove:
    "Tynnu {name} o'r tîm? Bydd eu ffôn yn cael ei allgofnodi. Ni chaiff dim a rannwyd ganddynt eisoes ei ddileu.",
  makeNewCode: 'Gwneud cod newydd',
  makeRole:
    'Gwneud {name} yn {role, select, member {aelod} facilitator {hwylusydd} other {noddwr}}',
  removeName: 'Tynnu {name}',
  makeNewInvite: 'Gwneud cod gwahodd newydd',
  roleOf: 'Rôl {name}',
  remove: 'Tynnu',
  signInWork: "Mewngofnodi â'ch cyfrif gwaith",
  howJoin: 'Sut mae pobl yn ymuno',
  noSignIn:
    "Gyda'r cod gwahodd. Nid yw mewngofnodi â chyfrif gwaith (NHSmail neu un eich ymddiriedolaeth neu fwrdd iechyd) wedi'i osod ar y gweinydd hwn; gall pwy bynnag sy'n rhedeg Ground Up i chi ei osod.",
  savedBankIn:
    "Wedi'i gadw. Mae staff yn mewngofnodi i ymuno; mae'r cod gwahodd ar ei ben ei hun yn dal i adael staff banc ac asiantaeth i mewn.",
  savedAllSignIn:
    "Wedi'i gadw. Nid yw'r cod gwahodd ar ei ben ei hun yn gadael neb i mewn mwyach: mae pawb yn mewngofnodi i ymuno.",
  savedCode: "Wedi'i gadw. Mae'r cod gwahodd ar ei ben ei hun yn gadael i bobl ymuno.",
  signedInCount: 'Ymunodd {signed} o {n, plural, other {# aelod}} wedi mewngofnodi â {provider}.',
  askSignIn: 'Gofyn i bawb fewngofnodi â {provider} i ymuno',
  askSignInHint:
    'Ni fydd y cod gwahodd ar ei ben ei hun yn gadael neb i mewn wedyn. Mae pobl sydd eisoes i mewn yn aros.',
  letBank: "Gadael i staff banc ac asiantaeth ymuno â'r cod gwahodd ar ei ben ei hun",
  saveHow: 'Cadw sut mae pobl yn ymuno',
  wrongDomain:
    "{who}Mae gweinydd y tîm hwn yn derbyn cyfrifon gwaith sy'n gorffen {allowed} yn unig. Mewngofnodwch eto â'ch cyfrif gwaith (os yw'n eich mewngofnodi'n syth fel yr un cyfrif, allgofnodwch o'r cyfrif hwnnw yn gyntaf). Staff banc neu asiantaeth heb un: gofynnwch i'ch hwylusydd a yw'r tîm yn gadael i chi ymuno â'r cod gwahodd ar ei ben ei hun.",
  signedInAs: 'Fe wnaethoch fewngofnodi fel {email}. ',
  or: ' neu ',
  yourOrg: 'eich sefydliad',
  signInFailed:
    'Ni orffennodd y mewngofnodi, felly nid ydych wedi ymuno. Does dim ar y ffôn hwn wedi newid. Ceisiwch fewngofnodi eto.',
  signInUnreachable:
    'Ni atebodd y gwasanaeth mewngofnodi. Does dim ar y ffôn hwn wedi newid. Ceisiwch eto ymhen ychydig funudau.',
  signInExpired:
    "Cymerodd y mewngofnodi hwnnw ormod o amser neu fe'i defnyddiwyd eisoes. Rhowch y cod gwahodd ac ymunwch eto; gofynnir i chi fewngofnodi.",
  nameHint:
    'Bydd eich tîm yn gweld yr enw hwn wrth eich syniadau, oni bai eich bod yn dewis bod yn ddienw.',
  teamName: "Enw'r ward neu'r tîm",
  teamNameMissing: "Rhowch enw eich ward neu'ch tîm",
  yourName: 'Eich enw',
  nameMissing: 'Rhowch eich enw',
  codeHint: 'Y cod a roddodd eich hwylusydd i chi, neu sganiwch eu cod QR.',
  codeMissing: 'Rhowch y cod gwahodd',
  startTeam: 'Dechrau tîm',
  joinTeam: "Ymuno â'r tîm",
  starting: 'Yn dechrau eich tîm…',
  joining: "Yn ymuno â'r tîm…",
  signInToJoin: 'Mewngofnodi i ymuno',
  signInWhy:
    "Mewngofnodwch â'ch cyfrif gwaith (NHSmail neu un eich ymddiriedolaeth neu fwrdd iechyd). Rydych yn dod yn ôl yma i ymuno, ac mae'r ffôn hwn yn dal i weithio all-lein fel o'r blaen.",
  deletedOn: 'Bydd y tîm hwn yn cael ei ddileu ar {date}',
  askedDelete: 'Gofynnodd hwylusydd iddo gael ei ddileu.',
  unused: 'Nid yw wedi cael ei ddefnyddio ers amser hir.',
  removedThen:
    "Bydd popeth ynddo'n cael ei dynnu o'r gweinydd bryd hynny: syniadau, cyfarfodydd byr, profion o newid a mesurau.",
  youCanKeep: 'Gallwch ei gadw tan hynny.',
  facilitatorCanKeep: 'Gall hwylusydd ei gadw.',
  keepTeam: "Cadw'r tîm",
  teamDownloaded: "Mae data'r tîm wedi'i lawrlwytho.",
  willDelete: 'Bydd y tîm yn cael ei ddileu ar {date}. Tan hynny gallwch ei gadw.',
  teamData: "Data'r tîm",
  teamDataIntro:
    "Lawrlwythwch bopeth y mae'r tîm wedi'i rannu (un ffeil), neu dilëwch y tîm a phopeth ynddo o'r gweinydd.",
  downloadTeam: "Lawrlwytho data'r tîm",
  deleteTeam: "Dileu'r tîm",
  typeName: "Teipiwch enw'r tîm, {name}, i'w ddileu",
  typeNameHint: 'Caiff y tîm ei dynnu ar ôl ychydig ddyddiau. Tan hynny gall hwylusydd ei gadw.',
  deleteName: 'Dileu {name}',
  yourDownloaded: "Mae eich data wedi'i lawrlwytho.",
  nameNow: 'Mae eich enw bellach yn darllen “{former}” ar bopeth a ysgrifennwyd gennych.',
  yourData: 'Eich data',
  yourDataIntro:
    'Lawrlwythwch bopeth y mae gweinydd y tîm yn ei gadw amdanoch, neu rhowch “{former}” yn lle eich enw ar bopeth a ysgrifennwyd gennych.',
  downloadYours: 'Lawrlwytho eich data',
  removeMyName: 'Tynnu fy enw',
  askErase:
    "Rhoi “{former}” yn lle eich enw ar bob syniad, sylw a chais a wnaethoch? Ni fydd eich tîm yn gweld pwy a'u hysgrifennodd mwyach. Ni ellir dadwneud hyn.",
};
