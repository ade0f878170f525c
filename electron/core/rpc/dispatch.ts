import { contract, type MethodName } from '../../../shared/contract/index.ts';
import type { RpcResult } from '../../../shared/errors.ts';
import type { CoreContext } from '../context.ts';
import { AppError } from './errors.ts';
import type { HandlerTable } from './handlers.ts';

export type Dispatch = (method: string, input: unknown) => Promise<RpcResult<unknown>>;

export interface DispatchOptions {
  /** Called with unexpected errors (never with AppError): log without personal data. */
  onInternalError?: (method: string, error: unknown) => void;
}

/**
 * The single entry point of every transport: look up the method, validate its input
 * once with the contract's schema, call the handler, wrap the answer.
 */
export function createDispatch(
  handlers: Partial<HandlerTable>,
  ctx: CoreContext,
  options: DispatchOptions = {},
): Dispatch {
  const missing = Object.keys(contract).filter((m) => !(m in handlers));
  if (missing.length > 0) throw new Error(`No handler for: ${missing.join(', ')}`);

  return async (method, input) => {
    if (typeof method !== 'string' || !Object.hasOwn(contract, method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method: ${String(method)}` } };
    }
    const name = method as MethodName;
    const parsed = contract[name].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      const first = issues[0];
      return {
        ok: false,
        error: {
          code: 'VALIDATION',
          message: first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'Invalid input',
          details: { issues },
        },
      };
    }
    try {
      const handler = handlers[name] as (i: unknown, c: CoreContext) => unknown;
      const value = await handler(parsed.data, ctx);
      return { ok: true, value: value === undefined ? null : value };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toRpc() };
      options.onInternalError?.(name, error);
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong. The error has been logged.' } };
    }
  };
}
