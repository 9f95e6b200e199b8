/** Geiriau’r gweinydd pan fydd yn dal ffôn yn ôl. AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../i18n/index.ts';
import type { en } from './serverTrouble.en.ts';

/** Aros: ar ôl rhif, mae’r enw’n unigol yn Gymraeg ("3 munud", "2 awr"). */
const WAIT =
  '{unit, select, second {{count, plural, other {# eiliad}}} minute {{count, plural, other {# munud}}} other {{count, plural, other {# awr}}}}';
const SAFE =
  'Does dim wedi’i golli: mae eich newidiadau’n aros ar eich ffôn, a fydd yn eu hanfon ei hun';

export const cy: Welsh<typeof en> = {
  pushBytes: `Rydych wedi anfon mwy na {size} o newidiadau mewn awr, y mwyaf y caiff un person. ${SAFE} ymhen ${WAIT}.`,
  records: `Rydych wedi cadw mwy na {max} o newidiadau heddiw, y mwyaf y caiff un person mewn diwrnod. ${SAFE} ymhen ${WAIT}.`,
  pulls: `Mae’r ffôn hwn yn gofyn am newidiadau’r tîm fwy na {max} gwaith y funud. Bydd yn gofyn eto ymhen ${WAIT}.`,
  streams:
    'Mae gennych {max} cysylltiad byw ar agor yn barod (tabiau neu ddyfeisiau eraill). Mae’r un hwn yn dangos newidiadau bob ychydig eiliadau yn lle hynny; caewch dab nad ydych yn ei ddefnyddio i’w wneud yn fyw eto.',
  tooManySignIns: `Mae gormod o fewngofnodi wedi’u dechrau o’ch rhwydwaith yn yr ychydig funudau diwethaf. Arhoswch ${WAIT}, yna mewngofnodwch eto; does dim wedi newid ar y ffôn hwn. Os yw hyn yn dal i ddigwydd, dywedwch wrth bwy bynnag sy’n rhedeg Ground Up i’ch ymddiriedolaeth.`,
  tooManyAttempts:
    'Gormod o ymdrechion o’r ddyfais hon. Rhowch gynnig arall arni ymhen {count, plural, other {# munud}}.',
  databaseAway:
    'Ni all y gweinydd gyrraedd ei gronfa ddata ar hyn o bryd. Mae popeth a gadwoch yn dal ar eich dyfais a bydd yn cael ei anfon pan fydd yn ôl; does dim angen i chi wneud dim.',
  diskFull:
    'Mae lle storio’r gweinydd wedi llenwi, felly ni all dderbyn eich newidiadau ar hyn o bryd. Maen nhw’n ddiogel ar eich dyfais a byddant yn cael eu hanfon pan fydd lle’n cael ei ryddhau; gallwch ddal ati i weithio.',
  serverError:
    'Aeth rhywbeth o’i le ar y gweinydd. Mae unrhyw beth a gadwoch yn dal ar eich dyfais; rhowch gynnig arall arni ymhen munud.',
  restored:
    'Cafodd y gweinydd hwn ei adfer o gopi wrth gefn ers i’ch ffôn gysoni ddiwethaf, felly nid yw wedi derbyn yr un o’r newidiadau hyn eto. Bydd eich ffôn yn anfon eto yr hyn a gollodd y copi wrth gefn, ac yna’r rhain, ei hun; does dim angen i chi wneud dim.',
};
