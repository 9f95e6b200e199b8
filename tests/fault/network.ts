/**
 * The fault layer between the simulated devices and the real server app: each
 * device's fetch goes through here, and while faults are on, a request may be
 * dropped, answered 500 or 413, delivered twice, have its answer lost after
 * the server committed, kill the device mid-flight, or be held back while
 * other devices' requests run (so concurrent pushes and pulls interleave at
 * the server in orders a plain loop would never produce).
 */
import { gunzipSync } from 'node:zlib';
import type { Random } from './prng.ts';
import { SimulatedCrash, type FaultName, type Tally } from './faults.ts';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** What the network needs to know about the device sending. */
export type Sender = {
  readonly name: string;
  readonly random: Random;
  readonly crashed: boolean;
  crash(at: FaultName): void;
};

export type Network = {
  /** True while the run is in its faulty phase; false to settle. */
  faultsOn: boolean;
  fetchFor(sender: Sender): Fetch;
};

/** Chance that a request meets a fault, while faults are on. */
const FAULT_RATE = 0.3;

/** Lets other queued work (other devices, IndexedDB, the server) run `n` times. */
export async function ticks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((ok) => setImmediate(ok));
}

function jsonResponse(status: number, code: string, message: string): Response {
  return new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** The push body as text, unpacked if the phone sent it gzip-compressed. */
function bodyText(init: RequestInit | undefined): string | null {
  const body = init?.body;
  if (typeof body === 'string') return body;
  if (body instanceof ArrayBuffer) return gunzipSync(Buffer.from(body)).toString('utf8');
  return null;
}

function mutationCount(init: RequestInit | undefined): number {
  const text = bodyText(init);
  if (text === null) throw new Error('the fault layer cannot read this push body');
  const body = JSON.parse(text) as { mutations?: unknown[] };
  return body.mutations?.length ?? 0;
}

export function createNetwork(
  server: Fetch,
  tally: Tally,
  runId: string,
  trace: (line: string) => void = () => undefined,
): Network {
  let inFlight = 0;
  /** Copies of pushes the network holds up, to deliver again later (the `late-copy` fault). */
  const late: (() => Promise<unknown>)[] = [];
  /** Delivers held-up copies now: some at random while faults are on, all once they are off. */
  const deliverLate = async (random: Random) => {
    while (late.length > 0 && (!network.faultsOn || random.chance(0.3))) {
      const copy = late.splice(random.int(0, late.length - 1), 1)[0];
      await copy?.().catch(() => undefined); // its answer goes nowhere
    }
  };

  const network: Network = {
    faultsOn: false,
    fetchFor(sender) {
      const forward = async (input: string, init: RequestInit | undefined) => {
        const headers = new Headers(init?.headers);
        // Rate limits count per client: each simulated device is its own.
        headers.set('x-fault-client', `${runId}/${sender.name}`);
        if (inFlight > 0) tally.interleaved++;
        inFlight++;
        try {
          return await server(input, { ...init, headers });
        } finally {
          inFlight--;
        }
      };
      const hold = async () => {
        if (!network.faultsOn || !sender.random.chance(0.5)) return;
        tally.latency++;
        await ticks(sender.random.int(1, 30));
      };

      return async (url, init) => {
        if (sender.crashed) throw new SimulatedCrash('crash-mid-push');
        await deliverLate(sender.random);
        await hold();
        const isPush = url.includes('/sync/push');
        // Small pages, so pulls take several round trips and can die between them.
        const small =
          (url.includes('/sync/pull') || url.includes('/org/pull')) && sender.random.chance(0.3);
        const input = small ? `${url}&limit=${sender.random.int(1, 6)}` : url;
        const kinds: FaultName[] = ['drop', 'lose-response', 'duplicate', 'server-500'];
        if (isPush)
          kinds.push('too-large', 'crash-mid-push', 'crash-after-server-commit', 'late-copy');
        const fault =
          network.faultsOn && sender.random.chance(FAULT_RATE) ? sender.random.pick(kinds) : null;
        if (fault)
          trace(`${sender.name} ${init?.method ?? 'GET'} ${new URL(input).pathname}: ${fault}`);
        let response: Response;
        switch (fault) {
          case 'drop':
            tally.drop++;
            throw new TypeError('Failed to fetch');
          case 'server-500':
            tally['server-500']++;
            return jsonResponse(500, 'server_error', 'Something went wrong on the server.');
          case 'too-large': {
            // A proxy in front with a smaller limit: one mutation always fits.
            const n = mutationCount(init);
            const limit = sender.random.int(1, 3);
            if (n <= limit) {
              response = await forward(input, init);
              break;
            }
            tally['too-large']++;
            return jsonResponse(413, 'too_large', 'Send fewer changes at a time.');
          }
          case 'lose-response':
            tally['lose-response']++;
            await forward(input, init);
            throw new TypeError('The network connection was lost.');
          case 'duplicate': {
            tally.duplicate++;
            const both = await Promise.all([forward(input, init), forward(input, init)]);
            response = sender.random.pick(both);
            break;
          }
          case 'late-copy':
            // Delivered now, and a copy again later, after other devices' requests.
            tally['late-copy']++;
            late.push(() => forward(input, init));
            response = await forward(input, init);
            break;
          case 'crash-mid-push':
            sender.crash('crash-mid-push');
            throw new SimulatedCrash('crash-mid-push');
          case 'crash-after-server-commit':
            await forward(input, init);
            sender.crash('crash-after-server-commit');
            throw new SimulatedCrash('crash-after-server-commit');
          default:
            response = await forward(input, init);
        }
        await hold();
        if (sender.crashed) throw new SimulatedCrash('crash-mid-push');
        return response;
      };
    },
  };
  return network;
}
