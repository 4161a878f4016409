/**
 * Typed access to raw operator attributes with ONNX defaults. Every failure names the
 * operator, the attribute, what was given and what is accepted.
 */
import { OpError } from '../errors.js';
import { closestName } from '../text/closest-name.js';
import { DTYPES, isDType, type DType } from './dtype.js';
import type { AttributeValue, RawAttributes } from './kernel.js';
import { ONNX_DATA_TYPES, UNSUPPORTED_ONNX_DATA_TYPES, onnxDataTypeCode } from './onnx-data-types.js';
import { Tensor } from './tensor.js';

export class AttributeReader {
  private readonly used = new Set<string>();

  constructor(
    private readonly op: string,
    private readonly raw: RawAttributes,
  ) {}

  private take(name: string): AttributeValue | undefined {
    this.used.add(name);
    return this.raw[name];
  }

  private fail(name: string, expected: string, value: unknown): never {
    throw new OpError(this.op, `attribute '${name}' must be ${expected}, got ${describe(value)}`);
  }

  int(name: string, fallback: number): number;
  int(name: string): number | undefined;
  int(name: string, fallback?: number): number | undefined {
    const v = this.take(name);
    if (v === undefined) return fallback;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v !== 'number' || !Number.isInteger(v)) this.fail(name, 'an integer', v);
    return v;
  }

  float(name: string, fallback: number): number;
  float(name: string): number | undefined;
  float(name: string, fallback?: number): number | undefined {
    const v = this.take(name);
    if (v === undefined) return fallback;
    if (typeof v !== 'number') this.fail(name, 'a number', v);
    return v;
  }

  /**
   * An ONNX FLOAT attribute: ONNX stores it as a 32-bit float, so the value a device (and
   * ONNX Runtime) computes with is `Math.fround` of what the caller wrote.
   */
  float32(name: string, fallback: number): number;
  float32(name: string): number | undefined;
  float32(name: string, fallback?: number): number | undefined {
    const v = this.float(name);
    return v === undefined ? (fallback === undefined ? undefined : Math.fround(fallback)) : Math.fround(v);
  }

  /**
   * A dtype attribute (Cast `to`, RandomNormal `dtype`, `stash_type`, ...): an ONNX TensorProto
   * code (1 = float32, 10 = float16, ...) or a dtype name ('float32'), one of `allowed`.
   */
  dtype<T extends DType>(name: string, fallback: T, allowed: readonly T[]): T;
  dtype<T extends DType>(name: string, fallback: undefined, allowed: readonly T[]): T | undefined;
  dtype<T extends DType>(name: string, fallback: T | undefined, allowed: readonly T[]): T | undefined {
    const v = this.take(name);
    if (v === undefined) return fallback;
    const supported = `${allowed.join(', ')} (ONNX codes ${allowed.map(onnxDataTypeCode).join(', ')})`;
    let dtype: DType;
    if (typeof v === 'string') {
      if (!isDType(v)) {
        const suggestion = closestName(v, DTYPES);
        throw new OpError(this.op, `attribute '${name}' names no dtype: '${v}'`, {
          fix: suggestion ? `did you mean '${suggestion}'?` : `use one of ${supported}`,
        });
      }
      dtype = v;
    } else if (typeof v === 'number' && Number.isInteger(v)) {
      const known = ONNX_DATA_TYPES[v];
      if (!known) {
        const onnxName = UNSUPPORTED_ONNX_DATA_TYPES[v];
        throw new OpError(
          this.op,
          onnxName
            ? `attribute '${name}' = ${v} (ONNX ${onnxName}) is not a dtype of the runtime`
            : `attribute '${name}' = ${v} is not an ONNX TensorProto data type`,
          { fix: `use one of ${supported}, or a dtype name` },
        );
      }
      dtype = known;
    } else {
      return this.fail(name, 'an ONNX data type code or a dtype name', v);
    }
    if (!(allowed as readonly DType[]).includes(dtype)) {
      throw new OpError(this.op, `attribute '${name}' selects ${dtype}; supported: ${supported}`);
    }
    return dtype as T;
  }

  bool(name: string, fallback: boolean): boolean {
    const v = this.take(name);
    if (v === undefined) return fallback;
    if (typeof v === 'boolean') return v;
    if (v === 0 || v === 1) return v === 1;
    return this.fail(name, 'a boolean (or 0 / 1)', v);
  }

  string<T extends string>(name: string, fallback: T, allowed?: readonly T[]): T {
    const v = this.take(name);
    if (v === undefined) return fallback;
    if (typeof v !== 'string') this.fail(name, 'a string', v);
    if (allowed && !allowed.includes(v as T)) this.fail(name, `one of ${allowed.map((a) => `'${a}'`).join(', ')}`, v);
    return v as T;
  }

  ints(name: string, fallback: readonly number[]): number[];
  ints(name: string): number[] | undefined;
  ints(name: string, fallback?: readonly number[]): number[] | undefined {
    const v = this.take(name);
    if (v === undefined) return fallback ? [...fallback] : undefined;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'number' && Number.isInteger(x))) {
      this.fail(name, 'a list of integers', v);
    }
    return [...(v as number[])];
  }

  floats(name: string, fallback: readonly number[]): number[];
  floats(name: string): number[] | undefined;
  floats(name: string, fallback?: readonly number[]): number[] | undefined {
    const v = this.take(name);
    if (v === undefined) return fallback ? [...fallback] : undefined;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'number')) this.fail(name, 'a list of numbers', v);
    return [...(v as number[])];
  }

  tensor(name: string): Tensor | undefined {
    const v = this.take(name);
    if (v === undefined) return undefined;
    if (!(v instanceof Tensor)) this.fail(name, 'a tensor', v);
    return v;
  }

  /** Throws on attributes the kernel does not know (catches typos such as 'axes' vs 'axis'). */
  done(): void {
    const unknown = Object.keys(this.raw).filter((k) => !this.used.has(k) && this.raw[k] !== undefined);
    if (unknown.length > 0) {
      throw new OpError(this.op, `unknown attribute${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `'${u}'`).join(', ')}`);
    }
  }
}

function describe(value: unknown): string {
  if (value instanceof Tensor) return value.toString();
  if (Array.isArray(value)) return `[${value.map(String).join(', ')}]`;
  return typeof value === 'string' ? `'${value}'` : String(value);
}
