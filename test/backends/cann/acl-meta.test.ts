/** aclTensor and the other aclnn metadata objects: creation checks, getters, destruction, leaks. */
import { describe, expect, it } from 'vitest';
import * as cann from '../../../src/backends/cann/index.js';
import { ref } from '../../../src/backends/sim/ref.js';
import type { DevicePtr } from '../../../src/backends/sim/device-memory.js';
import { finalChecks } from '../../../src/run/final-checks.js';
import { withCann } from './harness.js';

function alloc(bytes: number): DevicePtr {
  const p = ref<DevicePtr>();
  cann.aclrtMalloc(p, bytes, cann.ACL_MEM_MALLOC_HUGE_FIRST);
  return p.value;
}

describe('aclCreateTensor', () => {
  it('creates strided views in elements (the non_contiguous_tensor.md example) and hands the attributes back', () =>
    withCann(() => {
      const data = alloc(60 * 4);
      // shape (6, 5), strides (10, 1), offset 22 over storage [60]: the last element is 22 + 50 + 4 = 76 > 59.
      expect(cann.aclCreateTensor([6, 5], 2, cann.ACL_FLOAT, [10, 1], 22, cann.ACL_FORMAT_ND, [60], 1, data)).toBeNull();
      expect(cann.aclGetRecentErrMsg()).toMatch(/reaches element 76, but the storage \[60\] holds 60 elements/);
      const t = cann.aclCreateTensor([3, 5], 2, cann.ACL_FLOAT, [10, 1], 22, cann.ACL_FORMAT_ND, [60], 1, data)!;
      expect(t).not.toBeNull();
      const dims = ref<number[]>();
      const n = ref<number>();
      const strides = ref<number[]>();
      const offset = ref<number>();
      const format = ref<cann.aclFormat>();
      const dataType = ref<cann.aclDataType>();
      const storage = ref<number[]>();
      expect(cann.aclGetViewShape(t, dims, n)).toBe(0);
      cann.aclGetViewStrides(t, strides, n);
      cann.aclGetViewOffset(t, offset);
      cann.aclGetFormat(t, format);
      cann.aclGetDataType(t, dataType);
      cann.aclGetStorageShape(t, storage, n);
      expect([dims.value, strides.value, offset.value, format.value, dataType.value, storage.value]).toEqual([[3, 5], [10, 1], 22, cann.ACL_FORMAT_ND, cann.ACL_FLOAT, [60]]);
      expect(cann.aclGetViewShape(t, dims, null as never)).toBe(cann.ACLNN_ERR_PARAM_NULLPTR);
      expect(cann.aclDestroyTensor(t)).toBe(0);
      expect(cann.aclGetViewOffset(t, offset)).toBe(cann.ACLNN_ERR_PARAM_INVALID);
    }));

  it('rejects views beyond the device allocation, host memory, misaligned data and negative strides', () =>
    withCann((s) => {
      const data = alloc(16);
      expect(cann.aclCreateTensor([8], 1, cann.ACL_FLOAT, [1], 0, cann.ACL_FORMAT_ND, [8], 1, data)).toBeNull();
      expect(s.ids()).toContain('OB2001');
      expect(cann.aclCreateTensor([4], 1, cann.ACL_FLOAT, [1], 0, cann.ACL_FORMAT_ND, [4], 1, new Float32Array(4) as never)).toBeNull();
      expect(s.ids()).toContain('OB2004');
      expect(cann.aclCreateTensor([2], 1, cann.ACL_FLOAT, [1], 0, cann.ACL_FORMAT_ND, [2], 1, data.plus(4))).toBeNull();
      expect(s.ids()).toContain('OB2010');
      expect(cann.aclCreateTensor([2], 1, cann.ACL_FLOAT, [-1], 0, cann.ACL_FORMAT_ND, [4], 1, data)).toBeNull();
      expect(cann.aclCreateTensor([2], 2, cann.ACL_FLOAT, [1], 0, cann.ACL_FORMAT_ND, [4], 1, data)).toBeNull();
      expect(cann.aclGetRecentErrMsg()).toMatch(/viewDims holds 1 values but 2 are read/);
      expect(cann.aclCreateTensor([2], 1, cann.ACL_UINT32, [1], 0, cann.ACL_FORMAT_ND, [4], 1, data)).toBeNull();
      expect(s.ids()).toContain('OB2014');
      // nullptr strides mean contiguous, as the opbase doc samples pass them.
      const t = cann.aclCreateTensor([2, 2], 2, cann.ACL_FLOAT, null, 0, cann.ACL_FORMAT_ND, [2, 2], 2, data)!;
      const strides = ref<number[]>();
      cann.aclGetViewStrides(t, strides, ref<number>());
      expect(strides.value).toEqual([2, 1]);
    }));

  it('accepts Ascend tiled formats at creation but operators reject them: the simulation has no tiled layouts', () =>
    withCann((s) => {
      const data = alloc(16 * 16 * 4);
      const nz = cann.aclCreateTensor([16, 16], 2, cann.ACL_FLOAT, [16, 1], 0, cann.ACL_FORMAT_FRACTAL_NZ, [1, 1, 16, 16], 4, data)!;
      const out = s.dev(new Float32Array(256), [16, 16]);
      const { prepared } = s.twoPhase((ws, ex) => cann.aclnnReluGetWorkspaceSize(nz, out.t, ws, ex), cann.aclnnRelu);
      expect(prepared).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(cann.aclGetRecentErrMsg()).toMatch(/ACL_FORMAT_FRACTAL_NZ: the simulation has no tiled layouts/);
      expect(s.process.diagnostics.entries.at(-1)?.id).toBe('OB2014');
    }));
});

describe('scalars, arrays and lists', () => {
  it('reads host values in the scalar dtype and the first `size` array entries, as C does', () =>
    withCann(() => {
      expect(cann.aclCreateScalar(0.1, cann.ACL_FLOAT)!.number).toBe(Math.fround(0.1));
      expect(cann.aclCreateScalar(Uint16Array.of(0x3c00), cann.ACL_FLOAT16)!.number).toBe(1);
      expect(cann.aclCreateScalar(null, cann.ACL_FLOAT)).toBeNull();
      expect(cann.aclCreateIntArray([3, 4, 5], 2)!.values).toEqual([3, 4]);
      expect(cann.aclCreateIntArray([3], 2)).toBeNull();
      expect(cann.aclCreateFloatArray([0.1], 1)!.values).toEqual([Math.fround(0.1)]);
      expect(cann.aclCreateBoolArray([1, 0], 2)!.values).toEqual([true, false]);
    }));

  it('an aclTensorList owns its tensors: destroying the list destroys them, destroying one alone is an error', () =>
    withCann((s) => {
      const a = s.dev(new Float32Array(2), [2]);
      const b = s.dev(new Float32Array(2), [2]);
      const list = cann.aclCreateTensorList([a.t, b.t], 2)!;
      expect(cann.aclDestroyTensor(a.t)).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(cann.aclDestroyTensorList(list)).toBe(0);
      expect(a.t.destroyed && b.t.destroyed).toBe(true);
      expect(cann.aclDestroyTensorList(list)).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(s.ids().filter((id) => id === 'OB2008')).toHaveLength(2);
      expect(cann.aclDestroyTensor(null)).toBe(0);
    }));

  it('reports metadata objects never destroyed as leaks at exit (OB2005)', () =>
    withCann((s) => {
      s.dev(new Float32Array(2), [2]);
      cann.aclCreateScalar(1, cann.ACL_FLOAT);
      cann.aclCreateIntArray([1], 1);
      finalChecks(s.process, []);
      const leaked = s.process.diagnostics.entries.filter((d) => d.id === 'OB2005').map((d) => d.symbol);
      expect(leaked).toEqual(expect.arrayContaining(['aclTensor', 'aclScalar', 'aclIntArray', 'aclrtStream', 'free']));
    }));
});
