/**
 * The CUDA type of a CNNL handle on the way back to CUDA (structural/cnnl-lift/handle-library.ts):
 * a handle whose work is matrix products becomes a cublasHandle_t, with cuBLAS's life-cycle and
 * queue calls, through the helpers it is passed to; a handle an operation that stays needs as a
 * cuDNN handle, or one used where it cannot be followed, keeps the catalog's cudnnHandle_t. Then
 * CUDA → CANN ports the cuBLAS handle (aclblas), so cambricon → cann leaves no error.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { portSource } from '../../../src/port/port-source.js';

/** A helper running a CNNL matmul on the handle it is given (cnnlGetQueue for its queue). */
const helperQueue = readFileSync(new URL('../../fixtures/port/cnnl-helper-queue/input.ts', import.meta.url), 'utf8');

function withText(text: string, after: string, added: string): string {
  expect(text).toContain(after);
  return text.replace(after, `${after}\n${added}`);
}

const toCuda = (text: string) => portSource(text, { from: 'cambricon', to: 'cuda', fileName: 'input.ts' });
const errors = (r: ReturnType<typeof portSource>) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.id} ${d.message}`);

describe('a CNNL handle back on CUDA', () => {
  it('is a cuBLAS handle when its work is a matrix product, in the helper and where it is made', () => {
    const r = toCuda(helperQueue);
    expect(errors(r)).toEqual([]);
    expect(r.output).toContain('function linear(handle: cublasHandle_t,');
    expect(r.output).toContain('cublasGetStream(handle, queue);');
    expect(r.output).toContain('const handle = ref<cublasHandle_t>();');
    expect(r.output).toMatch(/cublasCreate\(handle\);\n\s*cublasSetStream\(handle\.value, stream\.value\);/);
    expect(r.output).toContain('cublasDestroy(handle.value);');
    expect(r.output).not.toMatch(/cudnnHandle_t|cudnn(Create|SetStream|GetStream|Destroy)\(handle/);
  });

  it('keeps cudnnHandle_t where a use of the handle cannot be followed', () => {
    const r = toCuda(withText(helperQueue, '  cnnlSetQueue(handle.value, stream.value);', '  const handles = [handle.value];'));
    expect(r.output).toContain('const handle = ref<cudnnHandle_t>();');
    expect(r.output).toContain('function linear(handle: cudnnHandle_t,');
    expect(r.output).toContain('cudnnGetStream(handle, queue);');
  });

  it('keeps cudnnHandle_t where an operation that stays as written needs cuDNN’s handle', () => {
    // An activation with alpha = 2 is declined by the lift (CUDA's lowering would drop the blend): it stays on the handle.
    let text = withText(
      helperQueue,
      "  check(cnnlMatMul_v2(handle, matmulDesc.value, algo.value, 1, xDesc.value, x, wDesc.value, weight, 0, yDesc.value, y, workspaceSize.value > 0 ? workspace.value : null, workspaceSize.value, yDesc.value, y), 'linear');",
      [
        '  const actDesc = ref<cnnlTensorDescriptor_t>();',
        '  cnnlCreateTensorDescriptor(actDesc);',
        '  cnnlSetTensorDescriptor(actDesc.value, CNNL_LAYOUT_ARRAY, CNNL_DTYPE_FLOAT, 2, [rows, outFeatures]);',
        '  const reluDesc = ref<cnnlActivationDescriptor_t>();',
        '  cnnlCreateActivationDescriptor(reluDesc);',
        '  cnnlSetActivationDescriptor_v6(reluDesc.value, CNNL_ACTIVATION_RELU, CNNL_ACTIVATION_HIGH_PRECISION, CNNL_PROPAGATE_NAN, 1, 0, 0, 0, false, true);',
        "  check(cnnlActivationForward(handle, reluDesc.value, 2, actDesc.value, y, null, actDesc.value, y), 'relu');",
      ].join('\n'),
    );
    text = withText(text, 'import {', '  CNNL_ACTIVATION_RELU,\n  CNNL_ACTIVATION_HIGH_PRECISION,\n  CNNL_PROPAGATE_NAN,\n  cnnlCreateActivationDescriptor,\n  cnnlSetActivationDescriptor_v6,\n  cnnlActivationForward,\n  type cnnlActivationDescriptor_t,');
    const r = toCuda(text);
    expect(r.diagnostics.some((d) => d.id === 'OB1019' && d.symbol === 'cnnlActivationForward')).toBe(true);
    expect(r.output).toContain('cublasSgemm('); // the matmul still lifts, with a cuBLAS handle of its own
    expect(r.output).toContain('function linear(handle: cudnnHandle_t,');
    expect(r.output).toContain('const handle = ref<cudnnHandle_t>();');
  });

  it('ports on to CANN with the cuBLAS handle as aclblas’s: no error left', () => {
    const r = portSource(helperQueue, { from: 'cambricon', to: 'cann', fileName: 'input.ts' });
    expect(errors(r)).toEqual([]);
    expect(r.output).toContain('function linear(handle: aclblasHandle_t,');
    expect(r.output).toContain('aclblasGetStream(handle, queue);');
    const code = r.output.split('\n').filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line)).join('\n');
    expect(code).not.toMatch(/\bcu(dnn|blas)\w*\(|cudnnHandle_t|cublasHandle_t|CUDNN_|CUBLAS_/);
  });
});
