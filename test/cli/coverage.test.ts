import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';

const cli = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const tsx = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;

function opbridge(cwd: string, ...args: string[]) {
  const r = spawnSync(tsx, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const run = promisify(execFile);

/** Several invocations at once (each spawn pays tsx's start-up). */
async function opbridgeAll(cwd: string, invocations: string[][]) {
  return Promise.all(
    invocations.map(async (args) => {
      try {
        const r = await run(tsx, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
        return { code: 0, stdout: r.stdout, stderr: r.stderr };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    }),
  );
}

// Symbols no catalog will ever list, so these tests hold whatever the real catalog contains.
const UNKNOWN_ONLY = '#include <cuda_runtime.h>\nvoid f() { cudaOpbridgeTestOnlyA(); cudaOpbridgeTestOnlyB(); }\n';

describe('opbridge coverage (CLI)', () => {
  it('prints the JSON contract with --json and --format json, and a readable table by default', () => {
    const dir = tempDir({ 'src/a.cu': UNKNOWN_ONLY });
    const json = opbridge(dir, 'coverage', 'src', '--json', '--to', 'cann,musa');
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    const parsed = JSON.parse(json.stdout);
    expect(Object.keys(parsed.backends)).toEqual(['cann', 'musa']);
    expect(parsed.backends.cann.coverage).toBe(0);
    expect(parsed.apis.map((a: { symbol: string; known: boolean }) => `${a.symbol}:${a.known}`)).toEqual(['cudaOpbridgeTestOnlyA:false', 'cudaOpbridgeTestOnlyB:false']);
    expect(JSON.parse(opbridge(dir, 'coverage', 'src', '--format', 'json').stdout).targets).toEqual(['cann', 'kunlun', 'cambricon', 'musa', 'maca', 'thead']);
    const text = opbridge(dir, 'coverage', 'src', '--to', 'cann');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^opbridge coverage — 1 file, 2 lines/);
    expect(text.stdout).toMatch(/cudaOpbridgeTestOnlyA \(not in catalog\)/);
    expect(text.stdout).not.toMatch(/\u001b\[/);
  });

  it('exits 1 under --fail-under (lowest target API coverage) and 0 at or above it', () => {
    const dir = tempDir({ 'a.cu': UNKNOWN_ONLY, 'empty/plain.cpp': 'int main() { return 0; }\n' });
    const under = opbridge(dir, 'coverage', 'a.cu', '--to', 'cann', '--fail-under', '1', '--format', 'csv');
    expect(under.code).toBe(1);
    expect(under.stdout.split('\n')[0]).toMatch(/^target,status,/);
    expect(under.stderr).toMatch(/API coverage on cann is 0\.0%, under --fail-under 1/);
    const nothingToPort = opbridge(dir, 'coverage', 'empty', '--fail-under', '100%', '--format', 'md');
    expect(nothingToPort.code).toBe(0);
    expect(nothingToPort.stdout).toMatch(/^# CUDA API coverage/);
  });

  it('writes --out atomically, leaving no temporary file and stdout empty', () => {
    const dir = tempDir({ 'a.cu': UNKNOWN_ONLY });
    const r = opbridge(dir, 'coverage', '.', '--format', 'sarif', '--out', 'reports/cov.sarif');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/wrote sarif report to reports\/cov\.sarif/);
    expect(JSON.parse(readFileSync(join(dir, 'reports/cov.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readdirSync(join(dir, 'reports'))).toEqual(['cov.sarif']);
  });

  it('exits 2 with a message naming the flag or path and the fix, never a stack trace', async () => {
    const dir = tempDir({ 'a.cu': UNKNOWN_ONLY, 'notes.txt': 'x' });
    symlinkSync(join(dir, 'loop.cu'), join(dir, 'loop.cu'));
    const cases: [string[], RegExp][] = [
      [['coverage', 'a.cu', '--to', 'canm'], /--to: unknown backend 'canm'\n\s+fix: did you mean 'cann'\?/],
      [['coverage', 'missing-dir'], /path 'missing-dir' does not exist\n\s+fix: /],
      [['coverage', 'loop.cu'], /cannot read 'loop\.cu'/],
      [['coverage', 'a.cu', '--fail-under', 'lots'], /--fail-under must be a number from 0 to 100, got 'lots'/],
    ];
    const results = await opbridgeAll(dir, [...cases.map(([args]) => args), ['coverage', 'a.cu', '--to', 'nvidia', '--json']]);
    cases.forEach(([args, message], i) => {
      expect(results[i].code, args.join(' ')).toBe(2);
      expect(results[i].stderr, args.join(' ')).toMatch(message);
      expect(results[i].stderr).not.toMatch(/\n\s+at /);
    });
    const asJson = results[cases.length];
    expect(asJson.code).toBe(2);
    expect(JSON.parse(asJson.stdout).error.message).toMatch(/unknown backend 'nvidia'/);
  });
});
