/** Types of pushers.mjs (plain JavaScript, so that its worker needs no TypeScript loader). */
export type Pusher = {
  readonly token: string;
  /** The push path with its query, e.g. `/api/v1/sync/push/checked?refusals=final&…`. */
  readonly path: string;
  /** Bodies are gzip bytes, sent with Content-Encoding gzip. */
  readonly gzip: boolean;
  readonly bodies: readonly (string | Uint8Array)[];
};
export function pushEvery(
  url: string,
  pushers: readonly Pusher[],
): Promise<{ ms: number; applied: number }>;
