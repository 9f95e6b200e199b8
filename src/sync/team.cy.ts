/** Pam na weithiodd dechrau tîm neu ymuno ag un. AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../i18n/index.ts';
import type { en } from './team.en.ts';

export const cy: Welsh<typeof en> = {
  offline:
    'Dim cysylltiad. Mae angen y rhyngrwyd unwaith i ymuno â thîm; gallwch ddal i gofnodi syniadau yn y cyfamser a byddant yn cael eu hanfon ar ôl i chi ymuno.',
  tooMany: 'Gormod o ymdrechion. Arhoswch {n} munud a rhowch gynnig arall arni.',
  tooLong: 'Mae hynny’n rhy hir.',
  serverProblem: 'Cafodd gweinydd y tîm broblem. Rhowch gynnig arall arni ymhen munud.',
};
