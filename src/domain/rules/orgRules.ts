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
import { takeId } from '../takeId.ts';
import { isDefaultStamp } from '../hlc.ts';

export const judgeShare: Judge<'share'> = ({ actor, m, fields, existing, facts }) => {
  if (!mayLead(actor.role)) return no('not-lead', 'shareLead');
  if (facts.organisation() === null) return no('no-parent', 'notLinked');
  const svg = fields['chartSvg'];
  const problem = typeof svg === 'string' ? facts.chartProblem(svg) : null;
  if (problem !== null) return no('invalid', 'chartProblem', 'fields.chartSvg', { problem });
  if (existing.kind === 'own') {
    const winning = winningFields(fields, m.hlc, existing.state);
    return fixedChanged('share', winning, existing.state.fields);
  }
  const idea = facts.record('idea', String(fields['ideaId']));
  if (idea.kind !== 'own') return no('no-parent', 'shareNoIdea', 'fields.ideaId');
  const status = idea.state.fields['status'];
  if (status !== 'adopted' && status !== 'adapted')
    return no('invalid', 'shareAdopted', 'fields.ideaId');
  if (fields['withdrawn'] !== false) return no('invalid', 'shareWithdrawn', 'fields.withdrawn');
  return onlyYou(actor, fields, 'sharedBy', 'sharedBy');
};

export const judgeTake: Judge<'take'> = ({ actor, m, fields, existing, facts }) => {
  if (facts.organisation() === null) return no('no-parent', 'notLinked');
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
  if (fields['takenBy'] !== actor.teamId) return no('not-you', 'takenBy', 'fields.takenBy');
  const shareId = String(fields['shareId']);
  if (m.entityId !== takeId(shareId, actor.teamId)) return no('derived-id', 'takeId', 'entityId');
  if (facts.record('share', shareId).kind === 'own')
    return no('invalid', 'takeOwn', 'fields.shareId');
  const share = facts.orgShare(shareId);
  if (share === null || share.withdrawn) return no('no-parent', 'takeGone', 'fields.shareId');
  return OK satisfies Verdict;
};
