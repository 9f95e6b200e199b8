/**
 * A counting HTTP/1.1 proxy on loopback. The browser talks to the proxy only,
 * so both sync systems (Ground Up's server and the PouchDB server) are measured
 * the same way: requests, and bytes on the wire (request and status lines,
 * headers and bodies as sent, compressed or not), counted at the server side.
 */
import http, { type IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

export type Counts = { requests: number; bytesUp: number; bytesDown: number };

/** One request through the proxy; times in ms from the last reset(). */
export type Exchange = {
  path: string;
  method: string;
  start: number;
  end: number;
  up: number;
  down: number;
  /** Ground Up pushes only: mutations the answer acknowledged (applied or duplicate). */
  acks: number;
};

const ACK = /"kind":"(?:applied|duplicate)"/g;

export type CountingProxy = {
  readonly url: string;
  snapshot(): Counts;
  /** Every request since the last reset(), in the order they arrived. */
  exchanges(): Exchange[];
  reset(): void;
  close(): Promise<void>;
};

function headerBytes(first: string, raw: readonly string[]): number {
  let n = first.length + 2 + 2;
  for (let i = 0; i + 1 < raw.length; i += 2)
    n += (raw[i]?.length ?? 0) + 2 + (raw[i + 1]?.length ?? 0) + 2;
  return n;
}

export async function startProxy(target: string): Promise<CountingProxy> {
  const to = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  let counts: Counts = { requests: 0, bytesUp: 0, bytesDown: 0 };
  let log: Exchange[] = [];
  let zero = performance.now();
  const server = http.createServer((req: IncomingMessage, res) => {
    const c = counts;
    const x: Exchange = {
      path: (req.url ?? '/').split('?')[0] ?? '/',
      method: req.method ?? 'GET',
      start: performance.now() - zero,
      end: Number.NaN,
      up: headerBytes(`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1`, req.rawHeaders),
      down: 0,
      acks: 0,
    };
    const isPush = x.path.startsWith('/api/v1/sync/push');
    const body: Buffer[] = [];
    let gzipped = false;
    log.push(x);
    c.requests++;
    c.bytesUp += x.up;
    req.on('data', (chunk: Buffer) => {
      c.bytesUp += chunk.length;
      x.up += chunk.length;
    });
    const z = zero;
    res.on('finish', () => {
      if (isPush) {
        // Answers travel gzip-compressed since decision 0024: read the acks inside.
        const raw = Buffer.concat(body);
        const text = (gzipped ? gunzipSync(raw) : raw).toString('utf8');
        x.acks = (text.match(ACK) ?? []).length;
      }
      x.end = performance.now() - z;
    });
    const headers = { ...req.headers, host: to.host };
    const upstream = http.request(
      {
        host: to.hostname,
        port: to.port,
        method: req.method,
        path: req.url,
        headers,
        agent,
      },
      (ures) => {
        const status = ures.statusCode ?? 502;
        const h = headerBytes(`HTTP/1.1 ${status} ${ures.statusMessage ?? ''}`, ures.rawHeaders);
        c.bytesDown += h;
        x.down += h;
        gzipped = /\bgzip\b/i.test(String(ures.headers['content-encoding'] ?? ''));
        res.writeHead(status, ures.statusMessage, ures.headers);
        ures.on('data', (chunk: Buffer) => {
          c.bytesDown += chunk.length;
          x.down += chunk.length;
          if (isPush) body.push(chunk);
        });
        ures.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    // The browser went away before the answer ended (a closed page's event
    // stream): end the upstream request too. Until 3 December 2026 it stayed
    // open, each such stream kept one of the agent's 16 sockets for good, and
    // after about five rounds every new request queued behind them with no
    // answer (bench/README.md, section 4).
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    snapshot: () => ({ ...counts }),
    exchanges: () => log.map((x) => ({ ...x })),
    reset() {
      counts = { requests: 0, bytesUp: 0, bytesDown: 0 };
      log = [];
      zero = performance.now();
    },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
