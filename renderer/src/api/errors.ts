import { ErrorCodes, type ErrorCode, type RpcError, type RpcResult } from '../../../shared/errors.ts';

/** The core's codes plus one only the renderer can see: the core could not be reached. */
export type ClientErrorCode = ErrorCode | 'DISCONNECTED';

export interface FieldIssue {
  /** Dotted path into the edited object, e.g. "phones.0" or "address.postalCode". */
  path: string;
  message: string;
}

/** A failed call, thrown by the api client; `code` decides what the user is told. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** VALIDATION issues by field path; a method's wrapper ("patch.") is dropped. */
  get fieldIssues(): FieldIssue[] {
    if (this.code !== 'VALIDATION') return [];
    const issues = (this.details as { issues?: unknown } | undefined)?.issues;
    if (!Array.isArray(issues)) return [];
    return issues.flatMap((issue: unknown) => {
      const { path, message } = (issue ?? {}) as { path?: unknown; message?: unknown };
      if (typeof path !== 'string' || typeof message !== 'string') return [];
      return [{ path: path.replace(/^patch\./, ''), message }];
    });
  }
}

const known = new Set<string>(ErrorCodes);

/** An error as it crossed the transport → ApiError. A code this build does not know becomes INTERNAL. */
export function toApiError(error: RpcError | { code?: unknown; message?: unknown; details?: unknown }): ApiError {
  const code = typeof error.code === 'string' && known.has(error.code) ? (error.code as ErrorCode) : 'INTERNAL';
  const message = typeof error.message === 'string' ? error.message : 'Unknown error';
  return new ApiError(code, message, error.details);
}

/** What the bridge's plain HTTP refusals mean to a caller. */
export function httpFailure(status: number): RpcResult<never> {
  const code: ErrorCode = status === 401 || status === 403 ? 'FORBIDDEN' : status === 413 ? 'TOO_LARGE' : 'INTERNAL';
  return { ok: false, error: { code, message: `The bridge answered HTTP ${status}` } };
}
