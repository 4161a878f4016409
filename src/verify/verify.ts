/**
 * `verify(original, ported, options)`: does the port compute what the original computed?
 *
 * Runs both programs on the reference runtime — each golden (float64) and profiled (every call
 * under its backend's numeric profile, as the facades apply it), each rank in an isolated
 * worker with time and memory limits — then aligns and compares them call by call, copy by
 * copy and output by output (compare-runs.ts). `opbridge verify` and `opbridge port --verify`
 * are thin layers over this function.
 */
import { existsSync } from 'node:fs';
import type { Catalog } from '../catalog/catalog.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import { InputError, UsageError } from '../errors.js';
import { compareRuns } from './compare-runs.js';
import { runForVerify, type RunLimits } from './program-runs.js';
import { ToleranceResolver } from './tolerance.js';
import { EMPTY_CONFIG, loadVerifyConfig, type VerifyConfig } from './verify-config.js';
import type { VerifyReport } from './verify-report.js';

export interface VerifyOptions extends RunLimits {
  /** Replace the strict rtol / atol of every comparison. */
  readonly rtol?: number;
  readonly atol?: number;
  /** A verify.yaml path, or an already validated config. */
  readonly config?: string | VerifyConfig;
  /** Extra catalog files (profiles, operators, mappings), as `--mappings`. */
  readonly mappings?: readonly string[];
  /** Use this catalog instead of loading one (mappings are then ignored). */
  readonly catalog?: Catalog;
}

export interface VerifySettings {
  readonly config: VerifyConfig;
  readonly catalog: Catalog;
  readonly tolerances: ToleranceResolver;
  readonly limits: RunLimits;
}

/** Validates options and loads the config file and catalog (no program runs). */
export function verifySettings(options: VerifyOptions = {}): VerifySettings {
  for (const [name, value] of [['--rtol', options.rtol], ['--atol', options.atol]] as const) {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) throw new UsageError(`${name} must be a non-negative number, got ${value}`);
  }
  const config = typeof options.config === 'string' ? loadVerifyConfig(options.config) : (options.config ?? EMPTY_CONFIG);
  const extra = [...config.mappings, ...(options.mappings ?? [])];
  const catalog = options.catalog ?? loadCatalog(extra.length ? { extra } : {});
  return {
    config,
    catalog,
    tolerances: new ToleranceResolver(catalog, { rtol: options.rtol, atol: options.atol, config }),
    limits: {
      ranks: options.ranks ?? config.ranks ?? 1,
      timeoutMs: options.timeoutMs ?? (config.timeout !== undefined ? config.timeout * 1000 : undefined),
      maxHeapMb: options.maxHeapMb,
    },
  };
}

export async function verify(original: string, ported: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  for (const [role, file] of [['original', original], ['ported', ported]] as const) {
    if (!existsSync(file)) throw new InputError(`the ${role} program was not found`, { location: { file }, fix: 'check the path (opbridge verify <original> <ported>)' });
  }
  const settings = verifySettings(options);
  const [originalRuns, portedRuns] = await Promise.all([runForVerify(original, 'original', settings.limits), runForVerify(ported, 'ported', settings.limits)]);
  return compareRuns(originalRuns, portedRuns, { catalog: settings.catalog, tolerances: settings.tolerances, widen: settings.config.widen });
}
