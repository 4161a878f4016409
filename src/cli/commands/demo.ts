/**
 * `opbridge demo`: the newcomer's path, a thin layer over `runDemo()` (src/demo/run-demo.ts):
 * ports the bundled transformer-block sample to CANN in a temporary directory, verifies the
 * port against the original, and prints the coverage matrix of every sample on every target.
 * Exit codes: 0 done, 1 the port fails verification or could not be run or ported, 2 bad usage
 * or input (a missing sample, an original that does not run).
 */
import type { Command } from 'commander';
import type { BackendId } from '../../catalog/vocabulary.js';
import { parseBackendName } from '../../catalog/backend-name.js';
import { DEMO_SAMPLE, DEMO_TARGET } from '../../demo/demo-defaults.js';
import type { DemoResult } from '../../demo/run-demo.js';
import { reportJson } from '../../verify/render-json.js';
import { EXIT_FINDING, EXIT_OK } from '../exit-codes.js';
import { stringifyJson } from '../json-values.js';
import { parseIntegerOption } from '../parse-options.js';
import { displayPath } from '../report-error.js';
import { progressAllowed, style } from '../terminal.js';
import { portJson } from './port.js';

interface DemoCommandOptions {
  to: string;
  sample?: string;
  samples?: string;
  outDir?: string;
  timeout?: string;
  json?: boolean;
}

/** 1 when the port fails verification, could not be run, or could not be ported; else 0. */
export function demoExitCode(result: DemoResult): number {
  if (result.port.summary.error > 0) return EXIT_FINDING;
  if ('error' in result.verify) return EXIT_FINDING;
  return result.verify.report.verdict === 'fail' ? EXIT_FINDING : EXIT_OK;
}

/** The `--json` document: the port, verify and coverage results as their own commands print them. */
export function demoJson(result: DemoResult): Record<string, unknown> {
  const c = result.coverage;
  return {
    sample: displayPath(result.sample),
    to: result.to,
    ported: result.kept ? displayPath(result.ported) : null,
    port: portJson(result.port),
    verify: 'report' in result.verify ? reportJson(result.verify.report) : { verdict: null, error: result.verify.error },
    coverage: {
      targets: c.targets,
      samples: c.rows.map((r) => ({ name: r.name, path: r.path, apis: r.apis, backends: r.targets })),
      report: c.all,
    },
    timings: result.timings,
    exitCode: demoExitCode(result),
  };
}

const STEP_TEXT: Readonly<Record<'port' | 'verify', string>> = {
  port: 'porting the sample…',
  verify: 'running the original and the port on the reference runtime, golden and profiled, and scanning the samples…',
};

/** One progress line on stderr, overwritten by each step and cleared at the end. */
function progressLine(enabled: boolean): { step?: (step: 'port' | 'verify') => void; done: () => void } {
  if (!enabled) return { done: () => {} };
  return {
    step: (step) => process.stderr.write(`\r${style.dim(STEP_TEXT[step])}\u001b[K`),
    done: () => process.stderr.write('\r\u001b[K'),
  };
}

export function registerDemoCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('demo')
    .description(`port ${DEMO_SAMPLE} to CANN in a temporary directory, verify the port op by op, and print the coverage of every sample`)
    .option('--to <backend>', 'target backend of the port', DEMO_TARGET)
    .option('--sample <program>', `a CUDA model program to port and verify instead of ${DEMO_SAMPLE}`)
    .option('--samples <dir>', 'directory of samples (<name>/cuda.ts) for the coverage matrix (default: the bundled samples/)')
    .option('--out-dir <dir>', 'keep the port in <dir> (default: a temporary directory, removed afterwards)')
    .option('--timeout <seconds>', 'wall-clock limit for each program run of verify (default 120)')
    .option('--json', 'print the port, verify and coverage results as one JSON object')
    .addHelpText('after', '\nNothing in the repository is modified. Exit codes: 0 done, 1 the port fails verification or could not be run, 2 bad usage or input.')
    .action(async (options: DemoCommandOptions) => {
      const to: BackendId = parseBackendName(options.to, '--to');
      const timeoutMs = options.timeout !== undefined ? parseIntegerOption('--timeout', options.timeout, 1, 86_400) * 1000 : undefined;
      const progress = progressLine(progressAllowed(options.json));
      // The demo's engines load only when it runs (`--help` and usage errors stay fast).
      const [{ runDemo }, { renderDemoText }] = await Promise.all([import('../../demo/run-demo.js'), import('../../demo/render-demo-text.js')]);
      let result: DemoResult;
      try {
        result = await runDemo({
          to,
          ...(options.sample ? { sample: options.sample } : {}),
          ...(options.samples ? { samplesDir: options.samples } : {}),
          ...(options.outDir ? { workDir: options.outDir } : {}),
          ...(timeoutMs ? { timeoutMs } : {}),
          ...(progress.step ? { onStep: progress.step } : {}),
        });
      } finally {
        progress.done();
      }
      process.stdout.write(options.json ? stringifyJson(demoJson(result)) : renderDemoText(result));
      setExitCode(demoExitCode(result));
    });
}
