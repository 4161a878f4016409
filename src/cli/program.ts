/**
 * The commander program. Each command lives in its own file under commands/ and is a thin
 * layer over a function exported from the package. Commands return their exit code.
 */
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../catalog/package-root.js';
import { registerCatalogCommand } from './commands/catalog.js';
import { registerCoverageCommand } from './commands/coverage.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerPortCommand } from './commands/port.js';
import { registerRunCommand } from './commands/run.js';
import { registerVerifyCommand } from './commands/verify.js';

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** `setExitCode` receives each command's result; main() exits with it. */
export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('opbridge')
    .description('Move AI model code off CUDA: API coverage, porting and numerical parity for Chinese accelerator stacks.')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .addHelpText(
      'after',
      '\nExit codes: 0 success, 1 a finding (failed parity, coverage under threshold), 2 bad usage or input.\n' +
        'Every command accepts --json for machine-readable output on stdout. NO_COLOR disables colour.',
    );
  registerCatalogCommand(program, setExitCode);
  registerRunCommand(program, setExitCode);
  registerCoverageCommand(program, setExitCode);
  registerPortCommand(program, setExitCode);
  registerVerifyCommand(program, setExitCode);
  registerDemoCommand(program, setExitCode);
  return program;
}
