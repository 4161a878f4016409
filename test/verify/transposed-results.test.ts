/**
 * A row-major port of a column-major matrix product records its result as the transposed view
 * of the same storage (XDNN's fc_fusion computing Yᵀ); such results are read transposed, and
 * only those: values are compared exactly as golden runs agree (compare-values.ts, 1e-4 relative).
 */
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../src/backends/sim/trace.js';
import type { TensorData } from '../../src/runtime/tensor-transfer.js';
import { transposedResults as transposedResultsIn, withTransposedResults } from '../../src/verify/transposed-results.js';
import { catalog } from './fixture-catalog.js';

const transposedResults = (original: readonly TraceRecord[], ported: readonly TraceRecord[]) => transposedResultsIn(original, ported, catalog);

function record(op: string, shape: number[], values: number[], memory?: { reads: number[]; writes: number[] }, inputs = 0): TraceRecord {
  const out: TensorData = { dtype: 'float32', shape, storage: new Float32Array(values) };
  const range = (allocation: number) => ({ device: 0, allocation, start: 0, end: 24 });
  const accesses = memory ? { reads: memory.reads.map(range), writes: memory.writes.map(range) } : {};
  return { seq: 0, rank: 0, kind: 'op', backend: 'x', symbol: op, op, attributes: {}, inputs: Array.from({ length: inputs }, () => out), outputs: [out], profile: 'p', site: undefined, stream: undefined, ...accesses };
}

// [[1, 2, 3], [4, 5, 6]] and its transpose [[1, 4], [2, 5], [3, 6]].
const M = [1, 2, 3, 4, 5, 6];
const MT = [1, 4, 2, 5, 3, 6];

describe('transposed matrix results', () => {
  it('finds a ported Gemm whose result is the transpose of an original result and reads it transposed', () => {
    const original = [record('Gemm', [2, 3], M)];
    const ported = [record('Add', [3, 2], MT), record('Gemm', [3, 2], MT)];
    const found = transposedResults(original, ported);
    expect([...found.keys()]).toEqual([1]);
    const viewed = withTransposedResults(ported, found);
    expect(viewed[1].outputs[0].shape).toEqual([2, 3]);
    expect([...viewed[1].outputs[0].storage]).toEqual(M);
    expect(viewed[0]).toBe(ported[0]);
  });

  it('leaves results that agree as recorded and results whose transpose agrees with nothing', () => {
    expect(transposedResults([record('Gemm', [2, 3], M)], [record('Gemm', [2, 3], M)]).size).toBe(0);
    expect(transposedResults([record('Gemm', [2, 3], M)], [record('Gemm', [3, 2], [9, 9, 9, 9, 9, 9])]).size).toBe(0);
    // A square result that agrees as recorded stays, even though its transpose agrees with another.
    expect(transposedResults([record('Gemm', [2, 2], [1, 2, 3, 4]), record('Gemm', [2, 2], [1, 3, 2, 4])], [record('Gemm', [2, 2], [1, 3, 2, 4])]).size).toBe(0);
  });

  it('reads a square result transposed when only its transpose agrees', () => {
    expect([...transposedResults([record('Gemm', [2, 2], [1, 2, 3, 4])], [record('Gemm', [2, 2], [1, 3, 2, 4])]).keys()]).toEqual([0]);
  });

  it('reads each matrix of a batched result transposed when every one is the transpose of a per-matrix original', () => {
    const original = [record('Gemm', [2, 2], [1, 2, 3, 4]), record('Gemm', [2, 2], [5, 6, 7, 8])];
    const batched = record('MatMul', [2, 2, 2], [1, 3, 2, 4, 5, 7, 6, 8]);
    const found = transposedResults(original, [batched]);
    expect([...found.keys()]).toEqual([0]);
    expect([...withTransposedResults([batched], found)[0].outputs[0].storage]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // One matrix that is no original's transpose: the batch is read as recorded.
    expect(transposedResults(original, [record('MatMul', [2, 2, 2], [1, 3, 2, 4, 9, 9, 9, 9])]).size).toBe(0);
  });

  it('carries the layout through the buffer: a bias add reading the transposed product is read transposed too, an unrelated Add is not', () => {
    const biased = M.map((v) => v + 10);
    const original = [record('Gemm', [2, 3], M), record('Add', [2, 3], biased)];
    const biasedT = MT.map((v) => v + 10);
    const ported = [record('Gemm', [3, 2], MT, { reads: [1, 2], writes: [3] }), record('Add', [3, 2], biasedT, { reads: [3, 4], writes: [3] })];
    expect([...transposedResults(original, ported).keys()]).toEqual([0, 1]);
    const elsewhere = [ported[0], record('Add', [3, 2], biasedT, { reads: [5, 4], writes: [6] })];
    expect([...transposedResults(original, elsewhere).keys()]).toEqual([0]);
  });

  it('reads a flat result over a transposed product as that matrix, transposed (an activation that takes a length)', () => {
    const relu = (v: number) => Math.max(v - 3, 0);
    const original = [record('Gemm', [2, 3], M), record('Relu', [2, 3], M.map(relu))];
    const ported = [record('Gemm', [3, 2], MT, { reads: [1, 2], writes: [3] }), record('Relu', [6], MT.map(relu), { reads: [3], writes: [3] })];
    const found = transposedResults(original, ported);
    expect([...found.keys()]).toEqual([0, 1]);
    expect(found.get(1)).toEqual([3, 2]);
    const viewed = withTransposedResults(ported, found)[1].outputs[0];
    expect(viewed.shape).toEqual([2, 3]);
    expect([...viewed.storage]).toEqual(M.map(relu));
    // A flat result of another length, or over other memory, is read as recorded.
    expect([...transposedResults(original, [ported[0], record('Relu', [6], MT.map(relu), { reads: [5], writes: [5] })]).keys()]).toEqual([0]);
  });

  it('reads an element-wise result transposed when the original recorded the column-major view, padded to 4-D by cuDNN', () => {
    // cuDNN's ReLU over [3, 2, 1, 1] with strides [1, 3, 1, 1]; the port ran it on the packed [2, 3] view of the same bytes.
    const relu = [0, 2, 0, 4, 5, 0];
    const reluT = [0, 4, 2, 5, 0, 0];
    const found = transposedResults([record('Relu', [3, 2, 1, 1], reluT)], [record('Relu', [2, 3], relu)]);
    expect([...found.keys()]).toEqual([0]);
    // An element-wise result that agrees as recorded stays.
    expect(transposedResults([record('Relu', [2, 3], relu)], [record('Relu', [2, 3], relu)]).size).toBe(0);
  });

  it('reads a flat element-wise result over a matrix buffer as the matrix in memory order, transposed', () => {
    const original = [record('Gemm', [2, 3], M), record('Gelu', [2, 3], M.map((v) => v * 2))];
    const ported = [record('Gemm', [2, 3], M, { reads: [1, 2], writes: [3] }), record('Gelu', [6, 1, 1, 1], MT.map((v) => v * 2), { reads: [3], writes: [3] })];
    const found = transposedResults(original, ported);
    expect([...found.keys()]).toEqual([1]);
    const viewed = withTransposedResults(ported, found);
    expect(viewed[1].outputs[0].shape).toEqual([2, 3]);
    expect([...viewed[1].outputs[0].storage]).toEqual(M.map((v) => v * 2));
    // Already in the original's order: left as recorded.
    expect(transposedResults(original, [ported[0], record('Gelu', [6, 1, 1, 1], M.map((v) => v * 2), { reads: [3], writes: [3] })]).size).toBe(0);
  });

  it('treats every element-wise operator of one tensor in the catalog as element-wise, and no call of two tensors', () => {
    // The catalog is the one source: verify's pairing (compare-runs.ts) asks the same question.
    const unary = [...catalog.operators.values()]
      .filter((o) => o.spec.category === 'elementwise' && o.spec.inputs.filter((i) => !i.optional).length === 1)
      .map((o) => o.spec.id);
    // The activations and math functions transposed-results.ts once listed by hand stay covered.
    expect(unary).toEqual(expect.arrayContaining(['Relu', 'Sigmoid', 'Tanh', 'Elu', 'LeakyRelu', 'Gelu', 'Silu', 'Abs', 'Neg', 'Exp', 'Log', 'Sqrt', 'Reciprocal', 'Rsqrt', 'Erf', 'Softplus']));
    const values = [0, 2, 0, 4, 5, 0];
    const columnMajor = [0, 4, 2, 5, 0, 0];
    const viewedTransposed = (op: string, inputs: number) => transposedResults([record(op, [3, 2, 1, 1], columnMajor, undefined, inputs)], [record(op, [2, 3], values, undefined, inputs)]).size === 1;
    expect(unary.filter((op) => !viewedTransposed(op, 1))).toEqual([]);
    // Add, and a Max of two tensors, are not functions of one tensor: no memory evidence, no view.
    expect(viewedTransposed('Add', 2)).toBe(false);
    expect(viewedTransposed('Max', 2)).toBe(false);
    expect(viewedTransposed('Max', 1)).toBe(true);
  });
});
