/**
 * Every facade name the porter writes is in the target's catalog: the committed port outputs (the
 * expected fixture ports and the sample ports, written by the structural lowerers and the role
 * lowerer) import from `opbridge/<target>` only names the catalog knows as an entry, enum, enum
 * member, type or C++ namespace, or host helpers. A name a lowerer writes that the catalog lacks
 * (OB1010 when the file is ported again, e.g. back to CUDA) fails here with the file that has it.
 *
 * Reads files only (no porting): fixtures.test.ts and the sample tests keep the files current.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { packageRoot } from '../../src/catalog/package-root.js';
import { BACKENDS, type BackendId } from '../../src/catalog/vocabulary.js';
import { facadeIndex } from '../../src/port/mapping/facade-index.js';
import { ts } from '../../src/port/syntax/typescript.js';

const root = packageRoot();
const catalog = loadCatalog();

/** Ported files with the backend they were written for. */
function portedFiles(): { path: string; backend: BackendId }[] {
  const found: { path: string; backend: BackendId }[] = [];
  const isBackend = (b: string): b is BackendId => (BACKENDS as readonly string[]).includes(b);
  const fixtures = join(root, 'test/fixtures/port');
  for (const name of readdirSync(fixtures)) {
    for (const file of readdirSync(join(fixtures, name))) {
      const m = /^expected\.([a-z]+)\.ts$/.exec(file);
      if (m && isBackend(m[1])) found.push({ path: `test/fixtures/port/${name}/${file}`, backend: m[1] });
    }
  }
  for (const sample of readdirSync(join(root, 'samples'))) {
    const dir = join(root, 'samples', sample, 'ported');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)) {
      const backend = file.replace(/\.ts$/, '');
      if (isBackend(backend)) found.push({ path: `samples/${sample}/ported/${file}`, backend });
    }
  }
  return found;
}

/** The names a file imports from `opbridge/<backend>` (the original names, before `as`). */
function importedNames(text: string, backend: BackendId): string[] {
  const sf = ts.createSourceFile('ported.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names: string[] = [];
  for (const statement of sf.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || statement.moduleSpecifier.text !== `opbridge/${backend}`) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) names.push((element.propertyName ?? element.name).text);
  }
  return names;
}

/**
 * C++ namespaces (`xpu`, `baidu`, `cudnn_frontend`) a facade exports as objects holding its
 * entries, and the facade's other exports of the same object (`fe`, cudnn_frontend's usual alias).
 */
async function namespaces(backend: BackendId): Promise<Set<string>> {
  const roots = new Set([...catalog.backend(backend).entries.values()].map((e) => e.spec.symbol).filter((s) => s.includes('::')).map((s) => s.split('::')[0]));
  const facade = (await import(`../../src/backends/${backend}/index.ts`)) as Record<string, unknown>;
  const objects = new Set<unknown>([...roots].map((root) => facade[root]).filter((x) => x !== undefined));
  for (const [name, value] of Object.entries(facade)) if (objects.has(value)) roots.add(name);
  return roots;
}

describe('names the porter writes are in the target catalog', () => {
  const files = portedFiles();

  it('finds the ported fixtures and samples', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each([...new Set(files.map((f) => f.backend))])('%s', async (backend) => {
    const index = facadeIndex(catalog, backend);
    const roots = await namespaces(backend);
    const missing = files
      .filter((f) => f.backend === backend)
      .flatMap((f) => importedNames(readFileSync(join(root, f.path), 'utf8'), backend).filter((name) => !index.resolve([name]) && !roots.has(name)).map((name) => `${name} (${f.path})`));
    expect([...new Set(missing)]).toEqual([]);
  });
});
