/**
 * The geometry and the sums shared by the reduction kernels. Reduced axes are moved behind
 * the kept ones and the data made contiguous, so every output element reduces one contiguous
 * group of stored elements, read in row-major order of the reduced axes.
 */
import { OpError, formatShape } from '../../../errors.js';
import type { DType, Storage } from '../../dtype.js';
import { isFloatDType } from '../../dtype.js';
import type { KernelContext, RawAttributes } from '../../kernel.js';
import { AttributeReader } from '../../attribute-reader.js';
import { sumStrided } from '../../numerics/accumulate.js';
import type { ReductionNumerics } from '../../numerics/numeric-profile.js';
import { Tensor } from '../../tensor.js';
import { normalizeAxesOf, readIntegerVector } from './axis-inputs.js';
import { reductionNumerics } from './compute-precision.js';
import { requireDType, requireInput } from './elementwise.js';
import { materialize } from './outer-index.js';

/** Types of ONNX ReduceSum-13, ReduceMean-18 and CumSum-14 available in the runtime. */
export const SUM_DTYPES: readonly DType[] = ['float64', 'float32', 'float16', 'bfloat16', 'int64', 'int32'];

export interface ReduceAttributes {
  readonly keepdims: boolean;
  readonly noopWithEmptyAxes: boolean;
}

/** keepdims (default 1) and noop_with_empty_axes (default 0), as ONNX Reduce* define them. */
export function readReduceAttributes(op: string, raw: RawAttributes): ReduceAttributes {
  const reader = new AttributeReader(op, raw);
  const attributes = {
    keepdims: reader.bool('keepdims', true),
    noopWithEmptyAxes: reader.bool('noop_with_empty_axes', false),
  };
  reader.done();
  return attributes;
}

export interface ReductionPlan {
  readonly data: Tensor;
  /** Reduced axes, ascending and unique. */
  readonly axes: readonly number[];
  /** Axes absent or empty with noop_with_empty_axes: the output is the input. */
  readonly noop: boolean;
  readonly outputShape: readonly number[];
}

/** Validates `data` and the optional `axes` input (int64 1-D) of an ONNX Reduce* operator. */
export function planReduction(
  op: string,
  inputs: readonly (Tensor | undefined)[],
  attributes: ReduceAttributes,
  dtypes: readonly DType[],
): ReductionPlan {
  const data = requireInput(op, inputs, 0, 'data');
  requireDType(op, data, 'data', dtypes);
  const axesInput = inputs[1];
  const given = axesInput ? readIntegerVector(op, axesInput, 'axes') : [];
  // ONNX Runtime treats repeated axes as one; so do we.
  const axes = normalizeAxesOf(op, given, data.shape, { allowDuplicates: true }).sort((a, b) => a - b);
  if (axes.length === 0) {
    if (attributes.noopWithEmptyAxes) return { data, axes: [], noop: true, outputShape: data.shape };
    axes.push(...data.shape.map((_, i) => i));
  }
  return { data, axes, noop: false, outputShape: reducedShape(data.shape, axes, attributes.keepdims) };
}

/** `shape` with `axes` set to 1 (keepdims) or removed. */
export function reducedShape(shape: readonly number[], axes: readonly number[], keepdims: boolean): number[] {
  const out: number[] = [];
  shape.forEach((dim, i) => {
    if (!axes.includes(i)) out.push(dim);
    else if (keepdims) out.push(1);
  });
  return out;
}

export interface AxisGroups {
  /** Contiguous; kept axes first (in order), reduced axes last. Group g is [g*size, (g+1)*size). */
  readonly grouped: Tensor;
  readonly count: number;
  readonly size: number;
}

/** Lays `data` out so that the elements reduced together are adjacent (no copy if they already are). */
export function groupAxes(data: Tensor, axes: readonly number[]): AxisGroups {
  const kept = data.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const perm = [...kept, ...axes];
  const view = perm.every((p, i) => p === i) ? data : data.permute(perm);
  const grouped = view.isContiguous() && view.offset === 0 ? view : materialize(view);
  const size = axes.reduce((n, a) => n * data.shape[a], 1);
  const count = kept.reduce((n, a) => n * data.shape[a], 1);
  return { grouped, count, size };
}

/**
 * The elements of a grouped tensor as numbers, in order: the storage itself where it already
 * holds plain numbers (no copy), decoded float64 for float16 / bfloat16. Not for int64.
 */
export function groupValues(groups: AxisGroups): ArrayLike<number> {
  const { grouped } = groups;
  if (grouped.dtype === 'int64') throw new Error('groupValues: int64 needs exact BigInt handling');
  return grouped.dtype === 'float16' || grouped.dtype === 'bfloat16' ? grouped.toFloat64() : (grouped.storage as Exclude<Storage, BigInt64Array>);
}

/** Inverse of grouping one axis: moves the last axis of `t` to position `axis` (fresh storage). */
export function restoreAxis(t: Tensor, axis: number): Tensor {
  const last = t.rank - 1;
  if (axis === last) return t;
  const perm = t.shape.map((_, i) => (i === axis ? last : i < axis ? i : i - 1));
  return materialize(t.permute(perm));
}

/**
 * Sum of every group. Floats: through `sumStrided` under `numerics` (not yet rounded to the
 * output dtype). int32: exact with two's-complement wrap-around, as C integer addition on
 * the device does. int64: exact in BigInt, wrapped to 64 bits.
 */
export function sumGroups(groups: AxisGroups, numerics: ReductionNumerics): Float64Array | BigInt64Array {
  const { grouped, count, size } = groups;
  if (grouped.dtype === 'int64') {
    const src = grouped.storage as BigInt64Array;
    const out = new BigInt64Array(count);
    for (let g = 0, p = 0; g < count; g++) {
      let acc = 0n;
      for (let i = 0; i < size; i++, p++) acc += src[p];
      out[g] = BigInt.asIntN(64, acc);
    }
    return out;
  }
  const out = new Float64Array(count);
  const values = groupValues(groups);
  if (grouped.dtype === 'int32') {
    for (let g = 0, p = 0; g < count; g++) {
      let acc = 0;
      for (let i = 0; i < size; i++, p++) acc = (acc + values[p]) | 0;
      out[g] = acc;
    }
    return out;
  }
  if (!isFloatDType(grouped.dtype)) throw new Error(`sumGroups: unsupported dtype ${grouped.dtype}`);
  for (let g = 0; g < count; g++) out[g] = sumStrided(values, g * size, size, 1, numerics);
  return out;
}

export interface GroupSums {
  readonly plan: ReductionPlan;
  readonly groups: AxisGroups;
  /** The sum of every group (`sumGroups`), not yet rounded to the output dtype. */
  readonly sums: Float64Array | BigInt64Array;
  readonly numerics: ReductionNumerics;
}

/**
 * The part ReduceSum and ReduceMean share: plan the ONNX reduction, group the reduced
 * elements and sum every group under the profile. Returns the output itself (a copy of
 * `data`) when the reduction is a no-op.
 */
export function reduceGroupSums(
  op: string,
  inputs: readonly (Tensor | undefined)[],
  attributes: ReduceAttributes,
  ctx: KernelContext,
): GroupSums | Tensor {
  const plan = planReduction(op, inputs, attributes, SUM_DTYPES);
  if (plan.noop) return materialize(plan.data);
  const groups = groupAxes(plan.data, plan.axes);
  const numerics = reductionNumerics(plan.data.dtype, ctx);
  return { plan, groups, sums: sumGroups(groups, numerics), numerics };
}

/** A tensor of `shape` and `dtype` from computed values (BigInt64Array only for int64). */
export function tensorFromValues(values: Float64Array | BigInt64Array, shape: readonly number[], dtype: DType): Tensor {
  if (values instanceof BigInt64Array) return new Tensor(values as Storage, dtype, shape);
  return Tensor.fromNumbers(values, shape, dtype);
}

/** Shared message for reductions that have no value on an empty group. */
export function emptyAxisError(op: string, data: Tensor, axes: readonly number[], why: string): OpError {
  return new OpError(op, `cannot reduce over axes [${axes.join(', ')}] of data ${formatShape(data.shape)}: ${why}`);
}
