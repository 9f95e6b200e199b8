/**
 * The API's one error type: an HTTP status, a machine code, words for a person
 * and the field at fault (like Hono's HTTPException). Route code throws it for
 * bad requests; app.ts turns it into the wire ErrorBody.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode } from '../../src/domain/protocol.ts';
import { serverTroubleWords } from '../../src/domain/serverTrouble.en.ts';

export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: ErrorCode;
  readonly field: string | undefined;
  /** Extra response headers, e.g. Retry-After. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: ContentfulStatusCode,
    code: ErrorCode,
    message: string,
    opts: { field?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = opts.field;
    this.headers = opts.headers ?? {};
  }

  body(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field ? { field: this.field } : {}),
      },
    };
  }
}

export const SERVER_ERROR: ErrorBody = {
  error: {
    code: 'server_error',
    message: serverTroubleWords('serverError'),
  },
};

/** 429 with Retry-After and words: too many attempts (creating, joining, linking). */
export function rateLimited(seconds: number): ApiError {
  return new ApiError(
    429,
    'rate_limited',
    serverTroubleWords('tooManyAttempts', { count: Math.ceil(seconds / 60) }),
    { headers: { 'Retry-After': String(seconds) } },
  );
}
