/**
 * Catalog invariants, enforced by tests rather than review: operators ↔ kernels ↔ tests,
 * file names ↔ ids, cross-file references and provenance (checkCatalog), explicit answers for
 * every CUDA API on every target, and generated files that are up to date.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/catalog/check-catalog.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { packageRoot } from '../../src/catalog/package-root.js';
import { catalogJsonSchemas } from '../../src/catalog/json-schema.js';
import { renderSupportMarkdown } from '../../src/catalog/support-tables.js';
import { BACKENDS, TARGET_BACKENDS } from '../../src/catalog/vocabulary.js';
import { stringifyJson } from '../../src/cli/json-values.js';
import { kernelRegistry } from '../../src/runtime/run-op.js';
import { KERNEL_CATEGORIES } from '../../src/runtime/kernels/all-kernels.js';
import { formatIssue } from '../../src/catalog/validate-file.js';

const root = packageRoot();
const catalog = loadCatalog();
const operatorIds = [...catalog.operators.keys()].sort();
const kernelNames = kernelRegistry().names();

describe('operators, kernels and tests', () => {
  it('has a kernel for every operator and an operator for every kernel', () => {
    expect(kernelNames).toEqual(operatorIds);
  });

  it('names every kernel file after its operator and lists it under the operator category', () => {
    for (const [category, kernels] of Object.entries(KERNEL_CATEGORIES)) {
      for (const kernel of kernels) {
        expect(existsSync(join(root, 'src/runtime/kernels', `${kernel.name}.ts`)), `src/runtime/kernels/${kernel.name}.ts`).toBe(true);
        expect(catalog.operator(kernel.name)?.spec.category, `${kernel.name} category`).toBe(category);
      }
    }
    const files = readdirSync(join(root, 'src/runtime/kernels')).filter((f) => /^[A-Z].*\.ts$/.test(f)).map((f) => f.replace(/\.ts$/, '')).sort();
    expect(files).toEqual(operatorIds);
  });

  it('has a test file with cases for every operator', () => {
    const missing = operatorIds.filter((id) => !existsSync(join(root, 'test/runtime/kernels', `${id}.test.ts`)));
    expect(missing).toEqual([]);
  });
});

describe('catalog consistency', () => {
  it('passes every cross-file check (known operators, enums, profiles, CUDA equivalents, provenance)', () => {
    expect(checkCatalog(catalog).map(formatIssue)).toEqual([]);
  });

  it('keeps mapping file names equal to backend/library', () => {
    for (const backend of BACKENDS) {
      for (const lib of catalog.backend(backend).libraries) expect(lib.file.endsWith(join('mappings', backend, `${lib.library}.yaml`)), lib.file).toBe(true);
    }
  });

  it('has provenance and confidence on every entry, enum, type, gap and profile', () => {
    for (const b of catalog.backends.values()) {
      for (const e of b.entries.values()) expect(e.sources.length, `${b.id}:${e.spec.symbol}`).toBeGreaterThan(0);
      for (const e of b.enums.values()) expect(e.sources.length, `${b.id}:${e.spec.name}`).toBeGreaterThan(0);
      for (const g of b.gaps.values()) expect(g.sources.length, `${b.id}:gap ${g.spec.cuda}`).toBeGreaterThan(0);
      for (const p of b.profiles.values()) expect(p.sources.length, `${b.id}:${p.spec.id}`).toBeGreaterThan(0);
    }
  });

  it('gives every target an explicit answer (entry or gap) for every CUDA API', () => {
    const missing: string[] = [];
    for (const target of TARGET_BACKENDS) {
      const answered = new Set([...catalog.backend(target).entries.values()].flatMap((e) => e.spec.cuda ?? []));
      for (const g of catalog.backend(target).gaps.keys()) answered.add(g);
      for (const cuda of catalog.backend('cuda').entries.keys()) if (!answered.has(cuda)) missing.push(`${target}: ${cuda}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('generated files', () => {
  it('keeps docs/support tables up to date (npm run generate)', () => {
    for (const backend of TARGET_BACKENDS) {
      const path = join(root, 'docs/support', `${backend}.md`);
      expect(readFileSync(path, 'utf8'), `${path} is stale: run npm run generate`).toBe(renderSupportMarkdown(catalog, backend));
    }
  });

  it('keeps the exported JSON Schemas up to date (npm run generate)', () => {
    for (const [name, schema] of Object.entries(catalogJsonSchemas())) {
      expect(readFileSync(join(root, 'schema', name), 'utf8'), `schema/${name} is stale`).toBe(stringifyJson(schema));
    }
  });
});
