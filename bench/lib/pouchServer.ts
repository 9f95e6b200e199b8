/**
 * The peer: express-pouchdb (CouchDB's replication protocol) over PouchDB's
 * in-memory adapter, on loopback, with a static route for PouchDB's browser
 * bundle and a blank page to run it in (no CDN). These packages ship no types,
 * so they are loaded through createRequire with the little the bench uses.
 */
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const require = createRequire(import.meta.url);

type Handler = (
  req: unknown,
  res: { type(t: string): { send(body: string): void }; sendFile(p: string): void },
) => void;
type ExpressApp = {
  get(path: string, h: Handler): void;
  use(path: string, h: unknown): void;
  listen(port: number, host: string, done: () => void): Server;
};
type PouchCtor = { plugin(p: unknown): PouchCtor; defaults(o: object): PouchCtor };

export const POUCH_BUNDLE = require.resolve('pouchdb/dist/pouchdb.min.js');

export type PouchServer = { readonly url: string; close(): Promise<void> };

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>PouchDB bench</title>
<script src="/pouchdb.min.js"></script></head><body><p>PouchDB bench page</p></body></html>`;

export async function startPouchServer(): Promise<PouchServer> {
  const express = require('express') as () => ExpressApp;
  const expressPouchDB = require('express-pouchdb') as (p: PouchCtor, o: object) => unknown;
  const PouchDB = (require('pouchdb') as PouchCtor).plugin(require('pouchdb-adapter-memory'));
  const InMemory = PouchDB.defaults({ adapter: 'memory' });
  const app = express();
  app.get('/', (_req, res) => res.type('html').send(PAGE));
  app.get('/pouchdb.min.js', (_req, res) => res.sendFile(POUCH_BUNDLE));
  app.use('/db', expressPouchDB(InMemory, { mode: 'minimumForPouchDB', inMemoryConfig: true }));
  let server: Server | undefined;
  await new Promise<void>((ok) => {
    server = app.listen(0, '127.0.0.1', ok);
  });
  const s = server as Server;
  const { port } = s.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        s.close(() => done());
        s.closeAllConnections();
      }),
  };
}
