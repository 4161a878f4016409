/**
 * Turns any failure into a clear message and exit code 2. opbridge errors print their file,
 * line and fix; anything else is an internal error, reported in one line (the stack trace
 * only with OPBRIDGE_DEBUG=1). With --json the error goes to stdout as JSON instead.
 */
import { CommanderError } from 'commander';
import { isAbsolute, relative } from 'node:path';
import { OpbridgeError, formatLocation } from '../errors.js';
import { EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { style } from './terminal.js';

export interface ErrorReport {
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly fix?: string;
  readonly kind: string;
}

export function toErrorReport(error: unknown): ErrorReport {
  if (error instanceof OpbridgeError) {
    return {
      kind: error.name,
      message: error.message,
      ...(error.location ? { file: displayPath(error.location.file), line: error.location.line } : {}),
      ...(error.fix ? { fix: error.fix } : {}),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'InternalError', message: `internal error: ${message}`, fix: 'please report this with the command you ran (OPBRIDGE_DEBUG=1 shows the stack trace)' };
}

/** Paths under the working directory are shown relative to it. */
export function displayPath(file: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

/** Prints the error and returns the exit code to use. */
export function reportError(error: unknown, json: boolean): number {
  if (error instanceof CommanderError) {
    // --help and --version arrive here as "errors" with exit code 0.
    if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT_OK;
    if (json) process.stdout.write(`${JSON.stringify({ error: { kind: 'UsageError', message: error.message.replace(/^error: /, '') } })}\n`);
    return EXIT_USAGE;
  }
  const report = toErrorReport(error);
  if (json) {
    process.stdout.write(`${JSON.stringify({ error: report }, null, 2)}\n`);
  } else {
    const where = report.file ? `${formatLocation({ file: report.file, line: report.line })}: ` : '';
    process.stderr.write(`${style.red('error')}: ${where}${report.message}\n`);
    if (report.fix) process.stderr.write(`  ${style.dim('fix:')} ${report.fix}\n`);
  }
  if (process.env.OPBRIDGE_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return EXIT_USAGE;
}
