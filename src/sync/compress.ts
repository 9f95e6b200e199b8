/**
 * A push body, gzip-compressed where the runtime can (CompressionStream: every
 * browser since 2023, Node 18+), so a phone on a weak signal sends about a
 * fifth of the bytes. The server unpacks it (server/http/input.ts); a body
 * under a kilobyte goes plain, where gzip saves nothing.
 */

/** Below this many bytes of JSON a push goes plain. */
export const COMPRESS_FROM_BYTES = 1024;

export type Body = {
  readonly body: BodyInit;
  /** 'gzip' when `body` is compressed (send it as Content-Encoding). */
  readonly encoding: 'gzip' | null;
};

/** `text` as a body to send: gzip bytes if this runtime compresses and it is worth it. */
export async function compressedBody(text: string): Promise<Body> {
  if (typeof CompressionStream !== 'function' || text.length < COMPRESS_FROM_BYTES)
    return { body: text, encoding: null };
  const packed = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  const bytes = await new Response(packed).arrayBuffer();
  return { body: bytes, encoding: 'gzip' };
}
