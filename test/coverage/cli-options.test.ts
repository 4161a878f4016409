import { describe, expect, it } from 'vitest';
import { gatingCoverage, parseFormat, parseTargets } from '../../src/cli/commands/coverage.js';
import type { CoverageReport } from '../../src/coverage/coverage-report.js';
import { UsageError } from '../../src/errors.js';

function usageError(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('coverage command options', () => {
  it('parses --to lists, all, duplicates and defaults', () => {
    expect(parseTargets(undefined)).toEqual(['cann', 'kunlun', 'cambricon', 'musa', 'maca', 'thead']);
    expect(parseTargets('all')).toEqual(['cann', 'kunlun', 'cambricon', 'musa', 'maca', 'thead']);
    expect(parseTargets(' musa, cann ,musa')).toEqual(['musa', 'cann']);
  });

  it('rejects a bad --to or --format with the flag, a suggestion and the choices', () => {
    const to = usageError(() => parseTargets('cann,kunlum'));
    expect(to.message).toBe("--to: unknown backend 'kunlum'");
    expect(to.fix).toMatch(/did you mean 'kunlun'\?/);
    expect(usageError(() => parseTargets(' , ')).message).toMatch(/--to needs at least one backend/);
    const format = usageError(() => parseFormat('sraif'));
    expect(format.message).toBe("unknown --format 'sraif'");
    expect(format.fix).toMatch(/did you mean 'sarif'\? use one of text, json, md, csv, sarif, html/);
  });

  it('gates on the lowest API coverage among the requested targets', () => {
    const report = { targets: ['cann', 'musa', 'maca'], backends: { cann: { coverage: 0.8 }, musa: { coverage: 0.55 }, maca: { coverage: 0.9 } } } as unknown as CoverageReport;
    expect(gatingCoverage(report)).toEqual({ target: 'musa', coverage: 0.55 });
  });
});
