/**
 * Writes the XDNN call `planXdnn` chose: `xpu.fn(['T', ...], ctx, ...)`, where the context is
 * the source call's handle (ported to an xpu::Context by xdnn-context.ts). XDNN runs on the
 * context's stream. When the invocation names a stream the handle was not given (cuBLASLt passes
 * the stream to each matmul), `ctx.set_stream(stream)` comes first.
 */
import { pending } from '../../diagnostics/port-diagnostics.js';
import { formatCall } from '../../emit/call-text.js';
import type { Expr } from '../../ir/expr.js';
import type { Invocation } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer, PreludeStatement } from '../../lower/lowerer.js';
import { ts } from '../../syntax/typescript.js';
import { planXdnn, pointerText, type XdnnArgument } from './xdnn-plan.js';

const SET_STREAM_SYMBOLS = ['cublasSetStream', 'cudnnSetStream'];

/** Whether the handle was last given this very stream (its set-stream call ported to set_stream). */
function handleRunsOn(handle: Expr, stream: Expr, before: ts.Node | undefined, ctx: LowerContext): boolean {
  if (!handle.node || !before) return false;
  const set = ctx.context.lastSetCall(handle.node, before, { symbols: SET_STREAM_SYMBOLS, role: 'handle' });
  const given = set ? ctx.context.argumentFor(set, 'stream') : undefined;
  return given !== undefined && given.getText(ctx.context.sourceFile) === (stream.node?.getText(ctx.context.sourceFile) ?? stream.text);
}

/** The source call an invocation came from (its first argument with a node). */
function sourceCallOf(invocation: Invocation): ts.CallExpression | undefined {
  const exprs = invocation.kind === 'operator' ? [...invocation.args.values(), ...[...invocation.inputs.values()].map((t) => t.ptr)] : [...invocation.args.values()];
  for (const e of exprs) {
    let n: ts.Node | undefined = e.node;
    while (n && !ts.isCallExpression(n)) n = n.parent;
    if (n) return n;
  }
  return undefined;
}

export const xdnnLowerer: Lowerer = {
  name: 'XDNN calls on an xpu::Context',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    const plan = planXdnn(invocation);
    if (!plan || invocation.kind !== 'operator') return undefined;
    const symbol = invocation.origin.symbol;
    const decline = (reason: string): LowerResult => ({ ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] });
    if (!plan.ok) return decline(plan.reason);
    const handle = invocation.args.get('handle');
    if (!handle) return decline('the call has no handle to become the xpu::Context XDNN calls need');
    const prelude: PreludeStatement[] = [];
    const stream = invocation.stream;
    if (stream && !handleRunsOn(handle, stream, sourceCallOf(invocation), ctx)) {
      if (!stream.pure) return decline(`the stream \`${stream.text}\` has side effects and must be set on the context before the call`);
      prelude.push({ text: `${handle.text}.set_stream(${stream.text})`, declares: false });
    }
    const argument = (a: XdnnArgument): string => {
      if (a.kind === 'text') return a.text;
      if (a.kind === 'pointer') return pointerText(a.view);
      return ctx.names.value(a.symbol, ctx.style, ctx.origin);
    };
    const template = `[${plan.call.template.map((t) => `'${t}'`).join(', ')}]`;
    const callee = ctx.names.value(plan.call.symbol, ctx.style, ctx.origin);
    const call = formatCall(callee, [{ text: template }, { text: handle.text }, ...plan.call.args.map((a) => ({ text: argument(a) }))], ctx.layout);
    return {
      ok: true,
      lowering: {
        prelude,
        call,
        targetSymbols: [...(prelude.length ? ['xpu::Context::set_stream'] : []), plan.call.symbol],
        diagnostics: [],
      },
    };
  },
};
