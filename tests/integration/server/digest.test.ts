/**
 * The weekly digest email against a real SMTP server (smtp-server, started
 * here), on every backend: a team that turned it on gets one message per
 * member who gave an address, saying what was captured, decided and learned;
 * idea titles only when the team allows idea text; no author named; not sent
 * twice in a week; nothing for a team that did not turn it on.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { createDigestSender, type DigestSender } from '../../../server/digest/index.ts';
import type { Store } from '../../../server/store/index.ts';
import { cycleId } from '../../../src/domain/pdsa.ts';
import { BACKENDS } from './backends.ts';
import { device, harness, T0, type Harness, type Session } from './harness.ts';

type Mail = { from: string; to: string[]; raw: string };

describe.each(BACKENDS)('weekly digest on $name', (backend) => {
  let store: Store;
  let h: Harness;
  let smtp: SMTPServer;
  let mails: Mail[];
  let digest: DigestSender;
  let lead: Session;
  let nurse: Session;
  const phone = device(11);

  beforeEach(async () => {
    store = await backend.open();
    mails = [];
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            // Quoted-printable soft line breaks and escapes undone, so the words read whole.
            raw: Buffer.concat(chunks)
              .toString('utf8')
              .replace(/=\r?\n/g, '')
              .replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
                String.fromCharCode(parseInt(hex, 16)),
              ),
          });
          done();
        });
      },
    });
    await new Promise<void>((ok) => smtp.listen(0, '127.0.0.1', ok));
    const port = (smtp.server.address() as AddressInfo).port;
    digest = createDigestSender(
      store,
      { host: '127.0.0.1', port, secure: false, from: 'Ground Up <digest@ward.test>' },
      () => undefined,
    );
    h = harness(store);
    // The digest routes are mounted only when SMTP is set: a harness of its own.
    const app = createApp({ store, now: () => T0, log: () => undefined, digest: true });
    h = {
      ...h,
      request: async (method, path, init = {}) => {
        const res = await app.request(path, {
          method,
          headers: {
            'content-type': 'application/json',
            ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          },
          ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        });
        const text = await res.text();
        return {
          status: res.status,
          body: JSON.parse(text) as unknown,
          headers: res.headers,
          text,
        };
      },
    };
    lead = await h.createTeam('Ward 7', 'Asha');
    nurse = await h.join(lead.team.inviteCode, 'Nia');
  });
  afterEach(async () => {
    digest.close();
    await new Promise<void>((ok) => smtp.close(() => ok()));
    await store.close();
  });

  const put = async (who: Session, path: string, body: unknown) => {
    const r = await h.request('PUT', path, { token: who.token, body });
    expect(r.status, r.text).toBe(200);
  };

  async function aWeek() {
    const fridge = phone.idea(nurse, 'Fridge key on a lanyard', { anonymous: true });
    const pumps = phone.idea(lead, 'Bay 3 spare pumps');
    await h.push(nurse, [fridge]);
    await h.push(lead, [pumps]);
    const cycle = cycleId(pumps.entityId, 1);
    const results = await h.push(lead, [
      phone.raw({
        entity: 'idea',
        entityId: fridge.entityId,
        fields: { status: 'adopted', statusBy: lead.member.id, statusAt: T0 + 1 } as never,
      }),
      phone.raw({
        entity: 'pdsa',
        entityId: cycle,
        fields: {
          ideaId: pumps.entityId,
          cycle: 1,
          createdAt: T0,
          deleted: false,
          learning: 'Spare pumps save 20 minutes a shift',
        } as never,
      }),
    ]);
    expect(results.map((r) => r.kind)).toEqual(['applied', 'applied']);
  }

  it('sends each member who gave an address what was captured, decided and learned', async () => {
    await put(lead, '/api/v1/digest/team', { enabled: true });
    await store.notify.setTeamSetting(lead.team.id, { ideaText: true }, T0);
    await put(nurse, '/api/v1/digest/address', { email: 'nia@ward.test' });
    await put(lead, '/api/v1/digest/address', { email: 'asha@ward.test' });
    const mine = await h.request('GET', '/api/v1/digest', { token: nurse.token });
    expect(mine.body).toEqual({ enabled: true, email: 'nia@ward.test' });
    await aWeek();

    expect(await digest.sendDue(T0 + 3600_000)).toBe(2);
    expect(mails.map((m) => m.to).sort()).toEqual([['asha@ward.test'], ['nia@ward.test']]);
    const raw = mails[0]?.raw ?? '';
    expect(raw).toContain('Subject: Ground Up: Ward 7 this week');
    expect(raw).toContain('From: Ground Up <digest@ward.test>');
    expect(raw).toContain('Captured: 2 new ideas.');
    expect(raw).toContain('Fridge key on a lanyard: adopted');
    expect(raw).toContain('Learned: 1 test of change wrote down what they learned.');
    expect(raw).toContain('Spare pumps save 20 minutes a shift');
    // Nobody is named: the anonymous idea's author least of all.
    expect(raw).not.toMatch(/Nia|Asha/);

    // Not twice in one week.
    expect(await digest.sendDue(T0 + 2 * 3600_000)).toBe(0);
  });

  it('leaves idea text out unless the team allows it, and sends nothing to a team that did not ask', async () => {
    await put(nurse, '/api/v1/digest/address', { email: 'nia@ward.test' });
    await aWeek();
    expect(await digest.sendDue(T0 + 3600_000)).toBe(0);
    await put(lead, '/api/v1/digest/team', { enabled: true });
    expect(await digest.sendDue(T0 + 3600_000)).toBe(1);
    const raw = mails[0]?.raw ?? '';
    expect(raw).toContain('An idea was adopted');
    expect(raw).not.toContain('Fridge');
    expect(raw).not.toContain('Spare pumps');
  });

  it('refuses a member turning the digest on, and an address that is not one, in words', async () => {
    const r = await h.request('PUT', '/api/v1/digest/team', {
      token: nurse.token,
      body: { enabled: true },
    });
    expect(r.status).toBe(403);
    expect(r.text).toContain('Only a facilitator');
    const bad = await h.request('PUT', '/api/v1/digest/address', {
      token: nurse.token,
      body: { email: 'not an address' },
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('must be an email address');
  });
});
