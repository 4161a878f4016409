/** Deterministic test inputs: a small seeded PRNG (mulberry32) and tensor builders. */
import type { DType } from '../../src/runtime/dtype.js';
import { Tensor } from '../../src/runtime/tensor.js';
import { shapeSize } from '../../src/runtime/shape.js';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomTensorOptions {
  readonly low?: number;
  readonly high?: number;
  /** Round values to integers (for integer dtypes this is implied). */
  readonly integers?: boolean;
}

/** Uniform values in [low, high) from `seed`, converted to `dtype`. */
export function randomTensor(shape: readonly number[], dtype: DType, seed: number, options: RandomTensorOptions = {}): Tensor {
  const next = mulberry32(seed);
  const low = options.low ?? -1;
  const high = options.high ?? 1;
  const integers = options.integers ?? !['float64', 'float32', 'float16', 'bfloat16'].includes(dtype);
  const values = Array.from({ length: shapeSize(shape) }, () => {
    const v = low + (high - low) * next();
    return integers ? Math.floor(v) : v;
  });
  return Tensor.fromNumbers(values, shape, dtype);
}
