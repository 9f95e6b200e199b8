/**
 * What a person does on a simulated phone, chosen at random from the device's
 * seeded stream: share an idea, edit one, change its status, delete it,
 * comment, delete their own comment. Each goes through the real one-
 * transaction writes in src/db. (Votes do not exist yet, so there are none.)
 */
import { getSession } from '../../src/db/session.ts';
import type { WriteResult } from '../../src/db/errors.ts';
import { addComment, captureIdea, deleteComment, editIdea } from '../../src/db/writes.ts';
import type { CommentId, IdeaId } from '../../src/domain/ids.ts';
import { DEFAULT_CATEGORIES, IDEA_STATUSES } from '../../src/domain/records.ts';
import type { Device } from './device.ts';

export const OPS = [
  'capture',
  'edit',
  'status',
  'delete-idea',
  'comment',
  'delete-comment',
] as const;
export type OpName = (typeof OPS)[number];

const TITLES = [
  'Drugs fridge key on a lanyard',
  'Discharge checklist at 10',
  'Label IV lines at the pump',
  'Spare obs machine for bay 3',
  'Water jugs filled at 2pm',
  'Quiet hours after 10pm',
  'Handover at the bedside',
  'Pressure area chart by the bed',
];
const WORDS = ['ask', 'the', 'matron', 'night', 'shift', 'bay', 'tray', 'rota', 'é', '—', '👍'];
const CATEGORIES = DEFAULT_CATEGORIES.map((c) => c.id);

const WEIGHTS: Readonly<Record<OpName, number>> = {
  capture: 30,
  edit: 15,
  status: 15,
  'delete-idea': 5,
  comment: 25,
  'delete-comment': 10,
};

function words(d: Device, n: number): string {
  return Array.from({ length: n }, () => d.random.pick(WORDS)).join(' ');
}

function weighted(d: Device): OpName {
  const total = OPS.reduce((sum, op) => sum + WEIGHTS[op], 0);
  let roll = d.random.next() * total;
  for (const op of OPS) {
    roll -= WEIGHTS[op];
    if (roll < 0) return op;
  }
  return 'capture';
}

/** One operation; null when there was nothing to do it to (no idea yet). */
export async function randomOp(
  d: Device,
  now: number,
): Promise<{ op: OpName; result: WriteResult<{ id: string }> } | null> {
  const op = weighted(d);
  const ideas = (await d.db.ideas.toArray()).filter((i) => typeof i.title === 'string');
  const idea = ideas.length > 0 ? (d.random.pick(ideas).id as IdeaId) : null;
  switch (op) {
    case 'capture': {
      const title = `${d.random.pick(TITLES)} ${d.random.int(1, 999)}`;
      const input = {
        title,
        detail: d.random.chance(0.5) ? words(d, d.random.int(1, 12)) : '',
        category: d.random.pick(CATEGORIES),
        anonymous: d.random.chance(0.2),
      };
      return { op, result: await captureIdea(d.db, input, now) };
    }
    case 'edit': {
      if (!idea) return null;
      const field = d.random.pick(['title', 'detail', 'category'] as const);
      const edit =
        field === 'title'
          ? { title: `${d.random.pick(TITLES)} (${words(d, 2)})` }
          : field === 'detail'
            ? { detail: words(d, d.random.int(0, 8)) }
            : { category: d.random.pick(CATEGORIES) };
      return { op, result: await editIdea(d.db, idea, edit, now) };
    }
    case 'status':
      if (!idea) return null;
      return {
        op,
        result: await editIdea(d.db, idea, { status: d.random.pick(IDEA_STATUSES) }, now),
      };
    case 'delete-idea':
      if (!idea) return null;
      return { op, result: await editIdea(d.db, idea, { deleted: true }, now) };
    case 'comment':
      if (!idea) return null;
      return { op, result: await addComment(d.db, idea, words(d, d.random.int(1, 10)), now) };
    case 'delete-comment': {
      const me = (await getSession(d.db))?.member.id;
      const mine = (await d.db.comments.toArray()).filter(
        (c) => c.deleted === false && c.authorId === me,
      );
      if (mine.length === 0) return null;
      const target = d.random.pick(mine).id as CommentId;
      return { op, result: await deleteComment(d.db, target, now) };
    }
  }
}
