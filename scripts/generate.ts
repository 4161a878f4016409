/**
 * Regenerates every file derived from the catalog: facade enum constants, the support tables
 * under docs/support/, and the JSON Schemas under schema/. Tests fail when a committed file
 * is stale.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../src/catalog/load-catalog.js';
import { packageRoot } from '../src/catalog/package-root.js';
import { BACKENDS, TARGET_BACKENDS } from '../src/catalog/vocabulary.js';
import { facadeConstantsPath, generateFacadeConstants } from '../src/backends/codegen/facade-constants.js';
import { COMPATIBLE_BACKENDS, compatibleBindingsPath, generateCompatibleBindings } from '../src/backends/codegen/compatible-bindings.js';
import * as cudaFacade from '../src/backends/cuda/index.js';
import { catalogJsonSchemas } from '../src/catalog/json-schema.js';
import { renderSupportMarkdown } from '../src/catalog/support-tables.js';
import { stringifyJson } from '../src/cli/json-values.js';
import { writeFileAtomic } from '../src/fs/atomic-write.js';

const root = packageRoot();
const catalog = loadCatalog();
const written: string[] = [];
const write = (relative: string, content: string): void => {
  writeFileAtomic(join(root, relative), content);
  written.push(relative);
};

for (const backend of BACKENDS) {
  if (catalog.backend(backend).enums.size > 0 && existsSync(join(root, 'src/backends', backend, 'index.ts'))) {
    write(facadeConstantsPath(backend), generateFacadeConstants(catalog, backend));
  }
}
const cudaArity = new Map(
  Object.entries(cudaFacade as Record<string, unknown>)
    .filter((e): e is [string, (...args: never[]) => unknown] => typeof e[1] === 'function')
    .map(([name, fn]) => [name, fn.length]),
);
for (const backend of COMPATIBLE_BACKENDS) {
  if (existsSync(join(root, 'src/backends', backend, 'index.ts'))) write(compatibleBindingsPath(backend), generateCompatibleBindings(catalog, backend, cudaArity));
}
for (const backend of TARGET_BACKENDS) write(`docs/support/${backend}.md`, renderSupportMarkdown(catalog, backend));
for (const [name, schema] of Object.entries(catalogJsonSchemas())) write(`schema/${name}`, stringifyJson(schema));
process.stdout.write(`generated ${written.length} files:\n${written.map((w) => `  ${w}`).join('\n')}\n`);
