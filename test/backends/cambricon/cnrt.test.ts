/**
 * CNRT: memory, copies in CNRT's own direction numbering, queues as streams with per-thread
 * default-queue semantics, notifiers and their timing units, errors and misuse statuses.
 */
import { describe, expect, it } from 'vitest';
import {
  CNRT_NOTIFIER_DISABLE_TIMING_ALL,
  CNRT_NOTIFIER_DISABLE_TIMING_SW,
  CNRT_NOTIFIER_INTERPROCESS,
  cnrtDeviceReset,
  cnrtErrorArgsInvalid,
  cnrtErrorDeviceInvalid,
  cnrtErrorInvalidResourceHandle,
  cnrtErrorMemcpyDirectionInvalid,
  cnrtErrorNoMem,
  cnrtErrorNotReady,
  cnrtFree,
  cnrtFreeHost,
  cnrtGetDevice,
  cnrtGetDeviceCount,
  cnrtGetErrorName,
  cnrtGetErrorStr,
  cnrtGetLastError,
  cnrtHostMalloc,
  cnrtMalloc,
  cnrtMemGetInfo,
  cnrtMemcpy,
  cnrtMemcpyAsync,
  cnrtMemcpyAsync_V3,
  cnrtMemcpyDevToDev,
  cnrtMemcpyDevToHost,
  cnrtMemcpyHostToDev,
  cnrtMemcpyHostToHost,
  cnrtMemcpyNoDirection,
  cnrtMemset,
  cnrtMemsetAsync,
  cnrtNotifierCreate,
  cnrtNotifierCreateWithFlags,
  cnrtNotifierDestroy,
  cnrtNotifierDuration,
  cnrtNotifierElapsedTime,
  cnrtPeekAtLastError,
  cnrtPlaceNotifier,
  cnrtQueryNotifier,
  cnrtQueueCreate,
  cnrtQueueCreateWithPriority,
  cnrtQueueDestroy,
  cnrtQueueQuery,
  cnrtQueueSync,
  cnrtQueueWaitNotifier,
  cnrtSetDevice,
  cnrtSuccess,
  cnrtSyncDevice,
  cnrtWaitNotifier,
  ref,
  type DevicePtr,
  type cnrtNotifier_t,
  type cnrtQueue_t,
} from '../../../src/backends/cambricon/index.js';
import { SimProcess, withProcess } from '../../../src/backends/sim/sim-process.js';
import { diagnosticIds, download, upload } from './device-helpers.js';

const inProcess = <T>(fn: (p: SimProcess) => T): T => {
  const p = new SimProcess();
  return withProcess(p, () => fn(p));
};

function queue(): cnrtQueue_t {
  const q = ref<cnrtQueue_t>();
  expect(cnrtQueueCreate(q)).toBe(cnrtSuccess);
  return q.value;
}

function notifier(flags?: number): cnrtNotifier_t {
  const n = ref<cnrtNotifier_t>();
  expect(flags === undefined ? cnrtNotifierCreate(n) : cnrtNotifierCreateWithFlags(n, flags)).toBe(cnrtSuccess);
  return n.value;
}

describe('CNRT memory and copies', () => {
  it('copies host -> device -> device -> host with CNRT direction values (HostToDev is 0)', () =>
    inProcess(() => {
      expect([cnrtMemcpyHostToDev, cnrtMemcpyDevToDev, cnrtMemcpyDevToHost]).toEqual([0, 1, 2]);
      const a = upload(Float32Array.of(1, 2, 3, 4));
      const b = ref<DevicePtr>();
      expect(cnrtMalloc(b, 16)).toBe(cnrtSuccess);
      expect(cnrtMemcpy(b.value, a, 16, cnrtMemcpyDevToDev)).toBe(cnrtSuccess);
      expect(Array.from(download(b.value, 4))).toEqual([1, 2, 3, 4]);
      const host = new Float32Array(4);
      expect(cnrtMemcpy(host, Float32Array.of(5, 6, 7, 8), 16, cnrtMemcpyHostToHost)).toBe(cnrtSuccess);
      expect(Array.from(host)).toEqual([5, 6, 7, 8]);
      expect(cnrtMemcpy(host, a, 16, cnrtMemcpyNoDirection)).toBe(cnrtSuccess);
      expect(Array.from(host)).toEqual([1, 2, 3, 4]);
      expect(cnrtFree(a)).toBe(cnrtSuccess);
      expect(cnrtFree(b.value)).toBe(cnrtSuccess);
    }));

  it('rejects an unknown direction with cnrtErrorMemcpyDirectionInvalid and a CUDA-numbered HostToDevice (1) as a device-to-device copy of host memory', () =>
    inProcess((p) => {
      const a = upload(new Float32Array(4));
      expect(cnrtMemcpy(a, new Float32Array(4), 16, 9 as never)).toBe(cnrtErrorMemcpyDirectionInvalid);
      // cudaMemcpyHostToDevice is 1, which CNRT reads as cnrtMemcpyDevToDev: the host source is then wrong.
      expect(cnrtMemcpy(a, new Float32Array(4), 16, 1 as never)).toBe(cnrtErrorArgsInvalid);
      expect(diagnosticIds(p)).toEqual(['OB2013', 'OB2004']);
      cnrtFree(a);
    }));

  it('sets memory byte-wise, synchronously and on a queue', () =>
    inProcess(() => {
      const a = upload(new Float32Array(2));
      expect(cnrtMemset(a, 0x3f, 8)).toBe(cnrtSuccess);
      const bytes = new Uint8Array(8);
      cnrtMemcpy(bytes, a, 8, cnrtMemcpyDevToHost);
      expect(Array.from(bytes)).toEqual(new Array(8).fill(0x3f));
      const q = queue();
      expect(cnrtMemsetAsync(a, 0, 8, q)).toBe(cnrtSuccess);
      expect(cnrtQueueSync(q)).toBe(cnrtSuccess);
      cnrtMemcpy(bytes, a, 8, cnrtMemcpyDevToHost);
      expect(Array.from(bytes)).toEqual(new Array(8).fill(0));
      cnrtQueueDestroy(q);
      cnrtFree(a);
    }));

  it('reports misuse with CNRT statuses and diagnostics: out of bounds, use after free, double free, host pointer to cnrtFree', () =>
    inProcess((p) => {
      const a = upload(new Float32Array(4));
      expect(cnrtMemcpy(new Float32Array(8), a, 32, cnrtMemcpyDevToHost)).toBe(cnrtErrorArgsInvalid);
      expect(cnrtFree(a)).toBe(cnrtSuccess);
      expect(cnrtMemcpy(new Float32Array(4), a, 16, cnrtMemcpyDevToHost)).toBe(cnrtErrorArgsInvalid);
      expect(cnrtFree(a)).toBe(cnrtErrorArgsInvalid);
      expect(cnrtFree(new Float32Array(4) as never)).toBe(cnrtErrorArgsInvalid);
      expect(diagnosticIds(p)).toEqual(['OB2001', 'OB2002', 'OB2003', 'OB2004']);
      expect(p.diagnostics.entries[0].status).toBe('cnrtErrorArgsInvalid');
    }));

  it('allocates pinned host memory and reports running out of device memory', () => {
    const p = new SimProcess({ deviceMemoryBytes: 1024 });
    withProcess(p, () => {
      const h = ref<ArrayBuffer>();
      expect(cnrtHostMalloc(h, 64)).toBe(cnrtSuccess);
      expect(h.value.byteLength).toBe(64);
      expect(cnrtFreeHost(h.value)).toBe(cnrtSuccess);
      expect(cnrtFreeHost(h.value)).toBe(cnrtErrorArgsInvalid);
      const d = ref<DevicePtr>();
      expect(cnrtMalloc(d, 4096)).toBe(cnrtErrorNoMem);
      const free = ref<number>();
      const total = ref<number>();
      expect(cnrtMemGetInfo(free, total)).toBe(cnrtSuccess);
      expect([free.value, total.value]).toEqual([1024, 1024]);
    });
  });
});

describe('CNRT devices', () => {
  it('counts, selects and validates devices', () =>
    inProcess((p) => {
      const count = ref<number>();
      expect(cnrtGetDeviceCount(count)).toBe(cnrtSuccess);
      expect(count.value).toBe(p.deviceCount);
      expect(cnrtSetDevice(1)).toBe(cnrtSuccess);
      const d = ref<number>();
      cnrtGetDevice(d);
      expect(d.value).toBe(1);
      expect(cnrtSetDevice(count.value)).toBe(cnrtErrorDeviceInvalid);
      expect(cnrtSyncDevice()).toBe(cnrtSuccess);
    }));

  it('cnrtDeviceReset frees the device memory and destroys the queues of the current device', () =>
    inProcess((p) => {
      upload(new Float32Array(4));
      queue();
      expect(cnrtDeviceReset()).toBe(cnrtSuccess);
      expect(p.memory().leaks()).toEqual([]);
      expect(p.liveObjects()).toEqual([]);
    }));
});

describe('CNRT queues', () => {
  it('reports results returned before cnrtQueueSync (OB2006) and memory and handles never released (OB2005)', async () => {
    const { runProgram } = await import('../../../src/run/run-program.js');
    const run = await runProgram(new URL('../../fixtures/programs/cambricon/misuse.ts', import.meta.url).pathname);
    const diagnostics = run.ranks[0].diagnostics;
    expect(diagnostics.filter((d) => d.id === 'OB2006').map((d) => d.symbol)).toEqual(['cnrtMemcpyAsync']);
    const leaks = diagnostics.filter((d) => d.id === 'OB2005').map((d) => d.symbol);
    expect(leaks.sort()).toEqual(['cnnlHandle_t', 'cnnlTensorDescriptor_t', 'free']);
    expect(diagnostics.every((d) => d.id === 'OB2006' || d.id === 'OB2005')).toBe(true);
  });

  it('puts the queue BEFORE the direction in cnrtMemcpyAsync and _V3, and is ordered within the queue', () =>
    inProcess((p) => {
      const q = queue();
      const a = upload(new Float32Array(4));
      const host = new Float32Array(4);
      expect(cnrtMemcpyAsync(a, Float32Array.of(1, 2, 3, 4), 16, q, cnrtMemcpyHostToDev)).toBe(cnrtSuccess);
      expect(cnrtMemcpyAsync_V3(host, a, 16, q, cnrtMemcpyDevToHost)).toBe(cnrtSuccess);
      expect(cnrtQueueSync(q)).toBe(cnrtSuccess);
      expect(Array.from(host)).toEqual([1, 2, 3, 4]);
      expect(diagnosticIds(p)).toEqual([]);
      cnrtQueueDestroy(q);
      cnrtFree(a);
    }));

  it('does not synchronise queues with the default queue: a cnrtMemcpy of another queue\'s result without a sync is a race (OB2007)', () =>
    inProcess((p) => {
      const q = queue();
      const a = upload(new Float32Array(4));
      cnrtMemcpyAsync(a, Float32Array.of(1, 2, 3, 4), 16, q, cnrtMemcpyHostToDev);
      cnrtMemcpy(new Float32Array(4), a, 16, cnrtMemcpyDevToHost);
      expect(diagnosticIds(p)).toEqual(['OB2007']);
    }));

  it('orders queues with notifiers: cnrtQueueWaitNotifier(notifier, queue, 0) takes the notifier first', () =>
    inProcess((p) => {
      const [q1, q2] = [queue(), queue()];
      const n = notifier();
      const a = upload(new Float32Array(4));
      const b = upload(new Float32Array(4));
      cnrtMemcpyAsync(a, Float32Array.of(1, 2, 3, 4), 16, q1, cnrtMemcpyHostToDev);
      expect(cnrtPlaceNotifier(n, q1)).toBe(cnrtSuccess);
      expect(cnrtQueueWaitNotifier(n, q2, 0)).toBe(cnrtSuccess);
      cnrtMemcpyAsync(b, a, 16, q2, cnrtMemcpyDevToDev);
      cnrtQueueSync(q2);
      expect(Array.from(download(b, 4))).toEqual([1, 2, 3, 4]);
      expect(diagnosticIds(p)).toEqual([]);
    }));

  it('cnrtQueueQuery returns cnrtErrorNotReady until the simulated work finishes, and a polling loop ends', () =>
    inProcess(() => {
      const q = queue();
      const a = upload(new Float32Array(1 << 16));
      cnrtMemsetAsync(a, 0, 1 << 18, q);
      expect(cnrtQueueQuery(q)).toBe(cnrtErrorNotReady);
      let polls = 1;
      while (cnrtQueueQuery(q) !== cnrtSuccess) polls++;
      expect(polls).toBeGreaterThan(1);
      expect(cnrtQueueQuery(null)).toBe(cnrtSuccess);
    }));

  it('rejects destroying the default queue and using a destroyed queue (OB2008)', () =>
    inProcess((p) => {
      const q = queue();
      expect(cnrtQueueDestroy(null)).toBe(cnrtErrorArgsInvalid);
      expect(cnrtQueueDestroy(q)).toBe(cnrtSuccess);
      expect(cnrtQueueSync(q)).toBe(cnrtErrorInvalidResourceHandle);
      expect(diagnosticIds(p)).toEqual(['OB2013', 'OB2008']);
      const pq = ref<cnrtQueue_t>();
      expect(cnrtQueueCreateWithPriority(pq, 0, -1)).toBe(cnrtSuccess);
    }));
});

describe('CNRT notifiers', () => {
  it('reports elapsed time in milliseconds and duration in microseconds for the same interval', () =>
    inProcess(() => {
      const q = queue();
      const [start, end] = [notifier(), notifier()];
      const a = upload(new Float32Array(1 << 16));
      cnrtPlaceNotifier(start, q);
      cnrtMemsetAsync(a, 0, 1 << 18, q);
      cnrtPlaceNotifier(end, q);
      const ms = ref<number>();
      const us = ref<number>();
      expect(cnrtNotifierElapsedTime(start, end, ms)).toBe(cnrtErrorNotReady);
      expect(cnrtWaitNotifier(end)).toBe(cnrtSuccess);
      expect(cnrtQueryNotifier(end)).toBe(cnrtSuccess);
      expect(cnrtNotifierElapsedTime(start, end, ms)).toBe(cnrtSuccess);
      expect(cnrtNotifierDuration(start, end, us)).toBe(cnrtSuccess);
      // 256 KiB at the simulated 1 TB/s plus one launch: a few µs.
      expect(ms.value).toBeGreaterThan(0);
      expect(us.value).toBeCloseTo(ms.value * 1000, 3);
    }));

  it('honours the timing flags: DISABLE_TIMING_SW stops ElapsedTime only, DISABLE_TIMING_ALL both', () =>
    inProcess(() => {
      const q = queue();
      const sw = [notifier(CNRT_NOTIFIER_DISABLE_TIMING_SW), notifier(CNRT_NOTIFIER_DISABLE_TIMING_SW)];
      const all = [notifier(CNRT_NOTIFIER_DISABLE_TIMING_ALL), notifier(CNRT_NOTIFIER_DISABLE_TIMING_ALL)];
      for (const n of [...sw, ...all]) cnrtPlaceNotifier(n, q);
      cnrtQueueSync(q);
      const t = ref<number>();
      expect(cnrtNotifierElapsedTime(sw[0], sw[1], t)).toBe(cnrtErrorArgsInvalid);
      expect(cnrtNotifierDuration(sw[0], sw[1], t)).toBe(cnrtSuccess);
      expect(cnrtNotifierDuration(all[0], all[1], t)).toBe(cnrtErrorArgsInvalid);
      const bad = ref<cnrtNotifier_t>();
      expect(cnrtNotifierCreateWithFlags(bad, CNRT_NOTIFIER_INTERPROCESS)).toBe(cnrtErrorArgsInvalid);
      expect(cnrtNotifierDestroy(sw[0])).toBe(cnrtSuccess);
      expect(cnrtNotifierDestroy(sw[0])).toBe(cnrtErrorInvalidResourceHandle);
    }));
});

describe('CNRT errors', () => {
  it('keeps the last error until cnrtGetLastError resets it; names and strings come from the catalog', () =>
    inProcess(() => {
      expect(cnrtGetLastError()).toBe(cnrtSuccess);
      cnrtSetDevice(-1);
      expect(cnrtPeekAtLastError()).toBe(cnrtErrorDeviceInvalid);
      expect(cnrtGetLastError()).toBe(cnrtErrorDeviceInvalid);
      expect(cnrtGetLastError()).toBe(cnrtSuccess);
      expect(cnrtGetErrorName(cnrtErrorArgsInvalid)).toBe('cnrtErrorArgsInvalid');
      expect(cnrtGetErrorStr(cnrtErrorArgsInvalid)).toBe('invalid value (cnrtErrorArgsInvalid)');
      expect(cnrtGetErrorStr(123 as never)).toMatch(/unrecognized/);
    }));
});
