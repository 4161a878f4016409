/**
 * cuBLAS scal (x := alpha·x, lifted by blas/cublas-scal-lifter.ts to Mul with A := x, C := x and
 * B := alpha as a host scalar) → `cnnlOpTensor` MUL of x by a one-element tensor holding alpha,
 * broadcast (the catalog's "MUL by a broadcast scalar tensor"). CNNL takes no host operand, so
 * alpha is copied to a device element first (float32, as cuBLAS reads `const float *alpha`).
 * A multiply by alpha is what cuBLAS computes per element; the ADD form with alpha2 = 0 would
 * turn an infinite x into NaN. Whether the output may alias the input is not documented (OB1012).
 */
import type { Expr } from '../../ir/expr.js';
import type { TensorExpr } from '../../ir/invocation.js';
import type { Lowerer } from '../../lower/lowerer.js';
import { pending } from '../../diagnostics/port-diagnostics.js';
import { pointer } from './cnnl-matmul.js';
import { CnnlStatements, substituteView, type CnnlView } from './cnnl-statements.js';

type Viewed = TensorExpr & { dims: readonly Expr[]; strides: readonly Expr[] };

function viewed(t: TensorExpr | undefined): t is Viewed {
  return Boolean(t?.dims && t.strides);
}

export const cnnlScalLowerer: Lowerer = {
  name: 'cnnlOpTensor MUL by a device copy of a host scalar (scal)',
  lower(invocation, ctx) {
    if (invocation.kind !== 'operator' || invocation.operator !== 'Mul') return undefined;
    const [x, alpha, out] = [invocation.inputs.get('A'), invocation.inputs.get('B'), invocation.outputs.get('C')];
    if (!viewed(x) || !viewed(out) || alpha?.layout !== 'host' || x.ptr.text !== out.ptr.text) return undefined;
    const symbol = invocation.origin.symbol;
    const fail = (reason: string) => ({ ok: false as const, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] });
    const handleArg = invocation.args.get('handle');
    if (!handleArg) return fail('the call has no handle');
    if (out.dtype?.dtype !== 'float32') return fail(`the element type is ${out.dtype?.meaning ?? 'unknown'}, not float32 (the alpha copy is a Float32Array)`);
    const s = new CnnlStatements(ctx);
    const dataType = s.dataType(out.dtype);
    if (!dataType) return fail(`CNNL has no cnnlDataType_t for ${out.dtype.meaning}`);
    const params = invocation.origin.entry.spec.params;
    const replaced = s.hoistImpure([handleArg, alpha.ptr, ...[x].flatMap((t) => [t.ptr, ...t.dims, ...t.strides])], (e) => `${params[e.order ?? -1]?.name ?? 'value'}Value`);
    const r = (e: Expr) => (replaced.get(e) ?? e).text;
    const view = (t: Viewed): CnnlView => {
      const v = substituteView(t, replaced) as Viewed;
      return { ptr: pointer(v), dims: v.dims, strides: v.strides, ...(v.dtype ? { dtype: v.dtype } : {}) };
    };
    const handle = r(handleArg);
    const ref = s.value('ref');
    const alphaDevice = s.fresh('alphaDevice');
    s.push(`const ${alphaDevice} = ${ref}<${s.type('DevicePtr')}>()`, true);
    s.push(`${s.value('cnrtMalloc')}(${alphaDevice}, 4)`);
    s.push(`${s.value('cnrtMemcpy')}(${alphaDevice}.value, new Float32Array([${r(alpha.ptr)}]), 4, ${s.value('cnrtMemcpyHostToDev')})`);
    const xDesc = s.tensor('x', view(out), dataType);
    const one = { text: '1', pure: true, value: { kind: 'number' as const, value: 1 } };
    const alphaDesc = s.tensor('alpha', { dims: [one], strides: [one] }, dataType);
    const mul = s.descriptor('mulDesc', 'cnnlOpTensorDescriptor_t', 'cnnlCreateOpTensorDescriptor', 'cnnlDestroyOpTensorDescriptor', [
      `${s.value('cnnlSetOpTensorDescriptor')}($, ${s.value('CNNL_OP_TENSOR_MUL')}, ${s.value('CNNL_DTYPE_FLOAT')}, ${s.value('CNNL_PROPAGATE_NAN')})`,
    ]);
    const queue = s.queue(invocation.stream, handle);
    const ws = s.workspace('mul', (size) => `${s.value('cnnlGetOpTensorWorkspaceSize')}(${handle}, ${xDesc}, ${alphaDesc}, ${xDesc}, ${size})`, queue);
    // The alpha element is freed once the queue has run the op.
    s.epilogue.unshift({ text: `${s.value('cnrtQueueSync')}(${queue})`, declares: false }, { text: `${s.value('cnrtFree')}(${alphaDevice}.value)`, declares: false });
    const x0 = view(out).ptr.text;
    const call = `${s.value('cnnlOpTensor')}(${handle}, ${mul}, 1, ${xDesc}, ${x0}, 1, ${alphaDesc}, ${alphaDevice}.value, ${ws.ptr}, ${ws.size}, 0, ${xDesc}, ${x0})`;
    const note = pending('OB1012', { symbol, targetSymbol: 'cnnlOpTensor', confidence: 'inferred (x is input a and the output; CNNL does not document whether the output may alias an input)' }, symbol);
    return { ok: true, lowering: { prelude: s.prelude, call, epilogue: s.epilogue, targetSymbols: s.symbols, diagnostics: [note] } };
  },
};
