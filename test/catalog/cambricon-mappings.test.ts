/**
 * Facts about the Cambricon catalog that a porter depends on: the queue-before-direction order
 * of cnrtMemcpyAsync, copy-direction numbering, notifier timing units, NHWC convolution, CNCL's
 * NCCL-like order and the TF32 profiles. The Cambricon files are loaded on their own so these
 * checks do not depend on files other helpers are writing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, EntryRecord } from '../../src/catalog/catalog.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { packageRoot } from '../../src/catalog/package-root.js';

let emptyRoot: string;
let catalog: Catalog;

beforeAll(() => {
  emptyRoot = mkdtempSync(join(tmpdir(), 'opbridge-cambricon-'));
  const root = packageRoot();
  catalog = loadCatalog({ root: emptyRoot, extra: [join(root, 'mappings/cambricon'), join(root, 'profiles/cambricon.yaml')] });
});

afterAll(() => rmSync(emptyRoot, { recursive: true, force: true }));

function entry(symbol: string): EntryRecord {
  const e = catalog.entry('cambricon', symbol);
  if (!e) throw new Error(`no cambricon entry ${symbol}`);
  return e;
}

function roles(symbol: string): (string | undefined)[] {
  return entry(symbol).spec.params.map((p) => p.role);
}

function member(enumName: string, name: string): { value: number | null; meaning?: string } {
  const m = catalog.backend('cambricon').enums.get(enumName)?.spec.members.find((x) => x.name === name);
  if (!m) throw new Error(`no member ${enumName}.${name}`);
  return m;
}

describe('Cambricon CNRT', () => {
  it.each(['cnrtMemcpyAsync', 'cnrtMemcpyAsync_V3'])('%s takes the queue before the direction', (symbol) => {
    expect(roles(symbol)).toEqual(['dst', 'src', 'bytes', 'stream', 'copy-kind']);
    expect(entry(symbol).spec.params[3]?.type).toBe('cnrtQueue_t');
  });

  it('numbers copy directions from host-to-device = 0, unlike CUDA', () => {
    expect(member('cnrtMemTransDir_t', 'cnrtMemcpyHostToDev')).toMatchObject({ value: 0, meaning: 'copy.host-to-device' });
    expect(member('cnrtMemTransDir_t', 'cnrtMemcpyDevToDev')).toMatchObject({ value: 1, meaning: 'copy.device-to-device' });
    expect(member('cnrtMemTransDir_t', 'cnrtMemcpyDevToHost')).toMatchObject({ value: 2, meaning: 'copy.device-to-host' });
    expect(member('cnrtMemTransDir_t', 'cnrtMemcpyNoDirection')).toMatchObject({ value: 5, meaning: 'copy.default' });
  });

  it('reports elapsed time in ms from cnrtNotifierElapsedTime with the result pointer last', () => {
    expect(roles('cnrtNotifierElapsedTime')).toEqual(['start-event', 'end-event', 'elapsed-ms']);
    expect(entry('cnrtNotifierElapsedTime').spec.status).toBe('native');
  });

  it('flags cnrtNotifierDuration as microseconds of hardware time', () => {
    const duration = entry('cnrtNotifierDuration');
    expect(duration.spec.params[2]?.name).toBe('us');
    expect(duration.spec.status).toBe('partial');
    expect(duration.spec.unsupported?.join(' ')).toMatch(/microseconds/);
  });

  it('takes the notifier before the queue in cnrtQueueWaitNotifier', () => {
    expect(roles('cnrtQueueWaitNotifier')).toEqual(['event', 'stream', 'flags']);
  });

  it('maps notifier flags by meaning because their values differ from CUDA', () => {
    expect(member('cnrtNotifierFlags_t', 'CNRT_NOTIFIER_DISABLE_TIMING_ALL')).toMatchObject({ value: 4 });
    expect(member('cnrtNotifierFlags_t', 'CNRT_NOTIFIER_INTERPROCESS')).toMatchObject({ value: 8, meaning: 'event.interprocess' });
  });
});

describe('Cambricon CNNL', () => {
  it('binds convolution to NHWC data', () => {
    expect(entry('cnnlConvolutionForward').spec.binds).toMatchObject({ operator: 'Conv', layout: 'NHWC', fixed: { data_format: 'NHWC' } });
    expect(entry('cnnlConvolutionForward').spec.unsupported?.join(' ')).toMatch(/NCHW/);
  });

  it('keeps the confirmed layout and core dtype values of cnnl_core.h', () => {
    expect(member('cnnlTensorLayout_t', 'CNNL_LAYOUT_NHWC').value).toBe(1);
    expect(member('cnnlTensorLayout_t', 'CNNL_LAYOUT_ARRAY')).toMatchObject({ value: 4, meaning: 'layout.nd' });
    expect(member('cnnlDataType_t', 'CNNL_DTYPE_HALF').value).toBe(1);
    expect(member('cnnlDataType_t', 'CNNL_DTYPE_FLOAT').value).toBe(2);
    // Values past INT31 come from mlu-ops' mirror, so the enum as a whole is not confirmed.
    expect(catalog.backend('cambricon').enums.get('cnnlDataType_t')?.spec.confidence).toBe('inferred');
  });

  it('passes the matmul algorithm and workspace like cuBLASLt, with separate C and D', () => {
    const r = roles('cnnlMatMul_v2');
    expect(r.indexOf('input:C')).toBeLessThan(r.indexOf('output:Y'));
    expect(r.indexOf('workspace')).toBeLessThan(r.indexOf('output:Y'));
    expect(entry('cnnlMatMul_v2').spec.binds).toMatchObject({ operator: 'Gemm', layout: 'row-major' });
  });

  it('answers cublasLtMatmul epilogues only with several calls', () => {
    const gap = catalog.backend('cambricon').gaps.get('cublasLtMatmul');
    expect(gap?.spec.status).toBe('composite');
    expect(gap?.spec.use).toEqual(['cnnlMatMul_v2', 'cnnlOpTensor', 'cnnlActivationForward']);
  });
});

describe('Cambricon CNCL', () => {
  it.each(['cnclAllReduce', 'cnclBroadcast', 'cnclReduce', 'cnclAllGather', 'cnclReduceScatter', 'cnclSend', 'cnclRecv'])(
    '%s keeps NCCL order: communicator second to last, queue last',
    (symbol) => {
      const r = roles(symbol);
      expect(r.at(-2)).toBe('comm');
      expect(r.at(-1)).toBe('stream');
    },
  );

  it('uses its own data-type numbering', () => {
    expect(member('cnclDataType_t', 'cnclFloat32')).toMatchObject({ value: 0x12, meaning: 'dtype.float32' });
    expect(member('cnclReduceOp_t', 'cnclSum')).toMatchObject({ value: 0, meaning: 'reduce.sum' });
  });
});

describe('Cambricon numeric profiles', () => {
  it('assumes TF32 matmul and convolution by default, and says that is unconfirmed', () => {
    expect(catalog.backend('cambricon').defaultProfile).toBe('cambricon.default');
    const p = catalog.profile('cambricon.default');
    expect([p.matmul.format, p.conv.format]).toEqual(['tf32', 'tf32']);
    expect(catalog.findProfile('cambricon.default')?.spec.confidence).toBe('unconfirmed');
  });

  it('records torch_mlu defaults: TF32 convolution, float32 matmul', () => {
    const p = catalog.profile('cambricon.torch-mlu');
    expect([p.matmul.format, p.conv.format]).toEqual(['fp32', 'tf32']);
  });

  it('switches TF32 per descriptor', () => {
    const matmul = catalog.knobsFor('cambricon', 'cnnlSetMatMulDescAttr')[0];
    expect(matmul?.spec.scope).toBe('descriptor');
    expect(matmul?.spec.values.find((v) => v.value === 0)?.set.matmul?.format).toBe('fp32');
    const conv = catalog.knobsFor('cambricon', 'cnnlSetConvolutionDescriptorAllowTF32')[0];
    expect(conv?.spec.values.find((v) => v.value === 1)?.set.conv?.format).toBe('tf32');
  });
});
