/**
 * A Philox4x32-10 stream addressed like cuRAND's device API: `curand_init(seed, subsequence,
 * offset, &state)` sets key = (seed low word, seed high word) and counter = (offset / 4 as a
 * 64-bit block number, subsequence as the high 64 bits); draw number `offset` is word
 * `offset % 4` of that block, and successive draws walk the words, then the next block.
 * The offset is absolute, like `curandSetGeneratorOffset`, so facades can place a stream
 * exactly where a generator stands. Source: `curand_kernel.h` / `curand_philox4x32_x.h`
 * (ggerganov/llama.cpp `include/cuda/`), docs/random.md.
 */
import { OpbridgeError } from '../../errors.js';
import { boxMullerFloat32, boxMullerFloat64, uniformFloat32, uniformFloat64 } from './curand-transforms.js';
import { philox4x32 } from './philox.js';

const UINT64_LIMIT = 1n << 64n;
const WORD = 0xffffffffn;

/** Precision of derived variates: float32 uses cuRAND's float formulas, float64 its double ones. */
export type VariatePrecision = 'float32' | 'float64';

export interface PhiloxStreamOptions {
  /** High 64 bits of the counter (cuRAND's subsequence; PyTorch passes the thread index). */
  readonly subsequence?: bigint | number;
  /** Absolute position in uint32 draws within the subsequence. */
  readonly offset?: bigint | number;
}

function toUint64(value: bigint | number, what: string): bigint {
  const big = typeof value === 'bigint' ? value : Number.isSafeInteger(value) ? BigInt(value) : undefined;
  if (big === undefined || big < 0n || big >= UINT64_LIMIT) {
    throw new OpbridgeError(`Philox ${what} must be an integer in [0, 2^64), got ${String(value)}`, {
      fix: `pass a non-negative integer ${what} (a bigint for values above 2^53)`,
    });
  }
  return big;
}

export class PhiloxStream {
  readonly seed: bigint;
  readonly subsequence: bigint;
  private position: bigint;
  private readonly key: Uint32Array;

  constructor(seed: bigint | number, options: PhiloxStreamOptions = {}) {
    this.seed = toUint64(seed, 'seed');
    this.subsequence = toUint64(options.subsequence ?? 0n, 'subsequence');
    this.position = toUint64(options.offset ?? 0n, 'offset');
    this.key = new Uint32Array([Number(this.seed & WORD), Number(this.seed >> 32n)]);
  }

  /** Draws consumed so far from the start of the subsequence. */
  get offset(): bigint {
    return this.position;
  }

  /** Moves to an absolute offset (curandSetGeneratorOffset semantics). */
  seek(offset: bigint | number): this {
    this.position = toUint64(offset, 'offset');
    return this;
  }

  /** Skips `count` draws, exactly as generating and discarding them would. */
  skip(count: bigint | number): this {
    this.position += toUint64(count, 'skip count');
    return this;
  }

  /** The next `count` raw 32-bit draws (what successive `curand()` calls return). */
  uint32(count: number): Uint32Array {
    const out = new Uint32Array(count);
    if (count === 0) return out;
    // The 128-bit counter: block number in the low 64 bits, subsequence above. Increments
    // carry upward through all four words, as cuRAND's Philox_State_Incr does.
    const counter = (this.subsequence << 64n) + (this.position >> 2n);
    const words = new Uint32Array([
      Number(counter & WORD),
      Number((counter >> 32n) & WORD),
      Number((counter >> 64n) & WORD),
      Number((counter >> 96n) & WORD),
    ]);
    const block = philox4x32(words, this.key);
    let lane = Number(this.position & 3n);
    for (let i = 0; i < count; i++) {
      if (lane === 4) {
        lane = 0;
        words[0]++;
        if (words[0] === 0) {
          words[1]++;
          if (words[1] === 0) {
            words[2]++;
            if (words[2] === 0) words[3]++;
          }
        }
        philox4x32(words, this.key, block);
      }
      out[i] = block[lane++];
    }
    this.position += BigInt(count);
    return out;
  }

  /**
   * `count` uniforms on (0, 1], one draw each: `curand_uniform` (float32) or
   * `curand_uniform_double` (float64) on a Philox state.
   */
  uniform(count: number, precision: VariatePrecision = 'float32'): Float64Array {
    const draws = this.uint32(count);
    const out = new Float64Array(count);
    const map = precision === 'float32' ? uniformFloat32 : uniformFloat64;
    for (let i = 0; i < count; i++) out[i] = map(draws[i]);
    return out;
  }

  /**
   * `count` standard normals by Box-Muller, in the order successive `curand_normal` (float32,
   * two draws per pair) or `curand_normal_double` (float64, four draws per pair) calls return
   * them. An odd count still consumes a whole pair, as a thread's cached second value is lost.
   */
  normal(count: number, precision: VariatePrecision = 'float32'): Float64Array {
    const pairs = Math.ceil(count / 2);
    const out = new Float64Array(pairs * 2);
    if (precision === 'float32') {
      const draws = this.uint32(pairs * 2);
      for (let p = 0; p < pairs; p++) boxMullerFloat32(draws[2 * p], draws[2 * p + 1], out, 2 * p);
    } else {
      const draws = this.uint32(pairs * 4);
      for (let p = 0; p < pairs; p++) {
        boxMullerFloat64(draws[4 * p], draws[4 * p + 1], draws[4 * p + 2], draws[4 * p + 3], out, 2 * p);
      }
    }
    return count === out.length ? out : out.slice(0, count);
  }
}
