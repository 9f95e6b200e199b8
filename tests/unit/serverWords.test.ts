/**
 * The server's refusals about the team (src/domain/teamAdmin.en.ts): the
 * server sends each in English word for word as before (phones in the wild
 * recognise them, decision 0027), and a Welsh reader's phone says each again
 * in Welsh with its values (src/ui/serverWords.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { format, fromServer, setLanguageForTest } from '../../src/i18n/index.ts';
import {
  en as troubleEn,
  serverTroubleWords,
  waitValues,
} from '../../src/domain/serverTrouble.en.ts';
import { cy as troubleCy } from '../../src/domain/serverTrouble.cy.ts';
import { en as orgEn, orgAdminWords } from '../../src/domain/orgAdmin.en.ts';
import { cy as orgCy } from '../../src/domain/orgAdmin.cy.ts';
import { en, teamAdminWords } from '../../src/domain/teamAdmin.en.ts';
import { cy } from '../../src/domain/teamAdmin.cy.ts';
import { joiningWords } from '../../src/domain/joining.en.ts';
import { cy as joiningCy } from '../../src/domain/joining.cy.ts';
import { serverWords } from '../../src/ui/serverWords.ts';

const welsh = () =>
  setLanguageForTest('cy', { 'domain/teamAdmin': cy, 'domain/joining': joiningCy });
afterEach(() => setLanguageForTest('en'));

/** Values a server sends: a team's name, the most board links, either kind of post. */
const SENT = [
  { name: 'Ward 7 {days}', max: '5', entity: 'idea' },
  { name: 'Cardiff ICU', max: '5', entity: 'comment' },
];

it('keeps the English the server sends word for word', () => {
  expect(teamAdminWords('facilitatorInvite')).toBe(
    'Only a facilitator can change the invite code.',
  );
  expect(teamAdminWords('facilitatorRole')).toBe("Only a facilitator can change someone's role.");
  expect(teamAdminWords('facilitatorJoining')).toBe(
    'Only a facilitator can change how people join.',
  );
  expect(teamAdminWords('facilitatorDownload')).toBe(
    "Only a facilitator can download the team's data.",
  );
  expect(teamAdminWords('confirmTeamName', { name: 'Ward 7' })).toBe(
    'To delete the team, type its name exactly as it is shown: Ward 7.',
  );
  expect(teamAdminWords('boardLinksFull', { max: '5' })).toBe(
    'Your team already has 5 board links. Withdraw one that is no longer used, then make a new one.',
  );
  expect(teamAdminWords('noSuchPost', { entity: 'comment' })).toBe(
    'Your team has no such comment on the server. If it was never synced, delete it on the phone that holds it.',
  );
  expect(teamAdminWords('noSuchPost', { entity: 'idea' })).toBe(
    'Your team has no such idea on the server. If it was never synced, delete it on the phone that holds it.',
  );
  expect(teamAdminWords('pushAddressRefused')).toBe(
    'This browser gave a push address the server will not send to (it must start https://). Notifications stay off; "For you" still shows everything.',
  );
  // The same in Welsh mode: the wire is always English.
  welsh();
  expect(teamAdminWords('facilitatorErase')).toBe(
    'Only a facilitator can erase words everywhere. Ask your team’s facilitator.',
  );
});

it.each(Object.keys(en) as (keyof typeof en)[])(
  'says the server’s “%s” again in Welsh, with its values',
  (key) => {
    for (const values of SENT) {
      const english = teamAdminWords(key, values);
      welsh();
      const said = serverWords(english);
      const kind = values.entity === 'idea' ? 'idea' : 'other';
      expect(said).toBe(format(cy[key], { ...values, entity: kind }));
      expect(said).not.toBe(english);
      setLanguageForTest('en');
      expect(serverWords(english)).toBe(english);
    }
  },
);

it('puts a team’s name and a post’s kind into the Welsh sentence', () => {
  welsh();
  expect(serverWords(teamAdminWords('confirmTeamName', { name: 'Ward 7' }))).toBe(
    'I ddileu’r tîm, teipiwch ei enw yn union fel y caiff ei ddangos: Ward 7.',
  );
  expect(serverWords(teamAdminWords('noSuchPost', { entity: 'comment' }))).toContain(
    'Nid oes sylw o’r fath',
  );
  expect(serverWords(teamAdminWords('noSuchPost', { entity: 'idea' }))).toContain(
    'Nid oes syniad o’r fath',
  );
});

it('still says the joining refusals in Welsh, and leaves a sentence it does not know as sent', () => {
  welsh();
  expect(serverWords(joiningWords('noTeamForCode'))).toBe(joiningCy.noTeamForCode);
  const unknown = 'Only a facilitator can paint the ward.';
  expect(serverWords(unknown)).toBe(unknown);
});

describe('the server’s words when it holds a phone back (domain/serverTrouble)', () => {
  /** The words for a wait as the server wrote them before the catalogue: its English may not change. */
  const before = (seconds: number) =>
    seconds === 1
      ? '1 second'
      : seconds < 90
        ? `${seconds} seconds`
        : seconds < 90 * 60
          ? `${Math.ceil(seconds / 60)} minutes`
          : `${Math.ceil(seconds / 3600)} hours`;
  const WAITS = [1, 2, 45, 89, 90, 179, 600, 5399, 5400, 86_400];
  const troubleWelsh = () => setLanguageForTest('cy', { 'domain/serverTrouble': troubleCy });

  it.each(WAITS)('keeps the English of a wait of %i seconds word for word', (seconds) => {
    expect(serverTroubleWords('tooManySignIns', waitValues(seconds))).toBe(
      `Too many sign-ins have been started from your network in the last few minutes. Wait ${before(seconds)}, then sign in again; nothing on this phone has changed. If this keeps happening, tell whoever runs Ground Up for your trust.`,
    );
    expect(serverTroubleWords('records', { max: '1,000', ...waitValues(seconds) })).toBe(
      `You have saved more than 1,000 changes today, the most one person may in a day. Nothing is lost: your changes wait on your phone, which sends them by itself in ${before(seconds)}.`,
    );
  });

  it.each(WAITS)('says a wait of %i seconds again in Welsh, with the number', (seconds) => {
    const { unit, count } = waitValues(seconds);
    const english = serverTroubleWords('pulls', { max: '120', unit, count });
    troubleWelsh();
    const said = serverWords(english);
    const welshUnit = { second: 'eiliad', minute: 'munud', hour: 'awr' }[unit];
    expect(said).toBe(
      `Mae’r ffôn hwn yn gofyn am newidiadau’r tîm fwy na 120 gwaith y funud. Bydd yn gofyn eto ymhen ${count} ${welshUnit}.`,
    );
  });

  it.each(Object.keys(troubleEn) as (keyof typeof troubleEn)[])(
    'says the server’s “%s” again in Welsh',
    (key) => {
      const values = { size: '1.5 MB', max: '1,000', ...waitValues(600), count: 10 };
      const english = serverTroubleWords(key, values);
      troubleWelsh();
      const said = serverWords(english);
      expect(said).toBe(format(troubleCy[key], values));
      expect(said).not.toBe(english);
      setLanguageForTest('en');
      expect(serverWords(english)).toBe(english);
    },
  );

  it('says a single minute in the singular, where the server once wrote “1 minutes”', () => {
    expect(serverTroubleWords('tooManyAttempts', { count: 1 })).toBe(
      'Too many attempts from this device. Try again in 1 minute.',
    );
    expect(serverTroubleWords('tooManyAttempts', { count: 10 })).toBe(
      'Too many attempts from this device. Try again in 10 minutes.',
    );
  });

  it('leaves words it does not know as the server wrote them, a near miss included', () => {
    troubleWelsh();
    const sent = serverTroubleWords('pulls', { max: '120', ...waitValues(600) });
    expect(serverWords(sent)).not.toBe(sent);
    // The same sentence with a wait in words the catalogue has no case for.
    const near = sent.replace('10 minutes', 'soon');
    expect(near).not.toBe(sent);
    expect(serverWords(near)).toBe(near);
    // A number where the catalogue has none, or a unit it does not have.
    const odd = serverTroubleWords('pulls', { max: '120', unit: 'second', count: 5 }).replace(
      '5 seconds',
      '5 fortnights',
    );
    expect(serverWords(odd)).toBe(odd);
  });

  it('is what the capture screen’s sync bar shows, once the Welsh words are loaded', () => {
    const english = serverTroubleWords('diskFull');
    expect(fromServer(english)).toBe(english);
    setLanguageForTest('cy', { 'domain/serverTrouble': troubleCy }, serverWords);
    expect(fromServer(english)).toBe(troubleCy.diskFull);
  });
});

describe('the server’s words about organisations (domain/orgAdmin)', () => {
  it('keeps the English the server sends word for word', () => {
    expect(orgAdminWords('facilitatorLink')).toBe(
      'Only a facilitator can link the team to an organisation.',
    );
    expect(orgAdminWords('facilitatorUnlink')).toBe(
      'Only a facilitator can unlink the team from its organisation.',
    );
    expect(orgAdminWords('alreadyLinked', { org: 'North Trust' })).toBe(
      'Your team is already linked to North Trust. Unlink it first to link it to another organisation.',
    );
    expect(orgAdminWords('noOrgForCode')).toBe(
      'No organisation has that code. Check it with the organisation’s admin.',
    );
    expect(teamAdminWords('notMemberDevice')).toBe('This device is not a member of that team.');
  });

  it.each(Object.keys(orgEn) as (keyof typeof orgEn)[])(
    'says the server’s “%s” again in Welsh',
    (key) => {
      const english = orgAdminWords(key, { org: 'Ysbyty {Gwynedd}' });
      setLanguageForTest('cy', { 'domain/orgAdmin': orgCy });
      const said = serverWords(english);
      expect(said).toBe(format(orgCy[key], { org: 'Ysbyty {Gwynedd}' }));
      expect(said).not.toBe(english);
    },
  );
});
