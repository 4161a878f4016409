import { describe, expect, it } from 'vitest';
import { tokenizeCpp } from '../../src/coverage/cpp-lexer.js';
import { findKernels } from '../../src/coverage/kernel-finder.js';

const find = (source: string) => findKernels(tokenizeCpp(source));

describe('findKernels', () => {
  it('finds __global__ kernels with their body size, through templates and attributes', () => {
    const src = [
      'template <typename T, int kBlock>',
      '__global__ void __launch_bounds__(256) softmax_rows(const T* x, T* y, int n) {',
      '  int i = blockIdx.x;',
      '  if (i < n) {',
      '    y[i] = x[i];',
      '  }',
      '}',
      'extern "C" __global__ void add_one(float* p) { p[threadIdx.x] += 1.0f; }',
    ].join('\n');
    expect(find(src).kernels).toEqual([
      { name: 'softmax_rows', kind: 'global', bodyLines: 6, line: 2, column: 40 },
      { name: 'add_one', kind: 'global', bodyLines: 1, line: 8, column: 28 },
    ]);
  });

  it('finds __device__ and __host__ __device__ functions but not device variables, declarations or lambdas', () => {
    const src = [
      '__device__ float g_buffer[128];',
      '__device__ int g_counter = 0;',
      '__global__ void declared_only(float* p);',
      '__host__ __device__ inline float relu(float x) {',
      '  return x > 0.f ? x : 0.f;',
      '}',
      'auto f = [] __device__ (int i) { return i * 2; };',
      'namespace ops { __device__ float gelu(float x) { return x; } }',
    ].join('\n');
    expect(find(src).kernels.map((k) => `${k.name}:${k.kind}:${k.bodyLines}`)).toEqual(['relu:device:3', 'gelu:device:1']);
  });

  it('finds <<<...>>> launches, with template arguments and the launch configuration', () => {
    const src = [
      'add_one<<<grid, block>>>(p);',
      'softmax_rows<half, 128><<<dim3(rows), 128, smem, stream>>>(x, y, n);',
      'ops::scale<<<1, 32>>>(p);',
      '(*fn)<<<1, 1>>>();',
    ].join('\n');
    expect(find(src).launches).toEqual([
      { kernel: 'add_one', via: 'chevrons', config: 'grid, block', line: 1, column: 1 },
      { kernel: 'softmax_rows', via: 'chevrons', config: 'dim3(rows), 128, smem, stream', line: 2, column: 1 },
      { kernel: 'ops::scale', via: 'chevrons', config: '1, 32', line: 3, column: 6 },
      { kernel: '(expression)', via: 'chevrons', config: '1, 1', line: 4, column: 6 },
    ]);
  });

  it('finds kernels launched through cudaLaunchKernel, past casts', () => {
    const src = 'cudaLaunchKernel((const void*)add_one, grid, block, args, 0, stream);\ncudaLaunchCooperativeKernel(reinterpret_cast<void*>(&reduce_all<float>), g, b, a, 0, s);';
    expect(find(src).launches.map((l) => `${l.kernel}:${l.via}:${l.line}`)).toEqual(['add_one:cudaLaunchKernel:1', 'reduce_all:cudaLaunchCooperativeKernel:2']);
  });

  it('does not take nested template closers for a launch, nor kernels inside macros', () => {
    const src = 'std::vector<std::vector<std::vector<int>>> v;\n#define LAUNCH(k) k<<<1, 1>>>()\n#define KERNEL __global__ void from_macro() {}';
    expect(find(src)).toEqual({ kernels: [], launches: [] });
  });
});
