/**
 * The CSV tables as a person reads them in a spreadsheet (issue 17): headers
 * in the app's words, category names and statuses as shown, local times, and
 * for a huddle with hidden votes only each idea's total, never who gave what;
 * for a Welsh reader, all of it in Welsh (decision 0028).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, expect, it } from 'vitest';
import {
  boardTable,
  ideasTable,
  localTime,
  measuresTable,
  testsTable,
  votesTable,
} from '../../../src/db/exportTables.ts';
import { cy as exportCy } from '../../../src/db/exportTables.cy.ts';
import { GroundUpDb } from '../../../src/db/schema.ts';
import { setLanguageForTest } from '../../../src/i18n/index.ts';
import { cy as categoriesCy } from '../../../src/ui/categories.cy.ts';
import { cy as pdsaCy } from '../../../src/ui/screens/pdsa/pdsa.cy.ts';
import { cy as wordsCy } from '../../../src/ui/words.cy.ts';
import { cy as chartsCy } from '../../../src/domain/charts/charts.cy.ts';

afterEach(() => setLanguageForTest('en'));

const AT = Date.UTC(2026, 10, 30, 14, 5);

async function filledDb(): Promise<GroundUpDb> {
  const db = new GroundUpDb(`export-${Math.random()}`, {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
  const row = (id: string, fields: Record<string, unknown>) =>
    ({ id, teamId: 't', stamps: {}, ...fields }) as never;
  await db.ideas.bulkPut([
    row('i1', {
      title: 'Spare pumps',
      category: 'flow',
      status: 'testing',
      authorName: 'Asha',
      createdAt: AT,
    }),
    row('i2', {
      title: 'Quiet hour',
      category: 'wellbeing',
      status: 'new',
      anonymous: true,
      createdAt: AT,
    }),
  ]);
  await db.members.bulkPut([
    { id: 'm1', teamId: 't', displayName: 'Asha', role: 'facilitator' },
    { id: 'm2', teamId: 't', displayName: 'Ben', role: 'member' },
  ]);
  await db.huddles.bulkPut([
    row('open', { title: 'Open vote', hidden: false }),
    row('secret', { title: 'Hidden vote', hidden: true }),
  ]);
  const vote = (id: string, huddleId: string, ideaId: string, memberId: string, dots: number) =>
    row(id, { huddleId, ideaId, memberId, dots, proxy: false });
  await db.votes.bulkPut([
    vote('v1', 'open', 'i1', 'm1', 2),
    vote('v2', 'open', 'i1', 'm2', 1),
    vote('v3', 'secret', 'i1', 'm1', 2),
    vote('v4', 'secret', 'i1', 'm2', 1),
    vote('v5', 'secret', 'i2', 'm2', 2),
  ]);
  await db.pdsas.put(
    row('p1', {
      ideaId: 'i1',
      cycle: 1,
      taskWhat: 'Stock two pumps',
      asPlanned: true,
      act: 'adopt',
      createdAt: AT,
    }),
  );
  return db;
}

it('writes ideas with category names, statuses in words and local times', async () => {
  const t = await ideasTable(await filledDb());
  expect(t.header).toEqual([
    'Idea',
    'More detail',
    'Category',
    'Status',
    'Raised by',
    'Captured (local time)',
    'Id',
  ]);
  expect(t.rows).toContainEqual([
    'Spare pumps',
    undefined,
    'Flow and discharge',
    'Testing',
    'Asha',
    localTime(AT),
    'i1',
  ]);
  expect(t.rows).toContainEqual([
    'Quiet hour',
    undefined,
    'Staff wellbeing',
    'New',
    'Anonymous',
    localTime(AT),
    'i2',
  ]);
  expect(localTime(AT)).toMatch(/^2026-11-30 \d\d:05$/);
});

it('gives each voter’s dots for an open vote and only totals for a hidden one', async () => {
  const t = await votesTable(await filledDb());
  expect(t.header).toEqual(['Huddle', 'Idea', 'Voter', 'Dots']);
  const hidden = t.rows.filter((r) => r[0] === 'Hidden vote');
  expect(hidden).toEqual(
    expect.arrayContaining([
      ['Hidden vote', 'Spare pumps', 'Everyone (the votes were hidden)', 3],
      ['Hidden vote', 'Quiet hour', 'Everyone (the votes were hidden)', 2],
    ]),
  );
  expect(hidden).toHaveLength(2);
  expect(JSON.stringify(hidden)).not.toMatch(/Asha|Ben/);
  expect(t.rows.filter((r) => r[0] === 'Open vote')).toEqual(
    expect.arrayContaining([
      ['Open vote', 'Spare pumps', 'Asha', 2],
      ['Open vote', 'Spare pumps', 'Ben', 1],
    ]),
  );
});

it('heads the tests of change with the questions people answered, not field names', async () => {
  const t = await testsTable(await filledDb());
  expect(t.header).toContain('What will we do?');
  expect(t.header.join(' ')).not.toMatch(/taskWhat|predictionWhy|asPlanned/);
  const [row] = t.rows;
  expect(row).toContain('Stock two pumps');
  expect(row).toContain('Yes');
  expect(row).toContain('Adopt');
});

it('writes every file in Welsh for a Welsh reader: headings, statuses, questions and fixed words', async () => {
  const db = await filledDb();
  await db.measures.put({
    id: 'm1',
    teamId: 't',
    stamps: {},
    name: 'Anafiadau',
    type: 'outcome',
    direction: 'lower',
  } as never);
  await db.points.put({
    id: 'pt1',
    teamId: 't',
    stamps: {},
    measureId: 'm1',
    date: '2026-11-01',
    value: 3,
  } as never);
  setLanguageForTest('cy', {
    'db/exportTables': exportCy,
    'ui/categories': categoriesCy,
    'ui/screens/pdsa/pdsa': pdsaCy,
    'ui/words': wordsCy,
    'domain/charts/charts': chartsCy,
  });
  const ideas = await ideasTable(db);
  expect(ideas.header).toEqual([
    'Syniad',
    'Rhagor o fanylion',
    'Categori',
    'Statws',
    'Cynigiwyd gan',
    'Cofnodwyd (amser lleol)',
    'Id',
  ]);
  expect(ideas.rows).toContainEqual([
    'Quiet hour',
    undefined,
    categoriesCy.wellbeing,
    'Newydd',
    'Dienw',
    localTime(AT),
    'i2',
  ]);
  const votes = await votesTable(db);
  expect(votes.header).toEqual(['Cyfarfod byr', 'Syniad', 'Pleidleisiwr', 'Dotiau']);
  expect(votes.rows).toContainEqual([
    'Hidden vote',
    'Spare pumps',
    'Pawb (roedd y pleidleisiau’n gudd)',
    3,
  ]);
  const tests = await testsTable(db);
  expect(tests.header).toContain(pdsaCy.taskWhat);
  expect(tests.rows[0]).toEqual(expect.arrayContaining([pdsaCy.yes, pdsaCy.adopt]));
  const measures = await measuresTable(db);
  expect(measures.header.slice(0, 4)).toEqual(['Mesur', 'Math', 'Uned', 'Beth sy’n well']);
  expect(measures.rows[0]?.slice(0, 4)).toEqual(['Anafiadau', 'canlyniad', undefined, 'Is']);
  const board = await boardTable(db);
  expect(board.header[0]).toBe('mesur');
  expect(board.rows[0]?.slice(2, 4)).toEqual(['is', 'siart rhediad']);
  // Nothing English left in any heading.
  const headings = [ideas, votes, tests, measures, board].flatMap((t) => t.header).join(' | ');
  expect(headings).not.toMatch(/\b(the|of|from|by|is|what|latest|limits?)\b/i);
});
