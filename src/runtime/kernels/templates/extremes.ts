/**
 * Maxima and minima: ReduceMax/ReduceMin (the extreme value) and ArgMax/ArgMin (its index).
 * Values are compared exactly — as numbers (float16/bfloat16 decoded), int64 as BigInt — and
 * the selected stored element is copied, so the result keeps its bits (NaN payload, -0, int64).
 *
 * NaN: ReduceMax/ReduceMin propagate it (the first NaN of a group is the result), as NumPy,
 * PyTorch and IEEE 754-2019 maximum/minimum do; among equal zeros max picks +0 and min -0.
 * ONNX Runtime instead ignores a NaN unless it is the group's first element, an order
 * artefact of its running comparison that we do not copy.
 * ArgMax/ArgMin reproduce ONNX Runtime exactly (onnxruntime reduction_ops.h): without
 * select_last_index the index of the first NaN if any, else of the first extreme (Eigen
 * maxCoeff/minCoeff); with select_last_index a running `>=` (`<=`) comparison from element 0,
 * in which a NaN never wins unless it is element 0.
 */
import { OpError, formatShape } from '../../../errors.js';
import type { DType } from '../../dtype.js';
import { allocateStorage } from '../../dtype.js';
import type { RawAttributes } from '../../kernel.js';
import { AttributeReader } from '../../attribute-reader.js';
import { Tensor } from '../../tensor.js';
import { normalizeAxisOf } from './axis-inputs.js';
import { requireDType, requireInput } from './elementwise.js';
import { groupAxes, groupValues, planReduction, reducedShape, type AxisGroups, type ReduceAttributes } from './reduction.js';
import { materialize } from './outer-index.js';
import { cells, encodeStored, type StoredValue } from './stored-elements.js';

export type Extreme = 'max' | 'min';

/** ONNX ReduceMax-20 / ReduceMin-20 types available in the runtime. */
export const EXTREME_DTYPES: readonly DType[] = ['float64', 'float32', 'float16', 'bfloat16', 'int64', 'int32', 'int8', 'uint8', 'bool'];
/** ONNX ArgMax-13 / ArgMin-13 types (all numeric). */
export const ARG_DTYPES: readonly DType[] = ['float64', 'float32', 'float16', 'bfloat16', 'int64', 'int32', 'int16', 'int8', 'uint8'];

type Keys = ArrayLike<number> | BigInt64Array;

/** Exact comparison keys of grouped data: the int64 storage as BigInt, other types as numbers. */
export function orderKeys(groups: AxisGroups): Keys {
  return groups.grouped.dtype === 'int64' ? (groups.grouped.storage as BigInt64Array) : groupValues(groups);
}

function beats(v: number | bigint, best: number | bigint, extreme: Extreme): boolean {
  return extreme === 'max' ? v > best : v < best;
}

/**
 * Index within the group of its first extreme, or of its first NaN if it holds one. With
 * `signedZeros`, +0 beats -0 for max and -0 beats +0 for min (IEEE 754-2019 maximum /
 * minimum); without, equal zeros keep the first (Eigen maxCoeff / minCoeff).
 */
function firstExtremeIndex(keys: Keys, start: number, size: number, extreme: Extreme, signedZeros: boolean): number {
  let best = 0;
  let bestValue = keys[start];
  if (bestValue !== bestValue) return 0;
  for (let i = 1; i < size; i++) {
    const v = keys[start + i];
    if (v !== v) return i;
    if (beats(v, bestValue, extreme)) {
      best = i;
      bestValue = v;
    } else if (signedZeros && v === 0 && bestValue === 0 && typeof v === 'number' && beats(1 / v, 1 / (bestValue as number), extreme)) {
      best = i;
      bestValue = v;
    }
  }
  return best;
}

/** Index within the group of its NaN-propagating extreme (IEEE 754-2019 maximum / minimum). */
export function extremeIndex(keys: Keys, start: number, size: number, extreme: Extreme): number {
  return firstExtremeIndex(keys, start, size, extreme, true);
}

/** Index within the group chosen by ONNX Runtime's ArgMax / ArgMin. */
export function argExtremeIndex(keys: Keys, start: number, size: number, extreme: Extreme, selectLast: boolean): number {
  if (!selectLast) return firstExtremeIndex(keys, start, size, extreme, false);
  let best = 0;
  let bestValue = keys[start];
  for (let i = 1; i < size; i++) {
    const v = keys[start + i];
    if (v === bestValue || beats(v, bestValue, extreme)) {
      best = i;
      bestValue = v;
    }
  }
  return best;
}

const INT_LIMITS: Partial<Record<DType, readonly [number, number]>> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int16: [-(2 ** 15), 2 ** 15 - 1],
  int8: [-128, 127],
  uint8: [0, 255],
  bool: [0, 1],
};

/**
 * ReduceMax / ReduceMin of an empty set (ONNX): -inf / +inf where the type has them, else the
 * type's minimum / maximum (false / true for bool, which ONNX orders false < true).
 */
export function emptyExtreme(dtype: DType, extreme: Extreme): StoredValue {
  if (dtype === 'int64') return extreme === 'max' ? -(2n ** 63n) : 2n ** 63n - 1n;
  const limits = INT_LIMITS[dtype];
  if (limits) return extreme === 'max' ? limits[0] : limits[1];
  return encodeStored(extreme === 'max' ? -Infinity : Infinity, dtype);
}

/** The body of ReduceMax / ReduceMin. */
export function reduceExtreme(op: string, inputs: readonly (Tensor | undefined)[], attributes: ReduceAttributes, extreme: Extreme): Tensor {
  const plan = planReduction(op, inputs, attributes, EXTREME_DTYPES);
  if (plan.noop) return materialize(plan.data);
  const groups = groupAxes(plan.data, plan.axes);
  const { grouped, count, size } = groups;
  const dtype = grouped.dtype;
  const out = allocateStorage(dtype, count);
  const dst = cells(out);
  if (size === 0) {
    const identity = emptyExtreme(dtype, extreme);
    for (let g = 0; g < count; g++) dst[g] = identity;
  } else {
    const keys = orderKeys(groups);
    const src = cells(grouped.storage);
    for (let g = 0; g < count; g++) dst[g] = src[g * size + extremeIndex(keys, g * size, size, extreme)];
  }
  return new Tensor(out, dtype, plan.outputShape);
}

export interface ArgAttributes {
  readonly axis: number;
  readonly keepdims: boolean;
  readonly selectLastIndex: boolean;
}

/** axis (default 0), keepdims (default 1), select_last_index (default 0). */
export function readArgAttributes(op: string, raw: RawAttributes): ArgAttributes {
  const reader = new AttributeReader(op, raw);
  const attributes = {
    axis: reader.int('axis', 0),
    keepdims: reader.bool('keepdims', true),
    selectLastIndex: reader.bool('select_last_index', false),
  };
  reader.done();
  return attributes;
}

/** The body of ArgMax / ArgMin: int64 indices along one axis. */
export function argExtreme(op: string, inputs: readonly (Tensor | undefined)[], attributes: ArgAttributes, extreme: Extreme): Tensor {
  const data = requireInput(op, inputs, 0, 'data');
  requireDType(op, data, 'data', ARG_DTYPES);
  const axis = normalizeAxisOf(op, attributes.axis, data.shape);
  const groups = groupAxes(data, [axis]);
  const { count, size } = groups;
  if (size === 0 && count > 0) {
    throw new OpError(op, `axis ${attributes.axis} of data ${formatShape(data.shape)} is empty, so there is no ${extreme} to index`);
  }
  const keys = orderKeys(groups);
  const out = new BigInt64Array(count);
  for (let g = 0; g < count; g++) out[g] = BigInt(argExtremeIndex(keys, g * size, size, extreme, attributes.selectLastIndex));
  return new Tensor(out, 'int64', reducedShape(data.shape, [axis], attributes.keepdims));
}
