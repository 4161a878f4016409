/**
 * Views that lay their elements over one dense block in the same order: the same dims and
 * strides, and strides that are the packed strides of the dims taken in some order (a
 * column-major matrix, an NHWC tensor described over N, C, H, W). An element-wise call that
 * takes only a length (xpu::relu) computes such views exactly over the block, since element k
 * of the input lands in element k of the output. Strides are compared as written or by value,
 * so a layout is dense only where the code states it visibly.
 */
import type { Expr } from '../../ir/expr.js';
import type { TensorExpr } from '../../ir/invocation.js';
import { product } from '../dnn/cudnn-descriptors.js';

function numberOf(e: Expr | undefined): number | undefined {
  return e?.value?.kind === 'number' ? e.value.value : undefined;
}

function same(a: Expr, b: Expr): boolean {
  const x = numberOf(a);
  return a.text === b.text || (x !== undefined && x === numberOf(b));
}

/** Whether the strides are packed strides over the dims in some order (dims of 1 take any stride). */
export function isDensePermutation(view: TensorExpr): boolean {
  const dims = view.dims ?? [];
  const strides = view.strides ?? [];
  if (dims.length !== strides.length) return false;
  let remaining = dims.map((_, i) => i).filter((i) => numberOf(dims[i]) !== 1);
  // From the innermost axis out: each axis's stride is the product of the dims inside it.
  const inner: Expr[] = [];
  while (remaining.length > 0) {
    const expected = product(inner);
    const next = remaining.find((i) => same(strides[i], expected));
    if (next === undefined) return false;
    inner.unshift(dims[next]);
    remaining = remaining.filter((i) => i !== next);
  }
  return true;
}

/** Whether the views have the same dims and strides, and those lay the elements over one dense block. */
export function denseAlike(views: readonly TensorExpr[]): boolean {
  const [first, ...rest] = views;
  const alike = (a: readonly Expr[] | undefined, b: readonly Expr[] | undefined) => a !== undefined && b !== undefined && a.length === b.length && a.every((e, i) => same(e, b[i]));
  return isDensePermutation(first) && rest.every((v) => alike(v.dims, first.dims) && alike(v.strides, first.strides));
}
