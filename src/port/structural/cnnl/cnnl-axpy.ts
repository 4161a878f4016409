/**
 * cuBLAS axpy (y := alpha·x + y, lifted by cublas-lifter.ts to Add with A := x, B := y, C := y
 * and the attribute `alpha`) → `cnnlOpTensor` ADD over 1-D views: input a := y (scale 1),
 * input b := x scaled by alpha, output y — the form cnnl-dnn.ts writes for cudnnAddTensor's
 * C = alpha·A + beta·C (cnnlOpTensor computes c = op(alpha1·a, alpha2·b) + beta·c). Whether the
 * output may alias an input is not documented (the catalog's note), so the port says so
 * (OB1012). Increments other than 1 become strided descriptors (cnnlSetTensorDescriptorEx).
 * The workspace is queried and allocated when non-zero, on the queue the handle was given.
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

export const cnnlAxpyLowerer: Lowerer = {
  name: 'cnnlOpTensor ADD for axpy over strided vectors',
  lower(invocation, ctx) {
    if (invocation.kind !== 'operator' || invocation.operator !== 'Add') return undefined;
    const [x, y, out] = [invocation.inputs.get('A'), invocation.inputs.get('B'), invocation.outputs.get('C')];
    const alpha = invocation.attributes.get('alpha')?.expr;
    if (!viewed(x) || !viewed(y) || !viewed(out) || !alpha || y.ptr.text !== out.ptr.text) return undefined;
    const symbol = invocation.origin.symbol;
    const fail = (reason: string) => ({ ok: false as const, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] });
    const handleArg = invocation.args.get('handle');
    if (!handleArg) return fail('the call has no handle');
    const s = new CnnlStatements(ctx);
    const dataType = s.dataType(out.dtype);
    if (!dataType) return fail(`CNNL has no cnnlDataType_t for ${out.dtype?.meaning ?? 'the element type'}`);
    const params = invocation.origin.entry.spec.params;
    const replaced = s.hoistImpure([handleArg, alpha, ...[x, out].flatMap((t) => [t.ptr, ...t.dims, ...t.strides])], (e) => `${params[e.order ?? -1]?.name ?? 'value'}Value`);
    const r = (e: Expr) => (replaced.get(e) ?? e).text;
    // CNNL descriptors have no offset: a view into a buffer is the pointer moved by it.
    const view = (t: Viewed): CnnlView => {
      const v = substituteView(t, replaced) as Viewed;
      return { ptr: pointer(v), dims: v.dims, strides: v.strides, ...(v.dtype ? { dtype: v.dtype } : {}) };
    };
    const handle = r(handleArg);
    const yDesc = s.tensor('y', view(out), dataType);
    const xDesc = s.tensor('x', view(x), dataType);
    const add = s.descriptor('addDesc', 'cnnlOpTensorDescriptor_t', 'cnnlCreateOpTensorDescriptor', 'cnnlDestroyOpTensorDescriptor', [
      `${s.value('cnnlSetOpTensorDescriptor')}($, ${s.value('CNNL_OP_TENSOR_ADD')}, ${s.value(out.dtype?.dtype === 'float64' ? 'CNNL_DTYPE_DOUBLE' : 'CNNL_DTYPE_FLOAT')}, ${s.value('CNNL_PROPAGATE_NAN')})`,
    ]);
    const queue = s.queue(invocation.stream, handle);
    const ws = s.workspace('add', (size) => `${s.value('cnnlGetOpTensorWorkspaceSize')}(${handle}, ${yDesc}, ${xDesc}, ${yDesc}, ${size})`, queue);
    const [y0, x0] = [view(out).ptr.text, view(x).ptr.text];
    const call = `${s.value('cnnlOpTensor')}(${handle}, ${add}, 1, ${yDesc}, ${y0}, ${r(alpha)}, ${xDesc}, ${x0}, ${ws.ptr}, ${ws.size}, 0, ${yDesc}, ${y0})`;
    // The catalog leaves open whether cnnlOpTensor's output may alias an input (mappings/cambricon/cnnl.yaml): say so.
    const note = pending('OB1012', { symbol, targetSymbol: 'cnnlOpTensor', confidence: 'inferred (y is input a and the output, as in the cudnnAddTensor port; CNNL does not document whether the output may alias an input)' }, symbol);
    return { ok: true, lowering: { prelude: s.prelude, call, epilogue: s.epilogue, targetSymbols: s.symbols, diagnostics: [note] } };
  },
};
