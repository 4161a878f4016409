/**
 * Column-major BLAS operands as exact strided views in the row-major (outermost first)
 * convention of aclnn, CNNL and XDNN tensors. Element (i, j) of a column-major matrix with
 * leading dimension ld is at i + j·ld: the m×n matrix is the view with dims [m, n] and strides
 * [1, ld]; a transposed operand op(M) = Mᵀ swaps them, [ld, 1]. So C = alpha·op(A)·op(B) + beta·C
 * keeps its operands in place (no swap to Cᵀ = op(B)ᵀ·op(A)ᵀ is needed, and the trace of the
 * port has the source's shapes), transposes folded into strides, batch strides outermost. Sizes
 * are kept as expressions (the source text), folded to numbers only where the porter must
 * compute something new (a storage extent).
 */
import type { Expr } from '../../ir/expr.js';
import { generated, operand } from '../../ir/expr.js';

/** One view: dims outermost first and strides in elements. */
export interface MatrixView {
  readonly dims: readonly Expr[];
  readonly strides: readonly Expr[];
}

const ONE = generated('1', { kind: 'number', value: 1 });

function valueOf(e: Expr): number | undefined {
  const v = e.value;
  if (!v) return undefined;
  if (v.kind === 'number') return v.value;
  if (v.kind === 'enum' && v.value !== null) return v.value;
  return undefined;
}

/**
 * The view of op(M) (rows×cols), M stored column-major with leading dimension `ld`: without a
 * transpose element (i, j) is at i + j·ld, strides [1, ld]; with one it is M(j, i) at j + i·ld,
 * strides [ld, 1].
 */
export function columnMajorOperand(rows: Expr, cols: Expr, ld: Expr, transposed: boolean): MatrixView {
  return { dims: [rows, cols], strides: transposed ? [ld, ONE] : [ONE, ld] };
}

/** The same view repeated `count` times, `stride` elements apart. */
export function batched(view: MatrixView, count: Expr, stride: Expr): MatrixView {
  return { dims: [count, ...view.dims], strides: [stride, ...view.strides] };
}

/** A vector of n elements, inc apart. */
export function vector(n: Expr, inc: Expr): MatrixView {
  return { dims: [n], strides: [inc] };
}

/**
 * Elements the view's storage must hold: 1 + Σ (dᵢ − 1)·sᵢ. A number when every size is
 * known; the product of the dims when the view is written as contiguous; otherwise the formula.
 */
export function storageExtent(view: MatrixView, offset?: Expr): Expr {
  const extent = viewExtent(view);
  if (!offset) return extent;
  const [o, e] = [valueOf(offset), valueOf(extent)];
  if (o !== undefined && e !== undefined) return generated(String(o + e), { kind: 'number', value: o + e });
  return generated(`${offset.text} + ${operand(extent.text)}`);
}

function viewExtent(view: MatrixView): Expr {
  const dims = view.dims.map(valueOf);
  const strides = view.strides.map(valueOf);
  if (dims.every((d) => d !== undefined) && strides.every((s) => s !== undefined)) {
    const extent = dims.some((d) => d === 0) ? 0 : 1 + dims.reduce((acc: number, d, i) => acc + (d! - 1) * strides[i]!, 0);
    return generated(String(extent), { kind: 'number', value: extent });
  }
  if (isContiguous(view)) return generated(view.dims.map((d) => operand(d.text)).join(' * '));
  const terms = view.dims.map((d, i) => (valueOf(view.strides[i]) === 1 ? `(${d.text} - 1)` : `(${d.text} - 1) * ${operand(view.strides[i].text)}`));
  return generated(`${terms.join(' + ')} + 1`);
}

/** Strides written as the running product of the inner dims (`[k, 1]` for dims `[n, k]`). */
export function isContiguous(view: MatrixView): boolean {
  let inner = '1';
  for (let i = view.dims.length - 1; i >= 0; i--) {
    const s = view.strides[i];
    if (s.text !== inner && !(inner === '1' && valueOf(s) === 1)) return false;
    inner = inner === '1' ? view.dims[i].text : `${inner} * ${operand(view.dims[i].text)}`;
  }
  return true;
}
