/**
 * `opbridge port <paths..> --to <backend>`: rewrites TypeScript model code from one facade to
 * another. A thin layer over `port()` (src/port/port.ts): dry run by default (a unified diff
 * per changed file), `--write` in place, `--out-dir` a ported copy, `--json` for tools.
 * Exit codes: 0 when every file was ported, left unchanged or skipped (unported calls are
 * diagnostics, not failures); 1 when --verify found a failing port or could not run a program;
 * 2 on bad usage or bad input (a file that could not be read, parsed or written).
 */
import type { Command } from 'commander';
import { BACKENDS, type BackendId } from '../../catalog/vocabulary.js';
import { PORT_DIAGNOSTICS } from '../../port/diagnostics/port-diagnostics.js';
import { HUB_BACKEND } from '../../port/hub-route.js';
import { parseBackendName } from '../../catalog/backend-name.js';
import type { PortFileResult, PortResult } from '../../port/port-result.js';
import { unifiedDiff } from '../../port/render/unified-diff.js';
import { EXIT_FINDING, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { displayPath } from '../report-error.js';
import { progressLine, type ProgressLine } from '../progress-line.js';
import { colorEnabled, progressAllowed, style } from '../terminal.js';

interface PortCommandOptions {
  to: string;
  from?: string;
  write?: boolean;
  outDir?: string;
  json?: boolean;
  comments: boolean;
  mappings: string[];
  verify?: boolean;
}

/** The JSON document `--json` prints: files with outcomes, rewrites and diagnostics, and the summary. */
export function portJson(result: PortResult): object {
  return {
    files: result.files.map((f) => ({
      path: f.path,
      outcome: f.outcome,
      ...(f.from ? { from: f.from } : {}),
      ...(f.reason ? { reason: f.reason } : {}),
      ...(f.route ? { route: f.route } : {}),
      ...(f.written ? { written: displayPath(f.written) } : {}),
      ...(f.verification ? { verification: f.verification } : {}),
      rewrites: f.rewrites,
      diagnostics: f.diagnostics,
    })),
    summary: result.summary,
  };
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
}

function severityLabel(severity: string): string {
  return severity === 'error' ? style.red('error') : severity === 'warning' ? style.yellow('warning') : style.dim('note');
}

function fileReport(f: PortFileResult, target: string): string[] {
  const lines = f.diagnostics
    .filter((d) => d.severity !== 'info')
    .map((d) => `${f.path}:${d.line}:${d.column}: ${severityLabel(d.severity)} ${style.dim(d.id)} ${d.message}`);
  if (f.outcome === 'error') lines.unshift(`${f.path}: ${style.red('error')} ${f.reason ?? 'failed'}`);
  if (f.route) {
    const direct = f.route.direct;
    lines.unshift(`${f.path}: ${style.dim('note')} ported through ${f.route.via} (${f.from} → ${f.route.via} → ${target}): straight to ${target} would leave ${plural(direct.error, 'error')} and ${plural(direct.warning, 'warning')}`);
  }
  const v = f.verification;
  if (v?.error) lines.push(`${f.path}: ${style.red('verify could not run')} ${v.error}`);
  else if (v?.verdict) {
    const verdict = v.verdict === 'pass' ? style.green('pass') : v.verdict === 'warn' ? style.yellow('warn') : style.red('fail');
    lines.push(`${f.path}: verify ${verdict}${v.firstDivergence ? ` — first divergence: ${v.firstDivergence}` : ''}`);
  }
  return lines;
}

export function renderPortText(result: PortResult, mode: 'dry' | 'write' | 'out-dir', colour: boolean): string {
  const out: string[] = [];
  const diffStyle = colour ? style : undefined;
  for (const f of result.files) {
    if (f.outcome === 'ok') {
      if (mode === 'dry') out.push(unifiedDiff(f.path, f.source, f.output, diffStyle));
      else out.push(`${style.green('ported')} ${f.path}${f.written && mode === 'out-dir' ? ` → ${displayPath(f.written)}` : ''} (${plural(f.rewrites.length, 'rewrite')})`);
    }
  }
  const findings = result.files.flatMap((f) => fileReport(f, result.summary.to));
  if (findings.length > 0) out.push(findings.join('\n'));
  const skipped = result.files.filter((f) => f.outcome === 'skip');
  if (skipped.length > 0 && skipped.length <= 10) out.push(skipped.map((f) => `${style.dim('skipped')} ${f.path}: ${f.reason ?? ''}`).join('\n'));
  out.push(summaryText(result));
  return `${out.filter((s) => s.length > 0).join('\n\n')}\n`;
}

function summaryText(result: PortResult): string {
  const s = result.summary;
  const results = `Results: ${s.ok} ok, ${s.nochange} unmodified, ${s.skip} skipped, ${s.error} ${s.error === 1 ? 'error' : 'errors'}`;
  const d = s.diagnostics;
  const ids = Object.entries(s.byId)
    .filter(([id]) => PORT_DIAGNOSTICS[id as keyof typeof PORT_DIAGNOSTICS].severity !== 'info')
    .map(([id, n]) => `${id} ×${n}`)
    .join(', ');
  const diagnostics = `${plural(s.rewrites, 'rewrite')}; diagnostics: ${plural(d.error, 'error')} (left as written), ${plural(d.warning, 'warning')}, ${plural(d.info, 'note')}${ids ? ` (${ids})` : ''}`;
  const effort = s.effortHours > 0 ? `; estimated manual work ${s.effortHours} h (docs/diagnostics/)` : '';
  const copied = s.copied > 0 ? `; ${plural(s.copied, 'other file')} copied` : '';
  const routed = s.routed > 0 ? `; ${plural(s.routed, 'file')} ported through ${HUB_BACKEND}` : '';
  const v = s.verified;
  const verified = v ? `\nverify: ${v.pass} pass, ${v.warn} warn, ${v.fail} fail, ${v.error} could not run` : '';
  return `${style.bold(results)} → ${s.to}\n${diagnostics}${effort}${copied}${routed}${verified}`;
}

function progressReporter(enabled: boolean): ProgressLine<{ done: number; total: number }> {
  return progressLine<{ done: number; total: number }>(enabled, {
    text: (p) => `porting ${p.done.toLocaleString('en-US')}/${p.total.toLocaleString('en-US')} files`,
    finished: (p) => p.done >= p.total,
    // A small port finishes before a progress line would help.
    worthShowing: (p) => p.total >= 50,
  });
}

export function registerPortCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('port')
    .description('rewrite TypeScript model code from one backend facade to another, driven by the catalog')
    .argument('<paths...>', 'TypeScript files (.ts .tsx .mts .cts) and directories')
    .requiredOption('--to <backend>', `target backend: ${BACKENDS.join(' | ')}`)
    .option('--from <backend>', 'source backend (default: the facade each file imports other than --to)')
    .option('--write', 'rewrite changed files in place (atomically)')
    .option('--out-dir <dir>', 'write a ported copy of the tree to <dir> (other files copied unchanged)')
    .option('--json', 'print files, outcomes, rewrites, diagnostics and the summary as JSON')
    .option('--no-comments', 'do not write diagnostics as comments above the code')
    .option('--mappings <path>', 'extra mapping file or directory (repeatable)', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--verify', 'run each ported model program (a file exporting main) and its original on the reference runtime and compare them (opbridge verify)')
    .addHelpText(
      'after',
      '\nDry run by default: prints a unified diff per file that would change. Calls that cannot be ported stay as they\n' +
        'were and get a diagnostic (OB1xxx, docs/diagnostics/), also written as a comment above the call.\n' +
        'Markers: // opbridge-ignore-next-line, // opbridge-disable … // opbridge-enable.\n' +
        'Exit codes: 0 done (unported calls are diagnostics), 1 --verify failed or could not run a program,\n' +
        '2 bad usage, or a file could not be read, parsed or written (the others are still ported).\n' +
        'Examples:\n  opbridge port src/ --to cann\n  opbridge port src/ --to kunlun --out-dir ported/\n  opbridge port model.ts --to musa --write --no-comments',
    )
    .action(async (paths: string[], options: PortCommandOptions) => {
      const to: BackendId = parseBackendName(options.to, '--to');
      const from = options.from === undefined ? undefined : parseBackendName(options.from, '--from');
      // The porter (and the TypeScript compiler it parses with) loads only when a port runs.
      const { port } = await import('../../port/port.js');
      const progress = progressReporter(progressAllowed(options.json));
      let result: PortResult;
      try {
        result = await port(paths, {
          to,
          ...(from ? { from } : {}),
          ...(options.write ? { write: true } : {}),
          ...(options.outDir ? { outDir: options.outDir } : {}),
          comments: options.comments,
          mappings: options.mappings,
          ...(options.verify ? { verify: true } : {}),
          onProgress: progress.update,
        });
      } finally {
        progress.done();
      }
      if (options.json) process.stdout.write(`${JSON.stringify(portJson(result), null, 2)}\n`);
      else {
        const mode = options.write ? 'write' : options.outDir ? 'out-dir' : 'dry';
        process.stdout.write(renderPortText(result, mode, colorEnabled()));
      }
      const verified = result.summary.verified;
      // A file that could not be read, parsed or written is bad input (2); a failing parity check is a finding (1).
      setExitCode(result.summary.error > 0 ? EXIT_USAGE : verified && verified.fail + verified.error > 0 ? EXIT_FINDING : EXIT_OK);
    });
}
