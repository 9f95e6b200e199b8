/**
 * The weekly digest email: what the team captured, decided and learned in
 * the last seven days, sent to members who gave an address, for teams that
 * turned it on. Off unless SMTP settings are given (SMTP_HOST, SMTP_PORT,
 * SMTP_USER, SMTP_PASS, SMTP_FROM, SMTP_SECURE=1). Idea titles are in it only
 * when the team allows idea text in notifications (decision 0012); no author
 * is ever named, so anonymous ideas stay anonymous.
 */
import nodemailer from 'nodemailer';
import type { Fields } from '../../src/domain/merge.ts';
import type { Store } from '../store/index.ts';

export type SmtpSettings = {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly user?: string;
  readonly pass?: string;
  readonly from: string;
};

/** The SMTP settings from the environment; null (digest off) without SMTP_HOST. */
export function smtpFromEnv(env: NodeJS.ProcessEnv): SmtpSettings | null {
  const host = env['SMTP_HOST'];
  if (!host) return null;
  return {
    host,
    port: Number(env['SMTP_PORT'] ?? 587),
    secure: env['SMTP_SECURE'] === '1',
    ...(env['SMTP_USER'] ? { user: env['SMTP_USER'] } : {}),
    ...(env['SMTP_PASS'] ? { pass: env['SMTP_PASS'] } : {}),
    from: env['SMTP_FROM'] ?? `Ground Up <ground-up@${host}>`,
  };
}

export const WEEK_MS = 7 * 24 * 3600 * 1000;

export type Digest = { readonly subject: string; readonly text: string };

const str = (x: unknown) => (typeof x === 'string' ? x : null);
const DECISIONS: Record<string, string> = {
  testing: 'chosen to test',
  adopted: 'adopted',
  adapted: 'adapted',
  abandoned: 'abandoned',
};
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The digest of one team's week, or null when nothing happened. */
export async function composeDigest(
  store: Store,
  team: { id: string; name: string },
  now: number,
  ideaText: boolean,
): Promise<Digest | null> {
  const since = now - WEEK_MS;
  const captured = new Set<string>();
  const decided = new Map<string, string>();
  const learned = new Set<string>();
  for (const c of await store.digest.changesSince(team.id, since, 'idea')) {
    const status = str(c.fields['status']);
    if ('createdAt' in c.fields) captured.add(c.entityId);
    else if (status && DECISIONS[status]) decided.set(c.entityId, DECISIONS[status]);
  }
  for (const c of await store.digest.changesSince(team.id, since, 'pdsa'))
    if (str(c.fields['learning'])?.trim()) learned.add(c.entityId);
  if (captured.size + decided.size + learned.size === 0) return null;
  const ideas = await store.digest.records(team.id, 'idea', [...captured, ...decided.keys()]);
  const cycles = await store.digest.records(team.id, 'pdsa', [...learned]);
  const live = (f: Fields | undefined): f is Fields => f !== undefined && f['deleted'] !== true;
  const title = (id: string) => str(ideas.get(id)?.['title']) ?? 'An idea';

  const lines: string[] = [`${team.name}: the week in Ground Up.`, ''];
  const capturedIds = [...captured].filter((id) => live(ideas.get(id)));
  lines.push(`Captured: ${plural(capturedIds.length, 'new idea')}.`);
  if (ideaText) for (const id of capturedIds) lines.push(`  - ${title(id)}`);
  const decidedIds = [...decided].filter(([id]) => live(ideas.get(id)));
  lines.push(`Decided: ${plural(decidedIds.length, 'idea')} moved on.`);
  for (const [id, what] of decidedIds) {
    lines.push(ideaText ? `  - ${title(id)}: ${what}` : `  - An idea was ${what}`);
  }
  const learnedIds = [...learned].filter((id) => live(cycles.get(id)));
  lines.push(
    `Learned: ${plural(learnedIds.length, 'test of change', 'tests of change')} wrote down what they learned.`,
  );
  if (ideaText) {
    for (const id of learnedIds)
      lines.push(`  - ${str(cycles.get(id)?.['learning'])?.trim() ?? ''}`);
  }
  lines.push(
    '',
    'Open Ground Up to see more. To stop these emails, remove your address on the For you screen.',
  );
  return { subject: `Ground Up: ${team.name} this week`, text: lines.join('\n') };
}

export type DigestSender = {
  /** Sends every due team's digest; answers how many emails went. */
  sendDue(now: number): Promise<number>;
  close(): void;
};

export function createDigestSender(
  store: Store,
  smtp: SmtpSettings,
  log: (line: string) => void = (l) => console.log(l),
): DigestSender {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? '' } } : {}),
  });
  return {
    async sendDue(now) {
      let sent = 0;
      for (const team of await store.digest.dueTeams(now - WEEK_MS + 3600_000)) {
        const to = await store.digest.addresses(team.id);
        const setting = await store.notify.teamSetting(team.id);
        const digest =
          to.length > 0 ? await composeDigest(store, team, now, setting.ideaText) : null;
        if (digest) {
          try {
            // One message each: members never see one another's addresses.
            for (const address of to) {
              await transport.sendMail({ from: smtp.from, to: address, ...digest });
              sent++;
            }
          } catch (e) {
            log(`digest: could not send for a team: ${e instanceof Error ? e.message : String(e)}`);
            continue;
          }
        }
        await store.digest.markSent(team.id, now);
      }
      return sent;
    },
    close: () => transport.close(),
  };
}
