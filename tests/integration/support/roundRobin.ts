/**
 * A small HTTP round-robin proxy for tests and the bench (not a product
 * part): each request goes to the next of several server processes, as a
 * trust's load balancer would send it, streamed both ways so an event stream
 * stays open through it. It counts what each process was sent.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type RoundRobin = {
  readonly url: string;
  /** Requests sent to each upstream, in the order given. */
  readonly sent: number[];
  close(): Promise<void>;
};

export async function roundRobin(upstreams: readonly string[]): Promise<RoundRobin> {
  const targets = upstreams.map((u) => new URL(u));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
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
    out.on('error', () => {
      if (res.headersSent) return void res.destroy();
      if (tries < 2) return send(req, res, body, tries + 1);
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('the server behind the proxy did not answer');
    });
    out.end(body);
  };
  // Event streams stay open for as long as the device wants them.
  server.requestTimeout = 0;
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
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
