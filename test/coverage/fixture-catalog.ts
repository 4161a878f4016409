/** The small fixture catalog and source tree under test/fixtures/coverage, shared by the coverage tests. */
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import type { Catalog } from '../../src/catalog/catalog.js';
import { SymbolIndex } from '../../src/coverage/symbol-index.js';

export const FIXTURE_CATALOG_ROOT = fileURLToPath(new URL('../fixtures/coverage/catalog', import.meta.url));
export const FIXTURE_PROJECT = fileURLToPath(new URL('../fixtures/coverage/project', import.meta.url));

let cached: Catalog | undefined;

export function fixtureCatalog(): Catalog {
  cached ??= loadCatalog({ root: FIXTURE_CATALOG_ROOT });
  return cached;
}

export function cudaIndex(): SymbolIndex {
  return new SymbolIndex(fixtureCatalog(), 'cuda');
}
