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
 * @param {string} url
 * @param {{ token: string; bodies: string[] }[]} pushers
 * @returns {Promise<{ ms: number; applied: number }>}
 */
export async function pushEvery(url, pushers) {
  let applied = 0;
  const t0 = performance.now();
  await Promise.all(
    pushers.map(async (p) => {
      for (const body of p.bodies) {
        const res = await fetch(`${url}/api/v1/sync/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${p.token}` },
          body,
        });
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
  /** @type {{ url: string; pushers: { token: string; bodies: string[] }[] }} */
  const { url, pushers } = workerData;
  const port = parentPort;
  pushEvery(url, pushers).then(
    (answer) => port.postMessage(answer),
    (e) => port.postMessage({ error: String(e) }),
  );
}
