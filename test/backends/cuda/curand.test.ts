import { describe, expect, it } from 'vitest';
import type { RawAttributes } from '../../../src/runtime/kernel.js';
import { PhiloxStream } from '../../../src/runtime/random/philox-stream.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { allocate, cuda, diagnosticIds, downloadFloat32, inProcess } from './cuda-test-kit.js';

const { ref, CURAND_STATUS_SUCCESS, CURAND_STATUS_LENGTH_NOT_MULTIPLE, CURAND_STATUS_TYPE_ERROR, CURAND_STATUS_NOT_INITIALIZED } = cuda;

function generator(type: number = cuda.CURAND_RNG_PSEUDO_PHILOX4_32_10): cuda.curandGenerator_t {
  const g = ref<cuda.curandGenerator_t>();
  expect(cuda.curandCreateGenerator(g, type as cuda.curandRngType_t)).toBe(CURAND_STATUS_SUCCESS);
  return g.value;
}

describe('cuRAND host API on Philox4x32-10', () => {
  it('draws uniforms on (0, 1] from the Philox stream keyed by the seed, continuing across calls and restarting at an absolute offset', () => {
    const p = inProcess(() => {
      const g = generator();
      cuda.curandSetPseudoRandomGeneratorSeed(g, 1234n);
      const d = allocate(4 * 8);
      expect(cuda.curandGenerateUniform(g, d, 5)).toBe(CURAND_STATUS_SUCCESS);
      const first = downloadFloat32(d, 5);
      expect(cuda.curandGenerateUniform(g, d, 3)).toBe(CURAND_STATUS_SUCCESS);
      const next = downloadFloat32(d, 3);
      const expected = new PhiloxStream(1234n).uniform(8, 'float32');
      expect([...first, ...next]).toEqual([...expected].map(Math.fround));
      expect(cuda.curandSetGeneratorOffset(g, 2)).toBe(CURAND_STATUS_SUCCESS);
      cuda.curandGenerateUniform(g, d, 2);
      expect([...downloadFloat32(d, 2)]).toEqual([expected[2], expected[3]].map(Math.fround));
      cuda.curandDestroyGenerator(g);
      cuda.cudaFree(d);
    });
    const trace = p.tracer.records.filter((r) => r.kind === 'op');
    expect(trace.map((r) => r.op)).toEqual(['RandomUniform', 'RandomUniform', 'RandomUniform']);
    expect(trace[0].attributes).toMatchObject({ low: 0, high: 1, seed: 1234, offset: 0, shape: [5] });
    // The generator's position is each call's offset: 5 after the first call, 2 after the seek.
    expect(trace.map((r) => r.attributes.offset)).toEqual([0, 5, 2]);
  });

  it('traces each normal generation as RandomNormal at the generator offset, which replays it exactly', () => {
    let generated: number[] = [];
    const p = inProcess(() => {
      const g = generator();
      cuda.curandSetPseudoRandomGeneratorSeed(g, 77n);
      const d = allocate(4 * 6);
      expect(cuda.curandGenerateNormal(g, d, 4, 0, 1)).toBe(CURAND_STATUS_SUCCESS);
      // Absolute offset 7 (odd: pairs start mid block and differ from the offset-0 pairing).
      expect(cuda.curandSetGeneratorOffset(g, 7n)).toBe(CURAND_STATUS_SUCCESS);
      expect(cuda.curandGenerateNormal(g, d, 6, -1, 2)).toBe(CURAND_STATUS_SUCCESS);
      generated = [...downloadFloat32(d, 6)];
      cuda.curandDestroyGenerator(g);
    });
    const trace = p.tracer.records.filter((r) => r.kind === 'op');
    expect(trace.map((r) => r.attributes.offset)).toEqual([0, 7]);
    const [replayed] = runOp('RandomNormal', [], trace[1].attributes as RawAttributes);
    expect(replayed.toFlatArray()).toEqual(generated);
    const expected = new PhiloxStream(77n, { offset: 7n }).normal(6, 'float32');
    expect(generated).toEqual(Array.from(expected, (z) => Math.fround(-1 + 2 * z)));
  });

  it('generates normals with the given mean and stddev, in pairs: an odd count is CURAND_STATUS_LENGTH_NOT_MULTIPLE', () => {
    const p = inProcess(() => {
      const g = generator();
      const n = 20000;
      const d = allocate(4 * n);
      expect(cuda.curandGenerateNormal(g, d, n, 3, 0.5)).toBe(CURAND_STATUS_SUCCESS);
      const z = downloadFloat32(d, n);
      const mean = z.reduce((s, v) => s + v, 0) / n;
      const sd = Math.sqrt(z.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
      // Sample statistics of 20000 draws: the mean's standard error is 0.5/sqrt(20000) = 0.0035
      // (5 sigma = 0.018); the standard deviation's is about 0.5/sqrt(40000) = 0.0025.
      expect(Math.abs(mean - 3)).toBeLessThan(0.018);
      expect(Math.abs(sd - 0.5)).toBeLessThan(0.0125);
      // Seed 0 and offset 0 by default: element 0 is the first Box-Muller value of the default stream.
      expect(z[0]).toBe(Math.fround(3 + 0.5 * new PhiloxStream(0n).normal(2, 'float32')[0]));
      expect(cuda.curandGenerateNormal(g, d, 3, 0, 1)).toBe(CURAND_STATUS_LENGTH_NOT_MULTIPLE);
      const dd = allocate(8 * 4);
      expect(cuda.curandGenerateNormalDouble(g, dd, 4, 0, 1)).toBe(CURAND_STATUS_SUCCESS);
      expect(cuda.curandGenerateUniformDouble(g, dd, 4)).toBe(CURAND_STATUS_SUCCESS);
      const u = new Float64Array(4);
      cuda.cudaMemcpy(u, dd, 32, cuda.cudaMemcpyDeviceToHost);
      expect(u.every((v) => v > 0 && v <= 1)).toBe(true);
      cuda.curandDestroyGenerator(g);
    });
    expect(diagnosticIds(p)).toEqual(['OB2013']);
  });

  it('creates XORWOW generators with a warning that they draw from Philox, and refuses quasirandom types', () => {
    const p = inProcess(() => {
      const xorwow = generator(cuda.CURAND_RNG_PSEUDO_DEFAULT);
      const d = allocate(16);
      expect(cuda.curandGenerateUniform(xorwow, d, 4)).toBe(CURAND_STATUS_SUCCESS);
      expect(cuda.curandCreateGenerator(ref<cuda.curandGenerator_t>(), cuda.CURAND_RNG_QUASI_SOBOL32)).toBe(CURAND_STATUS_TYPE_ERROR);
      expect(cuda.curandCreateGenerator(ref<cuda.curandGenerator_t>(), 7 as never)).toBe(CURAND_STATUS_TYPE_ERROR);
      cuda.curandDestroyGenerator(xorwow);
      expect(cuda.curandGenerateUniform(xorwow, d, 4)).toBe(CURAND_STATUS_NOT_INITIALIZED);
    });
    expect(p.diagnostics.entries.map((d) => `${d.id}:${d.severity}`)).toEqual(['OB2014:warning', 'OB2014:error', 'OB2013:error', 'OB2008:error']);
    expect(p.diagnostics.entries[0].message).toMatch(/CURAND_RNG_PSEUDO_DEFAULT's bit stream is not simulated/);
  });

  it('fills on the generator stream and fails on a buffer too small for the count', () => {
    const p = inProcess(() => {
      const g = generator();
      const s = ref<cuda.cudaStream_t>();
      cuda.cudaStreamCreateWithFlags(s, cuda.cudaStreamNonBlocking);
      cuda.curandSetStream(g, s.value);
      const d = allocate(8);
      expect(cuda.curandGenerateUniform(g, d, 4)).toBe(cuda.CURAND_STATUS_LAUNCH_FAILURE);
      expect(cuda.cudaGetLastError()).toBe(cuda.cudaErrorIllegalAddress);
      expect(cuda.curandGenerateUniform(g, d, 2)).toBe(cuda.CURAND_STATUS_PREEXISTING_FAILURE);
    });
    expect(diagnosticIds(p)).toEqual(['OB2001']);
  });
});
