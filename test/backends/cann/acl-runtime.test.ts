/** The ACL runtime facade: initialisation, devices, memory, copies, streams, events and errors. */
import { describe, expect, it } from 'vitest';
import * as cann from '../../../src/backends/cann/index.js';
import { ref } from '../../../src/backends/sim/ref.js';
import type { DevicePtr } from '../../../src/backends/sim/device-memory.js';
import { SimProcess, withProcess } from '../../../src/backends/sim/sim-process.js';
import { withCann } from './harness.js';

function fresh<T>(fn: (p: SimProcess) => T): T {
  const process = new SimProcess();
  return withProcess(process, () => fn(process));
}

describe('aclInit / aclFinalize', () => {
  it('rejects calls before aclInit and after aclFinalize, counts repeated aclInit and refuses a second aclFinalize', () => {
    fresh((process) => {
      expect(cann.aclrtSetDevice(0)).toBe(cann.ACL_ERROR_UNINITIALIZE);
      expect(cann.aclInit(null)).toBe(cann.ACL_SUCCESS);
      expect(cann.aclInit(null)).toBe(cann.ACL_ERROR_REPEAT_INITIALIZE);
      expect(cann.aclrtSetDevice(0)).toBe(cann.ACL_SUCCESS);
      expect(cann.aclFinalize()).toBe(cann.ACL_SUCCESS);
      expect(cann.aclFinalize()).toBe(cann.ACL_ERROR_REPEAT_FINALIZE);
      const p = ref<DevicePtr>();
      expect(cann.aclrtMalloc(p, 16, cann.ACL_MEM_MALLOC_HUGE_FIRST)).toBe(cann.ACL_ERROR_UNINITIALIZE);
      expect(cann.aclGetRecentErrMsg()).toMatch(/after aclFinalize/);
      // The runtime initialises again after a finalize (aclInitImpl resets the count).
      expect(cann.aclInit(null)).toBe(cann.ACL_SUCCESS);
      expect(process.diagnostics.entries.map((d) => d.status)).toContain('ACL_ERROR_REPEAT_INITIALIZE');
    });
  });

  it('needs a device for memory and streams, and aclrtResetDevice undoes aclrtSetDevice', () => {
    fresh(() => {
      cann.aclInit(null);
      const p = ref<DevicePtr>();
      expect(cann.aclrtMalloc(p, 16, 0)).toBe(cann.ACL_ERROR_RT_CONTEXT_NULL);
      expect(cann.aclrtSetDevice(99)).toBe(cann.ACL_ERROR_INVALID_DEVICE);
      expect(cann.aclrtSetDevice(2)).toBe(cann.ACL_SUCCESS);
      const id = ref<number>();
      expect(cann.aclrtGetDevice(id)).toBe(cann.ACL_SUCCESS);
      expect(id.value).toBe(2);
      const count = ref<number>();
      cann.aclrtGetDeviceCount(count);
      expect(count.value).toBe(8);
      // The catalog's type (aclrtStream, what a port declares) is what aclrtCreateStream fills.
      const stream = ref<cann.aclrtStream>();
      cann.aclrtCreateStream(stream);
      expect(cann.aclrtResetDevice(2)).toBe(cann.ACL_SUCCESS);
      // The reset released the device's streams.
      expect(cann.aclrtSynchronizeStream(stream.value)).toBe(cann.ACL_ERROR_INVALID_RESOURCE_HANDLE);
      expect(cann.aclrtGetDevice(id)).toBe(cann.ACL_ERROR_RT_CONTEXT_NULL);
      expect(cann.aclrtResetDevice(2)).toBe(cann.ACL_ERROR_INVALID_PARAM);
    });
  });
});

describe('memory', () => {
  it('allocates with a documented policy and rejects unknown ones', () =>
    withCann((s) => {
      const p = ref<DevicePtr>();
      expect(cann.aclrtMalloc(p, 64, cann.ACL_MEM_MALLOC_HUGE_FIRST)).toBe(cann.ACL_SUCCESS);
      expect(cann.aclrtMalloc(ref<DevicePtr>(), 64, cann.ACL_MEM_MALLOC_NORMAL_ONLY | cann.ACL_MEM_TYPE_HIGH_BAND_WIDTH)).toBe(cann.ACL_SUCCESS);
      expect(cann.aclrtMalloc(ref<DevicePtr>(), 64, 9)).toBe(cann.ACL_ERROR_INVALID_PARAM);
      expect(cann.aclrtMalloc(ref<DevicePtr>(), 64, 0x2000)).toBe(cann.ACL_ERROR_INVALID_PARAM);
      expect(cann.aclrtFree(p.value)).toBe(cann.ACL_SUCCESS);
      expect(cann.aclrtFree(p.value)).toBe(cann.ACL_ERROR_RT_MEMORY_FREE);
      expect(s.ids()).toContain('OB2003');
      const free = ref<number>();
      const total = ref<number>();
      cann.aclrtGetMemInfo(cann.ACL_HBM_MEM, free, total);
      expect(total.value - free.value).toBe(64);
    }));

  it('checks destMax and maxCount before copying, and every copy against the allocation', () =>
    withCann((s) => {
      const p = ref<DevicePtr>();
      cann.aclrtMalloc(p, 16, 0);
      const host = new Float32Array([1, 2, 3, 4]);
      expect(cann.aclrtMemcpy(p.value, 8, host, 16, cann.ACL_MEMCPY_HOST_TO_DEVICE)).toBe(cann.ACL_ERROR_INVALID_PARAM);
      expect(cann.aclGetRecentErrMsg()).toMatch(/exceeds destMax/);
      expect(cann.aclrtMemcpy(p.value, 32, new Float32Array(8), 32, cann.ACL_MEMCPY_HOST_TO_DEVICE)).toBe(cann.ACL_ERROR_INVALID_PARAM);
      expect(s.ids()).toContain('OB2001');
      expect(cann.aclrtMemcpy(p.value, 16, host, 16, cann.ACL_MEMCPY_HOST_TO_DEVICE)).toBe(cann.ACL_SUCCESS);
      expect(cann.aclrtMemset(p.value, 4, 0, 8)).toBe(cann.ACL_ERROR_INVALID_PARAM);
      expect(cann.aclrtMemset(p.value, 16, 0, 4)).toBe(cann.ACL_SUCCESS);
      const back = new Float32Array(4);
      cann.aclrtMemcpy(back, 16, p.value, 16, cann.ACL_MEMCPY_DEVICE_TO_HOST);
      expect(Array.from(back)).toEqual([0, 2, 3, 4]);
      // Host and device swapped: the kind says host to device, the destination is host memory.
      expect(cann.aclrtMemcpy(back, 16, p.value, 16, cann.ACL_MEMCPY_HOST_TO_DEVICE)).toBe(cann.ACL_ERROR_INVALID_PARAM);
      expect(s.ids()).toContain('OB2004');
      expect(cann.aclrtMemcpy(back, 16, p.value, 16, 42)).toBe(cann.ACL_ERROR_INVALID_PARAM);
      // ACL_MEMCPY_DEFAULT infers the direction from the addresses.
      expect(cann.aclrtMemcpy(back, 16, p.value, 16, cann.ACL_MEMCPY_DEFAULT)).toBe(cann.ACL_SUCCESS);
    }));

  it('copies 2-D regions row by row with pitches, and frees pinned host memory once', () =>
    withCann((s) => {
      const p = ref<DevicePtr>();
      cann.aclrtMalloc(p, 3 * 16, 0);
      const src = new Float32Array([1, 2, 3, 4, 5, 6]); // 3 rows of 2, host pitch 8 bytes
      expect(cann.aclrtMemcpy2d(p.value, 16, src, 8, 8, 3, cann.ACL_MEMCPY_HOST_TO_DEVICE)).toBe(cann.ACL_SUCCESS);
      const back = new Float32Array(12);
      cann.aclrtMemcpy(back, 48, p.value, 48, cann.ACL_MEMCPY_DEVICE_TO_HOST);
      expect(Array.from(back)).toEqual([1, 2, 0, 0, 3, 4, 0, 0, 5, 6, 0, 0]);
      expect(cann.aclrtMemcpy2d(p.value, 4, src, 8, 8, 3, cann.ACL_MEMCPY_HOST_TO_DEVICE)).toBe(cann.ACL_ERROR_INVALID_PARAM);
      const pinned = ref<ArrayBuffer>();
      expect(cann.aclrtMallocHost(pinned, 64)).toBe(cann.ACL_SUCCESS);
      expect(cann.aclrtFreeHost(pinned.value)).toBe(cann.ACL_SUCCESS);
      expect(cann.aclrtFreeHost(pinned.value)).toBe(cann.ACL_ERROR_RT_MEMORY_FREE);
      expect(cann.aclrtFreeHost(new ArrayBuffer(8))).toBe(cann.ACL_ERROR_RT_MEMORY_FREE);
      expect(s.ids().filter((id) => id === 'OB2003' || id === 'OB2013').length).toBeGreaterThanOrEqual(2);
    }));
});

describe('streams and events', () => {
  it('orders work after a synchronous copy, and reports a copy-back that skips aclrtSynchronizeStream', () =>
    withCann((s) => {
      const x = s.dev(new Float32Array([-1, 2]), [2]);
      const y = s.dev(new Float32Array(2), [2]);
      // The copy into x finished before aclnnRelu was issued on the created stream: no race.
      const { ran } = s.twoPhase((ws, ex) => cann.aclnnReluGetWorkspaceSize(x.t, y.t, ws, ex), cann.aclnnRelu);
      expect(ran).toBe(0);
      expect(s.ids()).toEqual([]);
      const early = new Float32Array(2);
      cann.aclrtMemcpy(early, 8, y.ptr, 8, cann.ACL_MEMCPY_DEVICE_TO_HOST);
      expect(s.ids()).toEqual(['OB2007']);
      cann.aclrtSynchronizeStream(s.stream);
      cann.aclrtMemcpy(early, 8, y.ptr, 8, cann.ACL_MEMCPY_DEVICE_TO_HOST);
      expect(s.ids()).toEqual(['OB2007']);
      expect(Array.from(early)).toEqual([0, 2]);
    }));

  it('times out aclrtSynchronizeStreamWithTimeout on the simulated clock, then completes', () =>
    withCann((s) => {
      const n = 1 << 16;
      const a = s.dev(new Float32Array(n), [n]);
      const b = s.dev(new Float32Array(n), [n]);
      s.twoPhase((ws, ex) => cann.aclnnExpGetWorkspaceSize(a.t, b.t, ws, ex), cann.aclnnExp);
      expect(cann.aclrtSynchronizeStreamWithTimeout(s.stream, 0)).toBe(cann.ACL_ERROR_RT_STREAM_SYNC_TIMEOUT);
      expect(cann.aclrtSynchronizeStreamWithTimeout(s.stream, -2)).toBe(cann.ACL_ERROR_INVALID_PARAM);
      expect(cann.aclrtSynchronizeStreamWithTimeout(s.stream, -1)).toBe(cann.ACL_SUCCESS);
      const status = ref<cann.aclrtStreamStatus>();
      cann.aclrtStreamQuery(s.stream, status);
      expect(status.value).toBe(cann.ACL_STREAM_STATUS_COMPLETE);
    }));

  it('records events, makes streams wait on them, queries them with both status numberings and times them', () =>
    withCann((s) => {
      const other = ref<cann.aclrtStream>();
      cann.aclrtCreateStreamWithConfig(other, 0, cann.ACL_STREAM_FAST_LAUNCH);
      expect(cann.aclrtCreateStreamWithConfig(ref<cann.AclStream>(), 9, 0)).toBe(cann.ACL_ERROR_INVALID_PARAM);
      const start = ref<cann.aclrtEvent>();
      const end = ref<cann.aclrtEvent>();
      cann.aclrtCreateEvent(start);
      expect(cann.aclrtCreateEventWithFlag(end, cann.ACL_EVENT_TIME_LINE | cann.ACL_EVENT_SYNC)).toBe(cann.ACL_SUCCESS);
      expect(cann.aclrtCreateEventWithFlag(ref<cann.aclrtEvent>(), 0x400)).toBe(cann.ACL_ERROR_INVALID_PARAM);
      const n = 1 << 20;
      const x = s.dev(new Float32Array(n).fill(1), [n]);
      const y = s.dev(new Float32Array(n), [n]);
      cann.aclrtRecordEvent(start.value, s.stream);
      s.twoPhase((ws, ex) => cann.aclnnExpGetWorkspaceSize(x.t, y.t, ws, ex), cann.aclnnExp);
      cann.aclrtRecordEvent(end.value, s.stream);
      const recorded = ref<cann.aclrtEventRecordedStatus>();
      const legacy = ref<cann.aclrtEventStatus>();
      cann.aclrtQueryEventStatus(end.value, recorded);
      cann.aclrtQueryEvent(end.value, legacy);
      expect([recorded.value, legacy.value]).toEqual([cann.ACL_EVENT_RECORDED_STATUS_NOT_READY, cann.ACL_EVENT_STATUS_NOT_READY]);
      const ms = ref<number>();
      expect(cann.aclrtEventElapsedTime(ms, start.value, end.value)).toBe(cann.ACL_ERROR_RT_EVENT_NOT_COMPLETE);
      // A stream waiting on `end` may read y without a race.
      cann.aclrtStreamWaitEvent(other.value, end.value);
      const z = s.dev(new Float32Array(n), [n]);
      s.process.diagnostics.entries.length = 0;
      const ws = ref<number>();
      const ex = ref<cann.aclOpExecutor>();
      cann.aclnnReluGetWorkspaceSize(y.t, z.t, ws, ex);
      expect(cann.aclnnRelu(null, 0, ex.value, other.value)).toBe(0);
      expect(s.ids()).toEqual([]);
      cann.aclrtSynchronizeEvent(end.value);
      cann.aclrtQueryEventStatus(end.value, recorded);
      cann.aclrtQueryEvent(end.value, legacy);
      expect([recorded.value, legacy.value]).toEqual([cann.ACL_EVENT_RECORDED_STATUS_COMPLETE, cann.ACL_EVENT_STATUS_COMPLETE]);
      expect(cann.aclrtEventElapsedTime(ms, start.value, end.value)).toBe(cann.ACL_SUCCESS);
      // 4 MiB read at the simulated 1 TB/s (4.2 µs) plus a 5 µs launch, after the record.
      expect(ms.value).toBeGreaterThan(0.009);
      expect(ms.value).toBeLessThan(0.02);
      expect(cann.aclrtDestroyEvent(start.value)).toBe(cann.ACL_SUCCESS);
      expect(cann.aclrtRecordEvent(start.value, s.stream)).toBe(cann.ACL_ERROR_INVALID_RESOURCE_HANDLE);
      expect(s.ids()).toContain('OB2008');
    }));

  it('keeps the last runtime error until aclrtGetLastError reads it; aclrtPeekAtLastError leaves it', () =>
    withCann(() => {
      expect(cann.aclrtGetLastError(cann.ACL_RT_THREAD_LEVEL)).toBe(cann.ACL_SUCCESS);
      cann.aclrtMalloc(ref<DevicePtr>(), 8, 77);
      expect(cann.aclrtPeekAtLastError(cann.ACL_RT_THREAD_LEVEL)).toBe(cann.ACL_ERROR_INVALID_PARAM);
      expect(cann.aclrtGetLastError(cann.ACL_RT_THREAD_LEVEL)).toBe(cann.ACL_ERROR_INVALID_PARAM);
      expect(cann.aclrtGetLastError(cann.ACL_RT_THREAD_LEVEL)).toBe(cann.ACL_SUCCESS);
      expect(cann.aclGetRecentErrMsg()).toMatch(/aclrtMalloc: 77 is not an aclrtMemMallocPolicy/);
    }));

  it('answers aclsysGetCANNVersion as a host without a CANN installation does', () =>
    withCann(() => {
      const version = ref<cann.aclCANNPackageVersion>();
      expect(cann.aclsysGetCANNVersion(3, version)).toBe(cann.ACL_ERROR_INVALID_FILE);
      expect(cann.aclsysGetCANNVersion(12, version)).toBe(cann.ACL_ERROR_INVALID_PARAM);
    }));
});
