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
 * evidence. An element-wise op over the packed length of such a buffer ([n, 1, 1, 1]: a GELU a
 * port applies to the whole product) holds the matrix in memory order, and is viewed as the
 * transpose of the original result it then agrees with. Values are not changed, only the order
 * in which they are read.
 */
import type { MemoryRange, TraceRecord } from '../backends/sim/trace.js';
import type { Storage } from '../runtime/dtype.js';
import type { TensorData } from '../runtime/tensor-transfer.js';
import { goldenAgree } from './compare-values.js';
import { overlaps, without } from './memory-ranges.js';

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

function shapeKey(t: TensorData | undefined): string {
  return t ? t.shape.join('x') : '';
}

/** Indices of ported calls read transposed; a flat result's matrix shape before the transpose. */
export class TransposedResults extends Set<number> {
  readonly matrixShapes = new Map<number, readonly number[]>();
}

/**
 * The indices of ported calls whose first output is the transpose of an original call's result
 * (by the golden runs of both programs).
 */
export function transposedResults(originalGolden: readonly TraceRecord[], portedGolden: readonly TraceRecord[]): TransposedResults {
  const found = new TransposedResults();
  /** Memory last written by a 2-D matrix result, or by a 2-D result computed from one. */
  let matrixLayout: MemoryRange[] = [];
  const candidate = (record: TraceRecord): boolean => {
    const out = record.outputs[0] && unpadded(record.outputs[0]);
    if (!out || (out.shape.length !== 2 && out.shape.length !== 3)) return false;
    return MATRIX_OPS.has(record.op) || (record.reads?.some((r) => matrixLayout.some((t) => overlaps(r, t))) ?? false);
  };
  const agreesWithSome = (t: TensorData) => originalGolden.some((o) => shapeKey(o.outputs[0]) === shapeKey(t) && goldenAgree(o.outputs[0], t));
  const agreesTransposed = (out: TensorData): boolean => {
    const flipped = transposed(out);
    if (out.shape.length === 2) return !agreesWithSome(out) && agreesWithSome(flipped);
    if (agreesWithSome(out) || matrices(out).some(agreesWithSome)) return false;
    return agreesWithSome(flipped) || matrices(flipped).every(agreesWithSome);
  };
  /**
   * A flat result ([n, 1], an element-wise op over the packed length of a matrix it read) holds
   * the matrix in the order of its memory: the [cols, rows] matrix whose transpose is an original
   * [rows, cols] result, or undefined.
   */
  const flatMatrix = (out: TensorData): number[] | undefined => {
    if (out.shape.filter((d) => d !== 1).length !== 1) return undefined;
    for (const o of originalGolden) {
      const [rows, cols] = o.outputs[0]?.shape ?? [];
      if (o.outputs[0]?.shape.length !== 2 || rows === 1 || cols === 1 || rows * cols !== out.storage.length) continue;
      if (agreesTransposed({ ...out, shape: [cols, rows] })) return [cols, rows];
    }
    return undefined;
  };
  portedGolden.forEach((record, j) => {
    const inLayout = candidate(record);
    for (const w of record.writes ?? []) matrixLayout = without(matrixLayout, w);
    if (!inLayout) return;
    matrixLayout.push(...(record.writes ?? []));
    const out = unpadded(record.outputs[0]);
    const flat = MATRIX_OPS.has(record.op) ? undefined : flatMatrix(out);
    if (flat) found.matrixShapes.set(j, flat);
    if (flat || agreesTransposed(out)) found.add(j);
  });
  return found;
}

/** The records with their first output viewed transposed at the given indices. */
export function withTransposedResults(records: readonly TraceRecord[], indices: TransposedResults): TraceRecord[] {
  const viewed = (t: TensorData, j: number): TensorData => {
    const shape = indices.matrixShapes.get(j);
    return transposed(shape ? { ...t, shape } : unpadded(t));
  };
  return records.map((r, j) => (indices.has(j) && r.outputs[0] ? { ...r, outputs: [viewed(r.outputs[0], j), ...r.outputs.slice(1)] } : r));
}
