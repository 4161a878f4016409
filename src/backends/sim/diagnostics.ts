/**
 * Run-time diagnostics raised by the simulated devices: each has a stable id with a docs page
 * (docs/diagnostics/<id>.md), a severity, the vendor symbol involved and the program call site.
 */
import type { CallSite } from './call-site.js';

export const RUNTIME_DIAGNOSTICS = {
  OB2001: { title: 'Out-of-bounds device memory access', severity: 'error' },
  OB2002: { title: 'Use of device memory after free', severity: 'error' },
  OB2003: { title: 'Double free', severity: 'error' },
  OB2004: { title: 'Host and device pointers confused', severity: 'error' },
  OB2005: { title: 'Memory or handle leaked at exit', severity: 'warning' },
  OB2006: { title: 'Host read before stream synchronisation', severity: 'error' },
  OB2007: { title: 'Cross-stream race on device memory', severity: 'error' },
  OB2008: { title: 'Invalid or destroyed handle', severity: 'error' },
  OB2009: { title: 'Executor or plan reused or missing', severity: 'error' },
  OB2010: { title: 'Misaligned device pointer', severity: 'error' },
  OB2011: { title: 'Workspace too small', severity: 'error' },
  OB2012: { title: 'Null pointer', severity: 'error' },
  OB2013: { title: 'Invalid argument', severity: 'error' },
  OB2014: { title: 'API not supported by this backend', severity: 'error' },
  OB2015: { title: 'Collective call mismatch across ranks', severity: 'error' },
} as const;

export type RuntimeDiagnosticId = keyof typeof RUNTIME_DIAGNOSTICS;

export interface RuntimeDiagnostic {
  readonly id: RuntimeDiagnosticId;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly backend: string;
  readonly symbol: string;
  /** The vendor status the call returned, by name (e.g. cudaErrorIllegalAddress). */
  readonly status?: string;
  readonly site?: CallSite;
  readonly rank: number;
}

export class DiagnosticLog {
  readonly entries: RuntimeDiagnostic[] = [];

  add(diagnostic: Omit<RuntimeDiagnostic, 'severity'> & { severity?: 'error' | 'warning' }): RuntimeDiagnostic {
    const full: RuntimeDiagnostic = { severity: RUNTIME_DIAGNOSTICS[diagnostic.id].severity, ...diagnostic };
    this.entries.push(full);
    return full;
  }

  get errors(): RuntimeDiagnostic[] {
    return this.entries.filter((d) => d.severity === 'error');
  }
}
