/**
 * How verify pairs calls a port makes differently without changing any value: steps that
 * cannot change a value (a Mul by 1, a widening Cast), the extra launches of one decomposed
 * vendor call, a batched call against its per-batch calls, and a device-to-host copy only the
 * port makes. All programs use IEEE float32 on both sides (dyadic data), so any verdict other
 * than pass is an alignment or semantic finding, not a precision one.
 */
import { describe, expect, it } from 'vitest';
import { Tensor } from '../../src/runtime/tensor.js';
import { compareRuns } from '../../src/verify/compare-runs.js';
import { renderJUnit } from '../../src/verify/render-junit.js';
import { renderText } from '../../src/verify/render-text.js';
import { ToleranceResolver } from '../../src/verify/tolerance.js';
import { overallVerdict, type VerifyReport } from '../../src/verify/verify-report.js';
import { seededUniform } from '../../src/backends/host/host-data.js';
import { syntheticRuns, type ProgramApi, type SyntheticProgram } from './synthetic-runs.js';
import { catalog, IEEE } from './fixture-catalog.js';

/** Multiples of 1/8 in [-1, 1]: exact in float16 and float32, products exact in float32. */
function dyadic(shape: number[], seed: number, dtype: 'float32' | 'float16' = 'float32'): Tensor {
  const next = seededUniform(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return Tensor.fromNumbers(Array.from({ length: n }, () => Math.round((2 * next() - 1) * 8) / 8), shape, dtype);
}

const program = (file: string, backend: string, prefix: string, body: SyntheticProgram['body']): SyntheticProgram => ({ file, backend, profile: IEEE, prefix, body });
function compare(o: SyntheticProgram['body'], p: SyntheticProgram['body']): VerifyReport {
  return compareRuns(syntheticRuns('original', program('/o.ts', 'cuda', 'ref', o)), syntheticRuns('ported', program('/p.ts', 'cann', 'low', p)), {
    catalog,
    tolerances: new ToleranceResolver(catalog, {}),
  });
}
const rows = (r: VerifyReport): string[] => r.ops.map((o) => `${o.original.map((c) => c.op).join('+') || '—'}>${o.ported.map((c) => c.op).join('+') || '—'} ${o.verdict}`);

describe('verify groups calls that carry no value of their own', () => {
  const addOriginal = (api: ProgramApi) => ({ y: api.op('Add', [dyadic([4, 4], 1), dyadic([4, 4], 2)], {}, 1)[0] });
  const inplaceAdd = (alpha: number, mulLine = 5) => (api: ProgramApi) => {
    const [scaled] = api.op('Mul', [dyadic([4, 4], 2), Tensor.fromNumbers([alpha], [], 'float32')], {}, mulLine, { symbol: 'aclnnInplaceAdd' });
    return { y: api.op('Add', [dyadic([4, 4], 1), scaled], {}, 5, { symbol: 'aclnnInplaceAdd' })[0] };
  };

  it('a Mul by the scalar 1 joins the Add it feeds (an axpy-style call with alpha = 1 against one Add)', () => {
    const r = compare(addOriginal, inplaceAdd(1));
    expect(rows(r)).toEqual(['Add>Mul+Add pass']);
    expect(r.verdict).toBe('pass');
  });

  it('a Mul by anything else is not transparent: a separate one stays unmatched, one inside the same call fails with it', () => {
    const separate = compare(addOriginal, inplaceAdd(2, 4));
    expect(rows(separate)).toEqual(['—>Mul unmatched', 'Add>Add fail']);
    const sameCall = compare(addOriginal, inplaceAdd(2));
    expect(rows(sameCall)).toEqual(['Add>Mul+Add fail']);
  });

  it('a widening Cast (float16 → float32) joins the call it feeds; a narrowing one does not', () => {
    const original = (api: ProgramApi) => ({ y: api.op('Mul', [dyadic([4, 4], 3), dyadic([4, 4], 4)], {}, 1)[0] });
    const widened = (api: ProgramApi) => {
      const [x] = api.op('Cast', [dyadic([4, 4], 3, 'float16')], { to: 'float32' }, 7);
      return { y: api.op('Mul', [x, dyadic([4, 4], 4)], {}, 8)[0] };
    };
    expect(rows(compare(original, widened))).toEqual(['Mul>Cast+Mul pass']);
    const narrowed = (api: ProgramApi) => {
      const [x] = api.op('Cast', [dyadic([4, 4], 3)], { to: 'float16' }, 7);
      const [back] = api.op('Cast', [x], { to: 'float32' }, 8);
      return { y: api.op('Mul', [back, dyadic([4, 4], 4)], {}, 9)[0] };
    };
    expect(rows(compare(original, narrowed))).toEqual(['—>Cast unmatched', 'Mul>Cast+Mul pass']);
  });

  it('the extra launches of one decomposed vendor call join its matched launch; its result is compared on shapes that differ only by size-1 dims', () => {
    const original = (api: ProgramApi) => ({ y: api.op('RMSNormalization', [dyadic([4, 8, 1, 1], 5), Tensor.fromNumbers([1], [1], 'float32')], { axis: 1 }, 1)[0] });
    const decomposed = (api: ProgramApi) => {
      const x = dyadic([4, 8], 5);
      const [y] = api.op('RMSNormalization', [x, Tensor.fromNumbers(Array(8).fill(1), [8], 'float32')], { axis: -1 }, 3, { symbol: 'aclnnRmsNorm' });
      const [square] = api.op('Mul', [x, x], {}, 3, { symbol: 'aclnnRmsNorm' });
      api.op('ReduceMean', [square, Tensor.fromNumbers([1], [1], 'int64')], { keepdims: 1 }, 3, { symbol: 'aclnnRmsNorm' });
      return { y };
    };
    const r = compare(original, decomposed);
    expect(rows(r)).toEqual(['RMSNormalization>RMSNormalization+Mul+ReduceMean pass']);
    expect(r.ops[0].comparison?.shape).toEqual([4, 8]);
    // The same launches from a separate call (another call site) are not absorbed.
    const separate = (api: ProgramApi) => {
      const out = decomposed(api);
      const x = dyadic([4, 8], 6);
      api.op('Mul', [x, x], {}, 12, { symbol: 'aclnnMul' });
      return out;
    };
    expect(rows(compare(original, separate)).at(-1)).toBe('—>Mul unmatched');
  });

  it('pairs element-wise functions of one tensor (the catalog says which) by element count, whatever shape each library gives them', () => {
    const x = dyadic([2, 4, 2, 2], 9);
    const flat = Tensor.fromNumbers([...x.toFloat64()], [32], 'float32');
    const shaped = (input: Tensor) => (api: ProgramApi) => ({ y: api.op('Sigmoid', [input], {}, 1)[0] });
    expect(rows(compare(shaped(x), shaped(flat)))).toEqual(['Sigmoid>Sigmoid pass']);
  });

  it('a loop that makes the decomposed call again at the same line is a second call, not more launches of the first', () => {
    const original = (api: ProgramApi) => ({ y: api.op('RMSNormalization', [dyadic([4, 8], 5), Tensor.fromNumbers(Array(8).fill(1), [8], 'float32')], { axis: -1 }, 1)[0] });
    const twice = (api: ProgramApi) => {
      let y: Tensor | undefined;
      for (const call of [1, 2]) {
        const options = { symbol: 'aclnnRmsNorm', call };
        const x = dyadic([4, 8], 4 + call);
        const [norm] = api.op('RMSNormalization', [x, Tensor.fromNumbers(Array(8).fill(1), [8], 'float32')], { axis: -1 }, 3, options);
        y ??= norm;
        const [square] = api.op('Mul', [x, x], {}, 3, options);
        api.op('ReduceMean', [square, Tensor.fromNumbers([1], [1], 'int64')], { keepdims: 1 }, 3, options);
      }
      return { y: y! };
    };
    expect(rows(compare(original, twice))).toEqual([
      'RMSNormalization>RMSNormalization+Mul+ReduceMean pass',
      '—>RMSNormalization unmatched',
      '—>Mul unmatched',
      '—>ReduceMean unmatched',
    ]);
  });

  it('pairs per-batch products with the batched product whose slices they are, compared through their concatenation', () => {
    const a = dyadic([3, 4, 5], 7);
    const b = dyadic([3, 5, 4], 8);
    const perBatch = (api: ProgramApi) => {
      const parts = [0, 1, 2].map((k) => api.op('Gemm', [Tensor.fromNumbers([...a.toFloat64().slice(k * 20, k * 20 + 20)], [4, 5], 'float32'), Tensor.fromNumbers([...b.toFloat64().slice(k * 20, k * 20 + 20)], [5, 4], 'float32')], { beta: 0 }, 2)[0]);
      expect(parts).toHaveLength(3);
      return {};
    };
    const batched = (api: ProgramApi) => {
      api.op('MatMul', [a, b], {}, 4);
      return {};
    };
    const r = compare(perBatch, batched);
    expect(r.ops[0]).toMatchObject({ kind: 'fused', verdict: 'pass' });
    expect(r.ops[0].original.map((c) => c.op)).toEqual(['Gemm', 'Gemm', 'Gemm']);
    expect(r.ops[0].comparison?.shape).toEqual([3, 4, 4]);
    // Batches in the wrong order do not tile the batched result: nothing pairs them, so they stay
    // unmatched (shapes alone cannot tell a wrong order from another layout) and are judged
    // through the results that follow.
    const reversed = (api: ProgramApi) => {
      const parts = [2, 1, 0].map((k) => api.op('Gemm', [Tensor.fromNumbers([...a.toFloat64().slice(k * 20, k * 20 + 20)], [4, 5], 'float32'), Tensor.fromNumbers([...b.toFloat64().slice(k * 20, k * 20 + 20)], [5, 4], 'float32')], { beta: 0 }, 2)[0]);
      expect(parts).toHaveLength(3);
      return {};
    };
    expect(compare(reversed, batched).ops.map((row) => row.verdict)).not.toContain('pass');
    expect(compare(reversed, batched).ops.some((row) => row.kind === 'fused')).toBe(false);
  });

  it('pairs device-to-host copies by shape and content: a copy only the port makes is information, the rest still pair', () => {
    const original = (api: ProgramApi) => {
      const [y] = api.op('Relu', [dyadic([8], 9)], {}, 1);
      api.copy(y, 2);
      const [s] = api.op('ReduceSum', [y], { keepdims: 0 }, 3);
      api.copy(s, 4);
      return {};
    };
    const withDot = (api: ProgramApi) => {
      const [d] = api.op('ReduceSum', [dyadic([8], 10)], { keepdims: 0 }, 1);
      api.copy(d, 1, 'aclrtMemcpy');
      return original(api);
    };
    const r = compare(original, withDot);
    expect(r.copies.map((c) => `${c.name} ${c.verdict}`)).toEqual(['port copy 1 info', 'copy 1 (port copy 2) pass', 'copy 2 (port copy 3) pass']);
    expect(r.copies[0].reason).toMatch(/port-only copy/);
    // Information is counted on its own and does not lower the overall verdict (the port's
    // extra ReduceSum call here is still unmatched, hence warn).
    expect(r.summary.copies).toMatchObject({ pass: 2, info: 1 });
    expect(overallVerdict(r.copies, 0)).toBe('pass');
    expect(renderText(r)).toMatch(/port copy 1[^\n]*info/);
    expect(renderJUnit(r)).toContain('info: port-only copy');
    // A copy the port drops is still unmatched.
    const dropped = compare(withDot, original);
    expect(dropped.copies.map((c) => c.verdict)).toContain('unmatched');
  });

  it('a call only the port makes that cannot change a value is information: a broadcast it materialises, an index cast that keeps every value', () => {
    const x = dyadic([4, 8], 11);
    const bias = dyadic([8], 12);
    const original = (api: ProgramApi) => ({ y: api.op('Add', [x, bias], {}, 1)[0] });
    // A target whose add takes no broadcast: the port expands the bias first.
    const expanded = (api: ProgramApi) => {
      const [full] = api.op('Expand', [bias, Tensor.fromNumbers([4, 8], [2], 'int64')], {}, 3, { symbol: 'lowBroadcastTo' });
      return { y: api.op('Add', [x, full], {}, 4)[0] };
    };
    const r = compare(original, expanded);
    expect(rows(r)).toEqual(['—>Expand info', 'Add>Add pass']);
    expect(r.ops[0].reason).toMatch(/^port-only call: the original makes no such call; it only moves values \(Expand computes none\)/);
    expect(r.summary.ops).toMatchObject({ pass: 1, info: 1, unmatched: 0 });
    expect(r.verdict).toBe('pass');
    expect(renderJUnit(r)).toContain('info: port-only call');

    // A target that takes int32 indices: the port narrows them, and every index fits.
    const data = dyadic([6, 4], 13);
    const gathered = (indices: Tensor) => (api: ProgramApi) => ({ y: api.op('Gather', [data, indices], { axis: 0 }, 1)[0] });
    const indices = Tensor.fromNumbers([5, 0, 2], [3], 'int64');
    const narrowed = (api: ProgramApi) => {
      const [int32] = api.op('Cast', [indices], { to: 'int32' }, 2);
      return gathered(int32)(api);
    };
    const cast = compare(gathered(indices), narrowed);
    expect(rows(cast)).toEqual(['—>Cast info', 'Gather>Gather pass']);
    expect(cast.ops[0].reason).toMatch(/casts int64 to int32 and every value passes unchanged in both runs/);
    expect(cast.verdict).toBe('pass');
  });

  it('a call only the port makes that changes values stays unmatched: a narrowing float cast, an index cast that wraps, a computing call', () => {
    const x = Tensor.fromNumbers([0.1, 0.2, 0.3, 0.7], [4], 'float32');
    const original = (api: ProgramApi) => ({ y: api.op('Relu', [x], {}, 1)[0] });
    const viaHalf = (api: ProgramApi) => {
      const [half] = api.op('Cast', [x], { to: 'float16' }, 2);
      return { y: api.op('Relu', [half], {}, 3)[0] };
    };
    expect(rows(compare(original, viaHalf))[0]).toBe('—>Cast unmatched');
    const data = dyadic([6, 4], 13);
    const gathered = (api: ProgramApi) => ({ y: api.op('Gather', [data, Tensor.fromNumbers([5, 0, 2], [3], 'int64')], { axis: 0 }, 1)[0] });
    const wraps = (api: ProgramApi) => {
      api.op('Cast', [Tensor.fromNumbers([300, 1], [2], 'int32')], { to: 'int8' }, 2);
      return gathered(api);
    };
    expect(rows(compare(gathered, wraps))[0]).toBe('—>Cast unmatched');
    const scaled = (api: ProgramApi) => {
      api.op('Mul', [x, Tensor.fromNumbers([2], [], 'float32')], {}, 2);
      return original(api);
    };
    expect(rows(compare(original, scaled))[0]).toBe('—>Mul unmatched');
  });
});
