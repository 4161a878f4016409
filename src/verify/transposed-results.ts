/**
 * A port from column-major cuBLAS to a row-major library that has no column-major output
 * (XDNN's fc_fusion writes y with unit column stride) computes Yᵀ = op(B)ᵀ·op(A)ᵀ: the same bytes
 * in the same buffer, but its trace records the [n, m] view where the original recorded [m, n].
 * Before alignment, such a ported matrix result is viewed transposed — only for 2-D outputs of
 * matrix operators (Gemm, MatMul), only when its transpose agrees with some original call's
 * golden result and the result as recorded agrees with none. A batched (3-D) result is viewed
 * with each matrix transposed when every matrix's transpose agrees with some original result
 * (a strided batched GEMM records one result per matrix) and no matrix as recorded does.
 * Square matrices too: the facades record the row-major view of what the port wrote, so a
 * recorded transpose is the very bytes the original wrote, and a port that wrote the transposed
 * bytes records the original's values and is not flipped. The port's layout carries on through
 * its buffers: a result of a call that reads memory last written by such a matrix result, or by
 * another such call (the bias add and activation a port applies to a product after it, where
 * the original fused them into one cuBLASLt epilogue), is viewed transposed on the same
 * evidence, and so is the result of an element-wise operator the port ran on the packed view of
 * a column-major operand. Such a call that records a flat result over the whole matrix (XDNN's
 * element-wise calls take a length, not a shape; a GELU over the packed length, [n, 1, 1, 1]) is
 * read as the matrix it read before being transposed. Values are not changed, only the order in which they are read.
 */
import type { MemoryRange, TraceRecord } from '../backends/sim/trace.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Storage } from '../runtime/dtype.js';
import type { TensorData } from '../runtime/tensor-transfer.js';
import { goldenAgree } from './compare-values.js';
import { overlaps, without } from './memory-ranges.js';
import { isUnaryElementwise } from './unary-elementwise.js';

const MATRIX_OPS = new Set(['Gemm', 'MatMul']);
/** Each matrix (the last two dims) transposed. */
function transposed(t: TensorData): TensorData {
  const [rows, cols] = t.shape.slice(-2);
  const source = t.storage as unknown as number[];
  const out = new (t.storage.constructor as new (n: number) => Storage)(t.storage.length);
  const size = rows * cols;
  for (let b = 0; b < source.length / size; b++) {
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) (out as unknown as number[])[b * size + j * rows + i] = source[b * size + i * cols + j];
  }
  return { dtype: t.dtype, shape: [...t.shape.slice(0, -2), cols, rows], storage: out };
}

/**
 * A result cuDNN recorded with its dims padded to 4 by trailing 1s (a [rows, cols] view described
 * as [rows, cols, 1, 1]) is that matrix.
 */
function unpadded(t: TensorData): TensorData {
  if (t.shape.length <= 3) return t;
  const shape = [...t.shape];
  while (shape.length > 2 && shape[shape.length - 1] === 1) shape.pop();
  return shape.length === t.shape.length ? t : { ...t, shape };
}

/** The matrices of a batched result. */
function matrices(t: TensorData): TensorData[] {
  const shape = t.shape.slice(-2);
  const size = shape[0] * shape[1];
  return Array.from({ length: t.shape[0] }, (_, b) => ({ dtype: t.dtype, shape, storage: t.storage.slice(b * size, (b + 1) * size) as Storage }));
}

/** `t` read with `shape` (the same number of elements). */
function reshaped(t: TensorData, shape: readonly number[]): TensorData {
  return shape.join('x') === t.shape.join('x') ? t : { ...t, shape: [...shape] };
}

function elementCount(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Memory last written by a matrix result, with the shape that result was recorded with. */
interface MatrixLayout {
  readonly range: MemoryRange;
  readonly shape: readonly number[];
}

function shapeKey(t: TensorData | undefined): string {
  return t ? t.shape.join('x') : '';
}

/**
 * The ported calls whose first output is the transpose of an original call's result (by the
 * golden runs of both programs), each with the matrix shape its output is read as before being
 * transposed (the recorded shape without cuDNN's padding, or the matrix a flat result covers).
 */
export function transposedResults(originalGolden: readonly TraceRecord[], portedGolden: readonly TraceRecord[], catalog: Catalog): Map<number, readonly number[]> {
  const found = new Map<number, readonly number[]>();
  /** Memory last written by a 2-D matrix result, or by a result computed from one. */
  let matrixLayout: MatrixLayout[] = [];
  /** The output read as a matrix when the call is in matrix layout, else undefined. */
  const asMatrix = (record: TraceRecord): TensorData | undefined => {
    const out = record.outputs[0] && unpadded(record.outputs[0]);
    if (!out) return undefined;
    // A flat result ([n], or [n, 1, 1, 1] from cuDNN) over a whole matrix it read holds that matrix
    // in memory order: row-major as the port recorded it, or column-major (a cuBLAS product).
    if (!MATRIX_OPS.has(record.op) && out.shape.filter((d) => d !== 1).length === 1) {
      const layout = matrixLayout.find((t) => elementCount(t.shape) === elementCount(out.shape) && (record.reads?.some((r) => overlaps(r, t.range)) ?? false));
      if (layout) {
        const [rows, cols] = layout.shape.slice(-2);
        const readings = [reshaped(out, layout.shape), reshaped(out, [...layout.shape.slice(0, -2), cols, rows])];
        return readings.find((m) => agreesTransposed(m)) ?? readings[0];
      }
    }
    if (out.shape.length === 2 || out.shape.length === 3) {
      const read = record.reads?.some((r) => matrixLayout.some((t) => overlaps(r, t.range))) ?? false;
      // An element-wise call may run on the packed view of a column-major operand whose input and
      // output share a strided view covering the buffer exactly (cnnl/dense-view.ts).
      return MATRIX_OPS.has(record.op) || isUnaryElementwise(catalog, record.op, record.inputs.length) || read ? out : undefined;
    }
    return undefined;
  };
  // An original result cuDNN recorded padded to 4-D ([rows, cols, 1, 1]) is that matrix too.
  const originals = originalGolden.map((o) => o.outputs[0] && unpadded(o.outputs[0]));
  const agreesWithSome = (t: TensorData) => originals.some((o) => shapeKey(o) === shapeKey(t) && goldenAgree(o!, t));
  const agreesTransposed = (out: TensorData): boolean => {
    const flipped = transposed(out);
    if (out.shape.length === 2) return !agreesWithSome(out) && agreesWithSome(flipped);
    if (agreesWithSome(out) || matrices(out).some(agreesWithSome)) return false;
    return agreesWithSome(flipped) || matrices(flipped).every(agreesWithSome);
  };
  portedGolden.forEach((record, j) => {
    const matrix = asMatrix(record);
    for (const w of record.writes ?? []) matrixLayout = matrixLayout.flatMap((t) => without([t.range], w).map((range) => ({ range, shape: t.shape })));
    if (!matrix) return;
    matrixLayout.push(...(record.writes ?? []).map((range) => ({ range, shape: matrix.shape })));
    if (agreesTransposed(matrix)) found.set(j, matrix.shape);
  });
  return found;
}

/** The records with their first output read as the given matrix shape and transposed, at the given indices. */
export function withTransposedResults(records: readonly TraceRecord[], views: ReadonlyMap<number, readonly number[]>): TraceRecord[] {
  return records.map((r, j) => {
    const shape = views.get(j);
    return shape && r.outputs[0] ? { ...r, outputs: [transposed(reshaped(r.outputs[0], shape)), ...r.outputs.slice(1)] } : r;
  });
}
