import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunFailure, runProgram, runProgramModes } from '../../src/run/run-program.js';
import { randomFloat32 } from '../../src/backends/host/host-data.js';

const fixture = (name: string) => new URL(`../fixtures/programs/${name}`, import.meta.url).pathname;

describe('runProgram', () => {
  it('runs each rank in a worker and exchanges data between ranks', async () => {
    const run = await runProgram(fixture('host-only.ts'), { ranks: 3 });
    expect(run.ranks).toHaveLength(3);
    const expected = Array.from(randomFloat32(4, 1), (v) => Math.fround(v + v));
    for (const r of run.ranks) {
      expect(r.outputs.get('id')?.toFlatArray()).toEqual([7, 8, 9, 10]);
      expect(r.outputs.get('y')?.toFlatArray()).toEqual(expected);
      expect(r.outputs.get('rank')?.toFlatArray()).toEqual([r.rank, 3]);
    }
  });

  it('reports a program that throws with the file and message', async () => {
    await expect(runProgram(fixture('throws.ts'))).rejects.toThrow(/deliberate failure/);
  });

  it('stops a program that never returns at the time limit', async () => {
    await expect(runProgram(fixture('spins.ts'), { timeoutMs: 1500 })).rejects.toThrow(/did not finish within 1.5 s/);
  });

  it('says how to fix a program that Node loads as CommonJS (no "type": "module" above it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opbridge-cjs-'));
    try {
      copyFileSync(fixture('host-only.ts'), join(dir, 'program.ts'));
      await expect(runProgram(join(dir, 'program.ts'))).rejects.toThrow(/loaded as CommonJS, but model programs are ES modules/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a missing file and a bad rank count as input errors', async () => {
    await expect(runProgram(fixture('nope.ts'))).rejects.toThrow(/not found/);
    await expect(runProgram(fixture('host-only.ts'), { ranks: 0 })).rejects.toThrow(/--ranks/);
  });

  it('runs several modes in the same workers, each from freshly evaluated program modules', async () => {
    const runs = await runProgramModes(fixture('stateful.ts'), [{ mode: 'golden', traceLevel: 'full' }, { mode: 'profiled' }, { mode: 'golden' }], { ranks: 2 });
    expect(runs.map((r) => r.mode)).toEqual(['golden', 'profiled', 'golden']);
    for (const run of runs) {
      expect(run.ranks.map((r) => r.rank)).toEqual([0, 1]);
      for (const r of run.ranks) {
        // 1 and 1: neither the program's state nor its imported module's survived a run.
        expect(r.outputs.get('runs')?.toFlatArray()).toEqual([1, 1]);
        // Collectives of each run meet only their own run's ranks.
        expect(r.outputs.get('root')?.toFlatArray()).toEqual([42]);
      }
    }
  });

  it('names the mode of the run that failed', async () => {
    const failure = await runProgramModes(fixture('throws.ts'), [{ mode: 'golden' }, { mode: 'profiled' }]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RunFailure);
    expect((failure as RunFailure).mode).toBe('golden');
    expect((failure as RunFailure).message).toMatch(/deliberate failure/);
  });
});
