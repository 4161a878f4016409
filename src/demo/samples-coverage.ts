/**
 * The coverage matrix of the bundled samples: for each sample (`samples/<name>/cuda.ts`) and each
 * target, the share of the CUDA APIs it uses that the target offers, from the coverage engine —
 * one scan per sample for its row, and one of all samples together for the total and the report.
 * Only each sample's CUDA original is scanned; its ports (`ported/<backend>.ts`) are not.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import type { BackendId } from '../catalog/vocabulary.js';
import { coverage } from '../coverage/coverage.js';
import type { CoverageReport } from '../coverage/coverage-report.js';

/** The file of each sample that is written against CUDA. */
export const SAMPLE_ORIGINAL = 'cuda.ts';

export interface SampleFile {
  readonly name: string;
  readonly file: string;
}

export interface TargetCoverage {
  readonly coverage: number;
  readonly strictCoverage: number;
}

export interface SampleCoverageRow {
  readonly name: string;
  /** As shown in the coverage report (relative to `cwd` when under it). */
  readonly path: string;
  /** Distinct CUDA APIs the sample uses. */
  readonly apis: number;
  readonly targets: Readonly<Partial<Record<BackendId, TargetCoverage>>>;
}

export interface SamplesCoverage {
  readonly targets: readonly BackendId[];
  readonly rows: readonly SampleCoverageRow[];
  /** Every sample together: the `opbridge coverage` report of all of them (null without samples). */
  readonly all: CoverageReport | null;
}

/** The samples under `dir`: each sub-directory holding a CUDA original, by name. */
export function findSamples(dir: string): SampleFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, SAMPLE_ORIGINAL)))
    .map((d) => ({ name: d.name, file: join(dir, d.name, SAMPLE_ORIGINAL) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function targetCoverage(report: CoverageReport): Partial<Record<BackendId, TargetCoverage>> {
  return Object.fromEntries(report.targets.map((t) => [t, { coverage: report.backends[t]!.coverage, strictCoverage: report.backends[t]!.strictCoverage }]));
}

export async function samplesCoverage(
  samples: readonly SampleFile[],
  options: { readonly catalog: Catalog; readonly targets: readonly BackendId[]; readonly cwd?: string },
): Promise<SamplesCoverage> {
  const common = { catalog: options.catalog, to: options.targets, ...(options.cwd ? { cwd: options.cwd } : {}) };
  const rows: SampleCoverageRow[] = [];
  for (const sample of samples) {
    const report = await coverage([sample.file], common);
    rows.push({ name: sample.name, path: report.files[0]?.path ?? sample.file, apis: report.summary.apis, targets: targetCoverage(report) });
  }
  const all = samples.length > 0 ? await coverage(samples.map((s) => s.file), common) : null;
  return { targets: options.targets, rows, all };
}
