/**
 * An organisation set up through the API, as its teams' phones would send it
 * (issue 14): the organisation, a ward linked to it with an idea in test, and
 * that idea adopted and shared with a chart's points. For browser tests whose
 * phone then meets what other teams shared (organisation.test.ts, welsh.test.ts).
 */
import { uuidv7 } from 'uuidv7';
import { formatHlc } from '../../src/domain/hlc.ts';
import type { DeviceId } from '../../src/domain/ids.ts';
import type { OrgSession } from '../../src/domain/orgProtocol.ts';
import type { SessionResponse } from '../../src/domain/protocol.ts';
import { apiClient } from './app.ts';

export type SharedChange = {
  readonly title: string;
  readonly tried: string;
  readonly measureName: string;
  readonly unit: string;
  readonly points: readonly { readonly date: string; readonly value: number }[];
  readonly contact: string;
  /** The category's label as the sharing team names it (a default's English name, unrenamed). */
  readonly category?: string;
};

export function orgApp(baseUrl: () => string) {
  const api = apiClient(baseUrl);
  let counter = 0;
  const hlc = () =>
    formatHlc({ wall: Date.now(), counter: ++counter, node: '00000000000000aa' as DeviceId });
  /** One change to a record, as a phone's push carries it. */
  const m = (entity: string, entityId: string, fields: object) => ({
    id: uuidv7(),
    hlc: hlc(),
    entity,
    entityId,
    fields,
  });
  const push = (s: SessionResponse, mutations: unknown[]) =>
    api('POST', '/api/v1/sync/push', { teamId: s.team.id, mutations }, s.token);

  const createOrg = (orgName: string) =>
    api<OrgSession>('POST', '/api/v1/orgs', { orgName, displayName: 'Admin' });

  /** A team linked to the organisation by its code, with one idea in test. */
  async function ward(name: string, code: string, ideaTitle: string) {
    const s = await api<SessionResponse>('POST', '/api/v1/teams', {
      teamName: name,
      displayName: `Lead of ${name}`,
    });
    await api('POST', '/api/v1/team/org', { inviteCode: code }, s.token);
    const ideaId = uuidv7();
    await push(s, [
      m('idea', ideaId, {
        title: ideaTitle,
        category: 'flow',
        status: 'new',
        anonymous: false,
        createdAt: Date.now(),
        deleted: false,
      }),
      m('idea', ideaId, { status: 'testing' }),
    ]);
    return { s, ideaId };
  }

  /** The ward's idea adopted and shared with the organisation; the share's id. */
  async function shareAdopted(w: Awaited<ReturnType<typeof ward>>, change: SharedChange) {
    const shareId = uuidv7();
    await push(w.s, [
      m('idea', w.ideaId, { status: 'adopted' }),
      m('share', shareId, {
        ideaId: w.ideaId,
        title: change.title,
        tried: change.tried,
        measureName: change.measureName,
        unit: change.unit,
        direction: 'higher',
        points: JSON.stringify(change.points),
        contact: change.contact,
        ...(change.category === undefined ? {} : { category: change.category }),
        teamName: w.s.team.name,
        sharedBy: w.s.member.id,
        createdAt: Date.now(),
        withdrawn: false,
      }),
    ]);
    return shareId;
  }

  return { api, m, push, createOrg, ward, shareAdopted };
}
