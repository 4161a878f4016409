/**
 * `coverage(paths, options)`: the programmatic API behind `opbridge coverage`. Scans C, C++,
 * CUDA and TypeScript sources, joins what they use with the catalog, and returns the report
 * that every output format renders.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import { packageRoot } from '../catalog/package-root.js';
import { TARGET_BACKENDS, type BackendId } from '../catalog/vocabulary.js';
import { buildCoverageReport, type CoverageReport } from './coverage-report.js';
import { scanSources, type ScanProgress } from './scan-sources.js';

export interface CoverageOptions {
  /** Target backends (default: the six targets). */
  readonly to?: readonly BackendId[];
  /** The catalog to answer from (default: the built-in catalog plus `mappings`). */
  readonly catalog?: Catalog;
  /** Extra mapping files or directories, as `--mappings`. Ignored when `catalog` is given. */
  readonly mappings?: readonly string[];
  /** Files larger than this are skipped (default 8 MiB). */
  readonly maxFileBytes?: number;
  /** Directory that report paths are relative to (default: the working directory). */
  readonly cwd?: string;
  readonly onProgress?: (progress: ScanProgress) => void;
}

function opbridgeVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

export async function coverage(paths: readonly string[], options: CoverageOptions = {}): Promise<CoverageReport> {
  const catalog = options.catalog ?? loadCatalog({ extra: options.mappings });
  const scan = await scanSources(paths, catalog, { maxFileBytes: options.maxFileBytes, cwd: options.cwd, onProgress: options.onProgress });
  return buildCoverageReport(scan, catalog, { targets: options.to ?? TARGET_BACKENDS, version: opbridgeVersion() });
}
