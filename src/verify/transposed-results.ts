/**
 * A port from column-major cuBLAS to a row-major library that has no column-major output
 * (XDNN's fc_fusion writes y with unit column stride) computes Yᵀ = op(B)ᵀ·op(A)ᵀ: the same bytes
 * in the same buffer, but its trace records the [n, m] view where the original recorded [m, n].
 * Before alignment, such a ported matrix result is viewed transposed — only for 2-D outputs of
 * matrix operators (Gemm, MatMul), only when its transpose agrees with some original call's
 * golden result and the result as recorded agrees with none. The port's layout carries on
 * through its buffers: a 2-D result of a call that reads memory last written by such a matrix
 * result, or by another such call (the bias add and activation a port applies to a product
 * after it, where the original fused them into one cuBLASLt epilogue), is viewed transposed on
 * the same evidence. Values are not changed, only the order in which they are read.
 */
import type { MemoryRange, TraceRecord } from '../backends/sim/trace.js';
import type { Storage } from '../runtime/dtype.js';
import type { TensorData } from '../runtime/tensor-transfer.js';
import { goldenAgree } from './compare-values.js';
import { overlaps, without } from './memory-ranges.js';

const MATRIX_OPS = new Set(['Gemm', 'MatMul']);

function transposed(t: TensorData): TensorData {
  const [rows, cols] = t.shape;
  const source = t.storage;
  const out = new (source.constructor as new (n: number) => Storage)(source.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) (out as unknown as number[])[j * rows + i] = (source as unknown as number[])[i * cols + j];
  return { dtype: t.dtype, shape: [cols, rows], storage: out };
}

function shapeKey(t: TensorData | undefined): string {
  return t ? t.shape.join('x') : '';
}

/**
 * The indices of ported calls whose first output is the transpose of an original call's result
 * (by the golden runs of both programs).
 */
export function transposedResults(originalGolden: readonly TraceRecord[], portedGolden: readonly TraceRecord[]): Set<number> {
  const found = new Set<number>();
  /** Memory last written by a 2-D matrix result, or by a 2-D result computed from one. */
  let matrixLayout: MemoryRange[] = [];
  const candidate = (record: TraceRecord): boolean => {
    const out = record.outputs[0];
    if (!out || out.shape.length !== 2 || out.shape[0] === out.shape[1]) return false;
    return MATRIX_OPS.has(record.op) || (record.reads?.some((r) => matrixLayout.some((t) => overlaps(r, t))) ?? false);
  };
  const agreesTransposed = (out: TensorData): boolean => {
    const flipped = transposed(out);
    const asRecorded = originalGolden.some((o) => shapeKey(o.outputs[0]) === shapeKey(out) && goldenAgree(o.outputs[0], out));
    if (asRecorded) return false;
    return originalGolden.some((o) => shapeKey(o.outputs[0]) === shapeKey(flipped) && goldenAgree(o.outputs[0], flipped));
  };
  portedGolden.forEach((record, j) => {
    const inLayout = candidate(record);
    for (const w of record.writes ?? []) matrixLayout = without(matrixLayout, w);
    if (!inLayout) return;
    matrixLayout.push(...(record.writes ?? []));
    if (agreesTransposed(record.outputs[0])) found.add(j);
  });
  return found;
}

/** The records with their first output viewed transposed at the given indices. */
export function withTransposedResults(records: readonly TraceRecord[], indices: ReadonlySet<number>): TraceRecord[] {
  return records.map((r, j) => (indices.has(j) && r.outputs[0] ? { ...r, outputs: [transposed(r.outputs[0]), ...r.outputs.slice(1)] } : r));
}
