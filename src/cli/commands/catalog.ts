/** `opbridge catalog validate`: load every catalog file and check cross-file consistency. */
import type { Command } from 'commander';
import { checkCatalog } from '../../catalog/check-catalog.js';
import { loadCatalog } from '../../catalog/load-catalog.js';
import { catalogError } from '../../catalog/validate-file.js';
import { EXIT_OK } from '../exit-codes.js';
import { style } from '../terminal.js';

export function registerCatalogCommand(program: Command, setExitCode: (code: number) => void): void {
  const catalog = program.command('catalog').description('inspect, validate and export the operator and API catalog');
  catalog
    .command('validate')
    .description('validate every catalog file (schemas, references, provenance); exit 2 on the first broken file')
    .option('--mappings <paths...>', 'extra mapping, profile or operator files/directories to validate with the catalog')
    .option('--json', 'machine-readable result on stdout')
    .action((options: { mappings?: string[]; json?: boolean }) => {
      const loaded = loadCatalog({ extra: options.mappings });
      const issues = checkCatalog(loaded);
      if (issues.length > 0) throw catalogError(issues);
      const counts = {
        operators: loaded.operators.size,
        entries: [...loaded.backends.values()].reduce((n, b) => n + b.entries.size, 0),
        enums: [...loaded.backends.values()].reduce((n, b) => n + b.enums.size, 0),
        profiles: [...loaded.backends.values()].reduce((n, b) => n + b.profiles.size, 0),
      };
      if (options.json) process.stdout.write(`${JSON.stringify({ valid: true, ...counts }, null, 2)}\n`);
      else {
        process.stdout.write(
          `${style.green('✓')} catalog valid: ${counts.operators} operators, ${counts.entries} API entries, ${counts.enums} enums, ${counts.profiles} numeric profiles\n`,
        );
      }
      setExitCode(EXIT_OK);
    });
}
