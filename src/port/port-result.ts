/**
 * What `port` returns, following jscodeshift's contract: one outcome per file — `ok` (changed),
 * `nochange` (looked at, nothing to change), `skip` (not a file to port: no source facade
 * import, several facades without --from), `error` (could not be read, parsed or written) — plus
 * every rewrite, every diagnostic and a summary.
 */
import type { BackendId } from '../catalog/vocabulary.js';
import { PORT_DIAGNOSTICS, type PortDiagnostic } from './diagnostics/port-diagnostics.js';
import type { HubRoute } from './hub-route.js';
import type { PortVerification } from './verify-port.js';

export type PortOutcome = 'ok' | 'nochange' | 'skip' | 'error';

export interface PortRewrite {
  readonly line: number;
  readonly column: number;
  readonly kind: 'call' | 'enum' | 'type';
  /** Source symbol (catalog spelling). */
  readonly from: string;
  /** Target symbols written for it. */
  readonly to: readonly string[];
}

export interface PortFileResult {
  /** As given or found, relative to the working directory when under it, `/`-separated. */
  readonly path: string;
  readonly outcome: PortOutcome;
  /** The source backend, when the file had one. */
  readonly from?: BackendId;
  /** Why a file was skipped, or what went wrong. */
  readonly reason?: string;
  readonly rewrites: readonly PortRewrite[];
  readonly diagnostics: readonly PortDiagnostic[];
  /** Original and ported text (equal unless the outcome is ok). */
  readonly source: string;
  readonly output: string;
  /** Set when the file went through CUDA rather than straight to the target (hub-route.ts). */
  readonly route?: HubRoute;
  /** Where the ported file was written (--write or --out-dir). */
  readonly written?: string;
  /** The verdict of `verify` on the original and the port (with --verify, model programs only). */
  readonly verification?: PortVerification;
}

export interface PortSummary {
  readonly to: BackendId;
  readonly files: number;
  readonly ok: number;
  readonly nochange: number;
  readonly skip: number;
  readonly error: number;
  readonly rewrites: number;
  readonly diagnostics: { readonly error: number; readonly warning: number; readonly info: number };
  /** Diagnostic counts by id. */
  readonly byId: Readonly<Record<string, number>>;
  /** Sum of the effort estimates of the diagnostics, in hours. */
  readonly effortHours: number;
  /** Files copied unchanged into --out-dir (not TypeScript). */
  readonly copied: number;
  /** Files ported through CUDA because that left less work than the direct port. */
  readonly routed: number;
  /** With --verify: verdicts of the ported programs, and those that could not be run. */
  readonly verified?: { readonly pass: number; readonly warn: number; readonly fail: number; readonly error: number };
}

export interface PortResult {
  readonly files: readonly PortFileResult[];
  readonly summary: PortSummary;
}

export function summarise(files: readonly PortFileResult[], to: BackendId, copied: number): PortSummary {
  const count = (o: PortOutcome) => files.filter((f) => f.outcome === o).length;
  const all = files.flatMap((f) => f.diagnostics);
  const byId: Record<string, number> = {};
  for (const d of all) byId[d.id] = (byId[d.id] ?? 0) + 1;
  const sorted = Object.fromEntries(Object.keys(byId).sort().map((k) => [k, byId[k]]));
  return {
    to,
    files: files.length,
    ok: count('ok'),
    nochange: count('nochange'),
    skip: count('skip'),
    error: count('error'),
    rewrites: files.reduce((n, f) => n + f.rewrites.length, 0),
    diagnostics: {
      error: all.filter((d) => d.severity === 'error').length,
      warning: all.filter((d) => d.severity === 'warning').length,
      info: all.filter((d) => d.severity === 'info').length,
    },
    byId: sorted,
    effortHours: Math.round(all.reduce((h, d) => h + PORT_DIAGNOSTICS[d.id].effortHours, 0) * 100) / 100,
    copied,
    routed: files.filter((f) => f.route).length,
    ...(files.some((f) => f.verification)
      ? {
          verified: {
            pass: files.filter((f) => f.verification?.verdict === 'pass').length,
            warn: files.filter((f) => f.verification?.verdict === 'warn').length,
            fail: files.filter((f) => f.verification?.verdict === 'fail').length,
            error: files.filter((f) => f.verification?.error !== undefined).length,
          },
        }
      : {}),
  };
}
