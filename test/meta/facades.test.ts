/**
 * Facades and catalog agree: every callable catalog entry exists in its backend's facade
 * with the catalog's parameter names in order (plus a leading `templateArgs` for C++
 * templates), and the generated enum constants are fresh and exported.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { packageRoot } from '../../src/catalog/package-root.js';
import { BACKENDS } from '../../src/catalog/vocabulary.js';
import { facadeConstantsPath, generateFacadeConstants } from '../../src/backends/codegen/facade-constants.js';
import { functionParamNames } from '../helpers/function-params.js';

const root = packageRoot();
const catalog = loadCatalog();
const backends = BACKENDS.filter((b) => existsSync(join(root, 'src/backends', b, 'index.ts')));

/** Finds `a::b::c` in a module namespace: nested objects, then classes' prototypes. */
function lookup(module: Record<string, unknown>, symbol: string): unknown {
  const parts = symbol.split('::');
  let node: unknown = module;
  for (const [i, part] of parts.entries()) {
    if (node === undefined || node === null) return undefined;
    const holder = node as Record<string, unknown>;
    let next = holder[part];
    if (next === undefined && typeof node === 'function' && i === parts.length - 1) {
      next = (node as { prototype: Record<string, unknown> }).prototype?.[part];
    }
    node = next;
  }
  return node;
}

/**
 * Libraries whose facade is still being written (issue 4). Each must be removed from this list
 * in the change that implements it; the last test below fails if a listed library is complete.
 */
const PENDING_LIBRARIES: Readonly<Partial<Record<string, readonly string[]>>> = {};

const isPending = (backend: string, library: string): boolean => PENDING_LIBRARIES[backend]?.includes(library) ?? false;

describe.each(backends)('the %s facade', (backend) => {
  it('exports fresh generated enum constants', async () => {
    const path = join(root, facadeConstantsPath(backend));
    expect(readFileSync(path, 'utf8'), `${path} is stale: run npm run generate`).toBe(generateFacadeConstants(catalog, backend));
    const module = (await import(`../../src/backends/${backend}/index.ts`)) as Record<string, unknown>;
    for (const e of catalog.backend(backend).enums.values()) {
      if (e.spec.name.includes('::')) continue;
      for (const m of e.spec.members) expect(module[m.name], `${backend} ${e.spec.name}.${m.name}`).toBe(m.value ?? m.name);
    }
  });

  it('implements every callable catalog entry with the catalog parameter list', async () => {
    const module = (await import(`../../src/backends/${backend}/index.ts`)) as Record<string, unknown>;
    const missing: string[] = [];
    const mismatched: string[] = [];
    for (const entry of catalog.backend(backend).entries.values()) {
      const spec = entry.spec;
      if (spec.status === 'unsupported' || spec.status === 'unknown' || spec.kind === 'macro') continue;
      if (isPending(backend, entry.library)) continue;
      const fn = lookup(module, spec.kind === 'constructor' ? spec.symbol.split('::').slice(0, -1).join('::') : spec.symbol);
      if (typeof fn !== 'function') {
        missing.push(spec.symbol);
        continue;
      }
      if (spec.kind === 'constructor') continue;
      const expected = [...(spec.template?.length ? ['templateArgs'] : []), ...spec.params.map((p) => p.name)];
      const actual = functionParamNames(fn as (...args: never[]) => unknown);
      if (actual.join(',') !== expected.join(',')) mismatched.push(`${spec.symbol}(${actual.join(', ')}) vs catalog (${expected.join(', ')})`);
    }
    expect(missing, 'catalog entries without a facade function').toEqual([]);
    expect(mismatched, 'parameter lists that differ from the catalog').toEqual([]);
  });

  it('exposes every catalog type member on the exported class (what member renames write)', async () => {
    const module = (await import(`../../src/backends/${backend}/index.ts`)) as Record<string, unknown>;
    const missing: string[] = [];
    for (const t of catalog.backend(backend).types.values()) {
      if (!t.spec.members?.length) continue;
      const ctor = module[t.spec.name];
      if (typeof ctor !== 'function') {
        missing.push(`${t.spec.name} (no exported class)`);
        continue;
      }
      const instance = new (ctor as new () => object)();
      for (const m of t.spec.members) if (!(m.name in instance)) missing.push(`${t.spec.name}.${m.name}`);
    }
    expect(missing).toEqual([]);
  });
});

it('lists as pending only libraries whose facade is really missing', async () => {
  for (const [backend, libraries] of Object.entries(PENDING_LIBRARIES)) {
    if (!backends.includes(backend as (typeof backends)[number])) continue;
    const module = (await import(`../../src/backends/${backend}/index.ts`)) as Record<string, unknown>;
    for (const library of libraries ?? []) {
      const entries = [...catalog.backend(backend as (typeof backends)[number]).entries.values()].filter(
        (e) => e.library === library && e.spec.status !== 'unsupported' && e.spec.status !== 'unknown',
      );
      const implemented = entries.filter((e) => typeof lookup(module, e.spec.symbol) === 'function');
      expect(implemented.length, `${backend}/${library} is implemented: remove it from PENDING_LIBRARIES`).toBeLessThan(entries.length);
    }
  }
});
