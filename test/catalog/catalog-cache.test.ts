import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { tempDir } from '../helpers/temp-dir.js';

const operator = (summary: string) => `id: Relu
category: elementwise
summary: ${summary}
onnx: null
inputs: [{ name: X, description: input, dtypes: [float32] }]
outputs: [{ name: Y, description: output, dtypes: [float32] }]
semantics: y = max(x, 0)
provenance: { url: https://example.com/relu }
`;

describe('the catalog cache', () => {
  let previous: string | undefined;
  let cacheDir: string;
  beforeEach(() => {
    previous = process.env.OPBRIDGE_CACHE_DIR;
    cacheDir = tempDir();
    process.env.OPBRIDGE_CACHE_DIR = cacheDir;
  });
  afterEach(() => {
    if (previous === undefined) delete process.env.OPBRIDGE_CACHE_DIR;
    else process.env.OPBRIDGE_CACHE_DIR = previous;
  });

  it('reuses a validated catalog, keeps file lines, and misses as soon as a file changes', () => {
    const root = tempDir({ 'operators/Relu.yaml': operator('first') });
    expect(loadCatalog({ root }).operator('Relu')?.spec.summary).toBe('first');
    expect(readdirSync(cacheDir)).toHaveLength(1);
    const cached = loadCatalog({ root }).operator('Relu');
    expect(cached?.spec.summary).toBe('first');
    expect(cached?.line).toBe(1);
    writeFileSync(join(root, 'operators/Relu.yaml'), operator('second'));
    expect(loadCatalog({ root }).operator('Relu')?.spec.summary).toBe('second');
    expect(readdirSync(cacheDir)).toHaveLength(2);
  });

  it('ignores a corrupt cache file and still validates the YAML', () => {
    const root = tempDir({ 'operators/Relu.yaml': operator('ok') });
    loadCatalog({ root });
    for (const f of readdirSync(cacheDir)) writeFileSync(join(cacheDir, f), '{ not json');
    expect(loadCatalog({ root }).operator('Relu')?.spec.summary).toBe('ok');
    const broken = tempDir({ 'operators/Relu.yaml': operator('ok').replace('category: elementwise', 'category: nonsense') });
    expect(() => loadCatalog({ root: broken })).toThrow(/category/);
  });
});
