/**
 * Porter throughput: writes a deterministic project of TypeScript model code against the CUDA
 * facade (about 100 lines per file: allocation, copies, streams, events, NCCL collectives,
 * cuRAND, status checks, facade types, comments and strings that mention CUDA names, and calls
 * some targets cannot take) to a temp directory, then times `port()` (discover, read, parse,
 * lift, lower, recompute imports, diff-ready output; a dry run, nothing written) on growing
 * subsets, to show files/s and how time grows with size. The catalog is loaded once, untimed.
 * Target: at least 50 files/s on 2 cores, growing linearly. Then two comparisons by CPU time:
 * the ts-morph peer, and what planning status helpers costs (the same files with helpers typed
 * by the facade's status enums, which the porter plans, and typed `number`, which it does not).
 *
 *   npm run bench:port                 # 250, 500 and 1,000 files, to cann
 *   npm run bench:port -- 2000 kunlun  # up to 2,000 files, to kunlun
 *   npm run bench:port -- --quick      # smoke run (40 files, one run each; not a measurement)
 *
 * Exits 1 when the bar is missed: under 50 files/s by wall clock *and* by CPU time (a busy
 * machine slows the wall clock, not the CPU time).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCatalog } from '../src/catalog/load-catalog.js';
import { BACKENDS, type BackendId } from '../src/catalog/vocabulary.js';
import { port } from '../src/port/port.js';
import { generateHelperProject, generateProject } from './port-project.js';
import { renameCallsWithTsMorph } from './ts-morph-peer.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const positional = args.filter((a) => !a.startsWith('--'));
  const largest = quick ? 40 : Number(positional.find((a) => /^\d+$/.test(a)) ?? 1000);
  const to = (positional.find((a) => !/^\d+$/.test(a)) ?? 'cann') as BackendId;
  if (!(BACKENDS as readonly string[]).includes(to)) throw new Error(`unknown backend ${to}`);
  const sizes = [largest / 4, largest / 2, largest].map(Math.round);
  const repeats = quick ? 1 : 3;
  const catalogStart = performance.now();
  const catalog = loadCatalog();
  const catalogMs = performance.now() - catalogStart;
  console.log(`port throughput to ${to}: ${cpus().length} cores, node ${process.version}, load average ${loadavg()[0].toFixed(1)}; catalog loaded in ${catalogMs.toFixed(0)} ms (not timed)`);
  // Warm-up: the first port compiles the porter's code paths and builds the catalog indices.
  const warm = mkdtempSync(join(tmpdir(), 'opbridge-bench-port-'));
  generateProject(warm, 20);
  await port([warm], { to, catalog, cwd: warm });
  rmSync(warm, { recursive: true, force: true });
  const rows: { files: number; lines: number; wall: number; cpu: number }[] = [];
  for (const files of sizes) {
    const root = mkdtempSync(join(tmpdir(), 'opbridge-bench-port-'));
    try {
      const lines = generateProject(root, files);
      const runs: { wall: number; cpu: number }[] = [];
      let summary;
      for (let i = 0; i < repeats; i++) {
        const cpuStart = process.cpuUsage();
        const start = performance.now();
        summary = (await port([root], { to, catalog, cwd: root })).summary;
        const cpu = process.cpuUsage(cpuStart);
        runs.push({ wall: performance.now() - start, cpu: (cpu.user + cpu.system) / 1000 });
      }
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
      const row = { files, lines, wall: median(runs.map((x) => x.wall)), cpu: median(runs.map((x) => x.cpu)) };
      rows.push(row);
      console.log(
        `  ${files.toString().padStart(5)} files, ${lines.toLocaleString('en-US').padStart(7)} lines: wall ${row.wall.toFixed(0)} ms → ${((files / row.wall) * 1000).toFixed(0)} files/s ` +
          `(${Math.round((lines / row.wall) * 1000).toLocaleString('en-US')} lines/s); CPU ${row.cpu.toFixed(0)} ms → ${((files / row.cpu) * 1000).toFixed(0)} files/CPU-s; ` +
          `${summary!.ok} ok, ${summary!.rewrites.toLocaleString('en-US')} rewrites, ${summary!.diagnostics.error + summary!.diagnostics.warning} diagnostics`,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  const growth = last.cpu / first.cpu / (last.files / first.files);
  console.log(`  growth: ${last.files / first.files}× the files took ${(last.cpu / first.cpu).toFixed(2)}× the CPU time (1.00 = linear; ${growth.toFixed(2)} per unit)`);
  await comparePeer(quick ? 10 : 50, to, catalog);
  await compareStatusHelpers(quick ? 20 : 250, quick ? 1 : 5, to, catalog);
  const rate = (last.files / last.wall) * 1000;
  const cpuRate = (last.files / last.cpu) * 1000;
  if (quick) {
    console.log('  (--quick: a smoke run, not a measurement)');
    return;
  }
  const met = rate >= 50 || cpuRate >= 50;
  console.log(`  target ≥ 50 files/s (${last.files} files): wall ${rate.toFixed(0)}, CPU ${cpuRate.toFixed(0)} → ${met ? 'met' : 'NOT met'}${loadavg()[0] > cpus().length ? ' (machine busy: the CPU-time figure is the fairer one)' : ''}`);
  if (!met) process.exitCode = 1;
}

/**
 * What planning status helpers costs: the status-helper project with its helpers typed by the
 * facade's status enums (planned: every helper call's argument lowered once more on trial)
 * against the same text with the helpers typed `number` (no planning), by CPU time (median).
 */
async function compareStatusHelpers(files: number, repeats: number, to: BackendId, catalog: ReturnType<typeof loadCatalog>): Promise<void> {
  const plain = mkdtempSync(join(tmpdir(), 'opbridge-bench-helpers-'));
  const planned = mkdtempSync(join(tmpdir(), 'opbridge-bench-helpers-'));
  try {
    generateHelperProject(plain, files, false);
    generateHelperProject(planned, files, true);
    const lines = readdirSync(plain, { recursive: true, encoding: 'utf8' })
      .filter((p) => p.endsWith('.ts'))
      .reduce((n, p) => n + readFileSync(join(plain, p), 'utf8').split('\n').length - 1, 0);
    const cpuOf = async (root: string): Promise<number> => {
      const start = process.cpuUsage();
      await port([root], { to, catalog, cwd: root });
      const cpu = process.cpuUsage(start);
      return (cpu.user + cpu.system) / 1000;
    };
    // Alternated, so a change in the machine's load falls on both alike.
    const times = { plain: [] as number[], planned: [] as number[] };
    for (let i = 0; i < repeats; i++) {
      times.plain.push(await cpuOf(plain));
      times.planned.push(await cpuOf(planned));
    }
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
    const [a, b] = [median(times.plain), median(times.planned)];
    console.log(
      `  status helpers (${files} files, ${lines.toLocaleString('en-US')} lines, ${(files * 30).toLocaleString('en-US')} helper calls, CPU time, ${repeats} alternated runs): helpers typed number ${a.toFixed(0)} ms → ${((files / a) * 1000).toFixed(0)} files/CPU-s; ` +
        `typed by status enums (planned: each call lowered once more on trial) ${b.toFixed(0)} ms → ${((files / b) * 1000).toFixed(0)} files/CPU-s; planning costs ${(((b - a) / a) * 100).toFixed(0)}%`,
    );
  } finally {
    rmSync(plain, { recursive: true, force: true });
    rmSync(planned, { recursive: true, force: true });
  }
}

/** The same files through `port()` and through the ts-morph node-by-node peer, by CPU time. */
async function comparePeer(files: number, to: BackendId, catalog: ReturnType<typeof loadCatalog>): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'opbridge-bench-peer-'));
  try {
    generateProject(root, files);
    const paths = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((p) => p.endsWith('.ts'))
      .map((p) => join(root, p));
    const cpuStart = process.cpuUsage();
    await port([root], { to, catalog, cwd: root });
    const cpu = process.cpuUsage(cpuStart);
    const ours = (cpu.user + cpu.system) / 1000;
    renameCallsWithTsMorph(paths.slice(0, 2)); // warm-up: ts-morph's first project loads the compiler
    const peer = renameCallsWithTsMorph(paths);
    const oursRate = (files / ours) * 1000;
    const peerRate = (peer.files / peer.cpuMs) * 1000;
    console.log(
      `  peer (same ${files} files, CPU time): port() ${oursRate.toFixed(0)} files/CPU-s; ts-morph replaceWithText renaming the ${peer.edits.toLocaleString('en-US')} facade calls only ` +
        `${peerRate.toFixed(1)} files/CPU-s → port() is ${(oursRate / peerRate).toFixed(1)}× faster while doing more`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
