import type { MethodName, MethodOutput, MethodParsedInput } from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';

export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  ctx: CoreContext,
) => Promise<MethodOutput<M>> | MethodOutput<M>;

/** A feature's part of the one handler table. */
export type HandlerGroup = { readonly [M in MethodName]?: Handler<M> };

export type HandlerTable = { readonly [M in MethodName]: Handler<M> };

/**
 * Merge feature groups into the one table. A method defined twice is a bug that
 * would silently shadow a handler, so it fails loudly at start-up.
 */
export function mergeHandlerGroups(groups: Record<string, HandlerGroup>): Partial<HandlerTable> {
  const table: Record<string, unknown> = {};
  const owner: Record<string, string> = {};
  for (const [groupName, group] of Object.entries(groups)) {
    for (const [method, handler] of Object.entries(group)) {
      if (method in table) {
        throw new Error(`Method "${method}" is defined by both "${owner[method]}" and "${groupName}"`);
      }
      table[method] = handler;
      owner[method] = groupName;
    }
  }
  return table as Partial<HandlerTable>;
}
