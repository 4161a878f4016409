import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { checkCatalog } from '../../src/catalog/check-catalog.js';
import { answerFor } from '../../src/catalog/answers.js';
import { tempDir } from '../helpers/temp-dir.js';

const operator = (id: string) => `id: ${id}
category: elementwise
summary: test operator
onnx: null
inputs: [{ name: X, description: input, dtypes: [float32] }]
outputs: [{ name: Y, description: output, dtypes: [float32] }]
semantics: y = f(x)
provenance: { url: https://example.com/${id} }
`;

const mapping = (backend: string, library: string, entries: string, extra = '') => `backend: ${backend}
library: ${library}
version: test 1.0
sources:
  DOC: { url: https://example.com/doc }
${extra}entries:
${entries}`;

const cudaRelu = `  - symbol: cudaRelu
    returns: int
    params:
      - { name: x, type: const float*, dir: in, role: "input:X" }
      - { name: y, type: float*, dir: out, role: "output:Y" }
    binds: { operator: Relu }
    status: native
    provenance: { source: DOC }
    confidence: confirmed
`;

function caught(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('loadCatalog', () => {
  it('loads operators, mappings and profiles from a root', () => {
    const root = tempDir({ 'operators/Relu.yaml': operator('Relu'), 'mappings/cuda/toy.yaml': mapping('cuda', 'toy', cudaRelu) });
    const catalog = loadCatalog({ root });
    expect(catalog.operator('Relu')?.spec.summary).toBe('test operator');
    expect(catalog.entry('cuda', 'cudaRelu')?.sources[0].url).toBe('https://example.com/doc');
    expect(checkCatalog(catalog)).toEqual([]);
  });

  it('names the file and line of a YAML syntax error', () => {
    const root = tempDir({ 'operators/Relu.yaml': 'id: Relu\n  bad: [indent\n' });
    const error = caught(() => loadCatalog({ root }));
    expect(error.location?.file).toMatch(/operators\/Relu\.yaml$/);
    expect(error.location?.line).toBeGreaterThan(0);
    expect(error.fix).toBeTruthy();
  });

  it('names the path and line of a schema violation', () => {
    const bad = cudaRelu.replace('dir: in', 'dir: sideways');
    const root = tempDir({ 'operators/Relu.yaml': operator('Relu'), 'mappings/cuda/toy.yaml': mapping('cuda', 'toy', bad) });
    const error = caught(() => loadCatalog({ root }));
    expect(error.message).toMatch(/entries\[0\]\.params\[0\]\.dir/);
    expect(error.location?.line).toBe(10);
  });

  it('rejects a file whose name does not match its id, and duplicate backend + symbol', () => {
    expect(caught(() => loadCatalog({ root: tempDir({ 'operators/Relu.yaml': operator('Gelu') }) })).message).toMatch(/must live in Gelu\.yaml/);
    const root = tempDir({
      'operators/Relu.yaml': operator('Relu'),
      'mappings/cuda/a.yaml': mapping('cuda', 'a', cudaRelu),
      'mappings/cuda/b.yaml': mapping('cuda', 'b', cudaRelu),
    });
    expect(caught(() => loadCatalog({ root })).message).toMatch(/already defined for cuda/);
  });

  it('rejects an unknown provenance source and a partial entry without its gaps listed', () => {
    const unknownSource = cudaRelu.replace('source: DOC', 'source: NOPE');
    expect(caught(() => loadCatalog({ root: tempDir({ 'operators/Relu.yaml': operator('Relu'), 'mappings/cuda/toy.yaml': mapping('cuda', 'toy', unknownSource) }) })).message).toMatch(/unknown source 'NOPE'/);
    const partial = cudaRelu.replace('status: native', 'status: partial');
    expect(caught(() => loadCatalog({ root: tempDir({ 'operators/Relu.yaml': operator('Relu'), 'mappings/cuda/toy.yaml': mapping('cuda', 'toy', partial) }) })).message).toMatch(/must list what is unsupported/);
  });

  it('lets --mappings files add and replace entries', () => {
    const root = tempDir({ 'operators/Relu.yaml': operator('Relu'), 'mappings/cuda/toy.yaml': mapping('cuda', 'toy', cudaRelu) });
    const override = tempDir({
      'mine.yaml': mapping('cann', 'toy', cudaRelu.replace('cudaRelu', 'aclRelu').replace('status: native', 'status: native\n    cuda: [cudaRelu]')),
    });
    const catalog = loadCatalog({ root, extra: [override] });
    expect(answerFor(catalog, 'cann', 'cudaRelu')).toMatchObject({ status: 'native', symbols: ['aclRelu'], via: 'explicit' });
    expect(answerFor(catalog, 'kunlun', 'cudaRelu')).toMatchObject({ status: 'unknown', via: 'none' });
  });

  it('checks role names against the bound operator and reports unknown operators', () => {
    const wrongRole = cudaRelu.replace('input:X', 'input:A');
    const catalog = loadCatalog({ root: tempDir({ 'operators/Relu.yaml': operator('Relu'), 'mappings/cuda/toy.yaml': mapping('cuda', 'toy', wrongRole) }) });
    expect(checkCatalog(catalog).map((i) => i.message)).toEqual([expect.stringMatching(/has no input 'A'/)]);
    const unknownOp = loadCatalog({ root: tempDir({ 'mappings/cuda/toy.yaml': mapping('cuda', 'toy', cudaRelu) }) });
    expect(checkCatalog(unknownOp).map((i) => i.message)).toEqual([expect.stringMatching(/unknown operator 'Relu'/)]);
  });
});
