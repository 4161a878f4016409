/**
 * The muDNN lifters (src/port/structural/mudnn-lift) and their cuDNN lowerings, decided by
 * numbers: programs go CUDA → MUSA → CUDA in process (portSource both ways) and the program that
 * comes back runs against the original on the reference runtime (`verify`: golden and profiled
 * runs of both, compared call by call and output by output). A hand-written muDNN program ported
 * to CUDA is verified against itself the same way (it runs on the MUSA facade).
 *
 * Verdicts: pass, or warn where only documented numerics differ (docs/verify.md: the convolution's
 * default math on CUDA is TF32-class, within the widened tolerance).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { portSource } from '../../../src/port/port-source.js';
import { verify } from '../../../src/verify/verify.js';
import { tempDir } from '../../helpers/temp-dir.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/port/${name}/input.ts`, import.meta.url), 'utf8').replace(/^\/\/ @ts-nocheck.*\n/, '');

function roundTrip(name: string) {
  const original = fixture(name);
  const there = portSource(original, { to: 'musa' });
  expect(there.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const back = portSource(there.output, { to: 'cuda', from: 'musa' });
  return { original, there: there.output, back };
}

async function verifies(original: string, ported: string) {
  const dir = tempDir({ 'original.ts': original, 'ported.ts': ported, 'package.json': '{ "type": "module" }' });
  return verify(join(dir, 'original.ts'), join(dir, 'ported.ts'), { timeoutMs: 300_000 });
}

/** muDNN's own-shape calls and its Nd setters: none may be left on CUDA. */
const MUDNN_CALL = /\bmudnn(Binary|Unary|SoftmaxForwardEx|BatchNormForwardInference|PoolingForwardEx|LayerNormForward|RMSNormForward|ScaledDotProductAttentionFlashForward|Set\w+Descriptor\w*|Create\w+Descriptor|Get\w+WorkspaceSize)\(/;
const TIMEOUT = 400_000; // the runs take seconds alone; a loaded 2-core machine stretches them

describe('cuda → musa → cuda keeps the results', () => {
  it.each([
    ['cudnn-softmax-add', ['mudnnBinary(', 'mudnnSoftmaxForwardEx('], ['cudnnAddTensor(', 'cudnnSoftmaxForward(', 'cudnnSetTensor4dDescriptor(']],
    [
      'cudnn-batchnorm-pool',
      ['mudnnBatchNormForwardInference(', 'mudnnUnary(', 'mudnnPoolingForwardEx('],
      ['cudnnBatchNormalizationForwardInference(', 'cudnnAddTensor(', 'cudnnActivationForward(', 'cudnnPoolingForward(', 'cudnnSetPooling2dDescriptor('],
    ],
    // cudnn-frontend graphs lowered node by node to muDNN (structural/mudnn/mudnn-frontend.ts) come
    // back as one-node graphs and cuDNN casts; the statistics buffers and the runs' own descriptors go.
    ['cudnn-frontend-layernorm-twice', ['mudnnLayerNormForward('], ['.layernorm(']],
    [
      'cudnn-frontend-graphs',
      ['mudnnRMSNormForward(', 'mudnnScaledDotProductAttentionFlashForward(', 'mudnnBinary(', 'mudnnUnary('],
      ['.rmsnorm(', '.sdpa(', 'set_causal_mask(true)', '.pointwise('],
    ],
    ['cudnn-frontend-bf16-nodes', ['mudnnRMSNormForward(', 'mudnnUnary(', 'mudnnBinary('], ['.rmsnorm(', 'cudnnTransformTensor(']],
    // A pointwise SUB comes back as SUB, its operands in order (A − B).
    ['cudnn-frontend-workspace-assigned', ['MUDNN_BINARY_SUB', 'MUDNN_BINARY_MUL'], ['PointwiseMode_t.SUB', 'PointwiseMode_t.MUL']],
  ] as const)('%s', async (name, musaCalls, cudaCalls) => {
    const { original, there, back } = roundTrip(name);
    for (const call of musaCalls) expect(there).toContain(call); // the way out really went through muDNN's own calls
    expect(back.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(back.output).not.toMatch(MUDNN_CALL);
    expect(back.output).not.toContain("from 'opbridge/musa'");
    for (const call of cudaCalls) expect(back.output).toContain(call);
    const report = await verifies(original, back.output);
    expect(report.verdict, JSON.stringify(report.firstDivergence)).toMatch(/^(pass|warn)$/);
  }, TIMEOUT);

  it('cudnn-conv: the convolution and its queries come back by name, its setters as cuDNN 2-D setters', async () => {
    const { original, there, back } = roundTrip('cudnn-conv');
    expect(there).toContain('mudnnSetConvolutionNdDescriptor(');
    expect(back.output).not.toMatch(MUDNN_CALL);
    for (const call of ['cudnnSetFilter4dDescriptor(', 'cudnnSetConvolution2dDescriptor(', 'cudnnConvolutionForward(']) expect(back.output).toContain(call);
    // The algorithm chosen at run time comes from the query, ported back too: no OB1007 (algorithm-from-query.ts).
    expect(back.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const report = await verifies(original, back.output);
    expect(report.verdict, JSON.stringify(report.firstDivergence)).toMatch(/^(pass|warn)$/);
  }, TIMEOUT);
});

describe('a muDNN layer norm whose statistics are read', () => {
  it('stays, with the reason: the lifted LayerNormalization does not write them', () => {
    const musa = readFileSync(new URL('../../fixtures/port/cudnn-frontend-layernorm-twice/expected.musa.ts', import.meta.url), 'utf8');
    const reading = musa.replace('  musaFree(mean.value);\n', '  musaMemcpy(hostMean, mean.value, TOKENS * 4, musaMemcpyDeviceToHost);\n  musaFree(mean.value);\n');
    expect(reading).not.toEqual(musa);
    const back = portSource(reading, { to: 'cuda', from: 'musa', fileName: 'model.ts' });
    const reasons = back.diagnostics.filter((d) => d.id === 'OB1019' && d.symbol === 'mudnnLayerNormForward').map((d) => d.message);
    expect(reasons.join('\n')).toMatch(/the mean output `mean` of `mudnnLayerNormForward` is also used in `musaMemcpy\(hostMean/);
    expect(back.output).toContain('mudnnLayerNormForward(cudnn.value, layerNormDesc.value'); // the first stays as written
    expect(back.output).toContain('.layernorm('); // the second, whose statistics nothing reads, is lifted
  });
});

describe('statistics buffers and descriptors shared by several muDNN norms', () => {
  const input = fixture('mudnn-shared-statistics');

  it('stay while a norm that uses them stays (here the RMS norm, marked opbridge-ignore)', () => {
    const marked = input.replace('  check(mudnnRMSNormForward(', '  // opbridge-ignore-next-line\n  check(mudnnRMSNormForward(');
    expect(marked).not.toEqual(input);
    const ported = portSource(marked, { to: 'cuda', from: 'musa', fileName: 'model.ts' });
    expect(ported.output.match(/\.layernorm\(/g)).toHaveLength(2); // the layer norms port
    expect(ported.output).toContain('mudnnRMSNormForward(handle.value, rmsNorm.value, rowsDesc.value, dScaledA, statDesc.value, rstd.value');
    // rstd, rowsDesc and statDesc serve the RMS norm that stays; mean served the layer norms alone.
    expect(ported.output).toContain('const rstd = ref<DevicePtr>();');
    expect(ported.output).toContain('cudaFree(rstd.value);');
    expect(ported.output).not.toContain('const mean =');
    expect(ported.output).toContain('const rowsDesc = ref<');
  });

  it('stay, with the reason on their setters, when released together in a loop', () => {
    const looped = input.replace(
      "  check(mudnnDestroyTensorDescriptor(rowsDesc.value), 'destroy rows');\n  check(mudnnDestroyTensorDescriptor(featureDesc.value), 'destroy features');\n  check(mudnnDestroyTensorDescriptor(statDesc.value), 'destroy statistics');",
      "  for (const d of [rowsDesc, featureDesc, statDesc]) check(mudnnDestroyTensorDescriptor(d.value), 'destroy descriptor');",
    );
    expect(looped).not.toEqual(input);
    const ported = portSource(looped, { to: 'cuda', from: 'musa', fileName: 'model.ts' });
    const reasons = ported.diagnostics.filter((d) => d.id === 'OB1019').map((d) => d.message);
    // Their 1-D and 2-D setters have no cuDNN form: said, not written as a call cuDNN refuses.
    expect(reasons).toHaveLength(3);
    for (const r of reasons) expect(r).toMatch(/cudnnSetTensorNdDescriptor takes 4 to 8 dims/);
    expect(ported.output).not.toContain('cudnnSetTensorNdDescriptor(');
    // The scratch buffers, used by nothing else, still go.
    expect(ported.output).not.toContain('const mean =');
    expect(ported.output).not.toContain('const rstd =');
  });
});

describe('a muDNN program ported to CUDA', () => {
  it('runs and matches the MUSA program (test/fixtures/port/mudnn-to-cuda)', async () => {
    const input = fixture('mudnn-to-cuda');
    const ported = portSource(input, { to: 'cuda' });
    expect(ported.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(ported.output).not.toMatch(MUDNN_CALL);
    expect(ported.output).toContain('cudnnOpTensor('); // the out-of-place add
    expect(ported.output).toContain('cudnnSetTensorNdDescriptor('); // the channels-last view
    const report = await verifies(input, ported.output);
    expect(report.verdict, JSON.stringify(report.firstDivergence)).toMatch(/^(pass|warn)$/);
  }, TIMEOUT);

  it('calls chained on one status run and match (test/fixtures/port/mudnn-status-chain)', async () => {
    const input = fixture('mudnn-status-chain');
    const ported = portSource(input, { to: 'cuda' });
    expect(ported.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(ported.output).not.toMatch(MUDNN_CALL);
    expect(ported.output.split('\n').filter((l) => !l.startsWith('//') && l.includes('MUDNN_'))).toEqual([]); // the chain compares CUDA's success
    // The statements that start or set the chain stay, their op-descriptor call written as the success.
    expect(ported.output).toContain('let status = CUDNN_STATUS_SUCCESS as cudnnStatus_t;');
    expect(ported.output).toContain('let s: cudnnStatus_t = CUDNN_STATUS_SUCCESS;');
    for (const call of ['cudnnAddTensor(', 'CUDNN_ACTIVATION_RELU', 'CUDNN_ACTIVATION_SIGMOID']) expect(ported.output).toContain(call);
    const report = await verifies(input, ported.output);
    expect(report.verdict, JSON.stringify(report.firstDivergence)).toMatch(/^(pass|warn)$/);
  }, TIMEOUT);

  it('norms sharing their statistics buffers and descriptors run and match (test/fixtures/port/mudnn-shared-statistics)', async () => {
    const input = fixture('mudnn-shared-statistics');
    const ported = portSource(input, { to: 'cuda' });
    expect(ported.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(ported.output).not.toMatch(MUDNN_CALL);
    // Nothing uses the statistics or the descriptors once the norms are graphs: none is allocated or described.
    for (const gone of ['const mean =', 'const rstd =', 'rowsDesc', 'statDesc', 'cudnnSetTensorNdDescriptor(']) expect(ported.output).not.toContain(gone);
    expect(ported.output.match(/\.layernorm\(/g)).toHaveLength(2);
    expect(ported.output).toContain('.rmsnorm(');
    const report = await verifies(input, ported.output);
    expect(report.verdict, JSON.stringify(report.firstDivergence)).toMatch(/^(pass|warn)$/);
  }, TIMEOUT);

  it('a broadcast SUB and a DIV run and match (test/fixtures/port/mudnn-sub-div)', async () => {
    const input = fixture('mudnn-sub-div');
    const ported = portSource(input, { to: 'cuda' });
    expect(ported.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(ported.output).not.toMatch(MUDNN_CALL);
    for (const mode of ['PointwiseMode_t.SUB', 'PointwiseMode_t.DIV']) expect(ported.output).toContain(mode);
    const report = await verifies(input, ported.output);
    expect(report.verdict, JSON.stringify(report.firstDivergence)).toMatch(/^(pass|warn)$/);
  }, TIMEOUT);
});

describe('the convolution algorithm', () => {
  const PROGRAM = (algo: string) => `import {
  mudnnConvolutionForward, type DevicePtr, type mudnnConvolutionDescriptor_t, type mudnnConvolutionFwdAlgo_t, type mudnnFilterDescriptor_t,
  type mudnnHandle_t, type mudnnTensorDescriptor_t,
} from 'opbridge/musa';
export function run(h: mudnnHandle_t, x: mudnnTensorDescriptor_t, w: mudnnFilterDescriptor_t, c: mudnnConvolutionDescriptor_t, y: mudnnTensorDescriptor_t, dx: DevicePtr, dw: DevicePtr, dy: DevicePtr, given: mudnnConvolutionFwdAlgo_t) {
  const picked = [given];
  return mudnnConvolutionForward(h, 1, x, dx, w, dw, c, ${algo}, null, 0, 0, y, dy);
}
`;
  it('keeps OB1007 when it is not shown to come from the ported query', () => {
    for (const algo of ['given', 'picked[0]']) {
      const result = portSource(PROGRAM(algo), { to: 'cuda', fileName: 'model.ts' });
      expect(result.output).toContain(`cudnnConvolutionForward(h, 1, x, dx, w, dw, c, ${algo},`);
      expect(result.diagnostics.map((d) => d.id)).toContain('OB1007');
    }
  });
});

describe('muDNN runs that stay, with the reason', () => {
  const PROGRAM = (body: string) => `import {
  MUDNN_DATA_FLOAT, MUDNN_PARAM_DATA_NONE, MUDNN_STATUS_SUCCESS, MUDNN_TENSOR_NCHW, MUDNN_UNARY_RELU, MUDNN_UNARY_ELU, MUDNN_UNARY_GELU, mudnnCreateUnaryDescriptor,
  mudnnDestroyUnaryDescriptor, mudnnSetTensorNdDescriptorWithScale, mudnnSetUnaryDescriptor, mudnnUnary, ref, type DevicePtr,
  type mudnnHandle_t, type mudnnTensorDescriptor_t, type mudnnUnaryDescriptor_t,
} from 'opbridge/musa';
export function run(h: mudnnHandle_t, d: mudnnTensorDescriptor_t, x: DevicePtr, y: DevicePtr, log: (v: unknown) => void) {
  mudnnSetTensorNdDescriptorWithScale(d, MUDNN_TENSOR_NCHW, MUDNN_DATA_FLOAT, 4, [2, 3, 4, 5], [60, 20, 5, 1], 1);
  const u = ref<mudnnUnaryDescriptor_t>();
  mudnnCreateUnaryDescriptor(u);
${body}
  mudnnDestroyUnaryDescriptor(u.value);
}
`;
  const declined = (body: string) => {
    const result = portSource(PROGRAM(body), { to: 'cuda', fileName: 'model.ts' });
    return { output: result.output, reasons: result.diagnostics.filter((d) => d.id === 'OB1019').map((d) => d.message).join('\n') };
  };

  it('a chain link that is not guarded by the success status', () => {
    const { output, reasons } = declined(
      '  let s = MUDNN_STATUS_SUCCESS;\n  if (s !== MUDNN_STATUS_SUCCESS) s = mudnnSetUnaryDescriptor(u.value, MUDNN_UNARY_RELU, MUDNN_PARAM_DATA_NONE, null, MUDNN_PARAM_DATA_NONE, null);\n  mudnnUnary(h, u.value, d, y, d, x);',
    );
    expect(reasons).toMatch(/`u` is also used in `if \(s !== MUDNN_STATUS_SUCCESS\) s = mudnnSetUnaryDescriptor/);
    expect(output).toContain('mudnnUnary(h, u.value, d, y, d, x)');
  });

  it('a unary descriptor also used by code that stays', () => {
    const { output, reasons } = declined(
      '  mudnnSetUnaryDescriptor(u.value, MUDNN_UNARY_RELU, MUDNN_PARAM_DATA_NONE, null, MUDNN_PARAM_DATA_NONE, null);\n  log(u.value);\n  mudnnUnary(h, u.value, d, y, d, x);',
    );
    expect(reasons).toMatch(/`u` is also used in `log\(u\.value\);`/);
    expect(output).toContain('mudnnUnary(h, u.value, d, y, d, x)');
  });

  it('a softmax workspace released together with other buffers', () => {
    const program = `import {
  MUDNN_DATA_FLOAT, MUDNN_SOFTMAX_ACCURATE, MUDNN_SOFTMAX_MODE_SOFTMAX, MUDNN_TENSOR_NCHW, mudnnCreateSoftmaxDescriptor, mudnnDestroySoftmaxDescriptor,
  mudnnGetSoftmaxForwardWorkspaceSize, mudnnSetSoftmaxDescriptor, mudnnSetTensorNdDescriptorWithScale, mudnnSoftmaxForwardEx, musaFree, musaMalloc, ref,
  type DevicePtr, type mudnnHandle_t, type mudnnSoftmaxDescriptor_t, type mudnnTensorDescriptor_t,
} from 'opbridge/musa';
export function run(h: mudnnHandle_t, d: mudnnTensorDescriptor_t, x: DevicePtr, y: DevicePtr, other: { value: DevicePtr }) {
  mudnnSetTensorNdDescriptorWithScale(d, MUDNN_TENSOR_NCHW, MUDNN_DATA_FLOAT, 4, [2, 3, 4, 5], [60, 20, 5, 1], 1);
  const s = ref<mudnnSoftmaxDescriptor_t>();
  mudnnCreateSoftmaxDescriptor(s);
  mudnnSetSoftmaxDescriptor(s.value, 1, MUDNN_SOFTMAX_ACCURATE, MUDNN_SOFTMAX_MODE_SOFTMAX);
  const size = ref(0);
  mudnnGetSoftmaxForwardWorkspaceSize(h, s.value, d, d, size);
  const ws = ref<DevicePtr>();
  musaMalloc(ws, size.value + 16);
  mudnnSoftmaxForwardEx(h, s.value, d, x, ws.value, size.value, d, y);
  for (const p of [ws, other]) musaFree(p.value);
  mudnnDestroySoftmaxDescriptor(s.value);
}
`;
    const result = portSource(program, { to: 'cuda', fileName: 'model.ts' });
    expect(result.diagnostics.filter((d) => d.id === 'OB1019').map((d) => d.message).join('\n')).toMatch(/the workspace `ws` is also used in `for \(const p of \[ws, other\]\)/);
    expect(result.output).toContain('for (const p of [ws, other])');
  });

  it('a unary mode no CUDA lowerer writes (EXP): its unary descriptor stays muDNN with the run (not an unrelated CUDA entry)', () => {
    const { output, reasons } = declined('  mudnnSetUnaryDescriptor(u.value, MUDNN_UNARY_EXP, MUDNN_PARAM_DATA_NONE, null, MUDNN_PARAM_DATA_NONE, null);\n  mudnnUnary(h, u.value, d, y, d, x);');
    expect(reasons).toMatch(/`mudnnCreateUnaryDescriptor` cannot be ported to cuda: cuDNN has no counterpart/);
    for (const call of ['mudnnCreateUnaryDescriptor(u)', 'mudnnSetUnaryDescriptor(u.value, MUDNN_UNARY_EXP', 'mudnnUnary(h, u.value', 'mudnnDestroyUnaryDescriptor(u.value)']) expect(output).toContain(call);
    expect(output).toContain('ref<mudnnUnaryDescriptor_t>()');
  });

  it('a GELU comes back as a one-node cudnn-frontend graph, its unary descriptor gone', () => {
    const { output } = declined('  mudnnSetUnaryDescriptor(u.value, MUDNN_UNARY_GELU, MUDNN_PARAM_DATA_NONE, null, MUDNN_PARAM_DATA_NONE, null);\n  mudnnUnary(h, u.value, d, y, d, x);');
    expect(output).toContain('GELU_FWD');
    expect(output).not.toContain('mudnnUnary(');
    expect(output).not.toContain('mudnnCreateUnaryDescriptor(');
  });

  it('a unary mode whose parameter semantics are undocumented (ELU)', () => {
    const { output, reasons } = declined('  mudnnSetUnaryDescriptor(u.value, MUDNN_UNARY_ELU, MUDNN_PARAM_DATA_NONE, null, MUDNN_PARAM_DATA_NONE, null);\n  mudnnUnary(h, u.value, d, y, d, x);');
    expect(reasons).toMatch(/MUDNN_UNARY_ELU takes its parameter from the descriptor/);
    expect(output).not.toContain('cudnnActivationForward(');
  });
});
