/**
 * CNNL structural modules (src/port/structural/cnnl): cuBLAS and cuDNN programs ported to
 * Cambricon run against their originals on the reference runtime (verify: golden and profiled
 * runs, compared call by call and output by output), and what CNNL cannot take is declined with
 * the reason, never ported approximately.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { port } from '../../../src/port/port.js';
import { portSource } from '../../../src/port/port-source.js';
import { tempDir } from '../../helpers/temp-dir.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/port/${name}/input.ts`, import.meta.url), 'utf8').replace(/^\/\/ @ts-nocheck.*\n/, '');

async function portAndVerify(program: string) {
  const dir = tempDir({ 'model.ts': program, 'package.json': '{ "type": "module" }' });
  const result = await port([dir], { to: 'cambricon', cwd: dir, verify: { timeoutMs: 60_000 } });
  return result.files.find((f) => f.path === 'model.ts')!;
}

describe('CNNL ports verify on the reference runtime', () => {
  it('cublasSgemm (transposes, wide leading dimensions, alpha, in-place beta) → cnnlMatMul_v2', async () => {
    const model = await portAndVerify(fixture('cublas-to-cnnl'));
    expect(model.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(model.output).not.toMatch(/\bcublasSgemm\(/);
    expect(model.output).toContain('cnnlSetTensorDescriptorEx('); // the ld-9 views are strided
    expect(model.output).toContain('CNNL_MATMUL_USE_BETA');
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 120_000);

  it('cublasSscal and cublasSdot over strided vectors → cnnlOpTensor MUL (alpha copied to the device) and MUL + cnnlReduce ADD into the host result', async () => {
    const model = await portAndVerify(fixture('cublas-vector-to-cnnl'));
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.output).not.toMatch(/\bcublasS(scal|dot)\(/);
    expect(model.output).toContain('CNNL_OP_TENSOR_MUL');
    expect(model.output).toMatch(/cnnlReduce\(/);
    expect(model.output).toMatch(/cnrtMemcpy\(dot, dotResult\.value, 4, cnrtMemcpyDevToHost\)/);
    // Both outputs (the scaled x and the dot) are compared; CNNL sums in its own order, so warn is allowed.
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 120_000);

  it('bias add and channel softmax → cnnlOpTensor + cnnlSoftmaxForward over [N, C, H·W]', async () => {
    const model = await portAndVerify(fixture('cudnn-softmax-add'));
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.output).toContain('CNNL_SOFTMAX_MODE_MEDIUM_DIMENSION');
    expect(model.output).not.toMatch(/\bcudnn[A-Z]\w*\(|opbridge\/cuda/);
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 120_000);

  it('frontend LayerNorm graph executed twice → cnnlLayerNormForward, the graph statements gone', async () => {
    const model = await portAndVerify(fixture('cudnn-frontend-layernorm'));
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.output.match(/cnnlLayerNormForward\(/g)).toHaveLength(2);
    expect(model.output).not.toContain('graph.');
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 120_000);
});

describe('CNNL declines', () => {
  const errors = (text: string) => portSource(text, { to: 'cambricon', comments: false }).diagnostics.filter((d) => d.severity === 'error');

  it('a strided batched GEMM is one cnnlBatchMatMulBCast_v2 over 3-D descriptors with the batch strides, not one matmul', () => {
    const text = `import { CUBLAS_OP_N, cublasSgemmStridedBatched, type DevicePtr, type cublasHandle_t } from 'opbridge/cuda';
export function bmm(h: cublasHandle_t, a: DevicePtr, b: DevicePtr, c: DevicePtr) {
  return cublasSgemmStridedBatched(h, CUBLAS_OP_N, CUBLAS_OP_N, 4, 4, 4, 1, a, 4, 20, b, 4, 16, 0, c, 4, 16, 8);
}
`;
    const result = portSource(text, { to: 'cambricon', comments: false });
    expect(errors(text)).toEqual([]);
    // Column-major C is computed as Cᵀ = Bᵀ·Aᵀ: A's batch stride 20 stays with A, now the second operand.
    expect(result.output).toContain('cnnlSetTensorDescriptorEx(bDesc.value, CNNL_LAYOUT_ARRAY, CNNL_DTYPE_FLOAT, 3, [8, 4, 4], [20, 4, 1])');
    expect(result.output).toContain('cnnlGetBatchMatMulAlgoHeuristic(');
    expect(result.output).toMatch(/cnnlBatchMatMulBCast_v2\(h, matmulDesc\.value, algo\.value, 1, aDesc\.value, b, bDesc\.value, a, 0, dDesc\.value, c, /);
  });

  it('a descriptor also used by a call without a CNNL port keeps its cuDNN family', () => {
    const text = `import {
  CUDNN_DATA_FLOAT, CUDNN_SOFTMAX_ACCURATE, CUDNN_SOFTMAX_MODE_CHANNEL, CUDNN_TENSOR_NCHW,
  cudnnCreateTensorDescriptor, cudnnSetTensor4dDescriptor, cudnnSoftmaxForward, cudnnOpTensor, ref,
  type DevicePtr, type cudnnHandle_t, type cudnnTensorDescriptor_t, type cudnnOpTensorDescriptor_t,
} from 'opbridge/cuda';
export function run(h: cudnnHandle_t, op: cudnnOpTensorDescriptor_t, x: DevicePtr, y: DevicePtr) {
  const d = ref<cudnnTensorDescriptor_t>();
  cudnnCreateTensorDescriptor(d);
  cudnnSetTensor4dDescriptor(d.value, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, 4, 10, 1, 1);
  cudnnSoftmaxForward(h, CUDNN_SOFTMAX_ACCURATE, CUDNN_SOFTMAX_MODE_CHANNEL, 1, d.value, x, 0, d.value, y);
  cudnnOpTensor(h, op, 1, d.value, x, 1, d.value, y, 0, d.value, y);
}
`;
    const result = portSource(text, { to: 'cambricon', comments: false });
    expect(result.output).toContain('cnnlSoftmaxForward(');
    expect(result.output).toContain('cudnnSetTensor4dDescriptor(d.value');
    expect(errors(text).some((d) => d.symbol === 'cudnnSetTensor4dDescriptor' && /`cudnnOpTensor` uses `d` and does not port/.test(d.message))).toBe(true);
  });
});
