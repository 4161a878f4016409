/**
 * A planning-grade porting effort estimate, in engineer-hours (docs/coverage.md, "Effort"):
 *
 *   hours(target) = Σ over APIs   weight[kind] × (perApi[status] + perSite[status] × sites)
 *                 + Σ over kernels base[approach] + perLine[approach] × bodyLines
 *
 * where status is the API's answer on the target and approach is how the target runs custom
 * kernels (kernel-porting.ts). The constants are judgement, not measurement: they order the
 * work and size it roughly; they are published in every report so nobody mistakes them for data.
 */
import type { Status } from '../catalog/vocabulary.js';
import type { KernelApproach } from './kernel-porting.js';
import type { ApiKind } from './symbol-index.js';

export const EFFORT_MODEL = {
  unit: 'hours',
  hoursPerDay: 8,
  /** Per distinct API: review the mapping, adapt the wrapper, add a parity test. */
  perApi: { native: 0.25, composite: 2, partial: 3, unsupported: 16, unknown: 6 } satisfies Record<Status, number>,
  /** Per site: edit and re-check each call. */
  perSite: { native: 0.05, composite: 0.25, partial: 0.25, unsupported: 0.5, unknown: 0.25 } satisfies Record<Status, number>,
  /** Types and enum members follow the functions that use them, so they weigh less. */
  kindWeight: { function: 1, method: 1, constructor: 1, macro: 1, type: 0.25, enum: 0.25, 'enum-member': 0.25 } satisfies Record<ApiKind, number>,
  /** Per custom kernel or device function, by how the target runs kernels. */
  kernel: {
    'hand-port': { base: 2, perLine: 0.2 },
    recompile: { base: 0.5, perLine: 0.02 },
    none: { base: 0, perLine: 0 },
  } satisfies Record<KernelApproach, { base: number; perLine: number }>,
} as const;

export function apiHours(kind: ApiKind, status: Status, sites: number): number {
  return EFFORT_MODEL.kindWeight[kind] * (EFFORT_MODEL.perApi[status] + EFFORT_MODEL.perSite[status] * sites);
}

export function kernelHours(approach: KernelApproach, bodyLines: number): number {
  const k = EFFORT_MODEL.kernel[approach];
  return k.base + k.perLine * bodyLines;
}

/** Hours rounded to a tenth, as reports print them. */
export function roundHours(hours: number): number {
  return Math.round(hours * 10) / 10;
}
