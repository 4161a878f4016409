/**
 * Strict tolerances: how close to the golden reference a value must be to pass. Resolved per
 * dtype and operator from, in order of precedence: `--rtol` / `--atol`; the config file's
 * `operators` (or `outputs`) entry; the config file's global rtol / atol; the catalog's
 * `operators/<Op>.yaml` `tolerances`; the torch.testing.assert_close defaults.
 */
import type { Catalog } from '../catalog/catalog.js';
import { isFloatDType, type DType } from '../runtime/dtype.js';
import type { ConfigTolerance, VerifyConfig } from './verify-config.js';

export interface Tolerance {
  readonly rtol: number;
  readonly atol: number;
}

export type ToleranceSource = 'default' | 'catalog' | 'config' | 'cli';

export interface StrictTolerance extends Tolerance {
  readonly dtype: DType;
  readonly source: ToleranceSource;
}

/** torch.testing.assert_close defaults (rtol, atol); integer and bool dtypes compare exactly. */
export const DEFAULT_TOLERANCES: Readonly<Record<DType, Tolerance>> = {
  float16: { rtol: 1e-3, atol: 1e-5 },
  bfloat16: { rtol: 1.6e-2, atol: 1e-5 },
  float32: { rtol: 1.3e-6, atol: 1e-5 },
  float64: { rtol: 1e-7, atol: 1e-7 },
  int64: { rtol: 0, atol: 0 },
  int32: { rtol: 0, atol: 0 },
  int16: { rtol: 0, atol: 0 },
  int8: { rtol: 0, atol: 0 },
  uint8: { rtol: 0, atol: 0 },
  bool: { rtol: 0, atol: 0 },
};

export interface ToleranceOverrides {
  /** `--rtol` / `--atol`: replace the strict tolerance of every comparison. */
  readonly rtol?: number;
  readonly atol?: number;
  readonly config?: VerifyConfig;
}

function isTolerance(value: unknown): value is ConfigTolerance {
  return typeof value === 'object' && value !== null && 'rtol' in value && 'atol' in value;
}

export class ToleranceResolver {
  constructor(
    private readonly catalog: Catalog,
    private readonly overrides: ToleranceOverrides = {},
  ) {}

  /** Strict tolerance for an operator's output of `dtype`; for an aligned pair of different operators, the looser of the two. */
  forOperators(ops: readonly string[], dtype: DType): StrictTolerance {
    const each = [...new Set(ops)].map((op) => this.forOperator(op, dtype));
    return each.reduce((a, b) => ({ dtype, rtol: Math.max(a.rtol, b.rtol), atol: Math.max(a.atol, b.atol), source: rank(b.source) > rank(a.source) ? b.source : a.source }));
  }

  forOperator(op: string, dtype: DType): StrictTolerance {
    const config = this.overrides.config;
    const entry = config?.operators[op];
    let base: StrictTolerance;
    if (entry && isTolerance(entry)) base = { ...pick(entry), dtype, source: 'config' };
    else if (entry && !isTolerance(entry) && entry[dtype]) base = { ...pick(entry[dtype]!), dtype, source: 'config' };
    else base = this.global(dtype, () => {
      const fromCatalog = this.catalog.operator(op)?.spec.tolerances[dtype];
      return fromCatalog ? { ...pick(fromCatalog), dtype, source: 'catalog' } : undefined;
    });
    return this.applyCli(base);
  }

  /** Strict tolerance for a named output of main() or a device-to-host copy. */
  forValue(dtype: DType, outputName?: string): StrictTolerance {
    const entry = outputName !== undefined ? this.overrides.config?.outputs[outputName] : undefined;
    const base: StrictTolerance = entry ? { ...pick(entry), dtype, source: 'config' } : this.global(dtype, () => undefined);
    return this.applyCli(base);
  }

  private global(dtype: DType, specific: () => StrictTolerance | undefined): StrictTolerance {
    const found = specific();
    if (found) return found;
    const config = this.overrides.config;
    const fallback = DEFAULT_TOLERANCES[dtype];
    // Global config values apply to float dtypes only: integers stay exact.
    if (config && isFloatDType(dtype) && (config.rtol !== undefined || config.atol !== undefined)) {
      return { rtol: config.rtol ?? fallback.rtol, atol: config.atol ?? fallback.atol, dtype, source: 'config' };
    }
    return { ...fallback, dtype, source: 'default' };
  }

  private applyCli(base: StrictTolerance): StrictTolerance {
    const { rtol, atol } = this.overrides;
    if (rtol === undefined && atol === undefined) return base;
    return { ...base, rtol: rtol ?? base.rtol, atol: atol ?? base.atol, source: 'cli' };
  }
}

function pick(t: Tolerance): Tolerance {
  return { rtol: t.rtol, atol: t.atol };
}

function rank(source: ToleranceSource): number {
  return ['default', 'catalog', 'config', 'cli'].indexOf(source);
}
