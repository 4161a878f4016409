/**
 * `opbridge demo` end to end, as `npm run demo` runs it: loading the CLI's modules, then
 * `runDemo()` (port the transformer-block sample to CANN, verify it in worker threads, scan the
 * samples for coverage). Reports wall time per step and the CPU time of the whole process
 * (worker threads included). Target: under a minute on 2 cores.
 *
 *   npm run bench:demo                              # the bundled sample (samples/transformer-block/cuda.ts)
 *   npm run bench:demo -- path/to/cuda.ts [dir]     # another sample, and another samples directory
 *
 * Exits 1 when the bar is missed both by wall clock and by CPU time: a busy machine stretches
 * the wall clock, but CPU time under 60 s means the demo fits in a minute on any 2-core machine
 * that runs nothing else.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

const BAR_SECONDS = 60;
const [sample, samplesDir] = process.argv.slice(2).filter((a) => !a.startsWith('--'));

const cpuStart = process.cpuUsage();
const start = performance.now();
// What the CLI loads before the demo starts (commander, ts-morph, the engines), timed.
await import('../src/cli/program.js');
const { runDemo } = await import('../src/demo/run-demo.js');
const loaded = performance.now();
const result = await runDemo({ ...(sample ? { sample } : {}), ...(samplesDir ? { samplesDir } : {}) });
const wall = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const verify = 'report' in result.verify ? result.verify.report.verdict : `could not run the port (${result.verify.error.message})`;
process.stdout.write(
  [
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadavg()[0].toFixed(1)} at the end, node ${process.version}`,
    `sample: ${result.sample} → ${result.to}; verify: ${verify}; coverage: ${result.coverage.rows.length} samples`,
    `load modules ${s(loaded - start)}, port ${s(result.timings.port)}, verify ${s(result.timings.verify)} (coverage ${s(result.timings.coverage)} alongside)`,
    `total wall ${wall.toFixed(1)} s, CPU ${cpuSeconds.toFixed(1)} s (user ${(cpu.user / 1e6).toFixed(1)}, system ${(cpu.system / 1e6).toFixed(1)}); bar ${BAR_SECONDS} s`,
    '',
  ].join('\n'),
);
if (wall >= BAR_SECONDS && cpuSeconds >= BAR_SECONDS) {
  process.stdout.write(`FAIL: ${wall.toFixed(1)} s wall and ${cpuSeconds.toFixed(1)} s CPU, both over ${BAR_SECONDS} s\n`);
  process.exitCode = 1;
}
