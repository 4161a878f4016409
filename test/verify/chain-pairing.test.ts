/**
 * A single call on one side against a chain of calls on the other (cuBLAS axpy against a
 * scale into scratch memory and an add; a fused matmul epilogue against matmul, bias add and
 * activation): paired only when the chain's intermediates never leave it, decided from the
 * traced reads and writes, and compared through the final result. All programs use IEEE
 * float32 on dyadic data (exact sums and products), so any verdict but pass is a pairing or a
 * semantic finding, never precision.
 */
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../src/backends/sim/trace.js';
import { seededUniform } from '../../src/backends/host/host-data.js';
import { runOp } from '../../src/runtime/run-op.js';
import { Tensor } from '../../src/runtime/tensor.js';
import { alignOps, type AlignItem } from '../../src/verify/align-ops.js';
import { chainContainment } from '../../src/verify/chain-containment.js';
import { compareRuns } from '../../src/verify/compare-runs.js';
import { ToleranceResolver } from '../../src/verify/tolerance.js';
import type { VerifyReport } from '../../src/verify/verify-report.js';
import { catalog, IEEE } from './fixture-catalog.js';
import { syntheticRuns, type ProgramApi, type SyntheticProgram } from './synthetic-runs.js';

/** Multiples of 1/8 in [-1, 1]: sums and products exact in float32. */
function dyadic(shape: number[], seed: number): Tensor {
  const next = seededUniform(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return Tensor.fromNumbers(Array.from({ length: n }, () => Math.round((2 * next() - 1) * 8) / 8), shape, 'float32');
}
const scalar = (v: number): Tensor => Tensor.fromNumbers([v], [], 'float32');

const program = (file: string, backend: string, prefix: string, body: SyntheticProgram['body']): SyntheticProgram => ({ file, backend, profile: IEEE, prefix, body });
function compare(o: SyntheticProgram['body'], p: SyntheticProgram['body']): VerifyReport {
  return compareRuns(syntheticRuns('original', program('/o.ts', 'cuda', 'ref', o)), syntheticRuns('ported', program('/p.ts', 'kunlun', 'low', p)), {
    catalog,
    tolerances: new ToleranceResolver(catalog, {}),
  });
}
const rows = (r: VerifyReport): string[] => r.ops.map((o) => `${o.original.map((c) => c.op).join('+') || '—'}>${o.ported.map((c) => c.op).join('+') || '—'} ${o.verdict}`);

const x = dyadic([16], 1);
const y = dyadic([16], 2);

/** cublasSaxpy: y = alpha·x + y in one call; alpha·x is never stored. */
const saxpy = (api: ProgramApi) => {
  const [ax] = api.op('Mul', [x, scalar(0.5)], {}, 3, { symbol: 'cublasSaxpy', reads: ['x'], unstored: true });
  const [out] = api.op('Add', [ax, y], {}, 3, { symbol: 'cublasSaxpy', reads: ['y'], writes: ['y'] });
  api.copy(out, 4, 'cudaMemcpy', 'y');
  return { y: out };
};

/** The port: xpu::scale into a scratch buffer, then xpu::add; `leak` reads the scratch buffer afterwards. */
const scaleThenAdd = (alpha: number, leak?: 'call' | 'copy') => (api: ProgramApi) => {
  const [ax] = api.op('Mul', [x, scalar(alpha)], {}, 5, { symbol: 'xpu::scale', reads: ['x'], writes: ['scratch'] });
  const [out] = api.op('Add', [ax, y], {}, 6, { symbol: 'xpu::add', reads: ['scratch', 'y'], writes: ['y'] });
  api.copy(out, 7, 'xpu_memcpy', 'y');
  if (leak === 'call') api.op('Neg', [ax], {}, 8, { symbol: 'xpu::neg', reads: ['scratch'], writes: ['z'] });
  if (leak === 'copy') api.copy(ax, 8, 'xpu_memcpy', 'scratch');
  return { y: out };
};

describe('a single call pairs with a chain whose intermediates stay inside it', () => {
  it('cublasSaxpy against xpu::scale into scratch memory then xpu::add: one row listing every call, compared through y', () => {
    const r = compare(saxpy, scaleThenAdd(0.5));
    expect(rows(r)).toEqual(['Mul+Add>Mul+Add pass']);
    expect(r.ops[0].kind).toBe('fused');
    expect(r.ops[0].ported.map((c) => c.symbol)).toEqual(['xpu::scale', 'xpu::add']);
    expect(r.ops[0].comparison?.shape).toEqual([16]);
    expect(r.verdict).toBe('pass');
  });

  it('refuses the chain when its intermediate escapes: read by a later call, or copied to the host', () => {
    const byCall = compare(saxpy, scaleThenAdd(0.5, 'call'));
    expect(rows(byCall)).toContain('—>Mul unmatched');
    expect(rows(byCall)).not.toContain('Mul+Add>Mul+Add pass');
    const byCopy = compare(saxpy, scaleThenAdd(0.5, 'copy'));
    expect(rows(byCopy)).toContain('—>Mul unmatched');
    expect(byCopy.verdict).toBe('warn');
  });

  it('a chain computing another value is not paired as one: the wrong alpha fails at the add', () => {
    const r = compare(saxpy, scaleThenAdd(0.25));
    expect(rows(r)).toEqual(['—>Mul unmatched', 'Mul+Add>Add fail']);
    expect(r.verdict).toBe('fail');
  });

  it('the other direction: a chain in the original against one vendor call of the port', () => {
    const original = (leak: boolean) => (api: ProgramApi) => {
      const [ax] = api.op('Mul', [x, scalar(0.5)], {}, 3, { symbol: 'cublasSscal', reads: ['x'], writes: ['t'] });
      const [out] = api.op('Add', [ax, y], {}, 4, { symbol: 'cudnnAddTensor', reads: ['t', 'y'], writes: ['y'] });
      if (leak) api.copy(ax, 5, 'cudaMemcpy', 't');
      return { y: out };
    };
    const ported = (api: ProgramApi) => {
      const [ax] = api.op('Mul', [x, scalar(0.5)], {}, 5, { symbol: 'aclnnAxpy', reads: ['x'], unstored: true });
      return { y: api.op('Add', [ax, y], {}, 5, { symbol: 'aclnnAxpy', reads: ['y'], writes: ['y'] })[0] };
    };
    expect(rows(compare(original(false), ported))).toEqual(['Mul+Add>Mul+Add pass']);
    expect(rows(compare(original(true), ported))).toContain('Mul>— unmatched');
  });

  it('a fused matmul epilogue (one record) against matmul, bias add and ReLU in place', () => {
    const a = dyadic([4, 8], 3);
    const b = dyadic([8, 6], 4);
    const bias = dyadic([6], 5);
    const original = (api: ProgramApi) => {
      const [h] = api.op('Gemm', [a, b, bias], { beta: 1 }, 3, { symbol: 'cublasLtMatmul', reads: ['a', 'b', 'bias'], writes: ['h'], finish: (t) => runOp('Relu', [t])[0] });
      return { h };
    };
    const ported = (leak: boolean) => (api: ProgramApi) => {
      const [p] = api.op('MatMul', [a, b], {}, 5, { symbol: 'cnnlMatMul_v2', reads: ['a', 'b'], writes: ['h'] });
      const [q] = api.op('Add', [p, bias], {}, 6, { symbol: 'cnnlOpTensor', reads: ['h', 'bias'], writes: ['h'] });
      if (leak) api.copy(q, 7, 'cnrtMemcpy', 'h');
      return { h: api.op('Relu', [q], {}, 8, { symbol: 'cnnlActivationForward', reads: ['h'], writes: ['h'] })[0] };
    };
    expect(rows(compare(original, ported(false)))).toEqual(['Gemm>MatMul+Add+Relu pass']);
    // The pre-activation value reaches the host: the one call does not pair with all three,
    // and the ReLU after the escaping add stays unmatched.
    const leaked = rows(compare(original, ported(true)));
    expect(leaked).not.toContain('Gemm>MatMul+Add+Relu pass');
    expect(leaked).toContain('—>Relu unmatched');
  });
});

describe('chainContainment', () => {
  const rec = (seq: number, kind: TraceRecord['kind'], reads?: number[], writes?: number[], writesHost = false): TraceRecord => ({
    seq,
    rank: 0,
    kind,
    backend: 'b',
    symbol: `s${seq}`,
    op: kind === 'op' ? 'Add' : 'Copy',
    attributes: {},
    inputs: [],
    outputs: [],
    profile: 'golden',
    site: undefined,
    stream: 1,
    ...(reads ? { reads: reads.map((a) => ({ device: 0, allocation: a, start: 0, end: 64 })) } : {}),
    ...(writes ? { writes: writes.map((a) => ({ device: 0, allocation: a, start: 0, end: 64 })) } : {}),
    writesHost,
  });

  it('contained: the intermediate is read only inside, or overwritten before anyone reads it', () => {
    const trace = [rec(0, 'op', [1], [2]), rec(1, 'op', [2, 3], [3]), rec(2, 'copy-to-host', [3], [], true)];
    expect(chainContainment(trace, trace.slice(0, 2))).toBe('contained');
    const reused = [...trace, rec(3, 'copy-on-device', [], [2]), rec(4, 'op', [2], [5])];
    expect(chainContainment(reused, reused.slice(0, 2))).toBe('contained');
  });

  it('escapes: read by a later call, a copy between the members, or written to host memory', () => {
    const later = [rec(0, 'op', [1], [2]), rec(1, 'op', [2], [3]), rec(2, 'op', [2], [4])];
    expect(chainContainment(later, later.slice(0, 2))).toBe('escapes');
    const between = [rec(0, 'op', [1], [2]), rec(1, 'copy-to-host', [2], [], true), rec(2, 'op', [2], [3])];
    expect(chainContainment(between, [between[0], between[2]])).toBe('escapes');
    const host = [rec(0, 'op', [1], [], true), rec(1, 'op', [1], [3])];
    expect(chainContainment(host, host)).toBe('escapes');
  });

  it('unknown when a member traced no writes', () => {
    const trace = [rec(0, 'op', [1]), rec(1, 'op', [2], [3])];
    expect(chainContainment(trace, trace)).toBe('unknown');
  });
});

describe('alignOps with chain containment', () => {
  const item = (cls: string, shape: string, call?: string): AlignItem => ({ cls, family: cls, shape, ...(call ? { call } : {}) });
  // Original: one axpy call (unstored Mul, Add); port: scale, add.
  const original = [item('Mul', '', 'axpy'), item('Add', '16', 'axpy')];
  const ported = [item('Mul', '16', 'scale'), item('Add', '16', 'add')];
  const agree = (i: number, j: number): boolean => i === 1 && j === 1;

  it('pairs the whole vendor call with the chain when it is contained', () => {
    const units = alignOps(original, ported, { agree, chain: () => 'contained' });
    expect(units).toEqual([{ kind: 'fused', original: [0, 1], ported: [0, 1], confirmed: true }]);
  });

  it('leaves the chain unmatched when its intermediate escapes, and keeps the old pairing when nothing is known', () => {
    const escaped = alignOps(original, ported, { agree, chain: () => 'escapes' });
    expect(escaped.find((u) => u.ported.includes(0))?.kind).toBe('unmatched');
    const unknown = alignOps(original, ported, { agree });
    expect(unknown.find((u) => u.ported.includes(0))?.kind).toBe('unmatched');
  });
});
