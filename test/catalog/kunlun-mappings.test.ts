/**
 * Facts about the Kunlunxin catalog that a porter depends on: copy-direction numbering, BKCL's
 * argument order, XDNN's template parameters, and the int16 GEMM default. The Kunlun files are
 * loaded on their own (no operators, no other backends) so these checks do not depend on files
 * other helpers are writing.
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
  emptyRoot = mkdtempSync(join(tmpdir(), 'opbridge-kunlun-'));
  const root = packageRoot();
  catalog = loadCatalog({ root: emptyRoot, extra: [join(root, 'mappings/kunlun'), join(root, 'profiles/kunlun.yaml')] });
});

afterAll(() => rmSync(emptyRoot, { recursive: true, force: true }));

function entry(symbol: string): EntryRecord {
  const e = catalog.entry('kunlun', symbol);
  if (!e) throw new Error(`no kunlun entry ${symbol}`);
  return e;
}

/** Index of the first parameter with `role`; fails the test when there is none. */
function indexOfRole(symbol: string, role: string): number {
  const i = entry(symbol).spec.params.findIndex((p) => p.role === role);
  expect(i, `${symbol} has a parameter with role ${role}`).toBeGreaterThanOrEqual(0);
  return i;
}

function member(enumName: string, name: string): { value: number | null; meaning?: string } {
  const e = catalog.backend('kunlun').enums.get(enumName);
  const m = e?.spec.members.find((x) => x.name === name);
  if (!m) throw new Error(`no member ${enumName}.${name}`);
  return m;
}

describe('Kunlun XPU runtime', () => {
  it('numbers copy directions D2H = 0, H2D = 1, D2D = 2, unlike CUDA', () => {
    expect(member('XPUMemcpyKind', 'XPU_DEVICE_TO_HOST')).toMatchObject({ value: 0, meaning: 'copy.device-to-host' });
    expect(member('XPUMemcpyKind', 'XPU_HOST_TO_DEVICE')).toMatchObject({ value: 1, meaning: 'copy.host-to-device' });
    expect(member('XPUMemcpyKind', 'XPU_DEVICE_TO_DEVICE')).toMatchObject({ value: 2, meaning: 'copy.device-to-device' });
    expect(catalog.backend('kunlun').enums.get('XPUMemcpyKind')?.spec.confidence).toBe('confirmed');
  });

  it('keeps cudaMemcpy argument order, and says host-to-host is missing', () => {
    expect(entry('xpu_memcpy').spec.params.map((p) => p.role)).toEqual(['dst', 'src', 'bytes', 'copy-kind']);
    expect(entry('xpu_memcpy').spec.status).toBe('partial');
    expect(entry('xpu_memcpy').spec.unsupported?.join(' ')).toContain('copy.host-to-host');
  });

  it('puts the stream last in xpu_memcpy_async, known only from usage', () => {
    const async = entry('xpu_memcpy_async');
    expect(async.spec.params.map((p) => p.role)).toEqual(['dst', 'src', 'bytes', 'copy-kind', 'stream']);
    expect(async.spec.confidence).toBe('inferred');
    expect(async.spec.cuda).toEqual(['cudaMemcpyAsync']);
  });

  it('records the missing event timing and memset as gaps, not as invented calls', () => {
    const gaps = catalog.backend('kunlun').gaps;
    expect(gaps.get('cudaEventElapsedTime')?.spec.status).toBe('unknown');
    expect(gaps.get('cudaMemset')?.spec.status).toBe('composite');
    expect(gaps.get('cudaMemset')?.spec.use).toContain('xpu::constant');
    expect(catalog.backend('kunlun').entries.has('xpu_memset')).toBe(false);
  });
});

describe('Kunlun BKCL', () => {
  const collectives = ['bkcl_all_reduce', 'bkcl_broadcast', 'bkcl_reduce', 'bkcl_all_gather', 'bkcl_reduce_scatter', 'bkcl_send', 'bkcl_recv'];

  it.each(collectives)('%s takes the communicator first and the stream last', (symbol) => {
    const roles = entry(symbol).spec.params.map((p) => p.role);
    expect(roles[0]).toBe('comm');
    expect(roles.at(-1)).toBe('stream');
  });

  it('puts all_gather recvbuf after the count (NCCL has it before)', () => {
    expect(indexOfRole('bkcl_all_gather', 'output:Y')).toBeGreaterThan(indexOfRole('bkcl_all_gather', 'count'));
  });

  it.each(['bkcl_send', 'bkcl_recv'])('%s puts the peer before the data type', (symbol) => {
    expect(indexOfRole(symbol, 'peer')).toBeLessThan(indexOfRole(symbol, 'dtype'));
  });

  it('swaps rank and nranks in bkcl_init_rank relative to ncclCommInitRank', () => {
    expect(entry('bkcl_init_rank').spec.params.map((p) => p.role)).toEqual(['out-comm', 'rank', 'nranks', 'unique-id']);
  });

  it('does not claim enum values nobody has published', () => {
    for (const name of ['BKCLDataType', 'BKCLOp', 'BKCLResult_t']) {
      const e = catalog.backend('kunlun').enums.get(name);
      expect(e?.spec.members.every((m) => m.value === null)).toBe(true);
      expect(e?.spec.confidence).not.toBe('confirmed');
    }
    expect(member('BKCLOp', 'BKCL_ADD').meaning).toBe('reduce.sum');
  });
});

describe('Kunlun XDNN', () => {
  it.each([
    ['xpu::fc_fusion', ['TX', 'TW', 'TY', 'TGEMM']],
    ['xpu::fc_batched', ['TX', 'TW', 'TY', 'TGEMM']],
    ['xpu::conv2d', ['TX', 'TW', 'TY', 'TGEMM']],
    ['baidu::xpu::xfa::mha_varlen_fwd', ['T', 'TACCUM', 'TGEMM', 'TID']],
  ])('%s declares its template parameters in order', (symbol, names) => {
    expect(entry(symbol).spec.template?.map((t) => t.name)).toEqual(names);
  });

  it('marks fc_fusion max pointers as quantisation scales of A, B and Y', () => {
    const roles = entry('xpu::fc_fusion').spec.params.map((p) => p.role);
    expect(roles).toEqual(expect.arrayContaining(['scale:A', 'scale:B', 'scale:Y']));
    expect(entry('xpu::fc_fusion').spec.binds).toMatchObject({ operator: 'Gemm', layout: 'row-major' });
  });

  it('selects NCHW or NHWC convolution with is_nchw', () => {
    const isNchw = entry('xpu::conv2d').spec.params.find((p) => p.name === 'is_nchw');
    expect(isNchw).toMatchObject({ type: 'bool', role: 'attr:data_format', default: 'true' });
  });

  it('defaults fp32 GEMM and convolution to int16 abs-max quantisation', () => {
    expect(catalog.backend('kunlun').defaultProfile).toBe('kunlun.default');
    const p = catalog.profile('kunlun.default');
    expect(p.matmul.format).toBe('int16');
    expect(p.conv.format).toBe('int16');
    expect(catalog.profile('kunlun.attention-tf32').matmul.format).toBe('tf32');
    expect(entry('xpu::fc_fusion').spec.profile).toBe('kunlun.default');
  });

  it('switches the GEMM format through the TGEMM template argument', () => {
    const knob = catalog.knobsFor('kunlun', 'xpu::fc_fusion').find((k) => k.spec.param === 'TGEMM');
    const formats = Object.fromEntries(knob?.spec.values.map((v) => [v.value, v.set.matmul?.format]) ?? []);
    expect(formats).toMatchObject({ int16_t: 'int16', int32_t: 'int31', tfloat32: 'tf32', float16: 'fp16' });
    expect(catalog.knobsFor('kunlun', 'xpu::conv2d')[0]?.spec.values.find((v) => v.value === 'int16_t')?.set.conv?.format).toBe('int16');
  });
});
