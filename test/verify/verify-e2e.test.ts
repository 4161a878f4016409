/**
 * End to end through the real runner: the test facade's two-rank programs run in workers
 * (golden and profiled, original and port), and every rank is verified. One verify run
 * serves all assertions (each run starts eight workers).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../src/errors.js';
import { verify } from '../../src/verify/verify.js';
import type { VerifyReport } from '../../src/verify/verify-report.js';
import { FIXTURE_PROFILE_FILES } from '../fixtures/verify/fixture-facade.js';

const program = (name: string) => fileURLToPath(new URL(`../fixtures/verify/programs/${name}`, import.meta.url));

let report: VerifyReport;

beforeAll(async () => {
  report = await verify(program('ranks-original.ts'), program('ranks-port.ts'), { ranks: 2, mappings: FIXTURE_PROFILE_FILES, timeoutMs: 240_000 });
}, 300_000);

describe('verify (two ranks, test facade)', () => {
  it('verifies every rank call by call', () => {
    expect(report.ranks).toBe(2);
    for (const rank of [0, 1]) {
      expect(report.ops.filter((o) => o.rank === rank).map((o) => [o.original[0].symbol, o.ported[0].symbol])).toEqual([
        ['refMatMul', 'lowMatMul'],
        ['refAllReduce', 'lowAllReduce'],
        ['refSoftmax', 'lowSoftmax'],
      ]);
    }
    expect(report.original).toMatchObject({ backends: ['cuda'], profiles: ['verify-fixture.ieee'] });
    expect(report.ported).toMatchObject({ backends: ['cann'], profiles: ['verify-fixture.tf32-ftz'] });
  });

  it("warns on rank 0, where the only difference is the target's TF32 matrix unit", () => {
    const rank0 = report.ops.filter((o) => o.rank === 0);
    expect(rank0.map((o) => o.verdict)).toEqual(['warn', 'warn', 'warn']);
    expect(rank0[0].reason).toMatch(/within the precision verify-fixture\.tf32-ftz documents \(tf32 operands/);
    // The all-reduce records no inputs: its deviation is attributed, and the report says so.
    expect(rank0[1].reason).toMatch(/own error not measurable/);
    expect(report.outputs.find((o) => o.rank === 0)).toMatchObject({ name: 'probs', verdict: 'warn' });
  });

  it('fails rank 1, naming its softmax over the wrong axis first, with the call site in both programs', () => {
    expect(report.verdict).toBe('fail');
    expect(report.ops.filter((o) => o.rank === 1).map((o) => o.verdict)).toEqual(['warn', 'warn', 'fail']);
    expect(report.firstDivergence).toMatchObject({
      kind: 'op',
      rank: 1,
      at: '#3',
      original: { op: 'Softmax', symbol: 'refSoftmax', site: { file: program('ranks-program.ts'), line: 41 } },
      ported: { op: 'Softmax', symbol: 'lowSoftmax', site: { file: program('ranks-port.ts'), line: 11 } },
    });
    expect(report.outputs.find((o) => o.rank === 1)).toMatchObject({ verdict: 'fail' });
  });

  it("reports rank 0's unsynchronised result (OB2006) with its call site", () => {
    const d = report.diagnostics.filter((x) => x.program === 'ported' && x.severity === 'error');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ id: 'OB2006', rank: 0, symbol: 'lowMemcpyAsync', site: { file: program('ranks-port.ts'), line: 20 } });
    expect(report.summary.diagnostics.errors).toBe(1);
  });

  it('refuses missing programs before running anything', async () => {
    await expect(verify(program('nope.ts'), program('ranks-port.ts'))).rejects.toBeInstanceOf(InputError);
  });
});
