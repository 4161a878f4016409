/**
 * cudnnGetErrorString(status) on CANN: aclnn statuses have no code-to-string function; the
 * thread's most recent ACL error message (aclGetRecentErrMsg) is what the catalog's gap note
 * offers instead. It describes the last failure, not the status passed in, so the port warns
 * (OB1011). The status argument is dropped only when it has no side effects.
 */
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { Invocation } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';

export const recentErrorMessageLowerer: Lowerer = {
  name: 'cudnnGetErrorString as the recent ACL error message',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    if (invocation.kind !== 'primitive' || invocation.origin.entry.library !== 'cudnn') return undefined;
    const status = invocation.args.get('error');
    const recent = ctx.catalog.entry(ctx.target, 'aclGetRecentErrMsg');
    if (!recent || recent.spec.params.length > 0 || (status && !status.pure)) return undefined;
    const symbol = invocation.origin.symbol;
    const read = `${ctx.names.value('aclGetRecentErrMsg', ctx.style, ctx.origin)}()`;
    return {
      ok: true,
      lowering: {
        prelude: [],
        // aclGetRecentErrMsg returns null when no error was recorded (catalog `returnsNull`); the source returns a string.
        call: recent.spec.returnsNull ? `(${read} ?? '')` : read,
        targetSymbols: ['aclGetRecentErrMsg'],
        diagnostics: [pending('OB1011', { targetSymbol: 'aclGetRecentErrMsg', symbol, unsupported: `the text is the thread's most recent ACL error message, not the message of the status passed in (\`${status?.text ?? ''}\`)` }, symbol)],
      },
    };
  },
};
