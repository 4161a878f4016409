/**
 * The cuRAND host API (curand.h 10.4): generators that fill device buffers with uniform or
 * normal variates, traced as the canonical RandomUniform / RandomNormal.
 *
 * Every pseudorandom generator draws from Philox4x32-10 (src/runtime/random/philox-stream.ts)
 * laid out as cuRAND's device API lays out one subsequence: draw p of subsequence 0 under
 * key = seed. A generator keeps its position across calls; curandSetGeneratorOffset moves it
 * (absolute, in 32-bit draws as curand_init's offset). Each generation is traced as the
 * canonical operator with that position as its `offset` attribute. Uniforms are
 * curand_uniform's (0, 1] maps, normals its Box-Muller pairs (docs/random.md). How NVIDIA's
 * *host* generators spread draws over threads is not documented, so values match cuRAND in
 * distribution, not bit for bit, even for
 * CURAND_RNG_PSEUDO_PHILOX4_32_10. XORWOW (the default), MRG32K3A, MTGP32 and MT19937 streams
 * are not reproduced: such generators are created and draw from Philox4x32-10, with a
 * warning (OB2014) saying so. Quasirandom (Sobol) generators are not simulated:
 * curandCreateGenerator returns CURAND_STATUS_TYPE_ERROR.
 */
import { PhiloxStream } from '../../runtime/random/philox-stream.js';
import { Tensor } from '../../runtime/tensor.js';
import type { CallSite } from '../sim/call-site.js';
import { DeviceFault } from '../sim/device-fault.js';
import { deviceTensor } from '../sim/device-tensor.js';
import type { CallContext, StatusCodes } from '../sim/facade-call.js';
import { launchOp } from '../sim/launch-op.js';
import { requireDevicePtr } from '../sim/memory-ops.js';
import type { Ref } from '../sim/ref.js';
import type { LiveObject } from '../sim/sim-process.js';
import {
  CURAND_RNG_PSEUDO_DEFAULT,
  CURAND_RNG_PSEUDO_MRG32K3A,
  CURAND_RNG_PSEUDO_MT19937,
  CURAND_RNG_PSEUDO_MTGP32,
  CURAND_RNG_PSEUDO_PHILOX4_32_10,
  CURAND_RNG_PSEUDO_XORWOW,
  CURAND_RNG_QUASI_DEFAULT,
  CURAND_RNG_QUASI_SCRAMBLED_SOBOL32,
  CURAND_RNG_QUASI_SCRAMBLED_SOBOL64,
  CURAND_RNG_QUASI_SOBOL32,
  CURAND_RNG_QUASI_SOBOL64,
  CURAND_STATUS_ALLOCATION_FAILED,
  CURAND_STATUS_INTERNAL_ERROR,
  CURAND_STATUS_LAUNCH_FAILURE,
  CURAND_STATUS_LENGTH_NOT_MULTIPLE,
  CURAND_STATUS_NOT_INITIALIZED,
  CURAND_STATUS_OUT_OF_RANGE,
  CURAND_STATUS_PREEXISTING_FAILURE,
  CURAND_STATUS_SUCCESS,
  CURAND_STATUS_TYPE_ERROR,
  type curandRngType_t,
  type curandStatus_t,
} from './constants.generated.js';
import { statusName } from './enum-names.js';
import { launchStream } from './library-streams.js';
import { requireOut, writeOut } from './out-param.js';
import { reject } from './rejection.js';
import { asDeviceWork, contextLost } from './runtime-state.js';
import type { cudaStream_t } from './streams.js';
import { boundEntryProfile, boundFacadeCall, boundName } from './backend-binding.js';

/**
 * curandStatus_t per fault: a stale generator is CURAND_STATUS_NOT_INITIALIZED; a bad
 * output buffer fails the generation kernel (CURAND_STATUS_LAUNCH_FAILURE; an out-of-bounds
 * or freed buffer also loses the CUDA context); a value outside what the call accepts is
 * CURAND_STATUS_OUT_OF_RANGE.
 */
const CURAND_STATUSES: StatusCodes = {
  success: CURAND_STATUS_SUCCESS,
  faults: {
    'invalid-handle': CURAND_STATUS_NOT_INITIALIZED,
    'null-pointer': CURAND_STATUS_LAUNCH_FAILURE,
    'host-pointer': CURAND_STATUS_LAUNCH_FAILURE,
    'out-of-bounds': CURAND_STATUS_LAUNCH_FAILURE,
    'use-after-free': CURAND_STATUS_LAUNCH_FAILURE,
    misaligned: CURAND_STATUS_LAUNCH_FAILURE,
    'invalid-value': CURAND_STATUS_OUT_OF_RANGE,
    'out-of-memory': CURAND_STATUS_ALLOCATION_FAILED,
  },
  fallback: CURAND_STATUS_INTERNAL_ERROR,
  name: (code) => statusName('curandStatus_t', code),
};

function curandCall(symbol: string, body: (ctx: CallContext) => number | void, launchesWork = false): curandStatus_t {
  return boundFacadeCall(symbol, CURAND_STATUSES, (ctx) => {
    // "Preexisting failure on library entry": a lost context fails every generation.
    if (launchesWork && contextLost(ctx.process)) return CURAND_STATUS_PREEXISTING_FAILURE;
    return body(ctx);
  }) as curandStatus_t;
}

const PSEUDO_TYPES: ReadonlySet<number> = new Set([
  CURAND_RNG_PSEUDO_DEFAULT,
  CURAND_RNG_PSEUDO_XORWOW,
  CURAND_RNG_PSEUDO_MRG32K3A,
  CURAND_RNG_PSEUDO_MTGP32,
  CURAND_RNG_PSEUDO_MT19937,
  CURAND_RNG_PSEUDO_PHILOX4_32_10,
]);

const QUASI_TYPES: ReadonlySet<number> = new Set([
  CURAND_RNG_QUASI_DEFAULT,
  CURAND_RNG_QUASI_SOBOL32,
  CURAND_RNG_QUASI_SCRAMBLED_SOBOL32,
  CURAND_RNG_QUASI_SOBOL64,
  CURAND_RNG_QUASI_SCRAMBLED_SOBOL64,
]);

class CurandGenerator implements LiveObject {
  readonly kind = boundName('curandGenerator_t');
  destroyed = false;
  seed = 0n;
  /** The offset set last with curandSetGeneratorOffset (0 by default). */
  offsetSet = 0n;
  /** Where the next draw comes from: that offset, advanced by every generation since. */
  position = 0n;
  stream: cudaStream_t = 0;

  constructor(
    readonly rngType: number,
    readonly site: CallSite | undefined,
  ) {}
}

/** `typedef struct curandGenerator_st *curandGenerator_t`. */
export type curandGenerator_t = CurandGenerator;

function requireGenerator(generator: unknown): CurandGenerator {
  if (generator === null || generator === undefined) throw new DeviceFault('invalid-handle', 'generator is NULL: create one with curandCreateGenerator');
  if (!(generator instanceof CurandGenerator)) throw new DeviceFault('invalid-handle', `generator is not a curandGenerator_t (got ${typeof generator})`);
  if (generator.destroyed) throw new DeviceFault('invalid-handle', 'generator was destroyed with curandDestroyGenerator');
  return generator;
}

function toUint64(value: unknown, what: string): bigint {
  const big = typeof value === 'bigint' ? value : typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : undefined;
  if (big === undefined || big < 0n || big >= 1n << 64n) throw new DeviceFault('invalid-value', `${what} must be an unsigned 64-bit integer (a bigint above 2^53), got ${String(value)}`);
  return big;
}

/**
 * A device generator. Seed 0 and offset 0 until set (header doc). Pseudorandom types other
 * than Philox draw from Philox4x32-10 (warning OB2014); quasirandom types are
 * CURAND_STATUS_TYPE_ERROR, as is a value that is no generator type.
 */
export function curandCreateGenerator(generator: Ref<curandGenerator_t>, rng_type: curandRngType_t): curandStatus_t {
  return curandCall('curandCreateGenerator', (ctx) => {
    requireOut(generator, 'generator');
    const name = statusName('curandRngType_t', rng_type);
    if (QUASI_TYPES.has(rng_type)) {
      return reject(ctx, CURAND_STATUS_TYPE_ERROR, 'CURAND_STATUS_TYPE_ERROR', `${name}: quasirandom (Sobol) generators are not simulated`, 'OB2014');
    }
    if (!PSEUDO_TYPES.has(rng_type)) {
      return reject(ctx, CURAND_STATUS_TYPE_ERROR, 'CURAND_STATUS_TYPE_ERROR', `rng_type ${name} is not a generator type`);
    }
    if (rng_type !== CURAND_RNG_PSEUDO_PHILOX4_32_10) {
      ctx.process.diagnostics.add({
        id: 'OB2014',
        severity: 'warning',
        message: `${name}'s bit stream is not simulated: this generator draws from Philox4x32-10 (same distributions, different numbers than on a GPU)`,
        backend: ctx.backend,
        symbol: ctx.symbol,
        site: ctx.site,
        rank: ctx.process.rank,
      });
    }
    writeOut(generator, ctx.process.track(new CurandGenerator(rng_type, ctx.site)), 'generator');
  });
}

export function curandDestroyGenerator(generator: curandGenerator_t): curandStatus_t {
  return curandCall('curandDestroyGenerator', (ctx) => ctx.process.release(requireGenerator(generator)));
}

export function curandSetStream(generator: curandGenerator_t, stream: cudaStream_t): curandStatus_t {
  return curandCall('curandSetStream', () => {
    requireGenerator(generator).stream = stream ?? 0;
  });
}

/**
 * Sets the key of the generator's stream; the next draw starts again from the last offset set
 * (0 by default). That re-seeding restarts at the offset is how cuRAND regenerates its state
 * from (seed, offset); the exact rule is not documented (unconfirmed).
 */
export function curandSetPseudoRandomGeneratorSeed(generator: curandGenerator_t, seed: number | bigint): curandStatus_t {
  return curandCall('curandSetPseudoRandomGeneratorSeed', () => {
    const g = requireGenerator(generator);
    g.seed = toUint64(seed, 'seed');
    g.position = g.offsetSet;
  });
}

/** The absolute position of the next draw (not relative to the current one). */
export function curandSetGeneratorOffset(generator: curandGenerator_t, offset: number | bigint): curandStatus_t {
  return curandCall('curandSetGeneratorOffset', () => {
    const g = requireGenerator(generator);
    g.offsetSet = toUint64(offset, 'offset');
    g.position = g.offsetSet;
  });
}

interface Generation {
  readonly generator: unknown;
  readonly outputPtr: unknown;
  readonly count: unknown;
  readonly dtype: 'float32' | 'float64';
  readonly distribution: 'uniform' | 'normal';
  readonly mean?: number;
  readonly stddev?: number;
}

function generate(ctx: CallContext, g: Generation): number | void {
  const generator = requireGenerator(g.generator);
  if (typeof g.count !== 'number' || !Number.isInteger(g.count) || g.count < 0) throw new DeviceFault('invalid-value', `the count must be an integer >= 0, got ${String(g.count)}`);
  const n = g.count;
  if (g.distribution === 'normal' && n % 2 !== 0) {
    return reject(ctx, CURAND_STATUS_LENGTH_NOT_MULTIPLE, 'CURAND_STATUS_LENGTH_NOT_MULTIPLE', `n = ${n}: pseudorandom normals come in Box-Muller pairs, so n must be even`);
  }
  const stream = launchStream(ctx, generator.stream, CURAND_STATUS_LAUNCH_FAILURE, 'CURAND_STATUS_LAUNCH_FAILURE', 'the generator stream');
  if (typeof stream === 'number') return stream;
  const out = requireDevicePtr(g.outputPtr, 'outputPtr');
  const round = g.dtype === 'float32' ? Math.fround : (x: number) => x;
  const mean = round(g.mean ?? 0);
  const stddev = round(g.stddev ?? 1);
  const start = generator.position;
  const draws = BigInt(g.distribution === 'uniform' ? n : g.dtype === 'float32' ? n : 2 * n);
  asDeviceWork(ctx, () => {
    const view = deviceTensor(ctx.process, { ptr: out, dtype: g.dtype, shape: [n] });
    // Traced with the generator's position as the operator's offset, so a normal generation
    // replays as RandomNormal exactly (seed and offset below 2^53). The values are computed on
    // the exact 64-bit stream, and uniforms keep cuRAND's (0, 1], where RandomUniform wraps 1
    // to low.
    const stream64 = { seed: Number(generator.seed), offset: Number(start), shape: [n] };
    const attributes =
      g.distribution === 'uniform'
        ? { dtype: g.dtype, low: 0, high: 1, ...stream64 }
        : { dtype: g.dtype, mean, scale: stddev, ...stream64 };
    launchOp(ctx.process, {
      backend: ctx.backend,
      symbol: ctx.symbol,
      op: g.distribution === 'uniform' ? 'RandomUniform' : 'RandomNormal',
      inputs: [],
      attributes,
      profile: boundEntryProfile(ctx.symbol),
      stream,
      outputs: [{ ptr: out, view }],
      compute: () => {
        const philox = new PhiloxStream(generator.seed, { offset: start });
        const precision = g.dtype;
        if (g.distribution === 'uniform') return [Tensor.fromNumbers(philox.uniform(n, precision), [n], g.dtype)];
        // mean + stddev · z in float64, rounded once into the output type (as RandomNormal).
        const z = philox.normal(n, precision);
        for (let i = 0; i < n; i++) z[i] = mean + stddev * z[i];
        return [Tensor.fromNumbers(z, [n], g.dtype)];
      },
      site: ctx.site,
    });
  });
  generator.position = start + draws;
}

/** num floats uniform on (0, 1] (0 excluded, 1 included, as the header states). */
export function curandGenerateUniform(generator: curandGenerator_t, outputPtr: unknown, num: number): curandStatus_t {
  return curandCall('curandGenerateUniform', (ctx) => generate(ctx, { generator, outputPtr, count: num, dtype: 'float32', distribution: 'uniform' }), true);
}

export function curandGenerateUniformDouble(generator: curandGenerator_t, outputPtr: unknown, num: number): curandStatus_t {
  return curandCall('curandGenerateUniformDouble', (ctx) => generate(ctx, { generator, outputPtr, count: num, dtype: 'float64', distribution: 'uniform' }), true);
}

/** n floats from N(mean, stddev²) by Box-Muller; n must be even (CURAND_STATUS_LENGTH_NOT_MULTIPLE). */
export function curandGenerateNormal(generator: curandGenerator_t, outputPtr: unknown, n: number, mean: number, stddev: number): curandStatus_t {
  return curandCall('curandGenerateNormal', (ctx) => generate(ctx, { generator, outputPtr, count: n, dtype: 'float32', distribution: 'normal', mean, stddev }), true);
}

export function curandGenerateNormalDouble(generator: curandGenerator_t, outputPtr: unknown, n: number, mean: number, stddev: number): curandStatus_t {
  return curandCall('curandGenerateNormalDouble', (ctx) => generate(ctx, { generator, outputPtr, count: n, dtype: 'float64', distribution: 'normal', mean, stddev }), true);
}
