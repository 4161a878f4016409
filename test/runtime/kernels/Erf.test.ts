import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { erf, erfc } from '../../../src/runtime/kernels/Erf.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { unaryOracleSuite } from '../../helpers/elementwise-suite.js';

const ONE_ULP = { ulps: 1, why: "ONNX Runtime's float32 erf and our float64 erf are both faithful" };

/**
 * [x, erf(x), erfc(x)] from mpmath at 50 significant digits (printed to 25), chosen around
 * the method's switch points (|x| = 0.75, 1, 6, 28) and across the range of erfc.
 */
const REFERENCE: readonly (readonly [number, string, string])[] = [
  [1e-300, '1.128379167095512602172316e-300', '1.0'],
  [1e-20, '1.128379167095512512008253e-20', '9.999999999999999999887162e-1'],
  [1e-8, '1.128379167095512559892102e-8', '9.999999887162083290448744e-1'],
  [0.001, '1.128378790969236403437564e-3', '9.988716212090307635965624e-1'],
  [0.1, '1.124629160182848984047123e-1', '8.875370839817151015952877e-1'],
  [0.25, '2.763263901682369329850683e-1', '7.236736098317630670149317e-1'],
  [0.5, '5.204998778130465376827467e-1', '4.795001221869534623172533e-1'],
  [0.7, '6.778011938374184422768582e-1', '3.221988061625815577231418e-1'],
  [0.75, '7.111556336535151315989378e-1', '2.888443663464848684010622e-1'],
  [0.9, '7.969082124228321396646662e-1', '2.030917875771678603353338e-1'],
  [0.99, '8.385080695553697998187909e-1', '1.614919304446302001812091e-1'],
  [1, '8.427007929497148693412206e-1', '1.572992070502851306587794e-1'],
  [1.0000000000000002, '8.427007929497149615136009e-1', '1.572992070502850384863991e-1'],
  [1.25, '9.229001282564582301365235e-1', '7.709987174354176986347652e-2'],
  [1.5, '9.661051464753107270669763e-1', '3.389485352468927293302374e-2'],
  [1.75, '9.866716712191824437722111e-1', '1.33283287808175562277889e-2'],
  [2, '9.953222650189527341620693e-1', '4.677734981047265837930744e-3'],
  [2.5, '9.995930479825550410604358e-1', '4.069520174449589395642157e-4'],
  [3, '9.999779095030014145586272e-1', '2.209049699858544137277613e-5'],
  [3.5, '9.999992569016276585872545e-1', '7.430983723414127455236838e-7'],
  [4, '9.999999845827420997199811e-1', '1.541725790028001885215967e-8'],
  [4.5, '9.999999998033839558457113e-1', '1.96616044154288747627916e-10'],
  [5, '9.99999999998462540205572e-1', '1.537459794428034850188343e-12'],
  [5.5, '9.99999999999992642152082e-1', '7.357847917974398063068362e-15'],
  [5.85, '9.99999999999999869533885e-1', '1.304661149763701594382788e-16'],
  [6, '9.999999999999999784802633e-1', '2.151973671249891311659335e-17'],
  [7, '9.999999999999999999999582e-1', '4.18382560777941439861401e-23'],
  [10, '1.0', '2.088487583762544757000786e-45'],
  [15, '1.0', '7.212994172451206666565067e-100'],
  [20, '1.0', '5.395865611607900928934999e-176'],
  [26, '1.0', '5.663192408856142846475728e-296'],
];

/** Units in the last place of `expected` (a float64 rounded from the decimal reference). */
function ulps(actual: number, reference: string): number {
  const expected = Number(reference);
  const binade = 2 ** Math.floor(Math.log2(Math.abs(expected)));
  return Math.abs(actual - expected) / (binade * 2 ** -52);
}

describe('erf and erfc in float64', () => {
  // Measured over 5 772 mpmath points on [1e-20, 28]: erf ≤ 1 ulp (2.2e-16 relative), erfc ≤ 3 ulp.
  it.each(REFERENCE)('erf(%d) is within 1 ulp of the 50-digit value', (x, e) => {
    expect(ulps(erf(x), e)).toBeLessThanOrEqual(1);
    expect(erf(-x)).toBe(-erf(x));
  });

  it.each(REFERENCE)('erfc(%d) is within 3 ulp of the 50-digit value', (x, _e, c) => {
    expect(ulps(erfc(x), c)).toBeLessThanOrEqual(3);
  });

  it('handles the special values', () => {
    expect([erf(0), erf(Infinity), erf(-Infinity), erf(NaN)]).toEqual([0, 1, -1, NaN]);
    expect(Object.is(erf(-0), -0)).toBe(true);
    expect([erfc(-Infinity), erfc(-30), erfc(Infinity), erfc(30), erfc(NaN)]).toEqual([2, 2, 0, 0, NaN]);
  });

  it('is monotonic and odd on a dense grid', () => {
    let previous = -1;
    for (let i = -6000; i <= 6000; i++) {
      const x = i / 1000;
      const y = erf(x);
      expect(y).toBeGreaterThanOrEqual(previous);
      expect(erf(-x)).toBe(-y);
      previous = y;
    }
  });
});

describe('Erf', () => {
  unaryOracleSuite({
    op: 'Erf',
    range: [-5, 5],
    tolerances: { float32: ONE_ULP, float16: ONE_ULP, bfloat16: ONE_ULP },
    rejectedDType: 'int32',
  });

  it('computes float64 tensors with the float64 erf (ONNX Runtime has no float64 Erf)', () => {
    const x = REFERENCE.map(([v]) => v);
    const [y] = runOp('Erf', [tensor(x, [x.length], 'float64')]);
    expect(y.toFlatArray()).toEqual(x.map(erf));
  });
});
