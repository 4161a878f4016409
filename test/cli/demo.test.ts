/**
 * `opbridge demo`, in process: the transformer-block sample (samples/transformer-block, set up
 * alone in a temporary samples directory so the coverage matrix has one row) ported to CANN, and a data-movement program ported to Kunlun,
 * which the porter ports completely and verify can run. Both real runs start together in
 * beforeAll and serve every assertion. What the porter leaves as written changes as port
 * modules are added, so expectations are derived from the engines' results, not hard-coded.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TARGET_BACKENDS } from '../../src/catalog/vocabulary.js';
import { demoExitCode, demoJson } from '../../src/cli/commands/demo.js';
import { EXIT_FINDING, EXIT_OK, EXIT_USAGE } from '../../src/cli/exit-codes.js';
import { buildProgram } from '../../src/cli/program.js';
import { reportError } from '../../src/cli/report-error.js';
import { coverage } from '../../src/coverage/coverage.js';
import { percent } from '../../src/coverage/report-labels.js';
import { renderDemoText } from '../../src/demo/render-demo-text.js';
import { DEMO_SAMPLE, runDemo, type DemoResult } from '../../src/demo/run-demo.js';
import { PORT_DIAGNOSTICS, type PortDiagnosticId } from '../../src/port/diagnostics/port-diagnostics.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(root, 'test/fixtures/demo');
const samples = mkdtempSync(join(tmpdir(), 'opbridge-demo-samples-'));
mkdirSync(join(samples, 'transformer-block'));
// Model programs are ES modules, as in a user's project.
writeFileSync(join(samples, 'package.json'), '{ "type": "module" }\n');
const transformer = join(samples, 'transformer-block/cuda.ts');
copyFileSync(join(root, 'samples/transformer-block/cuda.ts'), transformer);
const deviceCopy = join(fixtures, 'device-copy/cuda.ts');
const ANSI = /\u001b\[[0-9;]*m/g;

/** Runs the CLI in process as main() does; returns the exit code and what went to stdout. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string }> {
  let code = EXIT_OK;
  let stdout = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const program = buildProgram((c) => (code = c));
    program.commands.forEach(function inherit(cmd) {
      cmd.exitOverride();
      cmd.commands.forEach(inherit);
    });
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    code = reportError(error, args.includes('--json'));
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { code, stdout };
}

const fixtureListing = readdirSync(fixtures, { recursive: true }).map(String).sort();
const transformerText = readFileSync(transformer, 'utf8');
let toCann: DemoResult;
let kept: string;
let toKunlun: { code: number; stdout: string };

beforeAll(async () => {
  kept = mkdtempSync(join(tmpdir(), 'opbridge-demo-test-'));
  [toCann, toKunlun] = await Promise.all([
    runDemo({ sample: transformer, samplesDir: samples, timeoutMs: 240_000 }),
    cli('demo', '--sample', deviceCopy, '--to', 'kunlun', '--samples', samples, '--out-dir', kept, '--timeout', '240', '--json'),
  ]);
}, 300_000);

afterAll(() => {
  rmSync(kept, { recursive: true, force: true });
  // Neither run may touch its inputs: the fixtures and the sample are as they were.
  expect(readdirSync(fixtures, { recursive: true }).map(String).sort()).toEqual(fixtureListing);
  expect(readFileSync(transformer, 'utf8')).toBe(transformerText);
  rmSync(samples, { recursive: true, force: true });
});

describe('opbridge demo: the transformer-block sample to CANN', () => {
  it('ports the sample in a temporary directory that is gone afterwards', () => {
    expect(DEMO_SAMPLE).toBe('samples/transformer-block/cuda.ts');
    expect(toCann.to).toBe('cann');
    expect(toCann.port.files).toHaveLength(1);
    expect(toCann.port.files[0].outcome).toBe('ok');
    expect(toCann.port.summary.rewrites).toBeGreaterThan(0);
    expect(toCann.kept).toBe(false);
    expect(existsSync(toCann.ported)).toBe(false);
  });

  it('prints the three sections within 80 lines', () => {
    const text = renderDemoText(toCann).replace(ANSI, '');
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(80);
    for (const heading of ['1. Port', '2. Verify', '3. Coverage', 'Summary']) expect(lines.some((l) => l.startsWith(heading))).toBe(true);
    expect(lines.findIndex((l) => l.startsWith('1. Port'))).toBeLessThan(lines.findIndex((l) => l.startsWith('2. Verify')));
    expect(lines.findIndex((l) => l.startsWith('2. Verify'))).toBeLessThan(lines.findIndex((l) => l.startsWith('3. Coverage')));
  });

  it('shows the diff condensed, saying how much was left out', () => {
    const text = renderDemoText(toCann).replace(ANSI, '');
    const d = toCann.diff;
    expect(d.hunks).toBeGreaterThan(0);
    expect(d.shownChangedLines).toBeLessThanOrEqual(d.changedLines);
    for (const line of d.lines.filter((l) => l.kind !== 'elided')) expect(text).toContain(`  ${line.text}`);
    if (d.shownHunks < d.hunks) expect(text).toContain(`${d.hunks - d.shownHunks} more hunk`);
  });

  it('lists every diagnostic id the porter reported (calls left as written included)', () => {
    const text = renderDemoText(toCann).replace(ANSI, '');
    const s = toCann.port.summary;
    for (const [id, count] of Object.entries(s.byId)) {
      const info = PORT_DIAGNOSTICS[id as PortDiagnosticId];
      if (info.severity === 'info') continue;
      expect(text).toMatch(new RegExp(`${id}\\s+×${count}\\s+${info.severity}\\s+${info.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
    expect(text).toContain(s.diagnostics.error > 0 ? `${s.diagnostics.error} call${s.diagnostics.error === 1 ? '' : 's'} left as written` : 'no call left as written');
  });

  it('reports the verify outcome as the engine gave it, and exits accordingly', () => {
    const text = renderDemoText(toCann).replace(ANSI, '');
    if ('error' in toCann.verify) {
      expect(toCann.verify.error.message).toMatch(/ported program/);
      expect(text).toContain('the port could not be run');
      expect(text).toContain(toCann.verify.error.message);
      expect(demoExitCode(toCann)).toBe(EXIT_FINDING);
    } else {
      const report = toCann.verify.report;
      expect(text).toContain(report.verdict.toUpperCase());
      expect(demoExitCode(toCann)).toBe(report.verdict === 'fail' ? EXIT_FINDING : EXIT_OK);
    }
  });

  it('prints the coverage matrix of the samples on all six targets, with the engine’s numbers', () => {
    const c = toCann.coverage;
    expect(c.targets).toEqual(TARGET_BACKENDS);
    expect(c.rows.map((r) => r.name)).toEqual(['transformer-block']);
    const text = renderDemoText(toCann).replace(ANSI, '');
    const row = text.split('\n').find((l) => l.trimStart().startsWith('transformer-block'))!;
    const expected = TARGET_BACKENDS.map((t) => percent(c.rows[0].targets[t]!.coverage));
    expect(row.trim().split(/\s+/)).toEqual(['transformer-block', String(c.rows[0].apis), ...expected]);
    // One sample: the total over all samples is that sample's report.
    expect(c.all!.summary.apis).toBe(c.rows[0].apis);
  });

  it('derives each sample’s row as a coverage scan of that sample alone would', async () => {
    const alone = await coverage([transformer], { to: TARGET_BACKENDS });
    expect(toCann.coverage.rows[0].apis).toBe(alone.summary.apis);
    for (const t of TARGET_BACKENDS) {
      expect(toCann.coverage.rows[0].targets[t]).toEqual({ coverage: alone.backends[t]!.coverage, strictCoverage: alone.backends[t]!.strictCoverage });
    }
  });

  it('gives the three results as one JSON object', () => {
    const json = JSON.parse(JSON.stringify(demoJson(toCann)));
    expect(Object.keys(json)).toEqual(['sample', 'to', 'ported', 'port', 'verify', 'coverage', 'timings', 'exitCode']);
    expect(json.port.files[0]).toMatchObject({ outcome: 'ok' });
    expect(json.port.summary.to).toBe('cann');
    expect(json.verify.verdict === null ? json.verify.error.message : json.verify.ops).toBeTruthy();
    expect(json.coverage.samples[0].backends.cann.coverage).toBe(toCann.coverage.rows[0].targets.cann!.coverage);
    expect(Object.keys(json.coverage.report.backends)).toEqual([...TARGET_BACKENDS]);
    expect(json.exitCode).toBe(demoExitCode(toCann));
  });
});

describe('opbridge demo on the command line', () => {
  it('verifies a complete port op by op and exits 0 (--json, --out-dir keeps the port)', () => {
    expect(toKunlun.code).toBe(EXIT_OK);
    const json = JSON.parse(toKunlun.stdout);
    expect(json.port.summary).toMatchObject({ to: 'kunlun', ok: 1, diagnostics: { error: 0 } });
    // The program only copies: the port's output is the original's, bit for bit.
    expect(json.verify.verdict).toBe('pass');
    expect(json.verify.outputs).toEqual([expect.objectContaining({ name: 'out', verdict: 'pass', metrics: expect.objectContaining({ maxAbsError: 0 }) })]);
    expect(json.exitCode).toBe(EXIT_OK);
    expect(json.ported).toMatch(/device-copy\/kunlun\.ts$/);
    expect(readFileSync(join(kept, 'device-copy/kunlun.ts'), 'utf8')).toContain("from 'opbridge/kunlun'");
  });

  it('exits 2 on bad usage or input, before running anything', async () => {
    const badTarget = await cli('demo', '--to', 'kunlunn', '--json');
    expect(badTarget.code).toBe(EXIT_USAGE);
    expect(JSON.parse(badTarget.stdout).error.message).toMatch(/unknown backend 'kunlunn'/);
    const missing = await cli('demo', '--sample', join(fixtures, 'no-such-sample.ts'), '--json');
    expect(missing.code).toBe(EXIT_USAGE);
    expect(JSON.parse(missing.stdout).error).toMatchObject({ kind: 'InputError', message: 'the demo sample was not found' });
    const directory = await cli('demo', '--sample', fixtures, '--json');
    expect(directory.code).toBe(EXIT_USAGE);
    expect(JSON.parse(directory.stdout).error.message).toMatch(/must be one TypeScript model program/);
  });
});
