/** Types of pushers.mjs (plain JavaScript, so that its worker needs no TypeScript loader). */
export function pushEvery(
  url: string,
  pushers: readonly { token: string; bodies: readonly string[] }[],
): Promise<{ ms: number; applied: number }>;
