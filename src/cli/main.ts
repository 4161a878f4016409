#!/usr/bin/env node
/** opbridge CLI entry point. */
import { buildProgram } from './program.js';
import { EXIT_OK } from './exit-codes.js';
import { reportError } from './report-error.js';

async function main(argv: readonly string[]): Promise<number> {
  let exitCode = EXIT_OK;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  // Subcommands inherit exitOverride so usage errors reach reportError (exit 2, not 1).
  program.commands.forEach(function inherit(cmd) {
    cmd.exitOverride();
    cmd.commands.forEach(inherit);
  });
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, argv.includes('--json'));
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = reportError(error, false);
  },
);
