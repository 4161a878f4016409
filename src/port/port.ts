/**
 * `port(paths, options)`: the programmatic API behind `opbridge port`. Ports every TypeScript
 * file under the paths from one facade to another and returns per-file outcomes, rewrites,
 * diagnostics and a summary. Dry run unless `write` (rewrite in place, atomically) or `outDir`
 * (a ported copy of the tree, other files copied unchanged). One file's failure never stops
 * the run: it becomes that file's `error` outcome.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseBackendName } from '../catalog/backend-name.js';
import type { Catalog } from '../catalog/catalog.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import type { BackendId } from '../catalog/vocabulary.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { LifterRegistry } from './lift/lifter.js';
import type { LowererRegistry } from './lower/lowerer.js';
import { discoverPortFiles } from './port-files.js';
import { summarise, type PortFileResult, type PortResult } from './port-result.js';
import { portSource } from './port-source.js';
import { defaultVerifier, isModelProgram, verifyPortedFile, type PortVerifier } from './verify-port.js';
import type { VerifyOptions } from '../verify/verify.js';

export interface PortOptions {
  readonly to: BackendId;
  /** Port only from this facade (default: the facade each file imports other than `to`). */
  readonly from?: BackendId;
  /** Rewrite changed files in place (atomically). */
  readonly write?: boolean;
  /** Write a ported copy of the tree here (TypeScript ported, other files copied). */
  readonly outDir?: string;
  /** Write error and warning diagnostics as comments above the code (default true). */
  readonly comments?: boolean;
  /** Extra mapping files or directories, as `--mappings`. Ignored when `catalog` is given. */
  readonly mappings?: readonly string[];
  readonly catalog?: Catalog;
  readonly lifters?: LifterRegistry;
  readonly lowerers?: LowererRegistry;
  /** Directory that paths are resolved and reported against (default: the working directory). */
  readonly cwd?: string;
  readonly onProgress?: (progress: { readonly done: number; readonly total: number }) => void;
  /**
   * Verify every ported model program (a file exporting `main`) against its original on the
   * reference runtime: `true` for the defaults, or verify options (ranks, tolerances, config).
   */
  readonly verify?: boolean | VerifyOptions;
  /** Replaces the verify engine (tools that run programs elsewhere; tests). */
  readonly verifier?: PortVerifier;
}

export async function port(paths: readonly string[], options: PortOptions): Promise<PortResult> {
  const to = parseBackendName(options.to, '--to');
  const from = options.from === undefined ? undefined : parseBackendName(options.from, '--from');
  if (options.write && options.outDir) throw new UsageError('--write and --out-dir cannot be used together', { fix: 'rewrite in place with --write, or write a ported copy with --out-dir' });
  if (paths.length === 0) throw new UsageError('no paths to port', { fix: 'pass TypeScript files or directories' });
  const cwd = options.cwd ?? process.cwd();
  const catalog = options.catalog ?? loadCatalog({ extra: options.mappings });
  const { files } = discoverPortFiles(paths, { cwd, ...(options.outDir ? { outDir: options.outDir } : {}) });
  const outDir = options.outDir ? resolve(cwd, options.outDir) : undefined;
  const results: PortFileResult[] = [];
  let copied = 0;
  const typescript = files.filter((f) => f.typescript);
  for (const file of files) {
    if (!file.typescript) {
      if (outDir) {
        const target = join(outDir, file.relative);
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(file.absolute, target);
        copied++;
      }
      continue;
    }
    let result: PortFileResult;
    let source = '';
    try {
      source = readFileSync(file.absolute, 'utf8');
      const ported = portSource(source, {
        to,
        ...(from ? { from } : {}),
        fileName: file.absolute,
        comments: options.comments ?? true,
        catalog,
        ...(options.lifters ? { lifters: options.lifters } : {}),
        ...(options.lowerers ? { lowerers: options.lowerers } : {}),
      });
      result = { path: file.path, source, ...ported };
    } catch (error) {
      result = { path: file.path, outcome: 'error', reason: `could not port: ${(error as Error).message}`, rewrites: [], diagnostics: [], source, output: source };
    }
    const destination = outDir ? join(outDir, file.relative) : options.write && result.outcome === 'ok' ? file.absolute : undefined;
    if (destination && result.outcome !== 'error') {
      try {
        writeFileAtomic(destination, result.output);
        result = { ...result, written: destination };
      } catch (error) {
        result = { ...result, outcome: 'error', reason: `could not write ${destination}: ${(error as Error).message}` };
      }
    } else if (destination && outDir) {
      // An unreadable or unparsable file is still part of the tree: copy it as it is.
      try {
        mkdirSync(dirname(destination), { recursive: true });
        copyFileSync(file.absolute, destination);
      } catch {
        // the error outcome already reports the file
      }
    }
    if (options.verify && result.outcome === 'ok' && isModelProgram(result.source)) {
      const verifier = options.verifier ?? defaultVerifier({ ...(typeof options.verify === 'object' ? options.verify : {}), catalog });
      result = { ...result, verification: await verifyPortedFile(file.absolute, result.source, result.output, result.written, verifier) };
    }
    results.push(result);
    options.onProgress?.({ done: results.length, total: typescript.length });
  }
  return { files: results, summary: summarise(results, to, copied) };
}
