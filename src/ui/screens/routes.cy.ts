/** AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../../i18n/index.ts';
import type { en } from './routes.en.ts';

export const cy: Welsh<typeof en> = {
  notFound: "Heb ddod o hyd i'r dudalen",
  checkAddress: "Os teipioch chi'r cyfeiriad gwe, gwiriwch ei fod yn gywir.",
  capture: 'Cofnodi syniad',
};
