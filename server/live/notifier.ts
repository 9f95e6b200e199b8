/**
 * "Something new to pull": after each push that applied a change, the team's
 * open event streams are told. In one process an in-memory fan-out does it; on
 * PostgreSQL every process LISTENs on one channel and a push NOTIFYs it, so
 * each process tells its own clients whichever process took the write. A
 * member's removal travels the same way, so their streams end at once on
 * every process (the payload is the team id, then the member id after a space).
 */
import pg from 'pg';

export type LiveEvent = 'change' | 'closed' | { readonly removed: string };
export type Listener = (event: LiveEvent) => void;

export type Notifier = {
  /** Tell every stream of the team (on every process) there is something to pull. */
  publish(teamId: string): void;
  /** Tell every process that this member was removed: their streams end. */
  publishRemoved(teamId: string, memberId: string): void;
  /** Returns the unsubscribe function. */
  subscribe(teamId: string, listener: Listener): () => void;
  /** Ends every stream (they get 'closed') and stops listening. */
  close(): Promise<void>;
};

type Fanout = {
  emit(teamId: string, event?: LiveEvent): void;
  add(teamId: string, l: Listener): () => void;
  end(): void;
};

function fanout(): Fanout {
  const byTeam = new Map<string, Set<Listener>>();
  return {
    emit(teamId, event = 'change') {
      for (const l of byTeam.get(teamId) ?? []) l(event);
    },
    add(teamId, l) {
      const set = byTeam.get(teamId) ?? new Set();
      set.add(l);
      byTeam.set(teamId, set);
      return () => {
        set.delete(l);
        if (set.size === 0) byTeam.delete(teamId);
      };
    },
    end() {
      for (const set of byTeam.values()) for (const l of set) l('closed');
      byTeam.clear();
    },
  };
}

export function memoryNotifier(): Notifier {
  const f = fanout();
  return {
    publish: (teamId) => f.emit(teamId),
    publishRemoved: (teamId, memberId) => f.emit(teamId, { removed: memberId }),
    subscribe: (teamId, l) => f.add(teamId, l),
    close: () => {
      f.end();
      return Promise.resolve();
    },
  };
}

export const PG_CHANNEL = 'ground_up_changes';

/**
 * The key an organisation's streams (a leader's) listen on: the same fan-out
 * and channel as a team's, under a name no team id can take.
 */
export function orgChannel(orgId: string): string {
  return `org:${orgId}`;
}

/** The most notices kept while the LISTEN connection is away: one per team and removal. */
const WAITING_MAX = 10_000;

/**
 * LISTEN/NOTIFY on one dedicated connection. If it drops, streams are ended
 * (clients reconnect, and poll meanwhile) and the connection is reopened.
 */
export async function pgNotifier(
  connectionString: string,
  log: (line: string) => void = () => undefined,
): Promise<Notifier> {
  const f = fanout();
  let client: pg.Client | null = null;
  let closed = false;
  let retrying = false;
  // Keeps trying while PostgreSQL is away (a restart, an outage), once a second; one
  // attempt at a time, however many ways the loss was reported.
  const retry = (): void => {
    if (closed || retrying) return;
    retrying = true;
    setTimeout(() => {
      retrying = false;
      if (!closed) connect().catch(retry);
    }, 1000).unref();
  };
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString });
    c.on('notification', (n) => {
      if (n.channel !== PG_CHANNEL || !n.payload) return;
      const [teamId = '', memberId] = n.payload.split(' ');
      f.emit(teamId, memberId === undefined ? 'change' : { removed: memberId });
    });
    let lost = false;
    c.on('error', (err) => {
      // pg reports one loss twice ("terminating connection due to administrator command",
      // then "Connection terminated unexpectedly"): a second LISTEN connection opened for
      // it heard every notice twice, and close() never ended it.
      if (lost) return;
      lost = true;
      log(`live: LISTEN connection lost: ${err.message}`);
      if (client === c) {
        client = null;
        f.end();
      }
      c.end().catch(() => undefined);
      retry();
    });
    await c.connect();
    await c.query(`LISTEN ${PG_CHANNEL}`);
    if (closed) {
      await c.end();
      return;
    }
    client = c;
    void flush(); // what was published while the connection was away
  };
  // One NOTIFY statement at a time on the connection (pg deprecates queueing on a client):
  // what comes meanwhile (a group commit answers several pushes of a team at once) goes
  // in the next statement, each payload once. A statement that fails leaves its payloads
  // for the next one (the next publish, or the connection's return).
  let waiting = new Set<string>();
  let sending = false;
  const flush = async (): Promise<void> => {
    if (sending) return;
    sending = true;
    try {
      while (waiting.size > 0 && client !== null) {
        const payloads = [...waiting];
        waiting = new Set();
        try {
          await client.query('SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p', [
            PG_CHANNEL,
            payloads,
          ]);
        } catch (e) {
          log(`live: NOTIFY failed: ${String(e)}`);
          for (const p of payloads) if (waiting.size < WAITING_MAX) waiting.add(p);
          break;
        }
      }
    } finally {
      sending = false;
    }
  };
  await connect();
  const notify = (payload: string) => {
    if (waiting.size < WAITING_MAX) waiting.add(payload);
    void flush();
  };
  return {
    publish(teamId) {
      void notify(teamId);
    },
    publishRemoved(teamId, memberId) {
      void notify(`${teamId} ${memberId}`);
    },
    subscribe: (teamId, l) => f.add(teamId, l),
    async close() {
      closed = true;
      f.end();
      await client?.end();
      client = null;
    },
  };
}
