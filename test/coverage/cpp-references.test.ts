import { describe, expect, it } from 'vitest';
import { tokenizeCpp } from '../../src/coverage/cpp-lexer.js';
import { findCppReferences } from '../../src/coverage/cpp-references.js';
import { cudaIndex } from './fixture-catalog.js';

function scan(source: string) {
  return findCppReferences(tokenizeCpp(source), cudaIndex());
}

const names = (source: string) => scan(source).references.map((r) => r.name);
const declared = (source: string) => scan(source).declarations.map((d) => `${d.name}:${d.how}`);

describe('findCppReferences', () => {
  it('counts catalog symbols (aliases included) with line and column', () => {
    const r = scan('void f() {\n  cudaMalloc(&p, n);\n  cublasSgemm_v2(h, CUBLAS_OP_N, CUBLAS_OP_T);\n}');
    expect(r.references).toEqual([
      { name: 'cudaMalloc', backend: 'cuda', line: 2, column: 3 },
      { name: 'cublasSgemm_v2', backend: 'cuda', line: 3, column: 3 },
      { name: 'CUBLAS_OP_N', backend: 'cuda', line: 3, column: 21 },
      { name: 'CUBLAS_OP_T', backend: 'cuda', line: 3, column: 34 },
    ]);
  });

  it('counts symbols with a CUDA library prefix that the catalog does not know, from every library', () => {
    expect(names('x = cudaMemPrefetchAsync(p); cuMemAlloc(&d, 4); CUresult r; cudnnCreate(&h); ncclAllReduce(); curand_uniform(&s); cufftExecC2C(plan); CUFFT_FORWARD; cublasLtMatmul();')).toEqual([
      'cudaMemPrefetchAsync', 'cuMemAlloc', 'CUresult', 'cudnnCreate', 'ncclAllReduce', 'curand_uniform', 'cufftExecC2C', 'CUFFT_FORWARD', 'cublasLtMatmul',
    ]);
  });

  it('ignores names in comments, strings and #if 0 blocks', () => {
    expect(names('// cudaFree(p)\nconst char* s = "cudaFree";\n#if 0\ncudaFree(p);\n#endif\ncudaFree(q);')).toEqual(['cudaFree']);
  });

  it('treats prefixed names the code declares as declarations, not API uses', () => {
    const src = [
      '#define CUDA_CHECK(call) do { cudaError_t e = (call); if (e != cudaSuccess) abort(); } while (0)',
      'struct cudaContextWrapper { int cudaDevice; };',
      'static int cudaWarmupCount = 0;',
      'void cudaWarmup(cudaStream_t s, float *cudaScratch) {}',
      'for (auto& cudaItem : items) {}',
    ].join('\n');
    expect(declared(src)).toEqual([
      'CUDA_CHECK:macro', 'cudaContextWrapper:type', 'cudaDevice:variable-or-function', 'cudaWarmupCount:variable-or-function',
      'cudaWarmup:variable-or-function', 'cudaScratch:variable-or-function', 'cudaItem:variable-or-function',
    ]);
    // The macro body's uses still count; the macro parameter and the declared names do not.
    expect(names(src)).toEqual(['cudaError_t', 'cudaSuccess', 'cudaStream_t']);
  });

  it('keeps uses in expression position as references (return, case, products, flags)', () => {
    expect(names('switch (k) { case cudaMemcpyDefaultX: return cudaErrorFooBar; }\nx = a * cudaScaleConst;\nif (flags & cudaHostAllocMapped) {}')).toEqual([
      'cudaMemcpyDefaultX', 'cudaErrorFooBar', 'cudaScaleConst', 'cudaHostAllocMapped',
    ]);
  });

  it('never counts members or names qualified by a user namespace, but counts ::globals', () => {
    expect(names('info.cudaDevice = 1; p->cudaStream = s; mylib::cudaMalloc(p); Foo<T>::cudaBar(); ::cudaFree(p);')).toEqual(['cudaFree']);
  });

  it('does not count macro names tested by #ifdef, #ifndef, #undef and defined()', () => {
    expect(names('#ifdef CUDA_VERSION\n#endif\n#ifndef CUDART_VERSION\n#endif\n#if defined(CUDA_ARCH_LIST) && CUDA_VERSION >= 12000\n#endif\n#undef CUDA_FOO')).toEqual(['CUDA_VERSION']);
  });

  it('follows cudnn-frontend namespace aliases, Graph variables, chained setters and enum classes', () => {
    const src = [
      'namespace fe = cudnn_frontend;',
      'fe::graph::Graph graph;',
      'graph.set_io_data_type(fe::DataType_t::HALF).set_compute_data_type(fe::DataType_t::FLOAT);',
      'auto y = graph.layernorm(x, s, b, attrs);',
      'auto g2 = std::make_shared<fe::graph::Graph>();',
      'g2->execute(handle, pack, ws);',
      'other.layernorm(x);',
      'HALF; FLOAT;',
    ].join('\n');
    const refs = scan(src).references;
    expect(refs.map((r) => `${r.name}@${r.line}`)).toEqual([
      'cudnn_frontend::graph::Graph@2',
      'cudnn_frontend::graph::Graph::set_io_data_type@3',
      'cudnn_frontend::DataType_t::HALF@3',
      'cudnn_frontend::graph::Graph::set_compute_data_type@3',
      'cudnn_frontend::DataType_t::FLOAT@3',
      'cudnn_frontend::graph::Graph::layernorm@4',
      'cudnn_frontend::graph::Graph@5',
      'cudnn_frontend::graph::Graph::execute@6',
    ]);
    expect(refs[0].written).toBe('fe::graph::Graph');
  });

  it('resolves `using namespace cudnn_frontend` for graph:: names', () => {
    expect(names('using namespace cudnn_frontend;\ngraph::Graph g;\ng.execute(h, p, w);')).toEqual([
      'cudnn_frontend::graph::Graph',
      'cudnn_frontend::graph::Graph::execute',
    ]);
  });
});
