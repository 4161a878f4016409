/**
 * CUDA → Cambricon on the cuDNN shapes CUDA written by the X → CUDA lowerings has
 * (test/fixtures/port/cudnn-nd-views): Nd descriptors whose packed strides are grouped
 * (`C * (H * W)`) over sizes known at run time, a pooling output size with Math.floor, the
 * convolution workspace allocated under its size test, and an element-wise op over a strided view
 * that covers its buffer exactly. The port must leave nothing behind and compute what the CUDA
 * program computes on the reference runtime (verify: golden and profiled runs of both, compared
 * call by call and output by output; pass, or warn where only documented numerics differ).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generated, type Expr } from '../../../src/port/ir/expr.js';
import { portSource } from '../../../src/port/port-source.js';
import { packedPermutation } from '../../../src/port/structural/cnnl/dense-view.js';
import { isProductOf } from '../../../src/port/structural/dnn/stride-products.js';
import { verify } from '../../../src/verify/verify.js';
import { tempDir } from '../../helpers/temp-dir.js';

const input = readFileSync(new URL('../../fixtures/port/cudnn-nd-views/input.ts', import.meta.url), 'utf8').replace(/^\/\/ @ts-nocheck.*\n/, '');
const TIMEOUT = 400_000; // the runs take seconds alone; a loaded 2-core machine stretches them

const e = (text: string, value?: number): Expr => generated(text, value === undefined ? undefined : { kind: 'number', value });

describe('strides as products of dims', () => {
  it('reads products however they are grouped, and nothing that is not a product', () => {
    const [c, h, w] = [e('outC.value'), e('outH.value'), e('outW.value')];
    expect(isProductOf(e('outC.value * (outH.value * outW.value)'), [c, h, w])).toBe(true);
    expect(isProductOf(e('(outW.value * outC.value) * outH.value'), [c, h, w])).toBe(true);
    expect(isProductOf(e('outH.value * outW.value'), [c, h, w])).toBe(false);
    // `+` at the top level is one factor: (h + 1) * w is not h + (1 * w).
    expect(isProductOf(e('outH.value + 1 * outW.value'), [e('outH.value + 1'), w])).toBe(false);
    expect(isProductOf(e('(outH.value + 1) * outW.value'), [e('outH.value + 1'), w])).toBe(true);
    expect(isProductOf(e('2 * 8 * outW.value'), [e('16', 16), w])).toBe(true);
    expect(isProductOf(e('256', 256), [e('C', 4), e('H', 8), e('W', 8)])).toBe(true);
  });
});

describe('a strided view over a packed buffer', () => {
  const [m, n] = [e('M'), e('N')];
  it('is that buffer with its dims reordered when it covers it exactly', () => {
    expect(packedPermutation({ dims: [m, n, e('1', 1)], strides: [e('1', 1), e('M'), e('1', 1)] })?.map((d) => d.text)).toEqual(['N', 'M']);
  });
  it('has none when it leaves gaps or overlaps', () => {
    expect(packedPermutation({ dims: [m, n], strides: [e('1', 1), e('2 * M')] })).toBeUndefined();
    expect(packedPermutation({ dims: [m, n], strides: [e('1', 1), e('1', 1)] })).toBeUndefined();
  });
});

describe('cudnn-nd-views → cambricon', () => {
  it('ports every call and verifies against the CUDA program', async () => {
    const ported = portSource(input, { to: 'cambricon' });
    expect(ported.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(ported.output).not.toMatch(/\bcudnn[A-Z]\w*\(|\bcuda[A-Z]\w*\(/);
    for (const call of ['cnnlConvolutionForward(', 'cnnlBatchNormForwardInference(', 'cnnlActivationForward(', 'cnnlPoolingForward(']) expect(ported.output).toContain(call);
    // The column-major ReLU runs on the packed [N·C, H·W] view of the same buffer.
    expect(ported.output).toContain('CNNL_LAYOUT_ARRAY, CNNL_DTYPE_FLOAT, 2, [outN.value * outC.value, outH.value * outW.value]');
    const dir = tempDir({ 'original.ts': input, 'ported.ts': ported.output, 'package.json': '{ "type": "module" }' });
    const report = await verify(join(dir, 'original.ts'), join(dir, 'ported.ts'), { timeoutMs: 300_000 });
    expect(report.verdict, JSON.stringify(report.firstDivergence)).toMatch(/^(pass|warn)$/);
  }, TIMEOUT);

  it('keeps an element-wise op over a strided view that does not cover its buffer, and says why', () => {
    const gapped = input.replace('[1, outH.value * outW.value, 1, 1]), \'relu\'', '[1, 2 * (outH.value * outW.value), 1, 1]), \'relu\'');
    expect(gapped).not.toBe(input);
    const ported = portSource(gapped, { to: 'cambricon' });
    const reasons = ported.diagnostics.filter((d) => d.id === 'OB1019' && d.message.startsWith('`cudnnActivationForward` cannot')).map((d) => d.message);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain('is strided');
    expect(ported.output).toContain('cudnnActivationForward(');
  });
});
