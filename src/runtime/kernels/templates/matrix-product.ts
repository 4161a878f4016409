/**
 * The matrix-unit core shared by MatMul, Gemm, Conv (via im2col) and Attention:
 * C[m×n] = Σ_k A[m×k]·B[k×n] with the operands prepared for the profile's compute format and
 * the running sums kept in its accumulation dtype. Results are float64 and not yet rounded to
 * the output dtype.
 *
 * Summation semantics (what every optimisation here must preserve, and what the tests pin
 * down bit for bit against a naive loop):
 * - each output element's sum starts at +0 and runs over k in increasing order;
 * - with `splitK`, k is cut into consecutive blocks of that size; each block is summed from +0
 *   in increasing k, and the block sums are added to the total in block order;
 * - the running sum is rounded to the accumulation dtype after every addition;
 * - quantised (integer-valued) operands are summed in float64, as an integer accumulator
 *   would: exact for int16 (|product| < 2^30, exact while K < 2^23); int31 products can
 *   exceed 2^53 and then carry float64 rounding, 2^-53 relative, far below the 2^-31 step.
 *
 * A float32 accumulator emulates fp32 fused multiply-add: products of fp32-representable
 * operands are exact in float64, so each step is the exact sum rounded to float64 and then to
 * float32 (this double rounding differs from a true FMA in rare ties).
 *
 * Speed: operands are packed into small panels and multiplied by a 4×4 register-tiled
 * micro-kernel (cache blocking over k, n and m). Tiling changes only which outputs are
 * computed together, never the order of any one output's sum.
 */
import { OpError, formatShape } from '../../../errors.js';
import type { MatrixUnitNumerics } from '../../numerics/numeric-profile.js';
import { prepareOperand } from '../../numerics/matrix-operands.js';
import { rounderFor, type Rounder } from '../../numerics/accumulate.js';
import { broadcastShapes, broadcastStrides, contiguousStrides, shapeSize, stridedIndices } from '../../shape.js';
import type { DType } from '../../dtype.js';
import { Tensor } from '../../tensor.js';

/** Row-major matrix values; Float32Array wherever the values are float32-representable. */
export type MatrixValues = Float64Array | Float32Array;

export interface MatrixOperand {
  /** Row-major values. */
  readonly values: MatrixValues;
  readonly rows: number;
  readonly cols: number;
}

/** A matrix inside a larger buffer: element (i, j) is `data[offset + i*rowStride + j*colStride]`. */
export interface MatrixView {
  readonly data: MatrixValues;
  readonly offset: number;
  readonly rowStride: number;
  readonly colStride: number;
}

export interface PreparedMatrix {
  /** Values as the matrix unit sees them (integers for quantised formats). */
  readonly values: MatrixValues;
  /** Multiply products by this to return to real units (1 unless quantised). */
  readonly scale: number;
}

export function isQuantisedFormat(numerics: MatrixUnitNumerics): boolean {
  return numerics.format === 'int16' || numerics.format === 'int31';
}

/**
 * Row-major values of a float tensor without copying when it is already contiguous float32 or
 * float64 storage (the result must not be written to).
 */
export function matrixValuesOf(t: Tensor): MatrixValues {
  const whole = t.isContiguous() && t.offset === 0 && t.size === t.storage.length;
  if (whole && (t.storage instanceof Float32Array || t.storage instanceof Float64Array)) return t.storage;
  return t.toFloat64();
}

/**
 * Rounds or quantises a whole tensor's values for the matrix unit (one per-tensor scale for
 * the integer formats, as XDNN's max pointers are per tensor). `values` is not modified.
 */
export function prepareMatrix(values: MatrixValues, numerics: MatrixUnitNumerics): PreparedMatrix {
  if (numerics.format === 'fp64') return { values, scale: 1 };
  if (numerics.format === 'fp32' && numerics.rounding === 'nearest-even') {
    // Native float64 -> float32 conversion is round-to-nearest-even, the same as roundToFormat.
    return { values: values instanceof Float32Array ? values : new Float32Array(values), scale: 1 };
  }
  const prepared = prepareOperand(values instanceof Float64Array ? values : Float64Array.from(values), numerics.format, numerics.rounding);
  return { values: prepared.values, scale: prepared.scale };
}

/**
 * A whole tensor's values, row-major, prepared for the matrix unit (one quantisation scale per
 * tensor). Contiguous float32 / float64 storage is used without a copy.
 */
export function prepareTensor(t: Tensor, numerics: MatrixUnitNumerics): PreparedMatrix {
  return prepareMatrix(matrixValuesOf(t.contiguous()), numerics);
}

/** A contiguous row-major view of `values` (rows × cols). */
export function rowMajorView(values: MatrixValues, cols: number, offset = 0): MatrixView {
  return { data: values, offset, rowStride: cols, colStride: 1 };
}

/** The transpose of a row-major (rows × cols) matrix, as a view (no copy). */
export function transposedView(values: MatrixValues, cols: number, offset = 0): MatrixView {
  return { data: values, offset, rowStride: 1, colStride: cols };
}

/** Prepares A (m×k) and B (k×n), multiplies and rescales: the whole matrix unit in one call. */
export function matrixProduct(a: MatrixOperand, b: MatrixOperand, numerics: MatrixUnitNumerics): Float64Array {
  if (a.cols !== b.rows) throw new Error(`matrixProduct: inner dimensions ${a.cols} and ${b.rows} differ`);
  const pa = prepareMatrix(a.values, numerics);
  const pb = prepareMatrix(b.values, numerics);
  const out = multiplyPrepared(pa.values, pb.values, a.rows, a.cols, b.cols, numerics);
  scaleInPlace(out, 0, out.length, pa.scale * pb.scale);
  return out;
}

/** Multiplies `out[offset .. offset+count)` by `scale` (the dequantisation step). */
export function scaleInPlace(out: MatrixValues, offset: number, count: number, scale: number): void {
  if (scale === 1) return;
  for (let i = offset, end = offset + count; i < end; i++) out[i] *= scale;
}

/** Products of contiguous row-major operands already in the compute format. */
export function multiplyPrepared(
  a: MatrixValues,
  b: MatrixValues,
  m: number,
  k: number,
  n: number,
  numerics: MatrixUnitNumerics,
): Float64Array {
  const out = new Float64Array(m * n);
  multiplyInto(rowMajorView(a, k), rowMajorView(b, n), m, k, n, numerics, out, 0);
  return out;
}

/**
 * Whether results under `numerics` can be written straight into float32 storage without
 * changing them: running sums rounded to float32 or narrower, and no dequantisation scale.
 */
export function fitsFloat32Output(numerics: MatrixUnitNumerics): boolean {
  return !isQuantisedFormat(numerics) && numerics.accumulate !== 'float64';
}

/**
 * Writes A·B (m×n, row-major) into `out` starting at `outOffset`, for operands already in the
 * compute format (see `prepareMatrix`; the caller applies the quantisation scale). `out` may
 * be a Float32Array only when `fitsFloat32Output(numerics)`: every running sum then is a
 * float32 value, so float32 storage holds it exactly.
 */
export function multiplyInto(
  a: MatrixView,
  b: MatrixView,
  m: number,
  k: number,
  n: number,
  numerics: MatrixUnitNumerics,
  out: MatrixValues,
  outOffset: number,
): void {
  if (out instanceof Float32Array && !fitsFloat32Output(numerics)) {
    throw new Error(`matrix unit: ${numerics.format} operands with ${numerics.accumulate} sums need a Float64Array output`);
  }
  out.fill(0, outOffset, outOffset + m * n);
  if (m === 0 || n === 0 || k === 0) return;
  const accumulate = isQuantisedFormat(numerics) ? 'float64' : numerics.accumulate;
  const splitK = numerics.splitK;
  if (splitK !== undefined && splitK !== 0 && (!Number.isInteger(splitK) || splitK < 0)) {
    throw new Error(`matrix unit: splitK must be a positive integer, got ${splitK}`);
  }
  const split = splitK && splitK < k ? splitK : 0;
  if (accumulate === 'float64' || accumulate === 'float32') {
    blockedMultiply(a, b, m, k, n, accumulate === 'float32', split, out, outOffset);
  } else {
    narrowMultiply(a, b, m, k, n, rounderFor(accumulate), split === 0 ? k : split, out, outOffset);
  }
}

export interface MatmulResult {
  /** Row-major results; a Float32Array only when asked for float32 output and exact. */
  readonly values: MatrixValues;
  readonly shape: number[];
}

/**
 * Output storage for `length` results: float32 when the caller stores float32 anyway and the
 * numerics make every result a float32 value (saves a float64 buffer and a conversion pass).
 */
export function resultBuffer(length: number, numerics: MatrixUnitNumerics, outputDType?: DType): MatrixValues {
  return outputDType === 'float32' && fitsFloat32Output(numerics) ? new Float32Array(length) : new Float64Array(length);
}

/** A tensor of `dtype` holding `values`, adopting float32 storage instead of copying it. */
export function resultTensor(values: MatrixValues, shape: readonly number[], dtype: DType): Tensor {
  if (dtype === 'float32' && values instanceof Float32Array) return new Tensor(values, 'float32', shape);
  return Tensor.fromNumbers(values, shape, dtype);
}

/**
 * NumPy `matmul` of two tensors on the matrix unit: a 1-D A is a row vector and a 1-D B a
 * column vector (the added axis is removed from the result), leading batch dimensions
 * broadcast. Each operand is prepared once as a whole tensor (one quantisation scale each).
 * Results are float64 unless `outputDType` is float32 and they are exactly float32 values.
 */
export function numpyMatmul(op: string, a: Tensor, b: Tensor, numerics: MatrixUnitNumerics, outputDType?: DType): MatmulResult {
  if (a.rank === 0 || b.rank === 0) {
    throw new OpError(op, `inputs must have rank >= 1, got A ${formatShape(a.shape)} and B ${formatShape(b.shape)}`, {
      fix: 'use Mul to scale by a scalar',
    });
  }
  const aShape = a.rank === 1 ? [1, a.shape[0]] : [...a.shape];
  const bShape = b.rank === 1 ? [b.shape[0], 1] : [...b.shape];
  const m = aShape[aShape.length - 2];
  const k = aShape[aShape.length - 1];
  const n = bShape[bShape.length - 1];
  if (bShape[bShape.length - 2] !== k) {
    throw new OpError(
      op,
      `A ${formatShape(a.shape)} has ${k} columns but B ${formatShape(b.shape)} has ${bShape[bShape.length - 2]} rows; the inner dimensions must match`,
    );
  }
  const aBatch = aShape.slice(0, -2);
  const bBatch = bShape.slice(0, -2);
  let batch: number[];
  try {
    batch = broadcastShapes([aBatch, bBatch], op);
  } catch {
    throw new OpError(
      op,
      `batch dimensions ${formatShape(aBatch)} of A ${formatShape(a.shape)} and ${formatShape(bBatch)} of B ${formatShape(b.shape)} cannot be broadcast`,
    );
  }
  const shape = [...batch, ...(a.rank > 1 ? [m] : []), ...(b.rank > 1 ? [n] : [])];
  const count = shapeSize(batch);
  const values = resultBuffer(count * m * n, numerics, outputDType);
  if (values.length === 0) return { values, shape };
  const pa = prepareTensor(a, numerics);
  const pb = prepareTensor(b, numerics);
  if (shapeSize(bBatch) === 1 && shapeSize(aBatch) === count) {
    // A shared B: the batches of A are consecutive rows of one (count·m × k) product.
    multiplyInto(rowMajorView(pa.values, k), rowMajorView(pb.values, n), count * m, k, n, numerics, values, 0);
  } else {
    const aOffsets = batchOffsets(aBatch, m * k, batch);
    const bOffsets = batchOffsets(bBatch, k * n, batch);
    for (let i = 0; i < count; i++) {
      multiplyInto(rowMajorView(pa.values, k, aOffsets[i]), rowMajorView(pb.values, n, bOffsets[i]), m, k, n, numerics, values, i * m * n);
    }
  }
  scaleInPlace(values, 0, values.length, pa.scale * pb.scale);
  return { values, shape };
}

/** Offset of each (broadcast) batch's matrix inside a contiguous operand. */
function batchOffsets(operandBatch: readonly number[], matrixSize: number, batch: readonly number[]): Int32Array | Float64Array {
  const strides = contiguousStrides(operandBatch).map((s) => s * matrixSize);
  return stridedIndices(batch, broadcastStrides(operandBatch, strides, batch, 'matmul batch'), 0);
}

// ---------------------------------------------------------------------------------------------
// Blocked float32 / float64 path

const MR = 4;
const NR = 4;
/** Depth of one packed block when no split-K fixes it. */
const KC_DEFAULT = 256;
/** Packed A block (MC × KC doubles) sized for L2, packed B block (KC × NC) for L2/L3. */
const A_BLOCK_ELEMENTS = 32 * 1024;
const B_BLOCK_ELEMENTS = 128 * 1024;

function roundUp(x: number, to: number): number {
  return Math.ceil(x / to) * to;
}

function blockedMultiply(
  a: MatrixView,
  b: MatrixView,
  m: number,
  k: number,
  n: number,
  float32: boolean,
  split: number,
  out: MatrixValues,
  outOffset: number,
): void {
  // With split-K every depth block is exactly one split block, summed from zero.
  const kcMax = split > 0 ? split : Math.min(k, KC_DEFAULT);
  const fresh = split > 0;
  const mcMax = Math.max(MR, Math.min(roundUp(m, MR), Math.floor(A_BLOCK_ELEMENTS / kcMax / MR) * MR));
  const ncMax = Math.max(NR, Math.min(roundUp(n, NR), Math.floor(B_BLOCK_ELEMENTS / kcMax / NR) * NR));
  const aPack = scratch(0, mcMax * kcMax);
  const bPack = scratch(1, ncMax * kcMax);
  const edge = scratch(2, MR * NR);
  for (let jc = 0; jc < n; jc += ncMax) {
    const nc = Math.min(ncMax, n - jc);
    for (let pc = 0; pc < k; pc += kcMax) {
      const kc = Math.min(kcMax, k - pc);
      packB(b, pc, kc, jc, nc, bPack);
      for (let ic = 0; ic < m; ic += mcMax) {
        const mc = Math.min(mcMax, m - ic);
        packA(a, ic, mc, pc, kc, aPack);
        for (let jr = 0; jr < nc; jr += NR) {
          const bOffset = jr * kc;
          const cols = Math.min(NR, nc - jr);
          for (let ir = 0; ir < mc; ir += MR) {
            const rows = Math.min(MR, mc - ir);
            const cOffset = outOffset + (ic + ir) * n + jc + jr;
            if (rows === MR && cols === NR) {
              if (float32) microKernelFloat32(aPack, ir * kc, bPack, bOffset, kc, out, cOffset, n, fresh);
              else microKernelFloat64(aPack, ir * kc, bPack, bOffset, kc, out as Float64Array, cOffset, n, fresh);
            } else {
              // Edge tile: run the full tile on a scratch copy and keep the valid part.
              copyTile(out, cOffset, n, edge, 0, NR, rows, cols);
              if (float32) microKernelFloat32(aPack, ir * kc, bPack, bOffset, kc, edge, 0, NR, fresh);
              else microKernelFloat64(aPack, ir * kc, bPack, bOffset, kc, edge, 0, NR, fresh);
              copyTile(edge, 0, NR, out, cOffset, n, rows, cols);
            }
          }
        }
      }
    }
  }
}

/**
 * Reusable packing buffers: the matrix unit is synchronous and never re-entered, so one set
 * serves every call (fresh multi-megabyte allocations per call cost more than small products).
 */
const scratchBuffers: Float64Array[] = [];

function scratch(slot: number, length: number): Float64Array {
  const existing = scratchBuffers[slot];
  if (existing && existing.length >= length) return existing;
  const created = new Float64Array(length);
  scratchBuffers[slot] = created;
  return created;
}

function copyTile(src: MatrixValues, srcOffset: number, srcStride: number, dst: MatrixValues, dstOffset: number, dstStride: number, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    for (let q = 0; q < cols; q++) dst[dstOffset + r * dstStride + q] = src[srcOffset + r * srcStride + q];
  }
}

/** Packs rows [i0, i0+mc) × depth [p0, p0+kc) of A into MR-row panels, depth-major, zero-padded. */
function packA(a: MatrixView, i0: number, mc: number, p0: number, kc: number, pack: Float64Array): void {
  const { data, rowStride, colStride } = a;
  for (let ir = 0; ir < mc; ir += MR) {
    const panel = ir * kc;
    for (let r = 0; r < MR; r++) {
      const row = i0 + ir + r;
      if (ir + r >= mc) {
        for (let p = 0; p < kc; p++) pack[panel + p * MR + r] = 0;
        continue;
      }
      let src = a.offset + row * rowStride + p0 * colStride;
      for (let p = 0; p < kc; p++, src += colStride) pack[panel + p * MR + r] = data[src];
    }
  }
}

/** Packs depth [p0, p0+kc) × columns [j0, j0+nc) of B into NR-column panels, zero-padded. */
function packB(b: MatrixView, p0: number, kc: number, j0: number, nc: number, pack: Float64Array): void {
  const { data, rowStride, colStride } = b;
  for (let jr = 0; jr < nc; jr += NR) {
    const panel = jr * kc;
    const cols = Math.min(NR, nc - jr);
    let src = b.offset + p0 * rowStride + (j0 + jr) * colStride;
    for (let p = 0; p < kc; p++, src += rowStride) {
      const dst = panel + p * NR;
      let q = 0;
      for (; q < cols; q++) pack[dst + q] = data[src + q * colStride];
      for (; q < NR; q++) pack[dst + q] = 0;
    }
  }
}

/**
 * C[4×4] (row stride ldc) continues its sums over one packed depth block with float32 rounding
 * after every step; with `fresh` the block is summed from +0 and then added to C (split-K).
 * C may be float32 storage: every value written is already a float32.
 */
function microKernelFloat32(
  ap: Float64Array,
  aOffset: number,
  bp: Float64Array,
  bOffset: number,
  kc: number,
  c: MatrixValues,
  cOffset: number,
  ldc: number,
  fresh: boolean,
): void {
  const o0 = cOffset;
  const o1 = o0 + ldc;
  const o2 = o1 + ldc;
  const o3 = o2 + ldc;
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  if (!fresh) {
    c00 = c[o0]; c01 = c[o0 + 1]; c02 = c[o0 + 2]; c03 = c[o0 + 3];
    c10 = c[o1]; c11 = c[o1 + 1]; c12 = c[o1 + 2]; c13 = c[o1 + 3];
    c20 = c[o2]; c21 = c[o2 + 1]; c22 = c[o2 + 2]; c23 = c[o2 + 3];
    c30 = c[o3]; c31 = c[o3 + 1]; c32 = c[o3 + 2]; c33 = c[o3 + 3];
  }
  const fround = Math.fround;
  for (let p = 0, ai = aOffset, bi = bOffset; p < kc; p++, ai += MR, bi += NR) {
    const a0 = ap[ai], a1 = ap[ai + 1], a2 = ap[ai + 2], a3 = ap[ai + 3];
    const b0 = bp[bi], b1 = bp[bi + 1], b2 = bp[bi + 2], b3 = bp[bi + 3];
    c00 = fround(c00 + a0 * b0); c01 = fround(c01 + a0 * b1); c02 = fround(c02 + a0 * b2); c03 = fround(c03 + a0 * b3);
    c10 = fround(c10 + a1 * b0); c11 = fround(c11 + a1 * b1); c12 = fround(c12 + a1 * b2); c13 = fround(c13 + a1 * b3);
    c20 = fround(c20 + a2 * b0); c21 = fround(c21 + a2 * b1); c22 = fround(c22 + a2 * b2); c23 = fround(c23 + a2 * b3);
    c30 = fround(c30 + a3 * b0); c31 = fround(c31 + a3 * b1); c32 = fround(c32 + a3 * b2); c33 = fround(c33 + a3 * b3);
  }
  if (fresh) {
    c[o0] = fround(c[o0] + c00); c[o0 + 1] = fround(c[o0 + 1] + c01); c[o0 + 2] = fround(c[o0 + 2] + c02); c[o0 + 3] = fround(c[o0 + 3] + c03);
    c[o1] = fround(c[o1] + c10); c[o1 + 1] = fround(c[o1 + 1] + c11); c[o1 + 2] = fround(c[o1 + 2] + c12); c[o1 + 3] = fround(c[o1 + 3] + c13);
    c[o2] = fround(c[o2] + c20); c[o2 + 1] = fround(c[o2 + 1] + c21); c[o2 + 2] = fround(c[o2 + 2] + c22); c[o2 + 3] = fround(c[o2 + 3] + c23);
    c[o3] = fround(c[o3] + c30); c[o3 + 1] = fround(c[o3 + 1] + c31); c[o3 + 2] = fround(c[o3 + 2] + c32); c[o3 + 3] = fround(c[o3 + 3] + c33);
  } else {
    c[o0] = c00; c[o0 + 1] = c01; c[o0 + 2] = c02; c[o0 + 3] = c03;
    c[o1] = c10; c[o1 + 1] = c11; c[o1 + 2] = c12; c[o1 + 3] = c13;
    c[o2] = c20; c[o2 + 1] = c21; c[o2 + 2] = c22; c[o2 + 3] = c23;
    c[o3] = c30; c[o3 + 1] = c31; c[o3 + 2] = c32; c[o3 + 3] = c33;
  }
}

/** As `microKernelFloat32` with float64 running sums (golden, quantised). */
function microKernelFloat64(
  ap: Float64Array,
  aOffset: number,
  bp: Float64Array,
  bOffset: number,
  kc: number,
  c: Float64Array,
  cOffset: number,
  ldc: number,
  fresh: boolean,
): void {
  const o0 = cOffset;
  const o1 = o0 + ldc;
  const o2 = o1 + ldc;
  const o3 = o2 + ldc;
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  if (!fresh) {
    c00 = c[o0]; c01 = c[o0 + 1]; c02 = c[o0 + 2]; c03 = c[o0 + 3];
    c10 = c[o1]; c11 = c[o1 + 1]; c12 = c[o1 + 2]; c13 = c[o1 + 3];
    c20 = c[o2]; c21 = c[o2 + 1]; c22 = c[o2 + 2]; c23 = c[o2 + 3];
    c30 = c[o3]; c31 = c[o3 + 1]; c32 = c[o3 + 2]; c33 = c[o3 + 3];
  }
  for (let p = 0, ai = aOffset, bi = bOffset; p < kc; p++, ai += MR, bi += NR) {
    const a0 = ap[ai], a1 = ap[ai + 1], a2 = ap[ai + 2], a3 = ap[ai + 3];
    const b0 = bp[bi], b1 = bp[bi + 1], b2 = bp[bi + 2], b3 = bp[bi + 3];
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
  }
  if (fresh) {
    c[o0] += c00; c[o0 + 1] += c01; c[o0 + 2] += c02; c[o0 + 3] += c03;
    c[o1] += c10; c[o1 + 1] += c11; c[o1 + 2] += c12; c[o1 + 3] += c13;
    c[o2] += c20; c[o2 + 1] += c21; c[o2 + 2] += c22; c[o2 + 3] += c23;
    c[o3] += c30; c[o3 + 1] += c31; c[o3 + 2] += c32; c[o3 + 3] += c33;
  } else {
    c[o0] = c00; c[o0 + 1] = c01; c[o0 + 2] = c02; c[o0 + 3] = c03;
    c[o1] = c10; c[o1 + 1] = c11; c[o1 + 2] = c12; c[o1 + 3] = c13;
    c[o2] = c20; c[o2 + 1] = c21; c[o2 + 2] = c22; c[o2 + 3] = c23;
    c[o3] = c30; c[o3 + 1] = c31; c[o3 + 2] = c32; c[o3 + 3] = c33;
  }
}

// ---------------------------------------------------------------------------------------------
// Narrow accumulators (float16 / bfloat16): rounding after every step dominates the cost, so a
// plain loop is enough.

function narrowMultiply(
  a: MatrixView,
  b: MatrixView,
  m: number,
  k: number,
  n: number,
  round: Rounder,
  block: number,
  out: MatrixValues,
  outOffset: number,
): void {
  for (let i = 0; i < m; i++) {
    const aRow = a.offset + i * a.rowStride;
    for (let j = 0; j < n; j++) {
      const bCol = b.offset + j * b.colStride;
      let total = 0;
      for (let k0 = 0; k0 < k; k0 += block) {
        const k1 = Math.min(k, k0 + block);
        let acc = 0;
        for (let p = k0; p < k1; p++) acc = round(acc + a.data[aRow + p * a.colStride] * b.data[bCol + p * b.rowStride]);
        total = k0 === 0 ? acc : round(total + acc);
      }
      out[outOffset + i * n + j] = total;
    }
  }
}
