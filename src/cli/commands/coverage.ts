/**
 * `opbridge coverage <paths..>`: which CUDA APIs the code uses and what each target offers.
 * A thin layer over `coverage()` (src/coverage/coverage.ts) and its renderers.
 */
import type { Command } from 'commander';
import { TARGET_BACKENDS, type BackendId } from '../../catalog/vocabulary.js';
import type { CoverageReport } from '../../coverage/coverage-report.js';
import { renderCsv } from '../../coverage/render-csv.js';
import { renderHtml } from '../../coverage/render-html.js';
import { renderMarkdown } from '../../coverage/render-markdown.js';
import { renderSarif } from '../../coverage/render-sarif.js';
import { renderText } from '../../coverage/render-text.js';
import type { ScanProgress } from '../../coverage/scan-sources.js';
import { UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../fs/atomic-write.js';
import { closestName } from '../../text/closest-name.js';
import { EXIT_FINDING, EXIT_OK } from '../exit-codes.js';
import { stringifyJson } from '../json-values.js';
import { parseNumberOption } from '../parse-options.js';
import { progressLine, type ProgressLine } from '../progress-line.js';
import { colorEnabled, progressAllowed, style } from '../terminal.js';
import { parseBackendName } from '../../catalog/backend-name.js';

export const COVERAGE_FORMATS = ['text', 'json', 'md', 'csv', 'sarif', 'html'] as const;
export type CoverageFormat = (typeof COVERAGE_FORMATS)[number];

interface CoverageCommandOptions {
  to?: string;
  format: string;
  json?: boolean;
  failUnder?: string;
  out?: string;
  mappings: string[];
}

/** `--to cann,musa` (or `all`) → backends, with a suggestion for a misspelt one. */
export function parseTargets(raw: string | undefined): BackendId[] {
  if (raw === undefined || raw.trim() === 'all') return [...TARGET_BACKENDS];
  const names = raw.split(',').map((b) => b.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError(`--to needs at least one backend, got '${raw}'`, { fix: `use a comma-separated list such as --to cann,musa (targets: ${TARGET_BACKENDS.join(', ')})` });
  return [...new Set(names.map((n) => parseBackendName(n, '--to')))];
}

export function parseFormat(raw: string): CoverageFormat {
  if ((COVERAGE_FORMATS as readonly string[]).includes(raw)) return raw as CoverageFormat;
  const suggestion = closestName(raw, COVERAGE_FORMATS);
  throw new UsageError(`unknown --format '${raw}'`, { fix: `${suggestion ? `did you mean '${suggestion}'? ` : ''}use one of ${COVERAGE_FORMATS.join(', ')}` });
}

export function renderCoverage(report: CoverageReport, format: CoverageFormat, colour: boolean): string {
  switch (format) {
    case 'text':
      return renderText(report, colour ? style : undefined);
    case 'json':
      return stringifyJson(report);
    case 'md':
      return renderMarkdown(report);
    case 'csv':
      return renderCsv(report);
    case 'sarif':
      return renderSarif(report);
    case 'html':
      return renderHtml(report);
  }
}

/** The coverage `--fail-under` checks: the lowest API coverage among the requested targets. */
export function gatingCoverage(report: CoverageReport): { target: BackendId; coverage: number } {
  return report.targets
    .map((t) => ({ target: t, coverage: report.backends[t]!.coverage }))
    .reduce((low, x) => (x.coverage < low.coverage ? x : low));
}

function progressReporter(enabled: boolean): ProgressLine<ScanProgress> {
  return progressLine<ScanProgress>(enabled, {
    text: (p) => `scanning ${p.filesDone.toLocaleString('en-US')}/${p.filesTotal.toLocaleString('en-US')} files, ${p.linesDone.toLocaleString('en-US')} lines`,
    finished: (p) => p.filesDone >= p.filesTotal,
  });
}

export function registerCoverageCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('coverage')
    .description('audit which CUDA APIs, types and kernels the code uses and what each target backend offers')
    .argument('<paths...>', 'C, C++, CUDA (.cu .cuh .c .cc .cpp .cxx .h .hpp) or TypeScript files and directories')
    .option('--to <backends>', `comma-separated target backends, or all (default: ${TARGET_BACKENDS.join(',')})`)
    .option('--format <format>', `report format: ${COVERAGE_FORMATS.join(' | ')}`, 'text')
    .option('--json', 'same as --format json')
    .option('--fail-under <pct>', 'exit 1 when the lowest API coverage among the targets is below pct (0-100)')
    .option('--out <file>', 'write the report to this file (atomically) instead of stdout')
    .option('--mappings <path>', 'extra mapping file or directory (repeatable)', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .addHelpText(
      'after',
      '\nCoverage = distinct APIs that are native, composite or partial on a target / APIs used (docs/coverage.md).\n' +
        'Examples:\n  opbridge coverage src/ --to cann,musa\n  opbridge coverage src/ --format html --out coverage.html\n  opbridge coverage src/ --format sarif --out opbridge.sarif --fail-under 80',
    )
    .action(async (paths: string[], options: CoverageCommandOptions) => {
      const format = options.json ? 'json' : parseFormat(options.format);
      const targets = parseTargets(options.to);
      const failUnder = options.failUnder === undefined ? undefined : parseNumberOption('--fail-under', options.failUnder.replace(/%$/, ''), 0, 100);
      const toStdout = options.out === undefined;
      const progress = progressReporter(progressAllowed(toStdout && format !== 'text'));
      // The scanners (and the TypeScript compiler) load only when a scan runs.
      const { coverage } = await import('../../coverage/coverage.js');
      let report: CoverageReport;
      try {
        report = await coverage(paths, { to: targets, mappings: options.mappings, onProgress: progress.update });
      } finally {
        progress.done();
      }
      const text = renderCoverage(report, format, toStdout && format === 'text' && colorEnabled());
      if (options.out) {
        writeFileAtomic(options.out, text);
        process.stderr.write(`${style.green('✓')} wrote ${format} report to ${options.out}\n`);
      } else process.stdout.write(text);
      if (report.summary.files === 0) process.stderr.write(`${style.yellow('warning')}: no C, C++, CUDA or TypeScript sources under ${paths.join(', ')}\n`);

      if (failUnder !== undefined) {
        const low = gatingCoverage(report);
        if (low.coverage * 100 < failUnder) {
          process.stderr.write(`${style.red('coverage below threshold')}: API coverage on ${low.target} is ${(low.coverage * 100).toFixed(1)}%, under --fail-under ${failUnder}\n`);
          setExitCode(EXIT_FINDING);
          return;
        }
      }
      setExitCode(EXIT_OK);
    });
}
