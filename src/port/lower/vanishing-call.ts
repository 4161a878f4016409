/**
 * The lowering of a call the target has no use for (set-up its own calls absorb, a query
 * answered by host arithmetic, start-up or tear-down that is implicit): the call goes, after
 * any statements that take its place; where its status is used in an expression, the target's
 * success status stands in. That name is written, and so imported, only where it is used.
 */
import type { LowerContext, LowerResult, PreludeStatement } from './lowerer.js';

export function vanishingCall(
  ctx: LowerContext,
  success: (ctx: LowerContext) => string,
  replacement: { readonly prelude?: readonly PreludeStatement[]; readonly targetSymbols?: readonly string[] } = {},
): LowerResult {
  let written: string | undefined;
  return {
    ok: true,
    lowering: {
      prelude: [...(replacement.prelude ?? [])],
      get call() {
        written ??= success(ctx);
        return written;
      },
      targetSymbols: [...(replacement.targetSymbols ?? [])],
      diagnostics: [],
      vanishes: true,
    },
  };
}

/** A success status that is a plain export of the target facade (`ACLNN_SUCCESS`, `cudaSuccess`). */
export const successValue =
  (name: string) =>
  (ctx: LowerContext): string =>
    ctx.names.value(name, ctx.style, ctx.origin);
