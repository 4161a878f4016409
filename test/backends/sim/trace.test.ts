/**
 * Trace records carry the facade call that made them: a loop that calls one function at one
 * line gives one number per iteration, and the launches of one call (or of a facade function
 * that calls another) share one.
 */
import { describe, expect, it } from 'vitest';
import { Tracer } from '../../../src/backends/sim/trace.js';
import { allocate, cuda, inProcess } from '../cuda/cuda-test-kit.js';

const record = (op: string) => ({ kind: 'op' as const, backend: 'cuda', symbol: 'f', op, attributes: {}, inputs: [], outputs: [], profile: 'golden', site: undefined, stream: undefined });

describe('trace call numbers', () => {
  it('gives each facade call of a loop at one site its own number', () => {
    const p = inProcess(() => {
      const g = cuda.ref<cuda.curandGenerator_t>();
      cuda.curandCreateGenerator(g, cuda.CURAND_RNG_PSEUDO_DEFAULT);
      const d = allocate(16);
      for (let k = 0; k < 3; k++) cuda.curandGenerateUniform(g.value, d, 4);
    });
    const ops = p.tracer.records.filter((r) => r.op === 'RandomUniform');
    expect(new Set(ops.map((r) => JSON.stringify(r.site))).size).toBe(1);
    const calls = ops.map((r) => r.call);
    expect(calls.every((c) => typeof c === 'number')).toBe(true);
    expect(new Set(calls).size).toBe(3);
  });

  it('numbers the records of one call alike, a nested call included, and leaves records outside calls unnumbered', () => {
    const tracer = new Tracer('outputs', 0);
    tracer.call(() => {
      tracer.add(record('MatMul'));
      tracer.call(() => tracer.add(record('Add')));
    });
    tracer.call(() => tracer.add(record('Relu')));
    tracer.add(record('Copy'));
    expect(tracer.records.map((r) => r.call)).toEqual([1, 1, 2, undefined]);
  });
});
