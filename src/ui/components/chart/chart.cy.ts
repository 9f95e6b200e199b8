/**
 * Geiriau'r siart. AWAITING REVIEW by a Welsh-speaking clinician (decision
 * 0022): translated by the developers, not yet checked. Terms as listed in
 * src/ui/screens/huddle/huddle.cy.ts.
 */
import type { Welsh } from '../../../i18n/index.ts';
import type { en } from './chart.en.ts';

export const cy: Welsh<typeof en> = {
  baselineFixed: "Llinell sylfaen ({n} pwynt, wedi'i phennu)",
  rebased: 'Ailsylfaenwyd',
  median: 'Canolrif {value}',
  upper: 'Terfyn uchaf {value}',
  mean: 'Cymedr {value}',
  lower: 'Terfyn isaf {value}',
  target: 'Targed {value}',
  pdsa: 'PDSA {n}',
  variation: 'Amrywiad: {words}',
  assurance: 'Sicrwydd: {words}',
};
