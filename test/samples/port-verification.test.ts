/**
 * The bar ported.test.ts holds ports to (`shortfalls`): pass, or warn only where the catalog
 * documents precision. Checked on hand-built report rows, since no sample port reaches a
 * report with warnings yet.
 */
import { describe, expect, it } from 'vitest';
import type { OwnErrorReport, OpRow, ValueComparison, ValueRow, VerifyReport } from '../../src/verify/verify-report.js';
import { shortfalls } from './port-verification.js';

function comparison(fields: Partial<ValueComparison> = {}): ValueComparison {
  return { dtype: 'float32', referenceDType: 'float32', withinStrict: false, semanticWithinStrict: true, originalWithinStrict: true, ...fields } as ValueComparison;
}

function own(fields: Partial<OwnErrorReport>): OwnErrorReport {
  return { status: 'measured', metrics: null, withinStrict: false, withinWidened: true, worstRatio: 0.5, reason: null, ...fields };
}

function op(verdict: OpRow['verdict'], fields: Partial<OpRow> = {}): OpRow {
  const call = { seq: 1, op: 'Gemm', symbol: 'aclnnMatmul', backend: 'cann', profile: 'p', site: null, dtype: 'float32', shape: [2, 2] } as const;
  return { index: 1, rank: 0, kind: 'match', verdict, reason: 'why', original: [call], ported: [call], comparison: comparison(), widened: null, ownError: own({}), afterDivergence: false, ...fields } as OpRow;
}

function report(ops: readonly OpRow[], outputs: readonly ValueRow[] = [], diagnostics: VerifyReport['diagnostics'] = []): VerifyReport {
  return { verdict: 'warn', ops, copies: [], outputs, diagnostics, firstDivergence: null } as unknown as VerifyReport;
}

const judge = (r: VerifyReport) => shortfalls({ kind: 'report', report: r });

describe('shortfalls of a sample port', () => {
  it('accepts passes and warnings whose own error is within the documented (widened) bound or inherited', () => {
    expect(judge(report([op('pass', { comparison: comparison({ withinStrict: true }) }), op('warn'), op('warn', { ownError: own({ withinStrict: true, withinWidened: false }) })]))).toEqual([]);
  });

  it('rejects warnings without documented precision: unmeasurable own error, a coarser dtype, unmatched calls', () => {
    expect(judge(report([op('warn', { ownError: { status: 'unavailable', metrics: null, withinStrict: null, withinWidened: null, worstRatio: null, reason: 'fused' } })]))).toHaveLength(1);
    expect(judge(report([op('warn', { comparison: comparison({ dtype: 'bfloat16' }) })]))).toHaveLength(1);
    expect(judge(report([op('unmatched', { comparison: null, ownError: null })]))).toHaveLength(1);
  });

  it('accepts a call only the port makes that cannot change a value (info), as it does a port-only copy', () => {
    expect(judge(report([op('info', { comparison: null, ownError: null })]))).toEqual([]);
  });

  it('rejects semantic differences, failing outputs, error diagnostics and programs that cannot run', () => {
    expect(judge(report([op('warn', { comparison: comparison({ semanticWithinStrict: false }) })]))).toHaveLength(1);
    const output = { kind: 'output', name: 'y', rank: 0, verdict: 'warn', reason: 'why', original: null, ported: null, comparison: comparison({ semanticWithinStrict: false }) } as ValueRow;
    expect(judge(report([], [output]))[0]).toMatch(/output y: warn/);
    expect(judge(report([], [{ ...output, comparison: comparison() }]))).toEqual([]);
    const diagnostic = { program: 'ported', id: 'OB2001', severity: 'error', message: 'read past the end of an allocation', backend: 'cann', symbol: 'x', rank: 0 } as VerifyReport['diagnostics'][number];
    expect(judge(report([], [], [diagnostic]))[0]).toMatch(/ported program diagnostic OB2001/);
    expect(shortfalls({ kind: 'error', message: 'rank 0: boom' })).toEqual(['could not run: rank 0: boom']);
  });
});
