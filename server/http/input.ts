/**
 * Reading request input at the edge: the body as JSON within LIMITS.bodyBytes
 * (counted as it streams, so a chunked upload cannot slip past a missing
 * Content-Length), and any value through a valibot schema into a typed value,
 * or a 400 that names the field.
 */
import type { Context } from 'hono';
import * as v from 'valibot';
import { describeIssues } from '../../src/domain/protocol.ts';
import { LIMITS } from '../../src/domain/records.ts';
import { ApiError } from './errors.ts';

export function tooLarge(message: string): ApiError {
  return new ApiError(413, 'too_large', message);
}

const BODY_TOO_LARGE = `The request is larger than ${LIMITS.bodyBytes} bytes; send fewer changes at a time.`;

async function readText(c: Context, maxBytes: number): Promise<string> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(BODY_TOO_LARGE);
  const stream = c.req.raw.body;
  if (!stream) return '';
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
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJson(c: Context): Promise<unknown> {
  return (await readSizedJson(c)).value;
}

/** The body as JSON and how many bytes it took (for the fair-use count of push bytes). */
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
