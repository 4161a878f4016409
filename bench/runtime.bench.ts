/**
 * `npm run bench:runtime` (= `tsx bench/runtime.bench.ts [--quick]`): the reference runtime's benchmark, with
 * machine notes. Exits 1 when a bar of this round fails, so CI can run it.
 */
import { arch, cpus, freemem, loadavg, platform, totalmem } from 'node:os';
import { formatReport, runRuntimeBench } from './runtime-bench.js';

function machineNotes(): string {
  const cores = cpus();
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  return [
    `node ${process.version} (${platform()} ${arch()}), ${cores.length} logical cores: ${cores[0]?.model ?? 'unknown CPU'}`,
    `memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} GiB free), load average ${load} (1, 5, 15 min)`,
  ].join('\n');
}

const quick = process.argv.includes('--quick');
const started = new Date();
process.stdout.write(`opbridge runtime benchmark${quick ? ' (--quick: smoke run, not a measurement)' : ''}, ${started.toISOString()}\n`);
process.stdout.write(`${machineNotes()}\n`);
const report = await runRuntimeBench({ quick, log: (line) => process.stderr.write(`${line}\n`) });
process.stdout.write(`${formatReport(report)}\n`);
process.stdout.write(`\nfinished in ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s; load average now ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
if (report.bars.some((b) => !b.passed)) process.exitCode = 1;
