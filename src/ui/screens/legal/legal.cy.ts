/**
 * Y tudalennau cyfreithiol. AWAITING REVIEW by a Welsh-speaking clinician
 * (decision 0022); the names of the regulations, the EHRC, EASS and the ICO
 * follow their own Welsh publications where known, and need checking too.
 */
import type { Welsh } from '../../../i18n/index.ts';
import type { en } from './legal.en.ts';

export const cy: Welsh<typeof en> = {
  toComplete: '[i’w gwblhau: {what}]',
  orgName: 'enw eich sefydliad',
  contactEmail: 'e-bost cyswllt',
  a11yHeading: 'Datganiad hygyrchedd ar gyfer Ground Up',
  a11yLede:
    'Mae’r datganiad hwn yn berthnasol i Ground Up, yr ap y mae timau wardiau yn ei ddefnyddio i gofnodi syniadau gwella, pleidleisio arnynt mewn cyfarfodydd byr, cynnal profion o newid a mesur y canlyniadau.',
  a11yRunBy:
    '{org} sy’n rhedeg Ground Up. Rydym am i gynifer o bobl â phosibl allu ei ddefnyddio. Er enghraifft, mae hynny’n golygu y dylech allu:',
  a11yColours:
    'newid lliwiau, lefelau cyferbyniad a ffontiau gan ddefnyddio gosodiadau’r porwr neu’r ddyfais',
  a11yZoom: 'chwyddo hyd at 400% heb i’r testun lifo oddi ar y sgrin',
  a11yKeyboard:
    'llywio’r rhan fwyaf o’r ap gan ddefnyddio bysellfwrdd neu feddalwedd adnabod lleferydd yn unig',
  a11yReader: 'gwrando ar y rhan fwyaf o’r ap gan ddefnyddio darllenydd sgrin',
  a11yHowHeading: 'Pa mor hygyrch yw’r ap hwn',
  a11yKnow: 'Rydym yn gwybod nad yw rhai rhannau o’r ap hwn yn gwbl hygyrch:',
  a11yTimer:
    'nid yw amserydd y cyfarfod byr yn cyhoeddi i ddefnyddwyr darllenydd sgrin pan fydd yr amser ar ben',
  a11yCharts:
    'lluniau yw siartiau rhediad: mae gan bob un deitl, ond dim ond fel geiriau yn nhabl y mesur ac yn adroddiad y bwrdd y rhestrir y pwyntiau a’r arwyddion arnynt',
  a11yPng: 'nid oes dewis arall testun i siart a lwythwyd i lawr fel delwedd PNG',
  a11yUntested:
    'nid yw’r ap wedi’i brofi eto gan bobl anabl, ar chwyddo 400%, gyda meddalwedd adnabod lleferydd na gyda phob darllenydd sgrin',
  a11yFeedbackHeading: 'Adborth a gwybodaeth gyswllt',
  a11yFeedback:
    'Os dewch o hyd i broblem, neu os oes angen rhywbeth yn yr ap hwn mewn fformat gwahanol arnoch, anfonwch e-bost at {email}. Dywedwch wrthym gyfeiriad gwe’r sgrin, beth roeddech yn ceisio ei wneud a’r ddyfais a’r dechnoleg gynorthwyol rydych yn eu defnyddio. Byddwn yn ystyried eich cais ac yn ymateb i chi o fewn 5 diwrnod gwaith.',
  a11yReportingHeading: 'Rhoi gwybod am broblemau hygyrchedd gyda’r ap hwn',
  a11yReporting:
    'Rydym bob amser yn ceisio gwella hygyrchedd yr ap hwn. Os dewch o hyd i unrhyw broblemau nad ydynt wedi’u rhestru ar y dudalen hon neu os credwch nad ydym yn bodloni’r gofynion hygyrchedd, cysylltwch â {email}.',
  a11yEnforcementHeading: 'Y drefn orfodi',
  a11yEnforcement:
    'Y Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC) sy’n gyfrifol am orfodi Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Chymwysiadau Symudol) (Rhif 2) 2018 (y ‘rheoliadau hygyrchedd’). Os nad ydych yn hapus â’r ffordd rydym yn ymateb i’ch cwyn, {link}. Yng Ngogledd Iwerddon, cysylltwch â Chomisiwn Cydraddoldeb Gogledd Iwerddon.',
  a11yEass: 'cysylltwch â’r Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS)',
  a11yTechHeading: 'Gwybodaeth dechnegol am hygyrchedd yr ap hwn',
  a11yCommitted:
    'Mae {org} wedi ymrwymo i wneud ei wefannau a’i apiau’n hygyrch, yn unol â’r rheoliadau hygyrchedd.',
  a11yComplianceHeading: 'Statws cydymffurfio',
  a11yCompliance:
    'Mae’r ap hwn yn cydymffurfio’n rhannol â safon AA {link}, oherwydd yr achosion o beidio â chydymffurfio a restrir isod.',
  a11yWcag: 'Canllawiau Hygyrchedd Cynnwys y We fersiwn 2.2',
  a11yNonAccessibleHeading: 'Cynnwys nad yw’n hygyrch',
  a11yNonComplianceHeading: 'Peidio â chydymffurfio â’r rheoliadau hygyrchedd',
  a11yTimerFails:
    'Pan fydd amserydd cyfarfod byr yn cyrraedd sero, mae “Mae’r amser ar ben” yn ymddangos ar y sgrin ond nid yw’n cael ei gyhoeddi. Rhaid i ddefnyddiwr darllenydd sgrin symud at yr amserydd i’w glywed. Mae hyn yn methu maen prawf llwyddiant 4.1.3 WCAG 2.2 (Negeseuon Statws).',
  a11yChartFails:
    'Caiff siart rhediad neu siart SPC ei lunio fel delwedd gyda theitl. Nid yw ei bwyntiau, ei ganolrif, ei derfynau na’r arwyddion a ganfu rheol yn cael eu disgrifio ar y siart ei hun: maent yn nhabl pwyntiau’r mesur ac yn adroddiad y bwrdd. Hyd nes y bydd gan bob siart ei grynodeb ei hun mewn geiriau wrth ei ochr, gall hyn fethu maen prawf llwyddiant 1.1.1 (Cynnwys nad yw’n Destun).',
  a11yPngFails:
    'Nid oes dewis arall testun y tu mewn i’r ffeil i siart a allforiwyd fel delwedd PNG ar gyfer papur bwrdd. Mae hyn yn methu maen prawf llwyddiant 1.1.1 (Cynnwys nad yw’n Destun) lle bynnag y defnyddir y ddelwedd. Defnyddiwch yr allforio CSV neu dabl adroddiad y bwrdd ochr yn ochr â hi.',
  a11yBurdenHeading: 'Baich anghymesur',
  a11yBurden: 'Nid ydym yn hawlio baich anghymesur ar gyfer unrhyw ran o’r ap hwn.',
  a11yScopeHeading: 'Cynnwys nad yw o fewn cwmpas y rheoliadau hygyrchedd',
  a11yScope:
    'Mae syniadau, sylwadau a mesurau y mae staff yn eu teipio yn gynnwys y mae’r tîm ei hun yn ei ysgrifennu.',
  a11yImprovingHeading: 'Beth rydym yn ei wneud i wella hygyrchedd',
  a11yImproving:
    'Caiff pob fersiwn ei gwirio gan brofion awtomatig sy’n rhedeg axe-core ar bob sgrin ac sy’n methu ar unrhyw dor-rheol. Rydym yn bwriadu cyhoeddi amserydd y cyfarfod byr, ychwanegu crynodeb mewn geiriau wrth ochr pob siart, a chael defnyddwyr anabl i brofi’r ap gyda thechnoleg gynorthwyol.',
  a11yPreparedHeading: 'Paratoi’r datganiad hygyrchedd hwn',
  a11yPrepared:
    'Paratowyd y datganiad hwn ar {date}. Profwyd yr ap gan wiriadau awtomatig (axe-core, rheolau A ac AA WCAG 2.2 ac arfer gorau) ar sgriniau cofnodi, syniadau, syniad, tîm, cyfarfod byr, mesur a siart ac ar y tudalennau hyn. Nid yw wedi’i archwilio eto gan arbenigwr na’i brofi gan ddefnyddwyr anabl.',
  a11yPreparedDate: 'y dyddiad y paratowyd y datganiad hwn',
  privacyHeading: 'Hysbysiad preifatrwydd',
  privacyLede:
    'Mae’r hysbysiad hwn yn dweud pa wybodaeth amdanoch y mae Ground Up yn ei chadw, pam, am ba hyd, a phwy i’w holi.',
  privacyTemplate:
    'Templed yw hwn. Mae’r sefydliad sy’n rhedeg y copi hwn o Ground Up yn cwblhau’r rhannau sydd wedi’u marcio “i’w gwblhau” ac yn ei wirio gyda’i dîm llywodraethu gwybodaeth.',
  privacyWhoHeading: 'Pwy sy’n gyfrifol am eich data',
  privacyWho: '{org} yw’r rheolydd data. Ei Swyddog Diogelu Data yw {dpo}.',
  privacyDpo: 'enw a manylion cyswllt y Swyddog Diogelu Data',
  privacyWhatHeading: 'Beth rydym yn ei gadw',
  privacyName:
    'Eich enw arddangos a’ch rôl yn y tîm (aelod, hwylusydd neu noddwr), a phryd y gwnaethoch ymuno neu pryd y cawsoch eich tynnu.',
  privacyWritten:
    'Yr hyn rydych chi a’ch tîm yn ei ysgrifennu: syniadau (oni bai i chi ddewis rhannu un yn ddienw, mae eich enw’n cael ei ddangos gydag ef), sylwadau, cyfarfodydd byr a phleidleisiau, profion o newid, mesurau a’u pwyntiau data, yr her 100 diwrnod a cheisiadau i’w noddwr.',
  privacySender:
    'Pa aelod a anfonodd bob newid, a phryd y cyrhaeddodd y gweinydd. Ni chaiff hyn byth ei ddangos i aelodau eraill, felly mae syniad dienw yn aros yn ddienw i’r tîm.',
  privacyKey:
    'Ôl bys (stwnsh SHA-256) o’r allwedd y mae eich ffôn yn ei defnyddio i fewngofnodi. Dim ond ar eich ffôn y cedwir yr allwedd ei hun.',
  privacyLog:
    'Mae log y gweinydd yn cadw, ar gyfer pob cais, ei ddull, ei lwybr, ei statws a faint o amser a gymerodd. Nid yw’n cadw eich enw, eich allwedd na chodau gwahodd.',
  privacyWorkAccount:
    'Os yw eich tîm yn gofyn i chi fewngofnodi gyda’ch cyfrif gwaith (NHSmail neu gyfrif eich ymddiriedolaeth), mae’r gweinydd hefyd yn cadw cyfeiriad e-bost a dynodydd y cyfrif hwnnw, ac allwedd wedi’i selio y mae’n ei defnyddio o bryd i’w gilydd i ofyn i’r gwasanaeth mewngofnodi a yw’r cyfrif yn dal yn weithredol. Caiff y rhain eu tynnu gyda’r tîm.',
  privacyNoPatients:
    'Fel arall nid yw Ground Up yn gofyn am eich cyfeiriad e-bost, eich rhif ffôn nac unrhyw wybodaeth am gleifion. Peidiwch byth â theipio manylion cleifion ynddo: mae’r ap yn eich rhybuddio os yw testun yn edrych fel rhif GIG, dyddiad geni neu god post.',
  privacyWhyHeading: 'Pam rydym yn ei gadw',
  privacyWhy:
    'I adael i’ch tîm gofnodi, pleidleisio ar, profi a mesur gwelliannau i’w waith, ac i ddangos pwy a awgrymodd ac a wnaeth beth fel y gall y tîm ddilyn i fyny. Ein sail gyfreithlon yw {basis}.',
  privacyBasis: 'sail gyfreithlon, er enghraifft erthygl 6(1)(e) GDPR y DU, tasg gyhoeddus',
  privacyHowLongHeading: 'Am ba hyd rydym yn ei gadw',
  privacyInactive:
    'Caiff tîm na ddefnyddiwyd am {days} diwrnod ei ddileu o’r gweinydd, gyda phopeth sydd ynddo. Caiff ei hwyluswyr eu rhybuddio yn yr ap yn gyntaf.',
  privacyDays: 'nifer y diwrnodau (TEAM_RETENTION_DAYS)',
  privacyDeleted:
    'Gall hwylusydd ddileu’r tîm ar unrhyw adeg. Caiff ei dynnu ar ôl cyfnod gras pan ellir canslo’r dileu; ar ôl hynny nid oes dim o’r tîm yn aros ar y gweinydd.',
  privacyOnPhone:
    'Mae’r hyn a gedwir ar eich ffôn yn aros yno nes i chi glirio data’r ap: gweler {link}.',
  privacyOnPhoneLink: 'beth mae’r ap hwn yn ei gadw ar eich ffôn',
  privacySeeHeading: 'Pwy all ei weld',
  privacySee:
    'Aelodau eich tîm, a’r bobl sy’n rhedeg y gweinydd ar ran {org}. Nid yw’n cael ei rannu ag unrhyw un arall, ac nid yw’n cael ei ddefnyddio ar gyfer hysbysebu na dadansoddeg.',
  privacyRightsHeading: 'Eich hawliau',
  privacyRights:
    'Gallwch lwytho i lawr bopeth y mae’r gweinydd yn ei gadw amdanoch, a gofyn i’ch enw gael ei dynnu oddi ar bopeth a ysgrifennoch (yna mae’n darllen “Cyn-aelod”). Gofynnwch i hwylusydd eich tîm, neu anfonwch e-bost at {email}. Gallwch hefyd gwyno i {link}.',
  privacyIco: 'Swyddfa’r Comisiynydd Gwybodaeth',
  deviceHeading: 'Beth mae’r ap hwn yn ei gadw ar eich ffôn',
  deviceLede:
    'Mae Ground Up yn gweithio heb signal, felly mae’n cadw gwaith eich tîm ar eich ffôn. Mae popeth y mae’n ei gadw yn gwbl angenrheidiol i hynny: nid yw’n gosod cwcis ac nid oes ganddo dracwyr, hysbysebion na dadansoddeg.',
  deviceDbHeading: 'Cronfa ddata’r ap (IndexedDB)',
  deviceDb:
    'Mae un gronfa ddata yn eich porwr, o’r enw “ground-up”, yn dal y tablau hyn. Dim ond yr ap hwn, ar y cyfeiriad gwe hwn, all eu darllen.',
  deviceCaption: 'Tablau yng nghronfa ddata’r ap',
  deviceTable: 'Tabl',
  deviceHolds: 'Beth mae’n ei ddal',
  deviceCacheHeading: 'Storfa’r gweithiwr gwasanaeth',
  deviceCache:
    'Mae gweithiwr gwasanaeth yn cadw copi o’r ap ei hun (ei dudalennau, ei sgriptiau, ei arddulliau a’i eiconau) yn storfa’r porwr, fel bod yr ap yn agor heb signal. Nid yw’n dal dim o’ch data. Mae fersiwn newydd yn disodli’r hen gopi pan fyddwch yn dewis “Ail-lwytho” yn y faner diweddaru.',
  deviceLanguageHeading: 'Eich iaith',
  deviceLanguage:
    'Os dewiswch English neu Cymraeg yn {link}, caiff y dewis hwnnw ei gadw yn storfa leol y porwr (un cofnod, {entry}), fel bod yr ap yn agor yn eich iaith cyn i ddim arall lwytho. Nid yw’n dweud dim amdanoch chi. Hyd nes y byddwch yn dewis, ni chedwir dim yno ac iaith y porwr sy’n penderfynu.',
  settings: 'Gosodiadau',
  deviceNotHeading: 'Beth nad yw’n ei gadw',
  deviceNoCookies: 'dim cwcis',
  deviceNoStorage: 'dim byd arall yn y storfa leol, a dim byd yn storfa’r sesiwn',
  deviceNoTrackers:
    'dim tracwyr, dadansoddeg na hysbysebion, a dim byd yn cael ei anfon at neb ond gweinydd eich tîm',
  deviceRemoveHeading: 'Sut i’w dynnu',
  deviceRemove:
    'Cliriwch ddata’r wefan hon yng ngosodiadau eich porwr, neu dadosodwch yr ap o’ch sgrin gartref. Bydd unrhyw beth sy’n dal i aros i’w anfon (gweler {link}) yn cael ei golli os gwnewch hynny, felly gwiriwch yn gyntaf fod popeth wedi’i gysoni.',
  ideas: 'Syniadau eich tîm, a pha rai ohonynt a gofnodwyd ar y ffôn hwn.',
  comments: 'Sylwadau ar syniadau.',
  teams: 'Enw a chategorïau eich tîm.',
  members: 'Aelodau eich tîm: enwau arddangos a rolau.',
  huddles: 'Cyfarfodydd byr: eu teitlau, eu hamseryddion, eu rhestrau byr a’u canlyniadau.',
  votes: 'Dotiau a roddwyd i syniadau mewn cyfarfodydd byr.',
  statusLog: 'Pob newid i statws syniad, ar gyfer ei hanes.',
  pdsas: 'Profion o newid (cylchoedd PDSA).',
  measures: 'Mesurau a sut maent wedi’u diffinio.',
  points: 'Pwyntiau data mesurau.',
  taps: 'Cyfrifon.',
  challenges: 'Yr her 100 diwrnod.',
  asks: 'Ceisiadau i noddwr yr her.',
  shares:
    'Newidiadau a rannodd timau eich sefydliad (beth wnaethon nhw roi cynnig arno a sut aeth hi).',
  takes: 'Pa dimau a fabwysiadodd newid a rannwyd.',
  outbox: 'Newidiadau a wnaed ar y ffôn hwn nad ydynt wedi cyrraedd y gweinydd eto.',
  rejected: 'Newidiadau a wrthododd y gweinydd, a ddangosir o dan “Angen sylw”.',
  ackedPushes:
    'Newidiadau a anfonodd y ffôn hwn ac a dderbyniodd y gweinydd, fel y gellir eu hanfon eto os caiff y gweinydd ei adfer o gopi wrth gefn.',
  serverEpochs: 'Pa gopi o’r gweinydd y siaradodd y ffôn hwn ag ef ddiwethaf.',
  inboxRead:
    'Pa eitemau “I chi” rydych wedi’u gweld ar y ffôn hwn (byth yn cael eu hanfon i unman).',
  meta: 'Rhif adnabod y ffôn hwn, ei gloc, eich mewngofnodi (rhif adnabod aelod ac allwedd), pa mor bell y mae wedi cysoni, a ofynnoch am storfa barhaol, a’ch iaith (fel bod hysbysiadau’n ei defnyddio).',
};
