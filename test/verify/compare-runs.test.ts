import { describe, expect, it } from 'vitest';
import { runOp } from '../../src/runtime/run-op.js';
import { Tensor } from '../../src/runtime/tensor.js';
import { compareRuns } from '../../src/verify/compare-runs.js';
import { ToleranceResolver } from '../../src/verify/tolerance.js';
import type { VerifyReport } from '../../src/verify/verify-report.js';
import { seededUniform } from '../../src/backends/host/host-data.js';
import { syntheticRuns, type ProgramApi, type SyntheticProgram } from './synthetic-runs.js';
import { catalog, IEEE, TF32_FTZ } from './fixture-catalog.js';

function random(shape: number[], seed: number, dyadic = false): Tensor {
  const next = seededUniform(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  const values = Array.from({ length: n }, () => 2 * next() - 1);
  return Tensor.fromNumbers(dyadic ? values.map((v) => Math.round(v * 8) / 8) : values, shape, 'float32');
}

const ORIGINAL = '/work/models/original.ts';
const PORTED = '/work/models/ported.ts';

function original(body: SyntheticProgram['body'], extra: Partial<SyntheticProgram> = {}): SyntheticProgram {
  return { file: ORIGINAL, backend: 'cuda', profile: IEEE, prefix: 'ref', body, ...extra };
}

function ported(body: SyntheticProgram['body'], extra: Partial<SyntheticProgram> = {}): SyntheticProgram {
  return { file: PORTED, backend: 'cann', profile: TF32_FTZ, prefix: 'low', body, ...extra };
}

function compare(o: SyntheticProgram, p: SyntheticProgram, overrides: { rtol?: number; atol?: number } = {}): VerifyReport {
  return compareRuns(syntheticRuns('original', o), syntheticRuns('ported', p), { catalog, tolerances: new ToleranceResolver(catalog, overrides) });
}

/** x [8×32] · W1 [32×16] + b1, GELU, · W2 [16×16], softmax; unfused, one call per operator. */
function mlpOriginal(dyadic: boolean) {
  return (api: ProgramApi): Record<string, Tensor> => {
    const [h0] = api.op('MatMul', [random([8, 32], 1, dyadic), random([32, 16], 2, dyadic)], {}, 10);
    const [h1] = api.op('Add', [h0, random([16], 3, dyadic)], {}, 11);
    const [h] = api.op('Gelu', [h1], {}, 12);
    const [z] = api.op('Gemm', [h, random([16, 16], 4, dyadic)], { beta: 0 }, 13);
    const [p] = api.op('Softmax', [z], { axis: -1 }, 14);
    api.copy(p, 15);
    return { probs: p };
  };
}

/** The same model with GEMM+bias fused and MatMul for the second product. */
function mlpPorted(dyadic: boolean, axis = -1) {
  return (api: ProgramApi): Record<string, Tensor> => {
    const [hb] = api.op('Gemm', [random([8, 32], 1, dyadic), random([32, 16], 2, dyadic), random([16], 3, dyadic)], {}, 20, { symbol: 'lowGemmBiasGelu' });
    const [h] = api.op('Gelu', [hb], {}, 20, { symbol: 'lowGemmBiasGelu' });
    const [z] = api.op('MatMul', [h, random([16, 16], 4, dyadic)], {}, 21);
    const [p] = api.op('Softmax', [z], { axis }, 22);
    api.copy(p, 23);
    return { probs: p };
  };
}

describe('compareRuns verdicts', () => {
  it('passes a correct port with the same numerics (dyadic data: every product exact)', () => {
    const r = compare(original(mlpOriginal(true)), ported(mlpPorted(true), { profile: IEEE, backend: 'cuda' }));
    expect(r.verdict).toBe('pass');
    expect(r.ops.map((o) => [o.kind, o.verdict])).toEqual([
      ['fused', 'pass'],
      ['match', 'pass'],
      ['match', 'pass'],
      ['match', 'pass'],
    ]);
    expect(r.ops[0].original.map((c) => c.op)).toEqual(['MatMul', 'Add']);
    expect(r.ops[0].ported.map((c) => c.op)).toEqual(['Gemm']);
    expect(r.ops[2].original[0].op).toBe('Gemm');
    expect(r.ops[2].ported[0].op).toBe('MatMul');
    expect(r.firstDivergence).toBeNull();
    expect(r.outputs).toMatchObject([{ name: 'probs', verdict: 'pass' }]);
    expect(r.copies).toMatchObject([{ name: 'copy 1', verdict: 'pass' }]);
  });

  it('warns, and says why, where the target profile documents the difference (TF32)', () => {
    const r = compare(original(mlpOriginal(false)), ported(mlpPorted(false)));
    expect(r.verdict).toBe('warn');
    const [gemm, gelu, matmul, softmax] = r.ops;
    for (const row of r.ops) expect(row.verdict).toBe('warn');
    // The products' own errors are within the TF32 bound; GELU and softmax only inherit theirs.
    expect(gemm.reason).toMatch(/within the precision verify-fixture\.tf32-ftz documents \(tf32 operands/);
    expect(matmul.widened).toMatchObject({ profile: 'verify-fixture.tf32-ftz', magnitude: { basis: 'Σ|a||b|' } });
    expect(matmul.ownError).toMatchObject({ status: 'measured', withinStrict: false, withinWidened: true });
    expect(gelu.reason).toMatch(/own error is within the strict tolerance, so the deviation .* is inherited/);
    expect(softmax.ownError).toMatchObject({ status: 'measured', withinStrict: true });
    // The original's own deviation (IEEE float32) is reported for attribution.
    expect(matmul.comparison?.original?.maxAbsError).toBeLessThan(1e-5);
    expect(matmul.comparison?.metrics.maxAbsError).toBeGreaterThan(1e-4);
    expect(r.outputs[0]).toMatchObject({ verdict: 'warn', reason: expect.stringMatching(/semantics agree/) });
  });

  it('fails a port that computes something else (softmax over the wrong axis), naming it first with both call sites', () => {
    const r = compare(original(mlpOriginal(false)), ported(mlpPorted(false, 0)));
    expect(r.verdict).toBe('fail');
    expect(r.ops.map((o) => o.verdict)).toEqual(['warn', 'warn', 'warn', 'fail']);
    expect(r.ops[3].reason).toMatch(/the port computes a different value: with precision removed/);
    expect(r.firstDivergence).toMatchObject({
      kind: 'op',
      at: '#4',
      rank: 0,
      original: { op: 'Softmax', symbol: 'refSoftmax', site: { file: ORIGINAL, line: 14 } },
      ported: { op: 'Softmax', symbol: 'lowSoftmax', site: { file: PORTED, line: 22 } },
    });
    expect(r.outputs[0].verdict).toBe('fail');
  });

  it('marks later failures as following the first divergence', () => {
    const swapped = (api: ProgramApi) => {
      const x = random([16, 16], 1);
      const w = random([16, 16], 2);
      const [y] = api.op('MatMul', [w, x], {}, 30);
      const [p] = api.op('Softmax', [y], { axis: -1 }, 31);
      return { p };
    };
    const straight = (api: ProgramApi) => {
      const [y] = api.op('MatMul', [random([16, 16], 1), random([16, 16], 2)], {}, 40);
      const [p] = api.op('Softmax', [y], { axis: -1 }, 41);
      return { p };
    };
    const r = compare(original(straight), ported(swapped));
    expect(r.ops.map((o) => [o.verdict, o.afterDivergence])).toEqual([
      ['fail', false],
      ['fail', true],
    ]);
    expect(r.firstDivergence).toMatchObject({ at: '#1', ported: { site: { line: 30 } }, original: { site: { line: 40 } } });
  });

  it('fails a call whose own error exceeds what its recorded profile documents', () => {
    // The port claims plain IEEE float32 but computed its product in TF32 (a facade bug).
    const mislabelled = (api: ProgramApi) => {
      const [y] = api.op('MatMul', [random([8, 64], 1), random([64, 8], 2)], {}, 50, { profile: TF32_FTZ, recordedProfile: 'verify-fixture.ieee' });
      return { y };
    };
    const straight = (api: ProgramApi) => {
      const [y] = api.op('MatMul', [random([8, 64], 1), random([64, 8], 2)], {}, 60);
      return { y };
    };
    const r = compare(original(straight), ported(mislabelled, { profile: IEEE }));
    expect(r.ops[0]).toMatchObject({ verdict: 'fail', reason: expect.stringMatching(/the bound verify-fixture\.ieee documents/) });
    expect(r.ops[0].ownError).toMatchObject({ status: 'measured', withinWidened: false });
    expect(r.verdict).toBe('fail');
  });

  it('fails a difference under a profile the catalog does not know, and says how to add it', () => {
    const unknown = (api: ProgramApi) => {
      const [y] = api.op('MatMul', [random([8, 64], 1), random([64, 8], 2)], {}, 50, { recordedProfile: 'vendor.secret' });
      return { y };
    };
    const straight = (api: ProgramApi) => ({ y: api.op('MatMul', [random([8, 64], 1), random([64, 8], 2)], {}, 60)[0] });
    const r = compare(original(straight), ported(unknown));
    expect(r.ops[0]).toMatchObject({ verdict: 'fail', reason: expect.stringMatching(/profile is unknown.*--mappings/) });
  });

  it('measures the own error of a port call whose result is read transposed from the layout it wrote', () => {
    // The original's product is [8×4]; the row-major port computes Yᵀ = Bᵀ·Aᵀ in TF32 and records
    // [4×8]. Alignment reads that result transposed, but its own error is recomputed from its
    // inputs, which give the [4×8] it wrote.
    const transpose = (t: Tensor) => runOp('Transpose', [t], { perm: [1, 0] }, { mode: 'golden', profile: IEEE })[0];
    const rowMajor = (api: ProgramApi) => ({ y: api.op('MatMul', [random([8, 64], 1), random([64, 4], 2)], {}, 10)[0] });
    const columnMajor = (api: ProgramApi) => ({ y: api.op('MatMul', [transpose(random([64, 4], 2)), transpose(random([8, 64], 1))], {}, 20)[0] });
    const r = compare(original(rowMajor), ported(columnMajor));
    expect(r.ops).toHaveLength(1);
    expect(r.ops[0]).toMatchObject({ kind: 'match', verdict: 'warn', ownError: { status: 'measured', withinStrict: false, withinWidened: true } });
  });

  it('does not guess the own error of a call whose facade post-processes its result', () => {
    const unfused = (api: ProgramApi) => {
      const [z] = api.op('Gemm', [random([8, 32], 1), random([32, 16], 2), random([16], 3)], {}, 10);
      return { h: api.op('Gelu', [z], {}, 11)[0] };
    };
    // One record, op Gemm, whose stored result is GELU(Gemm(...)): an epilogue applied outside the operator.
    const epilogue = (api: ProgramApi) => {
      const gelu = (t: Tensor) => runOp('Gelu', [t], {}, { mode: api.mode, profile: TF32_FTZ })[0];
      return { h: api.op('Gemm', [random([8, 32], 1), random([32, 16], 2), random([16], 3)], {}, 20, { finish: gelu, symbol: 'lowGemmGeluEpilogue' })[0] };
    };
    const r = compare(original(unfused), ported(epilogue));
    expect(r.ops).toHaveLength(1);
    expect(r.ops[0]).toMatchObject({ kind: 'fused', verdict: 'warn', ownError: { status: 'unavailable' } });
    expect(r.ops[0].reason).toMatch(/own error not measurable \(lowGemmGeluEpilogue's result is not Gemm of its recorded inputs/);
  });

  it('warns, never passes, when the port stores a value in a coarser dtype', () => {
    const fp32 = (api: ProgramApi) => ({ y: api.op('Relu', [Tensor.fromNumbers([0.5, -1, 0.25], [3], 'float32')], {}, 1)[0] });
    const fp16 = (api: ProgramApi) => ({ y: api.op('Relu', [Tensor.fromNumbers([0.5, -1, 0.25], [3], 'float16')], {}, 2)[0] });
    const r = compare(original(fp32), ported(fp16, { profile: IEEE }));
    expect(r.ops[0]).toMatchObject({ verdict: 'warn', reason: expect.stringMatching(/stores float16 where the original stores float32/) });
    expect(r.ops[0].comparison).toMatchObject({ dtype: 'float16', referenceDType: 'float32', tolerance: { dtype: 'float16' } });
    expect(r.verdict).toBe('warn');
  });

  it('reports a dropped call as unmatched just before the first divergence', () => {
    const withGelu = (api: ProgramApi) => {
      const [h] = api.op('Gelu', [random([4, 4], 1)], {}, 70);
      return { y: api.op('Softmax', [h], { axis: -1 }, 71)[0] };
    };
    const withoutGelu = (api: ProgramApi) => ({ y: api.op('Softmax', [random([4, 4], 1)], { axis: -1 }, 80)[0] });
    const r = compare(original(withGelu), ported(withoutGelu, { profile: IEEE }));
    expect(r.ops.map((o) => o.verdict)).toEqual(['unmatched', 'fail']);
    expect(r.firstDivergence?.precededBy).toEqual([`original-only Gelu (refGelu at ${ORIGINAL}:70)`]);
    expect(r.notes.join(' ')).toMatch(/1 call\(s\) have no counterpart/);
  });

  it('fails on runtime errors in the port, placing them at the call that raised them', () => {
    const body = (api: ProgramApi) => {
      const [y] = api.op('Relu', [Tensor.fromNumbers([1, -1], [2], 'float32')], {}, 5);
      api.copy(y, 6, api.rank === 0 ? 'lowMemcpyAsync' : undefined);
      return { y };
    };
    const r = compare(
      original(body),
      ported(body, {
        profile: IEEE,
        diagnostics: () => [
          { id: 'OB2006', severity: 'error', message: 'host memory is read while lowMemcpyAsync may still be writing it', backend: 'cann', symbol: 'lowMemcpyAsync', site: { file: PORTED, line: 6, column: 3 } },
          { id: 'OB2005', severity: 'warning', message: 'leak', backend: 'host', symbol: 'free', site: { file: PORTED, line: 1, column: 1 } },
        ],
      }),
    );
    expect(r.ops[0].verdict).toBe('pass');
    expect(r.verdict).toBe('fail');
    expect(r.summary.diagnostics).toEqual({ errors: 1, warnings: 1 });
    expect(r.firstDivergence).toMatchObject({
      kind: 'diagnostic',
      at: 'OB2006',
      original: { op: 'Copy', site: { file: ORIGINAL, line: 6 } },
      ported: { op: 'Copy', symbol: 'lowMemcpyAsync', site: { file: PORTED, line: 6 } },
    });
  });

  it('compares every rank, and outputs by name', () => {
    const body = (api: ProgramApi) => {
      const x = random([4, 4], 10 + api.rank);
      const [y] = api.op('Softmax', [x], { axis: -1 }, 90);
      const outputs: Record<string, Tensor> = { y };
      if (api.rank === 1) outputs.extra = y;
      return outputs;
    };
    const broken = (api: ProgramApi) => {
      const x = random([4, 4], 10 + api.rank);
      const [y] = api.op('Softmax', [x], { axis: api.rank === 1 ? 0 : -1 }, 95);
      return { y };
    };
    const r = compare(original(body, { ranks: 2 }), ported(broken, { ranks: 2, profile: IEEE }));
    expect(r.ranks).toBe(2);
    expect(r.ops.map((o) => [o.rank, o.verdict])).toEqual([
      [0, 'pass'],
      [1, 'fail'],
    ]);
    expect(r.outputs.map((o) => [o.rank, o.name, o.verdict])).toEqual([
      [0, 'y', 'pass'],
      [1, 'y', 'fail'],
      [1, 'extra', 'fail'],
    ]);
    expect(r.outputs[2].reason).toBe("the port does not return 'extra'");
    expect(r.firstDivergence).toMatchObject({ rank: 1, at: '#1' });
  });
});

describe('compareRuns tolerances', () => {
  it('lets --rtol / --atol loosen the strict tolerance (the TF32 port then passes)', () => {
    const r = compare(original(mlpOriginal(false)), ported(mlpPorted(false)), { rtol: 0.5, atol: 0.05 });
    expect(r.verdict).toBe('pass');
    expect(r.ops[0].comparison?.tolerance).toMatchObject({ rtol: 0.5, atol: 0.05, source: 'cli' });
  });
});
