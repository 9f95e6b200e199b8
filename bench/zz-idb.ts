import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../server/main.ts';
import { launchPhone } from './lib/browser.ts';
const server = await startServer({ port: 0, sqlitePath: join(mkdtempSync(join(tmpdir(), 'idb-')), 'x.sqlite'), staticDir: 'dist', log: () => undefined } as never);
const phone = await launchPhone(server.url);
await phone.page.goto('/manifest.webmanifest');
const variant = process.argv[2] ?? 'objects';
const out = await phone.page.evaluate(async (variant) => {
  const req = <T,>(r: IDBRequest<T>) => new Promise<T>((ok, no) => { r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
  const done = (t: IDBTransaction) => new Promise<void>((ok, no) => { t.oncomplete = () => ok(); t.onerror = () => no(t.error); t.onabort = () => no(t.error); });
  const open = indexedDB.open('micro-' + Math.random());
  open.onupgradeneeded = () => {
    const d = open.result;
    const o = d.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
    o.createIndex('mutationId', 'mutationId', { unique: true }); o.createIndex('entityId', 'entityId'); o.createIndex('clockAhead', 'clockAhead');
    d.createObjectStore('journal', { keyPath: 'upTo' });
  };
  const db = await req(open);
  const words = 'discharge handover bay pharmacy checklist night shift falls drugs round bleep porter bed board patients family'.split(' ');
  const w = (n: number, k: number) => Array.from({ length: n }, (_, i) => words[(i * 7 + k) % words.length]).join(' ');
  const N = 10000;
  for (let b = 0; b < N; b += 500) {
    const t = db.transaction('outbox', 'readwrite', { durability: 'strict' });
    for (let i = b; i < b + 500; i++) {
      const id = crypto.randomUUID(), eid = crypto.randomUUID();
      const m = { id, entity: 'idea', entityId: eid, hlc: `000001${i}-0000-abcdef0123456789`, op: 'create', fields: { title: w(8, i), detail: w(40, i), category: 'other', anonymous: false, authorId: crypto.randomUUID(), authorName: 'Bench nurse', status: 'new', createdAt: Date.now() } };
      t.objectStore('outbox').add({ mutationId: id, entity: 'idea', entityId: eid, queuedAt: Date.now(), mutation: variant === 'json' ? JSON.stringify(m) : m });
    }
    await done(t);
  }
  await new Promise((r) => setTimeout(r, 1000));
  const tRead: number[] = [], tPack: number[] = [], tSettle: number[] = [];
  let last = 0, upTo = 0;
  for (let b = 0; b < N / 500; b++) {
    let t0 = performance.now();
    const rt = db.transaction('outbox', 'readonly');
    const rows = await req(rt.objectStore('outbox').getAll(IDBKeyRange.lowerBound(last, true), 500)) as { seq: number; mutation: unknown }[];
    tRead.push(performance.now() - t0);
    t0 = performance.now();
    const text = variant === 'json' ? '{"teamId":"x","mutations":[' + rows.map((r) => r.mutation as string).join(',') + ']}' : JSON.stringify({ teamId: 'x', mutations: rows.map((r) => r.mutation) });
    const packed = await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
    tPack.push(performance.now() - t0);
    t0 = performance.now();
    const st = db.transaction(['outbox', 'journal'], 'readwrite', { durability: 'strict' });
    upTo += rows.length;
    const j = st.objectStore('journal');
    if (variant === 'objects') j.put({ upTo, teamId: 'x', mutations: rows.map((r) => r.mutation), ackedAt: Date.now() });
    else if (variant === 'packed' || variant === 'json') j.put({ upTo, teamId: 'x', packed, ackedAt: Date.now() });
    else if (variant === 'text') j.put({ upTo, teamId: 'x', text, ackedAt: Date.now() });
    const first = rows[0]!.seq; last = rows.at(-1)!.seq;
    st.objectStore('outbox').delete(IDBKeyRange.bound(first, last));
    if (upTo > 5000) j.delete(IDBKeyRange.upperBound(upTo - 5000));
    await done(st);
    tSettle.push(performance.now() - t0);
  }
  const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0));
  return `read ${sum(tRead)} pack ${sum(tPack)} settle ${sum(tSettle)} (ms over 20 batches of 500)`;
}, variant);
console.log(variant, out);
await phone.close(); await server.close();
