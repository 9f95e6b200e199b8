/**
 * The server's refusals about the team (src/domain/teamAdmin.en.ts): the
 * server sends each in English word for word as before (phones in the wild
 * recognise them, decision 0027), and a Welsh reader's phone says each again
 * in Welsh with its values (src/ui/serverWords.ts).
 */
import { afterEach, expect, it } from 'vitest';
import { format, setLanguageForTest } from '../../src/i18n/index.ts';
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
