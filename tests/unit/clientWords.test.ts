/**
 * Words the phone makes itself when a call or a write does not work (the
 * actions, the sync client, the notification client, the database's refusals)
 * come from catalogues, so a Welsh reader reads them in Welsh (issue 16,
 * decision 0022). Each is checked in both languages where a person meets it:
 * the outcome an action or a client call returns, not the catalogue itself.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguageForTest } from '../../src/i18n/index.ts';
import { cy as actionsCy } from '../../src/ui/actions/actions.cy.ts';
import { en as actionsEn } from '../../src/ui/actions/actions.en.ts';
import { cy as syncCy } from '../../src/sync/sync.cy.ts';
import { en as syncEn } from '../../src/sync/sync.en.ts';
import { cy as teamCy } from '../../src/sync/team.cy.ts';
import { en as teamEn } from '../../src/sync/team.en.ts';
import { cy as notifyCy } from '../../src/sync/notifyApi.cy.ts';
import { en as notifyEn } from '../../src/sync/notifyApi.en.ts';
import { createTeam, describeTeamFailure, joinTeam } from '../../src/sync/team.ts';
import type { Api } from '../../src/sync/api.ts';
import type { GroundUpDb } from '../../src/db/schema.ts';
import { INVITE_CODE_PROBLEM } from '../../src/domain/teamRequests.ts';
import { NAME_PROBLEMS } from '../../src/domain/schemaParts.ts';
import { pushKey } from '../../src/sync/notifyApi.ts';
import { describeWriteError, Refused } from '../../src/db/errors.ts';
import { refusalWords } from '../../src/ui/refusalWords.ts';
import { serverWords } from '../../src/ui/serverWords.ts';
import { cy as joiningCy } from '../../src/domain/joining.cy.ts';
import { joiningWords } from '../../src/domain/joining.en.ts';
import { nameTakenWords } from '../../src/domain/names.ts';

// An action runs against the page's database; the erase below fails before it touches it.
vi.mock('../../src/ui/reads/database.ts', () => ({
  database: () => Promise.resolve({ appDb: () => ({}) }),
}));
const { eraseMyName } = await import('../../src/ui/actions/teamData.ts');

const WELSH = {
  'ui/actions/actions': actionsCy,
  'sync/sync': syncCy,
  'sync/team': teamCy,
  'sync/notifyApi': notifyCy,
  'domain/joining': joiningCy,
};
const welsh = () => setLanguageForTest('cy', WELSH);

beforeEach(() => {
  // No signal: every request fails as a browser's fetch does offline.
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
});
afterEach(() => {
  vi.unstubAllGlobals();
  setLanguageForTest('en');
});

it('says an erase of one’s name needs a connection, in English and in Welsh', async () => {
  expect(await eraseMyName('token')).toEqual({
    kind: 'failed',
    message: 'This needs a connection. Nothing was changed.',
  });
  welsh();
  expect(await eraseMyName('token')).toEqual({
    kind: 'failed',
    message: actionsCy.needsConnection,
  });
  expect(actionsCy.needsConnection).not.toBe(actionsEn.needsConnection);
});

it('says why joining failed in the reader’s language, with the wait in minutes', () => {
  const offline = { kind: 'offline', message: 'Failed to fetch' } as const;
  const limited = { kind: 'rate-limited', message: 'x', retryAfterSeconds: 150 } as const;
  expect(describeTeamFailure(offline)).toBe(teamEn.offline);
  expect(describeTeamFailure(limited)).toBe('Too many attempts. Wait 3 minutes and try again.');
  expect(describeTeamFailure({ ...limited, retryAfterSeconds: 45 })).toBe(
    'Too many attempts. Wait 1 minute and try again.',
  );
  welsh();
  expect(describeTeamFailure(offline)).toBe(teamCy.offline);
  expect(describeTeamFailure(limited)).toBe(
    'Gormod o ymdrechion. Arhoswch 3 munud a rhowch gynnig arall arni.',
  );
});

describe('a name with a hidden character, or a code of the wrong shape', () => {
  const pasted = 'Asha\u200b';
  const reversed = 'Ward \u202e7';
  /** What the server answers such a request (its own check, server/http/input.ts). */
  const serverSays = (field: string, problem: string) =>
    ({ kind: 'bad-request', field, message: `${field} ${problem}` }) as const;

  it('is refused on the phone, before any request, with the words the server’s refusal gets', async () => {
    // Refused before the database or the network is touched.
    const db = {} as GroundUpDb;
    const api = { createTeam: vi.fn(), join: vi.fn() } as unknown as Api;
    const started = await createTeam(db, api, { teamName: reversed, displayName: 'Asha' }, 1);
    expect(started).toEqual(serverSays('teamName', NAME_PROBLEMS.invisible));
    const joined = await joinTeam(db, api, { inviteCode: 'K7M2', displayName: pasted }, 1);
    expect(joined).toEqual(serverSays('inviteCode', INVITE_CODE_PROBLEM));
    const named = await joinTeam(db, api, { inviteCode: 'K7M2Q9TX', displayName: pasted }, 1);
    expect(named).toEqual(serverSays('displayName', NAME_PROBLEMS.invisible));
    expect(api.createTeam).not.toHaveBeenCalled();
    expect(api.join).not.toHaveBeenCalled();
  });

  it('is said in words that name the field, in English and Welsh', () => {
    const name = serverSays('displayName', NAME_PROBLEMS.invisible);
    const team = serverSays('teamName', NAME_PROBLEMS.control);
    const code = serverSays('inviteCode', INVITE_CODE_PROBLEM);
    expect(describeTeamFailure(name)).toMatch(/^Your name has a hidden character in it/);
    expect(describeTeamFailure(team)).toMatch(/^The ward or team name has a hidden character/);
    expect(describeTeamFailure(code)).toBe(teamEn.codeShape);
    welsh();
    expect(describeTeamFailure(name)).toMatch(/^Mae nod cudd yn eich enw/);
    expect(describeTeamFailure(team)).toMatch(/^Mae nod cudd yn enw’r ward neu’r tîm/);
    expect(describeTeamFailure(code)).toBe(teamCy.codeShape);
    // Another field's problem is not taken for a name's: the server's words stay.
    const other = serverSays('previousToken', NAME_PROBLEMS.invisible);
    expect(describeTeamFailure(other)).toBe(other.message);
  });
});

it('says a notification setting needs a connection, in Welsh', async () => {
  expect(await pushKey('token')).toEqual({ kind: 'failed', message: notifyEn.noConnection });
  welsh();
  expect(await pushKey('token')).toEqual({ kind: 'failed', message: notifyCy.noConnection });
});

it('keeps a change too large to send as an English reason, said again in Welsh', () => {
  const refused = { reason: syncEn.tooLarge };
  expect(refusalWords(refused)).toBe(syncEn.tooLarge);
  welsh();
  expect(refusalWords(refused)).toBe(syncCy.tooLarge);
});

it('gives a write the phone refused in its own words, and any other failure the general ones', () => {
  expect(describeWriteError(new Refused('This change is no longer shared.'))).toEqual({
    kind: 'error',
    message: 'This change is no longer shared.',
  });
  expect(describeWriteError(new Error('internal detail')).message).not.toContain('internal');
});

it('says the server’s joining and sign-in refusals again in Welsh, the wire’s English unchanged', () => {
  // The server's sentences, word for word as phones in the wild have always read them.
  const required =
    'This team asks everyone to sign in with their work account before joining. Sign in, then join. Bank or agency staff without one: ask your facilitator.';
  expect(joiningWords('signInRequired')).toBe(required);
  const taken = nameTakenWords('Asha');
  expect(taken).toBe(
    'Someone in this team is already called “Asha”. Add something colleagues will recognise, such as an initial or your role (for example “Asha B” or “Asha (HCA)”).',
  );
  welsh();
  expect(joiningWords('signInRequired')).toBe(required);
  expect(serverWords(required)).toBe(joiningCy.signInRequired);
  expect(serverWords(taken)).toBe(joiningCy.nameTaken.replaceAll('{name}', 'Asha'));
  expect(describeTeamFailure({ kind: 'forbidden', message: required })).toBe(
    joiningCy.signInRequired,
  );
  // A sentence the phone does not know stays as the server wrote it.
  expect(serverWords('The server is having a quiet lie-down.')).toBe(
    'The server is having a quiet lie-down.',
  );
  setLanguageForTest('en');
  expect(serverWords(required)).toBe(required);
});
