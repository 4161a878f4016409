/**
 * Tensor comparison for tests: shapes and dtypes must match; values must satisfy
 * |a - e| <= atol + rtol * |e| (torch.testing.assert_close); NaN matches NaN and infinities
 * must match exactly. The failure message names the worst element and its index.
 */
import { expect } from 'vitest';
import { formatShape } from '../../src/errors.js';
import type { Tensor } from '../../src/runtime/tensor.js';

export interface Tolerance {
  readonly rtol: number;
  readonly atol: number;
}

export function expectClose(actual: Tensor, expected: Tensor, tolerance: Tolerance, label = ''): void {
  const prefix = label ? `${label}: ` : '';
  expect(formatShape(actual.shape), `${prefix}shape`).toBe(formatShape(expected.shape));
  expect(actual.dtype, `${prefix}dtype`).toBe(expected.dtype);
  const a = actual.toFloat64();
  const e = expected.toFloat64();
  let worst = -1;
  let worstExcess = 0;
  for (let i = 0; i < e.length; i++) {
    const ai = a[i];
    const ei = e[i];
    if (Number.isNaN(ei) || Number.isNaN(ai)) {
      if (Number.isNaN(ei) !== Number.isNaN(ai)) {
        worst = i;
        worstExcess = Infinity;
        break;
      }
      continue;
    }
    if (!Number.isFinite(ei) || !Number.isFinite(ai)) {
      if (ai !== ei) {
        worst = i;
        worstExcess = Infinity;
        break;
      }
      continue;
    }
    const excess = Math.abs(ai - ei) - (tolerance.atol + tolerance.rtol * Math.abs(ei));
    if (excess > worstExcess) {
      worstExcess = excess;
      worst = i;
    }
  }
  if (worst >= 0) {
    expect.fail(
      `${prefix}element ${worst} differs: got ${a[worst]}, expected ${e[worst]} ` +
        `(rtol ${tolerance.rtol}, atol ${tolerance.atol}, shape ${formatShape(expected.shape)})`,
    );
  }
}

/** Bitwise equality of the stored elements (for exact kernels such as data movement). */
export function expectIdentical(actual: Tensor, expected: Tensor, label = ''): void {
  const prefix = label ? `${label}: ` : '';
  expect(formatShape(actual.shape), `${prefix}shape`).toBe(formatShape(expected.shape));
  expect(actual.dtype, `${prefix}dtype`).toBe(expected.dtype);
  expect(Array.from(actual.contiguous().storage as ArrayLike<number>), `${prefix}elements`).toEqual(
    Array.from(expected.contiguous().storage as ArrayLike<number>),
  );
}
