/**
 * cudnnAddTensor (C = alpha·A + beta·C) with alpha ≠ 1 on MUSA: mudnnBinary has no blend factors
 * (mudnn-compute.ts), but when A and C are packed tensors of one shape and element type float32
 * and beta is 1, the update is y := alpha·x + y over their n elements, which muBLAS computes:
 * `mublasSaxpy(h, n, alpha, A, 1, C, 1)` on a muBLAS handle made for the call and bound to the
 * cuDNN handle's stream (mublasCreate / mublasSetStream / mublasDestroy, the catalog's cuBLAS
 * counterparts, mappings/musa/mublas.yaml; confidence inferred there: names by the cublas → mublas
 * rule). A broadcast A, strided views, another element type or beta ≠ 1 are not axpy: the caller
 * keeps its reason.
 */
import type { Expr } from '../../ir/expr.js';
import type { OpInvocation, TensorExpr } from '../../ir/invocation.js';
import { isContiguous, product } from '../dnn/cudnn-descriptors.js';
import type { MudnnStatements } from './mudnn-statements.js';
import { numberOf } from './mudnn-statements.js';

/** Why the Add is not an axpy over packed tensors of one shape, or undefined when it is. */
function notAxpy(invocation: OpInvocation, x: TensorExpr, y: TensorExpr): string | undefined {
  const beta = invocation.args.get('beta');
  if (numberOf(beta) !== 1) return `beta is \`${beta?.text ?? '?'}\`, not 1`;
  const alpha = invocation.args.get('alpha');
  if (!alpha?.pure) return `alpha \`${alpha?.text ?? '?'}\` has side effects`;
  const dims = (t: TensorExpr) => (t.dims ?? []).map((d) => d.text).join(', ');
  if (!x.dims || !y.dims || dims(x) !== dims(y)) return `A ([${dims(x)}]) and C ([${dims(y)}]) are not of one shape`;
  if (!isContiguous(x) || !isContiguous(y)) return 'A or C is not packed';
  if (x.dtype?.dtype !== 'float32' || y.dtype?.dtype !== 'float32') return 'A or C is not float32';
  if (x.offset || y.offset) return 'A or C starts at an offset into its buffer';
  return undefined;
}

/**
 * The mublasSaxpy writer for `invocation` (x := the added tensor, y := the accumulator and the
 * output), or why it is not one.
 */
export function addTensorAxpy(invocation: OpInvocation, x: TensorExpr, y: TensorExpr): ((s: MudnnStatements) => string) | string {
  const reason = notAxpy(invocation, x, y);
  if (reason) return reason;
  const alpha = invocation.args.get('alpha') as Expr;
  const n = product(y.dims!);
  const stream = invocation.stream;
  return (s) => {
    const blas = s.fresh('mublasHandle');
    s.push(`const ${blas} = ${s.value('ref')}<${s.type('mublasHandle_t')}>()`, { declares: true });
    s.push(`${s.value('mublasCreate')}(${blas})`, { status: true });
    if (stream && !/^(null|undefined|0)$/.test(stream.text)) s.push(`${s.value('mublasSetStream')}(${blas}.value, ${stream.text})`, { status: true });
    s.epilogue.push({ text: `${s.value('mublasDestroy')}(${blas}.value)`, declares: false });
    // Last, so the call's status is read as muBLAS's (the lowering's last target symbol).
    return `${s.value('mublasSaxpy')}(${blas}.value, ${n.text}, ${alpha.text}, ${x.ptr.text}, 1, ${y.ptr.text}, 1)`;
  };
}
