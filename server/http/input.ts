/**
 * Reading request input at the edge: the body as JSON within LIMITS.bodyBytes
 * (counted as it streams, so a chunked upload cannot slip past a missing
 * Content-Length), and any value through a valibot schema into a typed value,
 * or a 400 that names the field.
 *
 * A body sent with `Content-Encoding: gzip` (phones compress their pushes,
 * src/sync/compress.ts) is unpacked with the same limit on what it unpacks to:
 * zlib stops at LIMITS.bodyBytes of output, so a small body that would inflate
 * to gigabytes (a "gzip bomb") costs at most that much memory and is a 413.
 * Plain bodies, as older phones send them, are read as before.
 */
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { Context } from 'hono';
import * as v from 'valibot';
import { describeIssues } from '../../src/domain/issues.ts';
import { LIMITS } from '../../src/domain/records.ts';
import { ApiError } from './errors.ts';

export function tooLarge(message: string): ApiError {
  return new ApiError(413, 'too_large', message);
}

const BODY_TOO_LARGE = `The request is larger than ${LIMITS.bodyBytes} bytes; send fewer changes at a time.`;
const UNPACKS_TOO_LARGE = `The request unpacks to more than ${LIMITS.bodyBytes} bytes; send fewer changes at a time.`;
const CORRUPT_GZIP =
  'The request says it is gzip-compressed but does not unpack (it may have been cut short); send it again, or send it uncompressed.';

const unzip = promisify(gunzip);

/** The encodings a request body may come in: none, or gzip. */
type BodyEncoding = 'identity' | 'gzip';

function bodyEncoding(c: Context): BodyEncoding {
  const header = (c.req.header('content-encoding') ?? '').trim().toLowerCase();
  if (header === '' || header === 'identity') return 'identity';
  if (header === 'gzip' || header === 'x-gzip') return 'gzip';
  throw new ApiError(
    415,
    'unsupported_encoding',
    `This server reads request bodies sent plain or gzip-compressed, not "${header}"; send it with Content-Encoding: gzip or none.`,
  );
}

/** The gzip body unpacked, stopping (413) once it passes `maxBytes`; 400 if it is not gzip. */
async function unpack(packed: Buffer, maxBytes: number): Promise<Buffer> {
  try {
    return await unzip(packed, { maxOutputLength: maxBytes });
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE')
      throw tooLarge(UNPACKS_TOO_LARGE);
    throw new ApiError(400, 'bad_request', CORRUPT_GZIP);
  }
}

async function readText(c: Context, maxBytes: number): Promise<string> {
  const encoding = bodyEncoding(c);
  const raw = await readBytes(c, maxBytes);
  const body = encoding === 'gzip' && raw.byteLength > 0 ? await unpack(raw, maxBytes) : raw;
  return body.toString('utf8');
}

/** The body's bytes as sent, refused (413) past `maxBytes`. */
async function readBytes(c: Context, maxBytes: number): Promise<Buffer> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(BODY_TOO_LARGE);
  const stream = c.req.raw.body;
  if (!stream) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(BODY_TOO_LARGE);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function readJson(c: Context): Promise<unknown> {
  return (await readSizedJson(c)).value;
}

/**
 * The body as JSON and how many bytes it took (for the fair-use count of push
 * bytes): unpacked bytes, so compressing changes nobody's budget.
 */
export async function readSizedJson(c: Context): Promise<{ value: unknown; bytes: number }> {
  const text = await readText(c, LIMITS.bodyBytes);
  const bytes = Buffer.byteLength(text, 'utf8');
  try {
    return { value: JSON.parse(text) as unknown, bytes };
  } catch {
    throw new ApiError(400, 'bad_request', 'body is not valid JSON');
  }
}

export function parseInput<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const { field, message } = describeIssues(result.issues);
  throw new ApiError(400, 'bad_request', message, { field });
}
