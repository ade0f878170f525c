/**
 * Error codes that cross the transport. Every failure a user can see maps to one
 * of these; the message is human-readable (the renderer localises by code when it
 * has a better text), details are optional structured data.
 */
export const ErrorCodes = [
  'VALIDATION', // input did not match the method's schema
  'UNKNOWN_METHOD',
  'NO_VAULT', // no vault exists yet: create one first
  'VAULT_EXISTS',
  'VAULT_LOCKED',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'VAULT_TOO_NEW', // the vault was written by a newer Kandidat
  'VAULT_CORRUPT',
  'KEYSTORE_UNAVAILABLE', // OS keychain missing or insecure
  'NOT_FOUND',
  'CONFLICT', // stale edit: someone changed the record since it was read
  'UNSUPPORTED_FILE',
  'TOO_LARGE',
  'CANCELLED',
  'TIMEOUT',
  'FORBIDDEN',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ErrorCodes)[number];

export interface RpcError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };
