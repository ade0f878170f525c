import type { z } from 'zod';

/**
 * One method of the contract: its zod input schema and (as a phantom type) its
 * output. Dispatch validates the input once with `input`; both transports and the
 * renderer's api client derive their types from here.
 */
export interface MethodDef<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  /** Phantom: never set at run time, carries the output type. */
  readonly __output?: O;
}

export const defineMethod =
  <O>() =>
  <I extends z.ZodType>(input: I): MethodDef<I, O> => ({ input });
