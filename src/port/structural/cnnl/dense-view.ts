/**
 * A strided view that covers a packed buffer exactly — its dims in some order are packed
 * row-major (the column-major view [m, n] with strides [1, m] of an m·n buffer) — holds the
 * same elements at the same addresses as the packed view with those dims reordered outermost
 * first. An element-wise operation whose input and output share such a view can therefore run
 * on the packed view: each output element is still computed from the input element at its own
 * address. This is how frameworks run element-wise kernels on non-contiguous but dense tensors
 * (PyTorch's TensorIterator reorders dims by stride), and it needs no stride support from the
 * CNNL op (cnnlActivationForward documents none).
 */
import type { Expr } from '../../ir/expr.js';
import { isPacked, numberOf, sameValue, type CnnlView } from './cnnl-statements.js';

type Shape = Pick<CnnlView, 'dims' | 'strides'>;

/** Whether two views have the same dims and strides. */
export function sameView(a: Shape, b: Shape): boolean {
  return (
    a.dims.length === b.dims.length &&
    a.strides.length === b.strides.length &&
    a.dims.every((d, i) => sameValue(d, b.dims[i])) &&
    a.strides.every((s, i) => sameValue(s, b.strides[i]))
  );
}

/**
 * The packed dims (outermost first) of the buffer a strided view covers exactly, or undefined
 * when it leaves gaps, overlaps or its order cannot be told. Size-1 dims are dropped (their
 * strides do not address anything); the order is found innermost first, each next dim being the
 * one whose stride is the product of the dims already placed, and checked with `isPacked`.
 */
export function packedPermutation(view: Shape): readonly Expr[] | undefined {
  if (view.strides.length !== view.dims.length) return undefined;
  const left = view.dims.map((d, i) => ({ dim: d, stride: view.strides[i] })).filter(({ dim }) => numberOf(dim) !== 1);
  const inner: { dim: Expr; stride: Expr }[] = [];
  while (left.length > 0) {
    const next = left.findIndex((candidate) => isPacked(shapeOf([candidate, ...inner])));
    if (next < 0) return undefined;
    inner.unshift(...left.splice(next, 1));
  }
  if (inner.length === 0) return view.dims.length > 0 ? [view.dims[0]] : [];
  return isPacked(shapeOf(inner)) ? inner.map(({ dim }) => dim) : undefined;
}

function shapeOf(dims: readonly { dim: Expr; stride: Expr }[]): Shape {
  return { dims: dims.map(({ dim }) => dim), strides: dims.map(({ stride }) => stride) };
}
