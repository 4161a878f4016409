/** `opbridge verify <original> <ported>`: numerical parity of a port, call by call. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../fs/atomic-write.js';
import { reportJson } from '../../verify/render-json.js';
import { renderJUnit } from '../../verify/render-junit.js';
import { renderMarkdown } from '../../verify/render-markdown.js';
import { renderText } from '../../verify/render-text.js';
import { EXIT_FINDING, EXIT_OK } from '../exit-codes.js';
import { stringifyJson } from '../json-values.js';
import { parseIntegerOption, parseNumberOption } from '../parse-options.js';
import { progressAllowed, style } from '../terminal.js';

interface VerifyCliOptions {
  ranks?: string;
  rtol?: string;
  atol?: string;
  config?: string;
  json?: boolean;
  junit?: string;
  md?: string | boolean;
  timeout?: string;
  maxHeap?: string;
  mappings?: string[];
}

export function registerVerifyCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('verify')
    .description('check that a port computes what the original computed: runs both on the reference runtime and compares them call by call')
    .argument('<original>', 'the original model program (.ts or .js exporting main())')
    .argument('<ported>', 'its port')
    .option('--ranks <n>', 'number of ranks for multi-rank programs (every rank is verified; default 1)')
    .option('--rtol <x>', 'strict relative tolerance for every comparison (default: catalog, then torch.testing defaults)')
    .option('--atol <y>', 'strict absolute tolerance for every comparison')
    .option('--config <file>', 'verify.yaml with per-operator and per-output tolerances (see docs/verify.md)')
    .option('--json', 'print the JSON report on stdout')
    .option('--junit <file>', 'also write a JUnit XML report (one testcase per call, copy and output)')
    .option('--md [file]', 'write a Markdown report to <file>, or print it on stdout')
    .option('--timeout <seconds>', 'wall-clock limit for each program run (default 120)')
    .option('--max-heap <mb>', 'heap limit per rank worker in MB (default 2048)')
    .option('--mappings <paths...>', 'extra catalog files (profiles, operators, mappings) for this run')
    .addHelpText('after', '\nExit codes: 0 pass or warn, 1 fail, 2 the programs could not be run (bad file, program error, timeout).')
    .action(async (original: string, ported: string, options: VerifyCliOptions) => {
      if (options.json && options.md === true) {
        throw new UsageError('--json and --md both want stdout', { fix: 'give --md a file (--md report.md), or drop one of them' });
      }
      if (progressAllowed(options.json || options.md === true)) process.stderr.write(style.dim('running the original and the port, golden and profiled…\n'));
      // The runtime and the comparison engine load only when verify runs.
      const { verify } = await import('../../verify/verify.js');
      const report = await verify(original, ported, {
        ranks: options.ranks !== undefined ? parseIntegerOption('--ranks', options.ranks, 1, 64) : undefined,
        rtol: options.rtol !== undefined ? parseNumberOption('--rtol', options.rtol, 0, 1e6) : undefined,
        atol: options.atol !== undefined ? parseNumberOption('--atol', options.atol, 0, 1e300) : undefined,
        config: options.config,
        timeoutMs: options.timeout !== undefined ? parseIntegerOption('--timeout', options.timeout, 1, 86_400) * 1000 : undefined,
        maxHeapMb: options.maxHeap !== undefined ? parseIntegerOption('--max-heap', options.maxHeap, 64, 65_536) : undefined,
        mappings: options.mappings,
      });
      if (options.junit) writeFileAtomic(options.junit, renderJUnit(report));
      if (typeof options.md === 'string') writeFileAtomic(options.md, renderMarkdown(report));
      if (options.json) process.stdout.write(stringifyJson(reportJson(report)));
      else if (options.md === true) process.stdout.write(renderMarkdown(report));
      else process.stdout.write(renderText(report));
      setExitCode(report.verdict === 'fail' ? EXIT_FINDING : EXIT_OK);
    });
}
