/**
 * `opbridge verify` end to end: the test facade's programs run in workers (golden and
 * profiled, original and port) and the CLI reports. Two full runs start together in
 * beforeAll and serve every assertion: a broken two-rank port (exit 1, with --json, --junit
 * and --md) and a correct single-rank TF32 port with a fused epilogue (exit 0).
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
// Parsed once broken's exit code is checked.
let json: any;

beforeAll(async () => {
  [broken, tf32] = await Promise.all([
    run('verify', program('ranks-original.ts'), program('ranks-port.ts'), '--ranks', '2', ...mappings, '--json', '--junit', join(dir, 'out/report.xml'), '--md', join(dir, 'report.md'), '--timeout', '240'),
    run('verify', program('original.ts'), program('port-tf32.ts'), ...mappings, '--timeout', '240'),
  ]);
  json = broken.code === 1 ? JSON.parse(broken.stdout) : undefined;
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('opbridge verify, a broken two-rank port', () => {
  it('exits 1 and prints the JSON contract, every rank verified call by call', () => {
    expect(broken.code, broken.stderr).toBe(1);
    expect(json).toMatchObject({ verdict: 'fail', ranks: 2, original: { backends: ['cuda'], profiles: ['verify-fixture.ieee'] }, ported: { backends: ['cann'], profiles: ['verify-fixture.tf32-ftz'] } });
    for (const rank of [0, 1]) {
      const ops = json.ops.filter((o: { rank: number }) => o.rank === rank);
      expect(ops.map((o: any) => [o.original[0].symbol, o.ported[0].symbol])).toEqual([
        ['refMatMul', 'lowMatMul'],
        ['refAllReduce', 'lowAllReduce'],
        ['refSoftmax', 'lowSoftmax'],
      ]);
    }
    expect(json.outputs.map((o: any) => [o.rank, o.name, o.verdict])).toEqual([
      [0, 'probs', 'warn'],
      [1, 'probs', 'fail'],
    ]);
  });

  it("warns on rank 0, where the only difference is the target's TF32 matrix unit", () => {
    const rank0 = json.ops.filter((o: { rank: number }) => o.rank === 0);
    expect(rank0.map((o: { verdict: string }) => o.verdict)).toEqual(['warn', 'warn', 'warn']);
    // The all-reduce traces no inputs: its deviation is attributed, and the report says so.
    expect(rank0[1].reason).toMatch(/own error not measurable \(lowAllReduce records no inputs/);
    // The softmax's own error is measured and within the strict tolerance: its deviation is inherited.
    expect(rank0[2].ownError).toMatchObject({ status: 'measured', withinStrict: true });
    expect(rank0[2].reason).toMatch(/inherited from earlier calls' documented precision/);
    expect(rank0[0].semantic.maxAbsError).toBe(0);
  });

  it('names the softmax over the wrong axis on rank 1 first, with the call site in both programs', () => {
    expect(json.ops.filter((o: { rank: number }) => o.rank === 1).map((o: { verdict: string }) => o.verdict)).toEqual(['warn', 'warn', 'fail']);
    expect(json.firstDivergence).toMatchObject({
      kind: 'op',
      rank: 1,
      at: '#3',
      original: { op: 'Softmax', symbol: 'refSoftmax', site: { file: program('ranks-program.ts'), line: 41 } },
      ported: { op: 'Softmax', symbol: 'lowSoftmax', site: { file: program('ranks-port.ts'), line: 11 } },
    });
  });

  it("reports rank 0's unsynchronised result (OB2006) with its call site", () => {
    expect(json.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([
      expect.objectContaining({ program: 'ported', id: 'OB2006', rank: 0, symbol: 'lowMemcpyAsync', site: { file: program('ranks-port.ts'), line: 20, column: 8 } }),
    ]);
  });

  it('writes well-formed JUnit XML and a Markdown report, atomically (no temporary files left)', () => {
    const xml = readFileSync(join(dir, 'out/report.xml'), 'utf8');
    assertWellFormedXml(xml);
    // rank 1: the softmax, its copy and its output; and the OB2006 diagnostic.
    expect(xml.match(/<failure /g)).toHaveLength(4);
    expect(xml).toMatch(/<testsuite name="calls \(rank 1\)" tests="3" failures="1"/);
    expect(xml).toMatch(/name="OB2006 lowMemcpyAsync \(ported, rank 0\)"/);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toMatch(/^# opbridge verify: ❌ fail/);
    expect(md).toContain('**op #3 on rank 1**');
    expect(md).toContain('`test/fixtures/verify/programs/ranks-port.ts:11:10` lowSoftmax (Softmax)');
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.xml']);
  });
});

describe('opbridge verify, a correct TF32 port', () => {
  it('exits 0 on warn and shows the fused and the equivalent calls aligned', () => {
    expect(tf32.code, tf32.stderr).toBe(0);
    expect(tf32.stdout).toMatch(/MatMul\+Add → Gemm +refMatMul\+refAddBias → lowGemmBiasGelu +f32\[16×16\].*warn \(fused\)/);
    expect(tf32.stdout).toMatch(/Gelu +refGelu → lowGemmBiasGelu/);
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
    const both = runSync('verify', program('original.ts'), program('port-tf32.ts'), '--json', '--md', '--junit', join(dir, 'never.xml'));
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
