/**
 * A dot product into host memory (cublasSdot, lifted by blas/cublas-lifter.ts to MatMul of two
 * 1-D views into a 0-d Y of layout `host`: cuBLAS's default pointer mode, the only one the CUDA
 * facade has) → what the catalog names (mappings/cambricon/cnnl.yaml): `cnnlOpTensor` MUL of x and
 * y into a packed device scratch, then `cnnlReduce` ADD over its one axis into a device element.
 * cuBLAS writes a host result before the call returns, so the queue is synchronised and the
 * element copied to the host result, then both scratch buffers are freed. The summation order is
 * CNNL's, not cuBLAS's (the catalog's note). A result in device memory is declined (OB1019).
 */
import type { Expr } from '../../ir/expr.js';
import type { TensorExpr } from '../../ir/invocation.js';
import type { Lowerer } from '../../lower/lowerer.js';
import { pending } from '../../diagnostics/port-diagnostics.js';
import { pointer } from './cnnl-matmul.js';
import { CnnlStatements, substituteView, type CnnlView } from './cnnl-statements.js';

type Viewed = TensorExpr & { dims: readonly Expr[]; strides: readonly Expr[] };

function vector(t: TensorExpr | undefined): t is Viewed {
  return Boolean(t?.dims && t.strides && t.dims.length === 1);
}

export const cnnlDotLowerer: Lowerer = {
  name: 'cnnlOpTensor MUL then cnnlReduce ADD for a dot product into a host result',
  lower(invocation, ctx) {
    if (invocation.kind !== 'operator' || invocation.operator !== 'MatMul') return undefined;
    const [x, y, result] = [invocation.inputs.get('A'), invocation.inputs.get('B'), invocation.outputs.get('Y')];
    if (!vector(x) || !vector(y) || !result || result.dims?.length !== 0) return undefined;
    const symbol = invocation.origin.symbol;
    const fail = (reason: string) => ({ ok: false as const, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] });
    if (result.layout !== 'host') return fail('the result pointer is device memory (CUBLAS_POINTER_MODE_DEVICE); the port copies a host result only');
    const handleArg = invocation.args.get('handle');
    if (!handleArg) return fail('the call has no handle');
    if (result.dtype?.dtype !== 'float32') return fail(`the element type is ${result.dtype?.meaning ?? 'unknown'}, not float32`);
    const s = new CnnlStatements(ctx);
    const dataType = s.dataType(result.dtype);
    if (!dataType) return fail(`CNNL has no cnnlDataType_t for ${result.dtype.meaning}`);
    const params = invocation.origin.entry.spec.params;
    const replaced = s.hoistImpure([handleArg, ...[x, y].flatMap((t) => [t.ptr, ...t.dims, ...t.strides]), result.ptr], (e) => `${params[e.order ?? -1]?.name ?? 'value'}Value`);
    const r = (e: Expr) => (replaced.get(e) ?? e).text;
    const view = (t: Viewed): CnnlView => {
      const v = substituteView(t, replaced) as Viewed;
      return { ptr: pointer(v), dims: v.dims, strides: v.strides, ...(v.dtype ? { dtype: v.dtype } : {}) };
    };
    const handle = r(handleArg);
    const count = view(x).dims[0]!;
    const n = /^[\w.\s*]+$/.test(count.text) ? count.text : `(${count.text})`;
    const one = { text: '1', pure: true, value: { kind: 'number' as const, value: 1 } };
    const ref = s.value('ref');
    const xDesc = s.tensor('x', view(x), dataType);
    const yDesc = s.tensor('y', view(y), dataType);
    const products = s.fresh('products');
    const dotResult = s.fresh('dotResult');
    s.push(`const ${products} = ${ref}<${s.type('DevicePtr')}>()`, true);
    s.push(`${s.value('cnrtMalloc')}(${products}, ${n} * 4)`);
    s.push(`const ${dotResult} = ${ref}<${s.type('DevicePtr')}>()`, true);
    s.push(`${s.value('cnrtMalloc')}(${dotResult}, 4)`);
    const productsDesc = s.tensor('products', { dims: [count], strides: [one] }, dataType);
    const dotDesc = s.tensor('dot', { dims: [one], strides: [one] }, dataType);
    const mul = s.descriptor('mulDesc', 'cnnlOpTensorDescriptor_t', 'cnnlCreateOpTensorDescriptor', 'cnnlDestroyOpTensorDescriptor', [
      `${s.value('cnnlSetOpTensorDescriptor')}($, ${s.value('CNNL_OP_TENSOR_MUL')}, ${s.value('CNNL_DTYPE_FLOAT')}, ${s.value('CNNL_PROPAGATE_NAN')})`,
    ]);
    const queue = s.queue(invocation.stream, handle);
    const mulWs = s.workspace('mul', (size) => `${s.value('cnnlGetOpTensorWorkspaceSize')}(${handle}, ${xDesc}, ${yDesc}, ${productsDesc}, ${size})`, queue);
    s.push(`${s.value('cnnlOpTensor')}(${handle}, ${mul}, 1, ${xDesc}, ${view(x).ptr.text}, 1, ${yDesc}, ${view(y).ptr.text}, ${mulWs.ptr}, ${mulWs.size}, 0, ${productsDesc}, ${products}.value)`, false, true);
    const sum = s.descriptor('sumDesc', 'cnnlReduceDescriptor_t', 'cnnlCreateReduceDescriptor', 'cnnlDestroyReduceDescriptor', [
      `${s.value('cnnlSetReduceDescriptor_v2')}($, [0], 1, ${s.value('CNNL_REDUCE_ADD')}, ${s.value('CNNL_DTYPE_FLOAT')}, ${s.value('CNNL_NOT_PROPAGATE_NAN')}, ${s.value('CNNL_REDUCE_NO_INDICES')}, ${s.value('CNNL_32BIT_INDICES')})`,
    ]);
    const sumWs = s.workspace('sum', (size) => `${s.value('cnnlGetReduceOpWorkspaceSize')}(${handle}, ${productsDesc}, ${dotDesc}, ${sum}, ${size})`, queue);
    const call = `${s.value('cnnlReduce')}(${handle}, ${sum}, ${sumWs.ptr}, ${sumWs.size}, null, ${productsDesc}, ${products}.value, 0, null, null, ${dotDesc}, ${dotResult}.value)`;
    // cuBLAS's host result is there when the call returns: wait for the queue, copy it, free the scratch.
    s.epilogue.unshift(
      { text: `${s.value('cnrtQueueSync')}(${queue})`, declares: false },
      { text: `${s.value('cnrtMemcpy')}(${r(result.ptr)}, ${dotResult}.value, 4, ${s.value('cnrtMemcpyDevToHost')})`, declares: false },
      { text: `${s.value('cnrtFree')}(${products}.value)`, declares: false },
      { text: `${s.value('cnrtFree')}(${dotResult}.value)`, declares: false },
    );
    return { ok: true, lowering: { prelude: s.prelude, call, epilogue: s.epilogue, targetSymbols: s.symbols, diagnostics: [] } };
  },
};
