/**
 * The coverage matrix of the bundled samples: for each sample (`samples/<name>/cuda.ts`) and each
 * target, the share of the CUDA APIs it uses that the target offers. One coverage scan of all
 * samples gives the report and the total; each sample's row applies the engine's own formula
 * (`coverageMetrics`) to the APIs with sites in that sample — answers do not depend on the file.
 * Only each sample's CUDA original is scanned; its ports (`ported/<backend>.ts`) are not.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import type { BackendId } from '../catalog/vocabulary.js';
import { coverage } from '../coverage/coverage.js';
import { coverageMetrics } from '../coverage/coverage-metrics.js';
import type { CoverageReport } from '../coverage/coverage-report.js';
import { displayPath } from '../coverage/source-files.js';

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

/** The row of one scanned file of `report`: its distinct APIs and their coverage on each target. */
export function fileCoverage(report: CoverageReport, path: string): { apis: number; targets: Partial<Record<BackendId, TargetCoverage>> } {
  const used = report.apis
    .map((api) => ({ api, sites: api.occurrences.filter((o) => o.file === path).length }))
    .filter((u) => u.sites > 0);
  const targets = Object.fromEntries(
    report.targets.map((t) => {
      const m = coverageMetrics(used.map(({ api, sites }) => ({ status: api.targets[t]!.status, sites })));
      return [t, { coverage: m.coverage, strictCoverage: m.strictCoverage }];
    }),
  );
  return { apis: used.length, targets };
}

export async function samplesCoverage(
  samples: readonly SampleFile[],
  options: { readonly catalog: Catalog; readonly targets: readonly BackendId[]; readonly cwd?: string },
): Promise<SamplesCoverage> {
  if (samples.length === 0) return { targets: options.targets, rows: [], all: null };
  const all = await coverage(
    samples.map((s) => s.file),
    { catalog: options.catalog, to: options.targets, ...(options.cwd ? { cwd: options.cwd } : {}) },
  );
  const rows = samples.map((sample) => {
    const path = displayPath(sample.file, options.cwd);
    return { name: sample.name, path, ...fileCoverage(all, path) };
  });
  return { targets: options.targets, rows, all };
}
