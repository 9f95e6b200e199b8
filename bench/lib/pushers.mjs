/**
 * The ingest section's pushers in a worker thread (bench/sections/ingest.ts):
 * each pusher sends its pre-serialised batches one at a time, all pushers at
 * once; posts back the wall time from the first request to the last answer
 * and how many changes the server applied. Plain JavaScript, so the worker
 * needs no TypeScript loader.
 */
import { parentPort, workerData } from 'node:worker_threads';

/** @type {{ url: string; pushers: { token: string; bodies: string[] }[] }} */
const { url, pushers } = workerData;

try {
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
  parentPort?.postMessage({ ms: performance.now() - t0, applied });
} catch (e) {
  parentPort?.postMessage({ error: String(e) });
}
