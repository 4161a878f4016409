/**
 * Coverage formulas (docs/coverage.md, "Coverage"):
 *
 * - API coverage = covered APIs / APIs used, where an API is one distinct symbol (a function,
 *   type, enum or enum member) and covered means native, composite or partial on the target;
 * - strict API coverage counts only native and composite (partial answers miss something);
 * - site coverage and strict site coverage weigh each API by its number of sites (each place
 *   the code names it: a call, or a use of a type or enum member).
 *
 * Unknown answers count as not covered. With no API used, every coverage is 1 (nothing to port).
 */
import { STATUSES, type Status } from '../catalog/vocabulary.js';

export const COVERED_STATUSES: ReadonlySet<Status> = new Set(['native', 'composite', 'partial']);
export const STRICT_STATUSES: ReadonlySet<Status> = new Set(['native', 'composite']);
/** Statuses that block a port until someone works around them. */
export const BLOCKING_STATUSES: ReadonlySet<Status> = new Set(['unsupported', 'unknown']);

export type StatusCounts = Record<Status, number> & { total: number };

export interface CoverageMetrics {
  readonly coverage: number;
  readonly strictCoverage: number;
  readonly siteCoverage: number;
  readonly strictSiteCoverage: number;
  readonly apis: StatusCounts;
  readonly sites: StatusCounts;
}

export function emptyCounts(): StatusCounts {
  return { ...(Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>), total: 0 };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

/** Metrics from each API's status on one target and its number of sites. */
export function coverageMetrics(apis: readonly { readonly status: Status; readonly sites: number }[]): CoverageMetrics {
  const apiCounts = emptyCounts();
  const siteCounts = emptyCounts();
  for (const { status, sites } of apis) {
    apiCounts[status]++;
    apiCounts.total++;
    siteCounts[status] += sites;
    siteCounts.total += sites;
  }
  const sum = (counts: StatusCounts, statuses: ReadonlySet<Status>) => [...statuses].reduce((n, s) => n + counts[s], 0);
  return {
    coverage: ratio(sum(apiCounts, COVERED_STATUSES), apiCounts.total),
    strictCoverage: ratio(sum(apiCounts, STRICT_STATUSES), apiCounts.total),
    siteCoverage: ratio(sum(siteCounts, COVERED_STATUSES), siteCounts.total),
    strictSiteCoverage: ratio(sum(siteCounts, STRICT_STATUSES), siteCounts.total),
    apis: apiCounts,
    sites: siteCounts,
  };
}
