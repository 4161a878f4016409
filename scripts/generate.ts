/**
 * Regenerates every file derived from the catalog: facade enum constants (and, as they are
 * added, the support tables under docs/). Tests fail when a committed file is stale.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadCatalog } from '../src/catalog/load-catalog.js';
import { packageRoot } from '../src/catalog/package-root.js';
import { BACKENDS } from '../src/catalog/vocabulary.js';
import { facadeConstantsPath, generateFacadeConstants } from '../src/backends/codegen/facade-constants.js';
import { writeFileAtomic } from '../src/fs/atomic-write.js';

const root = packageRoot();
const catalog = loadCatalog();
let written = 0;
for (const backend of BACKENDS) {
  if (catalog.backend(backend).enums.size === 0 || !existsSync(join(root, 'src/backends', backend))) continue;
  const path = join(root, facadeConstantsPath(backend));
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, generateFacadeConstants(catalog, backend));
  written++;
}
process.stdout.write(`generated ${written} facade constant module(s)\n`);
