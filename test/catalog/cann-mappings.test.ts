/**
 * Facts about the Huawei Ascend CANN catalog that a port depends on: the argument orders that
 * differ from CUDA, enum numbers that must be mapped by meaning, the aclnn two-phase pairs, the
 * HCCL gaps, and that every CUDA symbol of this round's contract is answered exactly once.
 */
import { describe, expect, it } from 'vitest';
import type { Catalog, EntryRecord } from '../../src/catalog/catalog.js';
import { checkCatalog } from '../../src/catalog/check-catalog.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';

const catalog: Catalog = loadCatalog();
const cann = catalog.backend('cann');

function entry(symbol: string): EntryRecord {
  const e = cann.entries.get(symbol);
  if (!e) throw new Error(`no cann entry '${symbol}'`);
  return e;
}
const names = (symbol: string) => entry(symbol).spec.params.map((p) => p.name);
const roles = (symbol: string) => entry(symbol).spec.params.map((p) => p.role);
function members(enumName: string): Map<string, { value: number | null; meaning?: string }> {
  const e = cann.enums.get(enumName);
  if (!e) throw new Error(`no cann enum '${enumName}'`);
  return new Map(e.spec.members.map((m) => [m.name, { value: m.value, meaning: m.meaning }]));
}

/** The CUDA surface every backend answers: every entry of the CUDA catalog. */
const CUDA_CONTRACT = [...catalog.backend('cuda').entries.keys()];

describe('ACL runtime signatures that differ from CUDA', () => {
  it('aclrtMemcpy puts the destination capacity between dst and src', () => {
    expect(names('aclrtMemcpy')).toEqual(['dst', 'destMax', 'src', 'count', 'kind']);
    expect(roles('aclrtMemcpy')).toEqual(['dst', 'dst-capacity', 'src', 'bytes', 'copy-kind']);
    expect(names('aclrtMemcpyAsync')).toEqual(['dst', 'destMax', 'src', 'count', 'kind', 'stream']);
    expect(entry('aclrtMemcpy').spec.cuda).toEqual(['cudaMemcpy']);
  });

  it('aclrtMemset puts maxCount before the value', () => {
    expect(names('aclrtMemset')).toEqual(['devPtr', 'maxCount', 'value', 'count']);
    expect(roles('aclrtMemsetAsync')).toEqual(['dst', 'dst-capacity', 'byte-value', 'bytes', 'stream']);
  });

  it('aclrtMalloc takes an allocation policy defaulting to the one the vendor samples use', () => {
    const policy = entry('aclrtMalloc').spec.params[2];
    expect(policy).toMatchObject({ name: 'policy', role: 'alloc-policy', default: 'ACL_MEM_MALLOC_HUGE_FIRST' });
    expect(members('aclrtMemMallocPolicy').get('ACL_MEM_MALLOC_HUGE_FIRST')?.value).toBe(0);
  });

  it('numbers aclrtMemcpyKind like cudaMemcpyKind for the four directions and tags them by meaning', () => {
    const kind = members('aclrtMemcpyKind');
    expect([...kind].slice(0, 5).map(([n, m]) => [n, m.value, m.meaning])).toEqual([
      ['ACL_MEMCPY_HOST_TO_HOST', 0, 'copy.host-to-host'],
      ['ACL_MEMCPY_HOST_TO_DEVICE', 1, 'copy.host-to-device'],
      ['ACL_MEMCPY_DEVICE_TO_HOST', 2, 'copy.device-to-host'],
      ['ACL_MEMCPY_DEVICE_TO_DEVICE', 3, 'copy.device-to-device'],
      ['ACL_MEMCPY_DEFAULT', 4, 'copy.default'],
    ]);
  });

  it('reports event and stream completion through an out-parameter whose numbering differs per enum', () => {
    expect(members('aclrtEventRecordedStatus').get('ACL_EVENT_RECORDED_STATUS_COMPLETE')?.value).toBe(1);
    expect(members('aclrtEventStatus').get('ACL_EVENT_STATUS_COMPLETE')?.value).toBe(0);
    expect(roles('aclrtQueryEventStatus')).toEqual(['event', 'out-value']);
    expect(names('aclrtEventElapsedTime')).toEqual(['ms', 'startEvent', 'endEvent']);
  });
});

describe('aclnn metadata', () => {
  it('aclCreateTensor takes view dims, element strides and offset, format, storage dims, then the data pointer', () => {
    expect(roles('aclCreateTensor')).toEqual(['dims', 'ndims', 'dtype', 'strides', 'offset', 'format', 'storage-dims', 'ndims', 'ptr']);
  });

  it('numbers aclDataType with gaps (ACL_BF16 is 27, ACL_DOUBLE 11), so dtypes map by meaning only', () => {
    const dt = members('aclDataType');
    expect(dt.get('ACL_FLOAT')?.value).toBe(0);
    expect(dt.get('ACL_FLOAT16')?.value).toBe(1);
    expect(dt.get('ACL_DOUBLE')?.value).toBe(11);
    expect(dt.get('ACL_BF16')).toEqual({ value: 27, meaning: 'dtype.bfloat16' });
    const used = new Set([...dt.values()].map((m) => m.value));
    for (const unused of [5, 14, 15, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28, 31, 32]) expect(used.has(unused)).toBe(false);
  });

  it('has ND as plain row-major format 2', () => {
    expect(members('aclFormat').get('ACL_FORMAT_ND')).toEqual({ value: 2, meaning: 'layout.nd' });
  });
});

describe('aclnn two-phase operators', () => {
  const prepares = [...cann.entries.values()].filter((e) => /^aclnn\w+GetWorkspaceSize$/.test(e.spec.symbol));
  const runs = [...cann.entries.values()].filter((e) => /^aclnn\w+$/.test(e.spec.symbol) && !e.spec.symbol.endsWith('GetWorkspaceSize') && !['aclnnInit', 'aclnnFinalize'].includes(e.spec.symbol));

  it('catalogues the operators a port of model code needs', () => {
    for (const op of ['Matmul', 'Mm', 'BatchMatMul', 'Addmm', 'Baddbmm', 'Convolution', 'Softmax', 'LogSoftmax', 'LayerNorm', 'RmsNorm', 'GroupNorm', 'BatchNorm', 'Gelu', 'GeluV2', 'Silu', 'Relu', 'Sigmoid', 'Tanh', 'Add', 'Adds', 'Sub', 'Mul', 'Muls', 'Div', 'Divs', 'Exp', 'Sqrt', 'Rsqrt', 'Cast', 'Permute', 'Cat', 'SplitTensor', 'Slice', 'GatherV2', 'IndexSelect', 'Embedding', 'ReduceSum', 'Mean', 'Amax', 'ArgMax', 'Cumsum', 'Topk', 'MaxPool2dWithMask', 'MaxPool2dWithIndices', 'AvgPool2d', 'AdaptiveAvgPool2d', 'Dropout', 'DropoutGenMask', 'DropoutDoMask', 'InplaceNormal', 'InplaceUniform', 'FlashAttentionScore', 'FusedInferAttentionScoreV2', 'RotaryPositionEmbedding', 'ApplyRotaryPosEmb', 'InplaceCopy']) {
      expect(cann.entries.has(`aclnn${op}GetWorkspaceSize`), op).toBe(true);
    }
    expect(prepares.length).toBeGreaterThanOrEqual(56);
  });

  it('pairs every GetWorkspaceSize with its run and vice versa', () => {
    for (const prep of prepares) expect(cann.entries.has(prep.spec.symbol.replace(/GetWorkspaceSize$/, '')), prep.spec.symbol).toBe(true);
    for (const run of runs) expect(cann.entries.has(`${run.spec.symbol}GetWorkspaceSize`), run.spec.symbol).toBe(true);
    expect(runs.length).toBe(prepares.length);
  });

  it('ends every prepare with (workspaceSize*, executor**) and every run is (workspace, size, executor, stream)', () => {
    for (const prep of prepares) {
      const tail = prep.spec.params.slice(-2).map((p) => [p.type, p.dir, p.role]);
      expect(tail, prep.spec.symbol).toEqual([
        ['uint64_t*', 'out', 'out-workspace-size'],
        ['aclOpExecutor**', 'out', 'out-executor'],
      ]);
      const binds = prep.spec.binds;
      if ('operator' in binds) expect(binds.phase, prep.spec.symbol).toBe('prepare');
    }
    for (const run of runs) {
      expect(run.spec.params.map((p) => p.role), run.spec.symbol).toEqual(['workspace', 'workspace-size', 'executor', 'stream']);
      const binds = run.spec.binds;
      if ('operator' in binds) expect(binds.phase, run.spec.symbol).toBe('execute');
    }
  });

  it('binds aclnnGelu to GELU with the tanh approximation fixed, and lets aclnnGeluV2 choose', () => {
    for (const symbol of ['aclnnGeluGetWorkspaceSize', 'aclnnGelu']) {
      expect(entry(symbol).spec.binds).toMatchObject({ operator: 'Gelu', fixed: { approximate: 'tanh' } });
      expect(entry(symbol).spec.profile).toBe('cann.aclnn-gelu');
    }
    expect(catalog.profile('cann.aclnn-gelu').gelu).toBe('tanh');
    expect(entry('aclnnGeluV2GetWorkspaceSize').spec.binds).not.toHaveProperty('fixed');
    expect(roles('aclnnGeluV2GetWorkspaceSize')).toContain('attr:approximate');
  });

  it('places cubeMathType after out for the matmuls and convolution, before out for AvgPool2d', () => {
    for (const op of ['Matmul', 'Mm', 'BatchMatMul', 'Addmm', 'Baddbmm', 'Convolution']) {
      const params = names(`aclnn${op}GetWorkspaceSize`);
      expect(params.indexOf('cubeMathType'), op).toBe(params.length - 3);
    }
    const avg = names('aclnnAvgPool2dGetWorkspaceSize');
    expect(avg.indexOf('cubeMathType')).toBe(avg.indexOf('out') - 1);
  });

  it('orders beta before alpha for Addmm but alpha before beta for Addmv', () => {
    const addmm = roles('aclnnAddmmGetWorkspaceSize');
    expect(addmm.indexOf('attr:beta')).toBeLessThan(addmm.indexOf('attr:alpha'));
    const addmv = roles('aclnnAddmvGetWorkspaceSize');
    expect(addmv.indexOf('attr:alpha')).toBeLessThan(addmv.indexOf('attr:beta'));
  });
});

describe('numeric profiles and the cubeMathType knob', () => {
  it('defaults to true FP32 matmul and HF32 convolution on Atlas A2/A3', () => {
    const p = catalog.defaultProfile('cann');
    expect(p.id).toBe('cann.default');
    expect(p.matmul.format).toBe('fp32');
    expect(p.conv.format).toBe('hf32');
  });

  it('switches every Cube matmul between FP32, HF32 and FP16 per call', () => {
    for (const op of ['Matmul', 'Mm', 'BatchMatMul', 'Addmm', 'Baddbmm']) {
      const [knob] = catalog.knobsFor('cann', `aclnn${op}GetWorkspaceSize`);
      expect(knob?.spec.scope, op).toBe('call');
      const formats = Object.fromEntries(knob!.spec.values.map((v) => [v.value, v.set.matmul?.format]));
      expect(formats, op).toEqual({ 0: 'fp32', 1: 'hf32', 2: 'fp16', 3: 'hf32', 4: 'fp32' });
    }
    const hf32 = catalog.knobsFor('cann', 'aclnnMatmulGetWorkspaceSize')[0]!.spec.values.find((v) => v.value === 3);
    expect(hf32?.set.matmul?.rounding).toBe('nearest-away');
    const conv = catalog.knobsFor('cann', 'aclnnConvolutionGetWorkspaceSize')[0]!.spec.values.map((v) => v.set.conv?.format);
    expect(conv).toEqual(['fp32', 'hf32', 'fp16', 'hf32']);
  });

  it('models the llama.cpp backend as FP16 matmuls with tanh GELU', () => {
    const p = catalog.profile('cann.llama-cpp');
    expect([p.matmul.format, p.gelu]).toEqual(['fp16', 'tanh']);
  });
});

describe('HCCL', () => {
  it('has no AVG reduction: all-reduce is partial and names the SUM-then-divide answer', () => {
    const ops = members('HcclReduceOp');
    expect(['HCCL_REDUCE_SUM', 'HCCL_REDUCE_PROD', 'HCCL_REDUCE_MAX', 'HCCL_REDUCE_MIN'].map((n) => ops.get(n)?.value)).toEqual([0, 1, 2, 3]);
    expect([...ops.values()].some((m) => m.meaning === 'reduce.avg')).toBe(false);
    const allReduce = entry('HcclAllReduce').spec;
    expect(allReduce.status).toBe('partial');
    expect(allReduce.unsupported?.join(' ')).toMatch(/avg/);
    expect(allReduce.companions).toContain('aclnnDivs');
  });

  it('numbers HcclDataType independently of aclDataType', () => {
    const h = members('HcclDataType');
    expect(['HCCL_DATA_TYPE_INT8', 'HCCL_DATA_TYPE_FP16', 'HCCL_DATA_TYPE_FP32', 'HCCL_DATA_TYPE_BFP16'].map((n) => h.get(n)?.value)).toEqual([0, 3, 4, 11]);
    const byMeaning = (e: Map<string, { value: number | null; meaning?: string }>, meaning: string) => [...e.values()].find((m) => m.meaning === meaning)?.value;
    expect(byMeaning(h, 'dtype.float16')).toBe(3);
    expect(byMeaning(members('aclDataType'), 'dtype.float16')).toBe(1);
  });

  it('moves the communicator last and takes the root info by pointer in HcclCommInitRootInfo', () => {
    expect(names('HcclCommInitRootInfo')).toEqual(['nRanks', 'rootInfo', 'rank', 'comm']);
    expect(roles('HcclCommInitRootInfo')).toEqual(['nranks', 'unique-id', 'rank', 'out-comm']);
    expect(entry('HcclCommInitRootInfo').spec.cuda).toEqual(['ncclCommInitRank']);
    expect(names('HcclCommInitAll')).toEqual(['ndev', 'devices', 'comms']);
  });
});

describe('coverage of the CUDA contract', () => {
  const fromEntries = new Map<string, string[]>();
  for (const e of cann.entries.values()) for (const c of e.spec.cuda ?? []) fromEntries.set(c, [...(fromEntries.get(c) ?? []), e.spec.symbol]);

  it('answers every CUDA symbol of the round with an entry or a gap, never both', () => {
    const missing = CUDA_CONTRACT.filter((s) => !fromEntries.has(s) && !cann.gaps.has(s));
    expect(missing).toEqual([]);
    const both = CUDA_CONTRACT.filter((s) => fromEntries.has(s) && cann.gaps.has(s));
    expect(both).toEqual([]);
  });

  it('refers only to CUDA symbols of the contract', () => {
    const contract = new Set(CUDA_CONTRACT);
    expect([...fromEntries.keys(), ...cann.gaps.keys()].filter((s) => !contract.has(s))).toEqual([]);
  });

  it('gives honest answers where CANN has no equivalent', () => {
    expect(cann.gaps.get('cudaGetErrorName')?.spec.status).toBe('unsupported');
    expect(cann.gaps.get('cublasDgemm')?.spec.status).toBe('unsupported');
    expect(cann.gaps.get('cublasSetMathMode')?.spec).toMatchObject({ status: 'partial', use: expect.arrayContaining(['aclnnMatmulGetWorkspaceSize']) });
    expect(entry('aclblasGemmEx').spec.status).toBe('partial');
  });

  it('raises no catalog issue in the CANN files', () => {
    const ours = checkCatalog(catalog).filter((i) => /(mappings\/cann\/|profiles\/cann\.yaml)/.test(i.file));
    expect(ours).toEqual([]);
  });
});
