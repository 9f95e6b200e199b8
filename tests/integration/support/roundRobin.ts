/**
 * A small HTTP round-robin proxy for tests and the bench (not a product
 * part): each request goes to the next of several server processes, as a
 * trust's load balancer would send it, streamed both ways so an event stream
 * stays open through it. It counts what each process was sent.
 *
 * `roundRobin` runs it in a process of its own, as a load balancer is: in the
 * process that also simulates thousands of devices it could not accept their
 * connections while that process was busy, and the devices' requests waited
 * for the kernel to retry their SYNs (1, 3, 7, 15, 31 s…) before the servers
 * ever saw them (issue 15; at 2,000 devices a request's p99 was 56 s of which
 * the servers took 3).
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type RoundRobin = {
  readonly url: string;
  /** Requests sent to each upstream so far, in the order given. */
  sent(): Promise<number[]>;
  close(): Promise<void>;
};

type FromProxy = { url: string } | { sent: number[] };

/** The proxy in a child process (tests/integration/support/roundRobinProcess.ts). */
export async function roundRobin(upstreams: readonly string[]): Promise<RoundRobin> {
  const child = fork(new URL('./roundRobinProcess.ts', import.meta.url), [...upstreams], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  let gone: Error | undefined;
  // Its messages answer what was asked, in order; if it dies, every question fails.
  const waiting: { ok: (m: FromProxy) => void; fail: (e: Error) => void }[] = [];
  const stop = (e: Error) => {
    gone ??= e;
    for (const w of waiting.splice(0)) w.fail(gone);
  };
  const exited = new Promise<void>((ok) =>
    child.once('exit', (code, signal) => {
      stop(new Error(`the round-robin proxy exited (${signal ?? code})`));
      ok();
    }),
  );
  child.on('error', stop);
  child.on('message', (m) => waiting.shift()?.ok(m as FromProxy));
  const next = () =>
    new Promise<FromProxy>((ok, fail) => {
      if (gone) return fail(gone);
      waiting.push({ ok, fail });
    });
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const ready = await next().catch(async (e: unknown) => {
    await close();
    throw e;
  });
  if (!('url' in ready)) {
    await close();
    throw new Error('the round-robin proxy did not say where it listens');
  }
  return {
    url: ready.url,
    sent: async () => {
      const answer = next();
      if (child.connected) child.send('sent');
      const m = await answer;
      if (!('sent' in m)) throw new Error('the round-robin proxy did not count');
      return m.sent;
    },
    close,
  };
}

/** The proxy in this process; what roundRobinProcess.ts runs. */
export async function serveRoundRobin(
  upstreams: readonly string[],
): Promise<{ url: string; sent: number[]; close(): Promise<void> }> {
  const targets = upstreams.map((u) => new URL(u));
  // No cap on connections to a server, as nginx has none: every event stream
  // holds one for the whole day, and with a cap (it was 256) the streams took
  // them all and every later request waited for one for ever.
  const agent = new http.Agent({ keepAlive: true });
  const sent = targets.map(() => 0);
  let next = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => send(req, res, Buffer.concat(chunks), 0));
  });
  /**
   * Sends the request on; if the connection fails before any answer (an idle
   * kept-alive connection the server closed as it was reused), once more on a
   * new connection, as a load balancer does. Pushes are safe to send twice:
   * the server answers a mutation it has seen `duplicate`.
   */
  const send = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    body: Buffer,
    tries: number,
  ): void => {
    const i = next;
    next = (next + 1) % targets.length;
    sent[i]!++;
    const target = targets[i]!;
    const out = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent: tries === 0 ? agent : false,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        res.on('close', () => answer.destroy());
      },
    );
    out.on('error', (e: NodeJS.ErrnoException) => {
      if (res.headersSent) return void res.destroy();
      if (tries < 2) return send(req, res, body, tries + 1);
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`the server behind the proxy did not answer (${e.code ?? e.message})`);
    });
    out.end(body);
  };
  // Event streams stay open for as long as the device wants them.
  server.requestTimeout = 0;
  server.keepAliveTimeout = 60_000;
  // A load balancer's queue of connections not yet accepted, not Node's 511.
  await new Promise<void>((ok) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        agent.destroy();
        server.close(() => ok());
      }),
  };
}
