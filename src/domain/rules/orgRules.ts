/**
 * Who may write the organisation's records (decision 0021). A shared change
 * belongs to the team that shared it: only its facilitators and sponsors may
 * share an adopted or adapted idea, edit or withdraw it. A take-up names the
 * taking team (its id derives from the share and that team) and needs a share
 * still open in the team's organisation that another team made.
 */
import { mayLead, no, OK, type Verdict } from './verdict.ts';
import { fixedChanged, onlyYou, winningFields } from './common.ts';
import type { Judge } from './facts.ts';
import { takeId } from '../spread.ts';
import { isDefaultStamp } from '../hlc.ts';

const NOT_LINKED =
  'Your team is not linked to an organisation. A facilitator links it on the Team screen with the organisation’s code.';

export const judgeShare: Judge<'share'> = ({ actor, m, fields, existing, facts }) => {
  if (!mayLead(actor.role))
    return no(
      'not-lead',
      'Only a facilitator or the sponsor can share a change with the organisation',
    );
  if (facts.organisation() === null) return no('no-parent', NOT_LINKED);
  const svg = fields['chartSvg'];
  const problem = typeof svg === 'string' ? facts.chartProblem(svg) : null;
  if (problem !== null) return no('invalid', problem, 'fields.chartSvg');
  if (existing.kind === 'own') {
    const winning = winningFields(fields, m.hlc, existing.state);
    return fixedChanged('share', winning, existing.state.fields);
  }
  const idea = facts.record('idea', String(fields['ideaId']));
  if (idea.kind !== 'own')
    return no('no-parent', 'This shares an idea your team does not have', 'fields.ideaId');
  const status = idea.state.fields['status'];
  if (status !== 'adopted' && status !== 'adapted')
    return no(
      'invalid',
      'Only a change your team adopted or adapted can be shared: finish its test of change first',
      'fields.ideaId',
    );
  if (fields['withdrawn'] !== false)
    return no('invalid', 'A change cannot be withdrawn as it is shared', 'fields.withdrawn');
  return onlyYou(actor, fields, 'sharedBy', 'A shared change can only name you as who shared it');
};

export const judgeTake: Judge<'take'> = ({ actor, m, fields, existing, facts }) => {
  if (facts.organisation() === null) return no('no-parent', NOT_LINKED);
  if (existing.kind === 'own') {
    const won = winningFields(fields, m.hlc, existing.state);
    // Two phones of the team taking the same change up offline write one record
    // (its id derives from share and team): the second creation, default-stamped,
    // differs only in when it was made, and may win that by its device's id.
    const recreated = isDefaultStamp(m.hlc) && fields['deleted'] !== true;
    const winning = recreated
      ? Object.fromEntries(Object.entries(won).filter(([k]) => k !== 'createdAt'))
      : won;
    return fixedChanged('take', winning, existing.state.fields);
  }
  if (fields['takenBy'] !== actor.teamId)
    return no('not-you', 'A take-up can only name your own team', 'fields.takenBy');
  const shareId = String(fields['shareId']);
  if (m.entityId !== takeId(shareId, actor.teamId))
    return no('derived-id', 'A take-up’s id must be derived from its share and team', 'entityId');
  if (facts.record('share', shareId).kind === 'own')
    return no('invalid', 'Your own team shared this change', 'fields.shareId');
  const share = facts.orgShare(shareId);
  if (share === null || share.withdrawn)
    return no(
      'no-parent',
      'This change is no longer shared in your organisation: it was withdrawn',
      'fields.shareId',
    );
  return OK satisfies Verdict;
};
