/**
 * The ingest section's pushers (bench/sections/ingest.ts): each pusher sends
 * its pre-serialised batches one at a time, all pushers at once. `pushEvery`
 * answers the wall time from the first request to the last answer and how many
 * changes the server applied. Run as a worker thread it does that with its
 * `workerData` and posts the answer back. Plain JavaScript, so the worker needs
 * no TypeScript loader.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

/**
 * @typedef {{ token: string; path: string; gzip: boolean; bodies: (string | Uint8Array)[] }} Pusher
 * Each pusher's token, the path it pushes to (with its query), and its bodies:
 * gzip bytes, sent as Content-Encoding gzip as the app sends them, or JSON.
 */

/**
 * @param {string} url
 * @param {Pusher[]} pushers
 * @returns {Promise<{ ms: number; applied: number }>}
 */
export async function pushEvery(url, pushers) {
  let applied = 0;
  const t0 = performance.now();
  await Promise.all(
    pushers.map(async (p) => {
      /** @type {Record<string, string>} */
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${p.token}` };
      if (p.gzip) headers['content-encoding'] = 'gzip';
      for (const body of p.bodies) {
        const res = await fetch(`${url}${p.path}`, { method: 'POST', headers, body });
        if (res.status !== 200) throw new Error(`push answered ${res.status}: ${await res.text()}`);
        /** @type {{ results: { kind: string }[] }} */
        const { results } = await res.json();
        applied += results.filter((r) => r.kind === 'applied').length;
      }
    }),
  );
  return { ms: performance.now() - t0, applied };
}

if (!isMainThread && parentPort) {
  /** @type {{ url: string; pushers: Pusher[] }} */
  const { url, pushers } = workerData;
  const port = parentPort;
  pushEvery(url, pushers).then(
    (answer) => port.postMessage(answer),
    (e) => port.postMessage({ error: String(e) }),
  );
}
