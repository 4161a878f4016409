/**
 * `opbridge verify` through the CLI: exit codes, the JSON contract, JUnit and Markdown files,
 * the terminal report. The two full runs (a broken port, a correct TF32 port) start together
 * in beforeAll and serve every assertion.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWellFormedXml } from '../verify/well-formed-xml.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'src/cli/main.ts');
const tsx = join(root, 'node_modules/.bin/tsx');
const fixtures = 'test/fixtures/verify';
const program = (name: string) => `${fixtures}/programs/${name}`;
const mappings = ['--mappings', `${fixtures}/profiles-cuda.yaml`, `${fixtures}/profiles-cann.yaml`];
const env = { ...process.env, NO_COLOR: '1', CI: '1' };

interface Result {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(tsx, [cli, ...args], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function runSync(...args: string[]): Result {
  const r = spawnSync(tsx, [cli, ...args], { cwd: root, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'opbridge-verify-cli-'));
let broken: Result;
let tf32: Result;

beforeAll(async () => {
  [broken, tf32] = await Promise.all([
    run('verify', program('original.ts'), program('port-swapped.ts'), ...mappings, '--json', '--junit', join(dir, 'out/report.xml'), '--md', join(dir, 'report.md'), '--timeout', '240'),
    run('verify', program('original.ts'), program('port-tf32.ts'), ...mappings, '--timeout', '240'),
  ]);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('opbridge verify (broken port)', () => {
  it('exits 1 and prints the JSON contract', () => {
    expect(broken.code, broken.stderr).toBe(1);
    const json = JSON.parse(broken.stdout);
    expect(json.verdict).toBe('fail');
    expect(json.ops.map((o: { verdict: string }) => o.verdict)).toEqual(['warn', 'warn', 'fail', 'fail']);
    expect(json.outputs.map((o: { name: string; verdict: string }) => [o.name, o.verdict])).toEqual([
      ['hidden', 'warn'],
      ['probs', 'fail'],
    ]);
    expect(json.firstDivergence).toMatchObject({
      kind: 'op',
      at: '#3',
      original: { op: 'Gemm', symbol: 'refGemm', site: { file: `${fixtures}/programs/mlp-program.ts`, line: 50 } },
      ported: { op: 'MatMul', symbol: 'lowMatMul', site: { file: `${fixtures}/programs/port-swapped.ts`, line: 8 } },
    });
  });

  it('writes well-formed JUnit XML and a Markdown report, atomically (no temporary files left)', () => {
    const xml = readFileSync(join(dir, 'out/report.xml'), 'utf8');
    assertWellFormedXml(xml);
    expect(xml.match(/<failure /g)).toHaveLength(4); // two calls, a copy and an output
    expect(xml).toMatch(/name="#3 Gemm → MatMul \(refGemm → lowMatMul\)"/);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toMatch(/^# opbridge verify: ❌ fail/);
    expect(md).toContain('`test/fixtures/verify/programs/port-swapped.ts:8:8` lowMatMul (MatMul)');
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.xml']);
  });
});

describe('opbridge verify (correct TF32 port)', () => {
  it('exits 0 on warn and prints the table with the fused and equivalent calls', () => {
    expect(tf32.code, tf32.stderr).toBe(0);
    expect(tf32.stdout).toMatch(/MatMul\+Add → Gemm +refMatMul\+refAddBias → lowGemmBiasGelu +f32\[16×16\].*warn \(fused\)/);
    expect(tf32.stdout).toMatch(/Gemm → MatMul +refGemm → lowMatMul/);
    expect(tf32.stdout).toMatch(/no divergence/);
    expect(tf32.stdout).toMatch(/^WARN {2}calls: 4 warn; copies: 2 warn; outputs: 2 warn/m);
    expect(tf32.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('opbridge verify usage errors (exit 2)', () => {
  it('a missing program', () => {
    const r = runSync('verify', 'nope.ts', program('port-tf32.ts'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: nope\.ts: the original program was not found/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const j = runSync('verify', program('original.ts'), 'nope.ts', '--json');
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout).error).toMatchObject({ kind: 'InputError', file: 'nope.ts' });
  });

  it('a bad config file, named with its line', () => {
    writeFileSync(join(dir, 'verify.yaml'), 'ranks: 1\noperators:\n  MatMul: { rtol: fast, atol: 0 }\n');
    const r = runSync('verify', program('original.ts'), program('port-tf32.ts'), '--config', join(dir, 'verify.yaml'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/verify\.yaml:3: operators\.MatMul/);
  });

  it('bad options', () => {
    expect(runSync('verify', program('original.ts'), program('port-tf32.ts'), '--rtol', 'tight').stderr).toMatch(/--rtol must be a number/);
    const both = runSync('verify', program('original.ts'), program('port-tf32.ts'), '--json', '--md');
    expect(both.code).toBe(2);
    expect(JSON.parse(both.stdout).error.message).toMatch(/--json and --md both want stdout/);
    expect(existsSync(join(dir, 'never.xml'))).toBe(false);
  });

  it('a program that throws', () => {
    // Both sides throw, so no run is left to finish before the CLI exits.
    const r = runSync('verify', 'test/fixtures/programs/throws.ts', 'test/fixtures/programs/throws.ts', '--timeout', '240');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the (original|ported) program \((golden|profiled) run\): rank 0: .*deliberate failure/);
    expect(r.stderr).toMatch(/throws\.ts:2/);
  });
});
