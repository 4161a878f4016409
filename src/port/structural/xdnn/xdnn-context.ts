/**
 * Library handles on Kunlun: XDNN has one object, the `xpu::Context` from
 * `xpu::create_context()`, that stands for the cuBLAS, cuBLASLt and cuDNN handles alike (the
 * catalog's create_context note). It carries the stream its calls run on, set with the C++
 * method `ctx->set_stream(stream)`. So, for any of the three libraries:
 *
 *   cublasCreate(h)             → h.value = xpu.create_context()
 *   cublasSetStream(h, s)       → h.set_stream(s)
 *   cublasDestroy(h)            → xpu.destroy_context(h)
 *   cublasGetStream(h, s)       → s.value = h.xpu_stream   (XDNN has no getter: the context's
 *                                  public field holds its stream, the catalog's cublasGetStream gap)
 *
 * None of the three returns a status (create_context returns the context, the others void), so
 * the statement that only checked the status becomes the call itself; where the status is used
 * in an expression, XDNN's SUCCESS stands in after the call.
 */
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { Expr } from '../../ir/expr.js';
import type { Invocation } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { vanishingCall } from '../../lower/vanishing-call.js';
import { xdnnSuccess } from './xdnn-success.js';

/** The handle primitives this module lowers, and the libraries whose handles are contexts. */
export const CONTEXT_PRIMITIVES = ['handle.create', 'handle.set-stream', 'handle.get-stream', 'handle.destroy'] as const;
const HANDLE_LIBRARIES = new Set(['cublas', 'cublaslt', 'cudnn']);

/** `x`, `x.value`, `h!`, `this.h`: an expression that names a variable (safe to write into). */
function isPlainReference(e: Expr): boolean {
  return /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*!?$/.test(e.text);
}

export const xdnnContextLowerer: Lowerer = {
  name: 'cuBLAS / cuBLASLt / cuDNN handles → xpu::Context',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    if (invocation.kind !== 'primitive' || !HANDLE_LIBRARIES.has(invocation.origin.entry.library.toLowerCase())) return undefined;
    const symbol = invocation.origin.symbol;
    const decline = (reason: string): LowerResult => ({ ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] });
    let statement: string;
    let targetSymbol: string;
    switch (invocation.primitive) {
      case 'handle.create': {
        const out = invocation.args.get('out-handle');
        if (!out || !isPlainReference(out)) return decline(`the handle \`${out?.text ?? '?'}\` is not a variable the context can be stored in`);
        statement = `${out.text}.value = ${ctx.names.value('xpu::create_context', ctx.style, ctx.origin)}()`;
        targetSymbol = 'xpu::create_context';
        break;
      }
      case 'handle.set-stream': {
        const handle = invocation.args.get('handle');
        const stream = invocation.args.get('stream');
        if (!handle || !stream) return undefined;
        if (!isPlainReference(handle)) return decline(`the handle \`${handle.text}\` is not a plain variable (set_stream is a method called on it)`);
        statement = `${handle.text}.set_stream(${stream.text})`;
        targetSymbol = 'xpu::Context::set_stream';
        break;
      }
      case 'handle.get-stream': {
        const handle = invocation.args.get('handle');
        const out = invocation.args.get('out-stream');
        if (!handle || !out) return undefined;
        if (!isPlainReference(handle)) return decline(`the handle \`${handle.text}\` is not a plain variable (its stream is a field read on it)`);
        if (!isPlainReference(out)) return decline(`the stream \`${out.text}\` is not a variable the stream can be stored in`);
        statement = `${out.text}.value = ${handle.text}.xpu_stream`;
        targetSymbol = '';
        break;
      }
      case 'handle.destroy': {
        const handle = invocation.args.get('handle');
        if (!handle) return undefined;
        statement = `${ctx.names.value('xpu::destroy_context', ctx.style, ctx.origin)}(${handle.text})`;
        targetSymbol = 'xpu::destroy_context';
        break;
      }
      default:
        return undefined;
    }
    return vanishingCall(ctx, xdnnSuccess, { prelude: [{ text: statement, declares: false }], targetSymbols: targetSymbol ? [targetSymbol] : [] });
  },
};
