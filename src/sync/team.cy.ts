/** Pam na weithiodd dechrau tîm neu ymuno ag un. AWAITING REVIEW by a Welsh-speaking clinician (decision 0022). */
import type { Welsh } from '../i18n/index.ts';
import type { en } from './team.en.ts';

export const cy: Welsh<typeof en> = {
  offline:
    'Dim cysylltiad. Mae angen y rhyngrwyd unwaith i ymuno â thîm; gallwch ddal i gofnodi syniadau yn y cyfamser a byddant yn cael eu hanfon ar ôl i chi ymuno.',
  tooMany: 'Gormod o ymdrechion. Arhoswch {n, plural, other {# munud}} a rhowch gynnig arall arni.',
  tooLong: 'Mae hynny’n rhy hir.',
  hiddenCharacter:
    'Mae nod cudd yn {field, select, teamName {enw’r ward neu’r tîm} other {eich enw}} (nod anweledig, nod sy’n newid cyfeiriad neu nod rheoli, wedi’i gludo o rywle arall efallai). Teipiwch ef eto yn lle ei gludo.',
  codeShape:
    'Mae cod gwahodd yn 8 i 32 o lythrennau a rhifau. Gwiriwch y cod a rannodd eich hwylusydd a’i deipio eto.',
  serverProblem: 'Cafodd gweinydd y tîm broblem. Rhowch gynnig arall arni ymhen munud.',
};
