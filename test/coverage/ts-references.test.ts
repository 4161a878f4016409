import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTypeScriptReferences } from '../../src/coverage/ts-references.js';
import { symbolIndexes } from '../../src/coverage/scan-sources.js';
import { fixtureCatalog } from './fixture-catalog.js';

/** Scans in-memory TypeScript files (relative name → text) and returns `name[@written]:line` per file. */
async function scan(files: Record<string, string>): Promise<Record<string, string[]>> {
  const root = '/virtual/project';
  const sources = Object.entries(files).map(([name, text]) => ({ absolute: join(root, name), text }));
  const found = await findTypeScriptReferences(sources, symbolIndexes(fixtureCatalog()));
  return Object.fromEntries(
    Object.keys(files).map((name) => [name, found.get(join(root, name))!.references.map((r) => `${r.backend}:${r.name}${r.written ? `@${r.written}` : ''}:${r.line}`)]),
  );
}

describe('findTypeScriptReferences', () => {
  it('resolves named imports, aliases, type imports and namespace imports of a facade', async () => {
    const result = await scan({
      'main.ts': [
        "import { cudaMalloc as alloc, cudaFree, ref, type cudaStream_t, type DevicePtr } from 'opbridge/cuda';",
        "import * as cuda from 'opbridge/cuda';",
        'const p = ref<DevicePtr>();',
        'alloc(p, 16);',
        'let s: cudaStream_t;',
        'cuda.cudaMemcpy(p.value, host, 16, cuda.cudaMemcpyHostToDevice);',
        'const f = cudaFree;',
        'cuda.ref();',
      ].join('\n'),
    });
    expect(result['main.ts']).toEqual([
      'cuda:cudaMalloc@alloc:4',
      'cuda:cudaStream_t:5',
      'cuda:cudaMemcpy:6',
      'cuda:cudaMemcpyHostToDevice:6',
      'cuda:cudaFree:7',
    ]);
  });

  it('counts facade names the catalog does not know when they look like vendor symbols, and skips helpers', async () => {
    const result = await scan({
      'a.ts': "import { cudaGraphLaunch, hostOutput } from 'opbridge/cuda';\ncudaGraphLaunch(g, s);\nhostOutput(x);",
    });
    expect(result['a.ts']).toEqual(['cuda:cudaGraphLaunch:2']);
  });

  it('follows re-exports between scanned files: export-from, export *, and exported imports', async () => {
    const result = await scan({
      'gpu.ts': "export { cublasSgemm as gemm } from 'opbridge/cuda';\nexport * from 'opbridge/cuda';",
      'blas.ts': "import { cublasCreate } from 'opbridge/cuda';\nexport { cublasCreate as makeHandle };",
      'barrel.ts': "export * from './blas.js';\nexport * as gpu from './gpu.js';",
      'model.ts': [
        "import { gemm, cudaDeviceSynchronize } from './gpu.js';",
        "import { makeHandle, gpu } from './barrel.js';",
        "import * as local from './gpu';",
        'makeHandle(h);',
        'gemm(h);',
        'cudaDeviceSynchronize();',
        'gpu.cudaFree(p);',
        'local.gemm(h);',
      ].join('\n'),
    });
    expect(result['model.ts']).toEqual([
      'cuda:cublasCreate@makeHandle:4',
      'cuda:cublasSgemm@gemm:5',
      'cuda:cudaDeviceSynchronize:6',
      'cuda:cudaFree:7',
      'cuda:cublasSgemm:8',
    ]);
    expect(result['gpu.ts']).toEqual([]);
  });

  it('maps C++ namespace objects, classes, instance methods and chained setters', async () => {
    const result = await scan({
      'graph.ts': [
        "import { cudnn_frontend, DataType_t } from 'opbridge/cuda';",
        'const graph = new cudnn_frontend.graph.Graph();',
        'graph.set_io_data_type(DataType_t.HALF).layernorm(x);',
        'graph.execute(h, pack, ws);',
        'other.execute();',
      ].join('\n'),
    });
    expect(result['graph.ts']).toEqual([
      'cuda:cudnn_frontend::graph::Graph:2',
      'cuda:cudnn_frontend::graph::Graph::set_io_data_type:3',
      'cuda:DataType_t::HALF:3',
      'cuda:cudnn_frontend::graph::Graph::layernorm:3',
      'cuda:cudnn_frontend::graph::Graph::execute:4',
    ]);
  });

  it('takes the source backend from the facade imported', async () => {
    const result = await scan({ 'port.ts': "import { aclrtMalloc, aclrtSomethingNew } from 'opbridge/cann';\naclrtMalloc(p, 16, 0);\naclrtSomethingNew();" });
    expect(result['port.ts']).toEqual(['cann:aclrtMalloc:2', 'cann:aclrtSomethingNew:3']);
  });
});
