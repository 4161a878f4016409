/**
 * HCCL: communicator set-up rules, the collectives on HcclCommInitAll groups, HcclSend /
 * HcclRecv across ranks, and the gaps.
 */
import { describe, expect, it } from 'vitest';
import * as cann from '../../../src/backends/cann/index.js';
import { ref } from '../../../src/backends/sim/ref.js';
import type { DevicePtr } from '../../../src/backends/sim/device-memory.js';
import { randomFloat32 } from '../../../src/backends/host/host-data.js';
import { runProgram } from '../../../src/run/run-program.js';
import { SimProcess, withProcess } from '../../../src/backends/sim/sim-process.js';
import { withCann } from './harness.js';

function buffer(device: number, values: Float32Array): DevicePtr {
  cann.aclrtSetDevice(device);
  const p = ref<DevicePtr>();
  cann.aclrtMalloc(p, values.byteLength, 0);
  cann.aclrtMemcpy(p.value, values.byteLength, values, values.byteLength, cann.ACL_MEMCPY_HOST_TO_DEVICE);
  return p.value;
}

function read(device: number, ptr: DevicePtr, count: number): number[] {
  cann.aclrtSetDevice(device);
  cann.aclrtSynchronizeDevice();
  const out = new Float32Array(count);
  cann.aclrtMemcpy(out, out.byteLength, ptr, out.byteLength, cann.ACL_MEMCPY_DEVICE_TO_HOST);
  return Array.from(out);
}

describe('HCCL communicators', () => {
  it('HcclGetRootInfo needs aclInit and a current device (HCCL queries the device first)', () =>
    withProcess(new SimProcess(), () => {
      expect(cann.HcclGetRootInfo(new cann.HcclRootInfo())).toBe(cann.HCCL_E_RUNTIME);
      expect(cann.aclInit(null)).toBe(cann.ACL_SUCCESS);
      expect(cann.HcclGetRootInfo(new cann.HcclRootInfo())).toBe(cann.HCCL_E_RUNTIME);
      expect(cann.aclrtSetDevice(1)).toBe(cann.ACL_SUCCESS);
      expect(cann.HcclGetRootInfo(new cann.HcclRootInfo())).toBe(cann.HCCL_SUCCESS);
    }));

  it('initialises from HcclGetRootInfo with HCCL argument order, and rejects what HCCL rejects', () =>
    withCann((s) => {
      const info = ref<cann.HcclRootInfo>();
      expect(cann.HcclGetRootInfo(info)).toBe(cann.HCCL_SUCCESS);
      expect(info.value.internal.length).toBe(4108);
      const comm = ref<cann.HcclComm>();
      expect(cann.HcclCommInitRootInfo(1, new cann.HcclRootInfo(), 0, comm)).toBe(cann.HCCL_E_PARA);
      expect(cann.aclGetRecentErrMsg()).toMatch(/not filled by HcclGetRootInfo/);
      expect(cann.HcclCommInitRootInfo(4, info.value, 0, comm)).toBe(cann.HCCL_E_NOT_SUPPORT);
      expect(cann.HcclCommInitRootInfo(1, info.value, 0, comm)).toBe(cann.HCCL_SUCCESS);
      // C's `HcclRootInfo id; HcclGetRootInfo(&id)`: the caller's struct is filled in place.
      const owned = new cann.HcclRootInfo();
      expect(cann.HcclGetRootInfo(owned)).toBe(cann.HCCL_SUCCESS);
      expect(owned.internal.some((b) => b !== 0)).toBe(true);
      expect(cann.HcclCommInitRootInfo(1, owned, 0, ref<cann.HcclComm>())).toBe(cann.HCCL_SUCCESS);
      const size = ref<number>();
      const rank = ref<number>();
      cann.HcclGetRankSize(comm.value, size);
      cann.HcclGetRankId(comm.value, rank);
      expect([size.value, rank.value]).toEqual([1, 0]);
      expect(cann.HcclBarrier(comm.value, s.stream)).toBe(cann.HCCL_SUCCESS);
      expect(cann.HcclGroupEnd()).toBe(cann.HCCL_E_PARA);
      expect([cann.HcclGroupStart(), cann.HcclGroupEnd()]).toEqual([0, 0]);
      expect(cann.HcclGetErrorString(cann.HCCL_E_PARA)).toBe('HCCL_E_PARA');
      const x = buffer(0, Float32Array.of(1, 2));
      // HcclReduceOp has no AVG (ncclAvg is 4 in NCCL); uint8 cannot be all-reduced.
      expect(cann.HcclAllReduce(x, x, 2, cann.HCCL_DATA_TYPE_FP32, 4, comm.value, s.stream)).toBe(cann.HCCL_E_PARA);
      expect(cann.aclGetRecentErrMsg()).toMatch(/HCCL has no AVG/);
      expect(cann.HcclAllReduce(x, x, 8, cann.HCCL_DATA_TYPE_UINT8, cann.HCCL_REDUCE_SUM, comm.value, s.stream)).toBe(cann.HCCL_E_NOT_SUPPORT);
      expect(cann.HcclSend(x, 2, cann.HCCL_DATA_TYPE_FP32, 0, comm.value, s.stream)).toBe(cann.HCCL_E_PARA);
      expect(cann.HcclCommDestroy(comm.value)).toBe(cann.HCCL_SUCCESS);
      expect(cann.HcclAllReduce(x, x, 2, cann.HCCL_DATA_TYPE_FP32, cann.HCCL_REDUCE_SUM, comm.value, s.stream)).toBe(cann.HCCL_E_PARA);
      expect(s.ids()).toContain('OB2008');
    }));
});

describe('HCCL collectives on HcclCommInitAll communicators', () => {
  it('all-reduce, broadcast, all-gather, reduce-scatter and reduce across three devices of one process', () =>
    withCann((s) => {
      const comms: (cann.HcclComm | null)[] = [null, null, null];
      expect(cann.HcclCommInitAll(3, [0, 1, 2], comms)).toBe(cann.HCCL_SUCCESS);
      const data = [Float32Array.of(1, 2, 3), Float32Array.of(10, 20, 30), Float32Array.of(100, 200, 300)];
      const send = data.map((d, r) => buffer(r, d));
      const recv = data.map((_, r) => buffer(r, new Float32Array(9)));
      for (let r = 0; r < 3; r++) {
        expect(cann.HcclAllReduce(send[r], recv[r], 3, cann.HCCL_DATA_TYPE_FP32, cann.HCCL_REDUCE_MAX, comms[r]!, null)).toBe(0);
      }
      for (let r = 0; r < 3; r++) expect(read(r, recv[r], 3)).toEqual([100, 200, 300]);
      for (let r = 0; r < 3; r++) expect(cann.HcclAllGather(send[r], recv[r], 3, cann.HCCL_DATA_TYPE_FP32, comms[r]!, null)).toBe(0);
      expect(read(1, recv[1], 9)).toEqual([1, 2, 3, 10, 20, 30, 100, 200, 300]);
      const big = data.map((_, r) => buffer(r, Float32Array.from({ length: 6 }, (_, i) => (r + 1) * (i + 1))));
      for (let r = 0; r < 3; r++) expect(cann.HcclReduceScatter(big[r], recv[r], 2, cann.HCCL_DATA_TYPE_FP32, cann.HCCL_REDUCE_SUM, comms[r]!, null)).toBe(0);
      // Sum over ranks of (r + 1)(i + 1) is 6 (i + 1); rank 2 keeps elements 4 and 5.
      expect(read(2, recv[2], 2)).toEqual([30, 36]);
      for (let r = 0; r < 3; r++) expect(cann.HcclBroadcast(send[r], 3, cann.HCCL_DATA_TYPE_FP32, 1, comms[r]!, null)).toBe(0);
      expect(read(0, send[0], 3)).toEqual([10, 20, 30]);
      const before = read(0, recv[0], 3);
      for (let r = 0; r < 3; r++) expect(cann.HcclReduce(send[r], recv[r], 3, cann.HCCL_DATA_TYPE_FP32, cann.HCCL_REDUCE_PROD, 2, comms[r]!, null)).toBe(0);
      expect(read(2, recv[2], 3)).toEqual([1000, 8000, 27000]);
      expect(read(0, recv[0], 3)).toEqual(before);
      const traced = s.process.tracer.records.filter((t) => t.kind === 'op').map((t) => t.op);
      expect(new Set(traced)).toEqual(new Set(['AllReduce', 'AllGather', 'ReduceScatter', 'Broadcast']));
    }));

  it('reports ranks that call different collectives as HCCL_E_PARA with OB2015', () =>
    withCann((s) => {
      const comms: (cann.HcclComm | null)[] = [null, null];
      cann.HcclCommInitAll(2, [0, 1], comms);
      const a = buffer(0, Float32Array.of(1, 2));
      const b = buffer(1, Float32Array.of(1, 2));
      expect(cann.HcclAllReduce(a, a, 2, cann.HCCL_DATA_TYPE_FP32, cann.HCCL_REDUCE_SUM, comms[0]!, null)).toBe(0);
      expect(cann.HcclAllReduce(b, b, 1, cann.HCCL_DATA_TYPE_FP32, cann.HCCL_REDUCE_SUM, comms[1]!, null)).toBe(cann.HCCL_E_PARA);
      expect(cann.aclGetRecentErrMsg()).toMatch(/every rank must make the same collective calls/);
      expect(s.ids()).toContain('OB2015');
      expect(cann.HcclCommInitAll(2, [0, 0], [null, null])).toBe(cann.HCCL_E_PARA);
    }));
});

describe('HcclSend / HcclRecv', () => {
  it('rejects a peer that is not another rank, a bad count, and HcclCommInitAll communicators', () =>
    withCann((s) => {
      const info = ref<cann.HcclRootInfo>();
      cann.HcclGetRootInfo(info);
      const comm = ref<cann.HcclComm>();
      expect(cann.HcclCommInitRootInfo(1, info.value, 0, comm)).toBe(cann.HCCL_SUCCESS);
      const x = buffer(0, Float32Array.of(1, 2));
      expect(cann.HcclSend(x, 2, cann.HCCL_DATA_TYPE_FP32, 0, comm.value, s.stream)).toBe(cann.HCCL_E_PARA);
      expect(cann.aclGetRecentErrMsg()).toMatch(/destRank 0 must be another rank of the communicator \(0\.\.0, not 0\)/);
      expect(cann.HcclRecv(x, 2, cann.HCCL_DATA_TYPE_FP32, 5, comm.value, s.stream)).toBe(cann.HCCL_E_PARA);
      expect(cann.aclGetRecentErrMsg()).toMatch(/srcRank 5 must be another rank/);
      cann.HcclCommDestroy(comm.value);
      expect(cann.HcclSend(x, 2, cann.HCCL_DATA_TYPE_FP32, 1, comm.value, s.stream)).toBe(cann.HCCL_E_PARA);
      const comms: (cann.HcclComm | null)[] = [null, null];
      cann.HcclCommInitAll(2, [0, 1], comms);
      expect(cann.HcclSend(x, -1, cann.HCCL_DATA_TYPE_FP32, 1, comms[0]!, null)).toBe(cann.HCCL_E_PARA);
      expect(cann.aclGetRecentErrMsg()).toMatch(/count must be a non-negative integer, got -1/);
      expect(cann.HcclSend(x, 2, cann.HCCL_DATA_TYPE_FP32, 1, comms[0]!, null)).toBe(cann.HCCL_E_NOT_SUPPORT);
      expect(cann.aclGetRecentErrMsg()).toMatch(/HcclSend on HcclCommInitAll communicators is not simulated/);
    }));

  it('exchanges around a 4-rank ring, grouped and as paired blocking calls; unpaired counts are HCCL_E_PARA (OB2015)', async () => {
    const n = 4;
    const count = 16;
    const run = await runProgram(new URL('../../fixtures/programs/cann/hccl-ring.ts', import.meta.url).pathname, { ranks: n });
    const inputs = Array.from({ length: n }, (_, r) => Array.from(randomFloat32(count, 300 + r)));
    for (const rank of run.ranks) {
      const out = (name: string) => rank.outputs.get(name)!.toFlatArray();
      const fromLeft = inputs[(rank.rank + n - 1) % n];
      // Transfers copy bytes: exact.
      expect(out('grouped')).toEqual(fromLeft);
      expect(out('paired')).toEqual(fromLeft);
      // Every rank sees the unpaired group (rank 0 sends 16 floats, rank 1 expects 8).
      expect(out('mismatch')).toEqual([cann.HCCL_E_PARA]);
      const errors = rank.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => `${d.id} ${d.symbol}`)).toEqual(['OB2015 HcclGroupEnd']);
      expect(errors[0].message).toMatch(/send 1 from rank 0 to rank 1 carries 16 float32 but the matching receive expects 8 float32/);
    }
  });
});
