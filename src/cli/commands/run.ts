/** `opbridge run <program.ts>`: execute a model program on the reference runtime. */
import type { Command } from 'commander';
import { relative } from 'node:path';
import { UsageError, formatLocation } from '../../errors.js';
import { writeFileAtomic } from '../../fs/atomic-write.js';
import { runProgram, type ProgramRun } from '../../run/run-program.js';
import type { RunMode } from '../../runtime/kernel.js';
import type { Tensor } from '../../runtime/tensor.js';
import { EXIT_FINDING, EXIT_OK } from '../exit-codes.js';
import { stringifyJson, tensorJson } from '../json-values.js';
import { parseIntegerOption } from '../parse-options.js';
import { style } from '../terminal.js';

interface RunOptions {
  ranks: string;
  json?: boolean;
  out?: string;
  mode: string;
  timeout: string;
  maxHeap: string;
}

export function registerRunCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('run')
    .description('execute a model program (an ES module exporting main()) on the reference CPU runtime')
    .argument('<program>', 'the model program (.ts or .js)')
    .option('--ranks <n>', 'number of ranks (one worker each) for multi-rank programs', '1')
    .option('--mode <mode>', "'profiled' (the backend's numerics) or 'golden' (float64 reference)", 'profiled')
    .option('--timeout <seconds>', 'wall-clock limit', '120')
    .option('--max-heap <mb>', 'heap limit per rank worker in MB', '2048')
    .option('--out <file>', 'also save the JSON result to this file (written atomically)')
    .option('--json', 'print the JSON result on stdout')
    .action(async (file: string, options: RunOptions) => {
      if (options.mode !== 'profiled' && options.mode !== 'golden') {
        throw new UsageError(`--mode must be 'profiled' or 'golden', got '${options.mode}'`);
      }
      const run = await runProgram(file, {
        ranks: parseIntegerOption('--ranks', options.ranks, 1, 64),
        mode: options.mode as RunMode,
        timeoutMs: parseIntegerOption('--timeout', options.timeout, 1, 86_400) * 1000,
        maxHeapMb: parseIntegerOption('--max-heap', options.maxHeap, 64, 65_536),
      });
      const result = runJson(run);
      const text = stringifyJson(result);
      if (options.out) writeFileAtomic(options.out, text);
      if (options.json) process.stdout.write(text);
      else process.stdout.write(renderRun(run));
      const failed = run.ranks.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
      setExitCode(failed ? EXIT_FINDING : EXIT_OK);
    });
}

function outputsJson(outputs: ReadonlyMap<string, Tensor>): Record<string, ReturnType<typeof tensorJson>> {
  return Object.fromEntries([...outputs].map(([name, t]) => [name, tensorJson(t)]));
}

export function runJson(run: ProgramRun): Record<string, unknown> {
  const [first, ...rest] = run.ranks;
  return {
    outputs: outputsJson(first.outputs),
    diagnostics: run.ranks.flatMap((r) => r.diagnostics),
    ...(rest.length > 0 ? { ranks: rest.map((r) => ({ rank: r.rank, outputs: outputsJson(r.outputs) })) } : {}),
    simulatedTimeUs: first.simulatedTimeUs,
  };
}

function preview(t: Tensor): string {
  const values = t.toFloat64();
  const shown = Array.from(values.subarray(0, 6), (v) => (Number.isInteger(v) ? String(v) : v.toPrecision(6)));
  return `[${shown.join(', ')}${values.length > 6 ? ', …' : ''}]`;
}

function renderRun(run: ProgramRun): string {
  const lines: string[] = [];
  for (const r of run.ranks) {
    if (run.ranks.length > 1) lines.push(style.bold(`rank ${r.rank}`));
    for (const [name, t] of r.outputs) {
      lines.push(`  ${style.cyan(name)}  ${t.dtype}[${t.shape.join('×')}]  ${preview(t)}`);
    }
    for (const d of r.diagnostics) {
      const where = d.site ? `${formatLocation({ file: relative(process.cwd(), d.site.file), line: d.site.line })}: ` : '';
      const tag = d.severity === 'error' ? style.red(`${d.id} error`) : style.yellow(`${d.id} warning`);
      lines.push(`  ${tag} ${where}${d.message}${d.status ? ` [${d.symbol} returned ${d.status}]` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
