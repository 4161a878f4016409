import { describe, expect, it } from 'vitest';
import { finalChecks } from '../../../src/run/final-checks.js';
import { allocate, cuda, diagnosticIds, downloadFloat32, inProcess, lastDiagnostic, upload } from './cuda-test-kit.js';

const {
  ref,
  cudaSuccess,
  cudaErrorInvalidValue,
  cudaErrorInvalidDevice,
  cudaErrorInvalidMemcpyDirection,
  cudaErrorInvalidResourceHandle,
  cudaErrorNotReady,
  cudaErrorIllegalAddress,
  cudaMemcpyHostToDevice,
  cudaMemcpyDeviceToHost,
  cudaMemcpyDeviceToDevice,
  cudaMemcpyHostToHost,
  cudaMemcpyDefault,
} = cuda;

describe('CUDA runtime: devices and memory', () => {
  it('counts, selects and reports devices; rejects a device that does not exist', () => {
    inProcess((p) => {
      const count = ref<number>();
      expect(cuda.cudaGetDeviceCount(count)).toBe(cudaSuccess);
      expect(count.value).toBe(p.deviceCount);
      expect(cuda.cudaSetDevice(3)).toBe(cudaSuccess);
      const device = ref<number>();
      cuda.cudaGetDevice(device);
      expect(device.value).toBe(3);
      expect(cuda.cudaSetDevice(p.deviceCount)).toBe(cudaErrorInvalidDevice);
      expect(cuda.cudaGetLastError()).toBe(cudaErrorInvalidDevice);
      // Allocations belong to the current device.
      const d = allocate(64);
      expect(d.allocation.device).toBe(3);
      expect(cuda.cudaFree(d)).toBe(cudaSuccess);
    });
  });

  it('round-trips data through device memory with every copy kind, cudaMemcpyDefault inferring the direction', () => {
    inProcess(() => {
      const src = new Float32Array([1, 2, 3, 4]);
      const a = upload(src);
      const b = allocate(16);
      expect(cuda.cudaMemcpy(b, a, 16, cudaMemcpyDeviceToDevice)).toBe(cudaSuccess);
      const viaDefault = new Float32Array(4);
      expect(cuda.cudaMemcpy(viaDefault, b, 16, cudaMemcpyDefault)).toBe(cudaSuccess);
      expect([...viaDefault]).toEqual([1, 2, 3, 4]);
      const hostCopy = new Float32Array(4);
      expect(cuda.cudaMemcpy(hostCopy, src, 16, cudaMemcpyHostToHost)).toBe(cudaSuccess);
      expect([...hostCopy]).toEqual([1, 2, 3, 4]);
      expect(cuda.cudaMemset(b, 0, 8)).toBe(cudaSuccess);
      expect([...downloadFloat32(b, 4)]).toEqual([0, 0, 3, 4]);
      cuda.cudaFree(a);
      cuda.cudaFree(b);
    });
  });

  it('rejects a copy kind that is no cudaMemcpyKind with cudaErrorInvalidMemcpyDirection, and one that contradicts the pointers with cudaErrorInvalidValue', () => {
    const p = inProcess(() => {
      const d = allocate(16);
      const h = new Float32Array(4);
      expect(cuda.cudaMemcpy(h, d, 16, 7 as never)).toBe(cudaErrorInvalidMemcpyDirection);
      // Host memory named as the device destination of a host-to-device copy.
      expect(cuda.cudaMemcpy(h, d, 16, cudaMemcpyHostToDevice)).toBe(cudaErrorInvalidValue);
      cuda.cudaFree(d);
    });
    expect(diagnosticIds(p)).toEqual(['OB2013', 'OB2004']);
  });

  it('reports copies beyond an allocation, use after free and double free with their diagnostics', () => {
    const p = inProcess(() => {
      const d = allocate(16);
      expect(cuda.cudaMemcpy(new Float32Array(8), d, 32, cudaMemcpyDeviceToHost)).toBe(cudaErrorInvalidValue);
      expect(cuda.cudaFree(d)).toBe(cudaSuccess);
      expect(cuda.cudaMemcpy(new Float32Array(4), d, 16, cudaMemcpyDeviceToHost)).toBe(cudaErrorInvalidValue);
      expect(cuda.cudaFree(d)).toBe(cudaErrorInvalidValue);
      expect(cuda.cudaFree(null)).toBe(cudaSuccess);
    });
    expect(diagnosticIds(p)).toEqual(['OB2001', 'OB2002', 'OB2003']);
    expect(lastDiagnostic(p).message).toMatch(/double free/);
  });

  it('allocates pinned host memory as ArrayBuffers, frees it once, and reports free and total device memory', () => {
    const p = inProcess(() => {
      const pinned = ref<ArrayBuffer>();
      expect(cuda.cudaMallocHost(pinned, 64)).toBe(cudaSuccess);
      expect(pinned.value.byteLength).toBe(64);
      const mapped = ref<ArrayBuffer>();
      expect(cuda.cudaHostAlloc(mapped, 32, cuda.cudaHostAllocPortable | cuda.cudaHostAllocMapped)).toBe(cudaSuccess);
      expect(cuda.cudaHostAlloc(ref<ArrayBuffer>(), 32, 0x40)).toBe(cudaErrorInvalidValue);
      const free = ref<number>();
      const total = ref<number>();
      const d = allocate(1000);
      expect(cuda.cudaMemGetInfo(free, total)).toBe(cudaSuccess);
      expect(total.value - free.value).toBe(1000);
      expect(cuda.cudaFreeHost(new Float32Array(pinned.value))).toBe(cudaSuccess);
      expect(cuda.cudaFreeHost(pinned.value)).toBe(cudaErrorInvalidValue);
      expect(cuda.cudaFreeHost(new ArrayBuffer(8))).toBe(cudaErrorInvalidValue);
      expect(cuda.cudaFreeHost(mapped.value)).toBe(cudaSuccess);
      cuda.cudaFree(d);
    });
    expect(diagnosticIds(p)).toEqual(['OB2013', 'OB2003', 'OB2013']);
  });

  it('reports an allocation never freed as a leak (OB2005) at the end of the program', () => {
    const p = inProcess(() => {
      allocate(256);
    });
    finalChecks(p, []);
    expect(diagnosticIds(p)).toEqual(['OB2005']);
    expect(p.diagnostics.entries[0].message).toMatch(/256 bytes of device memory/);
  });

  it('frees everything of the current device on cudaDeviceReset', () => {
    const p = inProcess(() => {
      allocate(64);
      const s = ref<cuda.cudaStream_t>();
      cuda.cudaStreamCreate(s);
      expect(cuda.cudaDeviceReset()).toBe(cudaSuccess);
      expect(cuda.cudaStreamSynchronize(s.value)).toBe(cudaErrorInvalidResourceHandle);
    });
    finalChecks(p, []);
    expect(diagnosticIds(p)).toEqual(['OB2008']);
  });
});

describe('CUDA runtime: streams and events', () => {
  it('creates streams with flags, queries them, waits on events and destroys them', () => {
    inProcess(() => {
      const s = ref<cuda.cudaStream_t>();
      expect(cuda.cudaStreamCreateWithFlags(s, cuda.cudaStreamNonBlocking)).toBe(cudaSuccess);
      expect(cuda.cudaStreamCreateWithFlags(ref<cuda.cudaStream_t>(), 2)).toBe(cudaErrorInvalidValue);
      expect(cuda.cudaGetLastError()).toBe(cudaErrorInvalidValue);
      const d = allocate(1 << 20);
      expect(cuda.cudaMemsetAsync(d, 1, 1 << 20, s.value)).toBe(cudaSuccess);
      // The memset takes simulated time: the first query finds it running.
      expect(cuda.cudaStreamQuery(s.value)).toBe(cudaErrorNotReady);
      expect(cuda.cudaGetLastError()).toBe(cudaSuccess); // "not ready" is not an error
      expect(cuda.cudaStreamSynchronize(s.value)).toBe(cudaSuccess);
      expect(cuda.cudaStreamQuery(s.value)).toBe(cudaSuccess);
      expect(cuda.cudaStreamDestroy(s.value)).toBe(cudaSuccess);
      expect(cuda.cudaStreamDestroy(s.value)).toBe(cudaErrorInvalidResourceHandle);
      expect(cuda.cudaStreamDestroy(0)).toBe(cudaErrorInvalidResourceHandle);
      cuda.cudaFree(d);
    });
  });

  it('times work between events on the simulated clock and refuses events without timing (cudaErrorInvalidResourceHandle, as documented)', () => {
    inProcess(() => {
      const s = ref<cuda.cudaStream_t>();
      cuda.cudaStreamCreate(s);
      const start = ref<cuda.cudaEvent_t>();
      const stop = ref<cuda.cudaEvent_t>();
      const untimed = ref<cuda.cudaEvent_t>();
      cuda.cudaEventCreate(start);
      cuda.cudaEventCreate(stop);
      expect(cuda.cudaEventCreateWithFlags(untimed, cuda.cudaEventDisableTiming)).toBe(cudaSuccess);
      const ms = ref<number>();
      expect(cuda.cudaEventElapsedTime(ms, start.value, stop.value)).toBe(cudaErrorInvalidResourceHandle); // never recorded
      const d = allocate(8 << 20);
      cuda.cudaEventRecord(start.value, s.value);
      cuda.cudaMemsetAsync(d, 0, 8 << 20, s.value);
      cuda.cudaEventRecord(stop.value, s.value);
      cuda.cudaEventRecord(untimed.value, s.value);
      expect(cuda.cudaEventQuery(stop.value)).toBe(cudaErrorNotReady);
      expect(cuda.cudaEventElapsedTime(ms, start.value, stop.value)).toBe(cudaErrorNotReady);
      expect(cuda.cudaEventSynchronize(stop.value)).toBe(cudaSuccess);
      expect(cuda.cudaEventElapsedTime(ms, start.value, stop.value)).toBe(cudaSuccess);
      // The nominal device: the memset is submitted 1 µs (one API call) after the start event,
      // launches in 5 µs and moves 8 MiB at 1 TB/s (8.39 µs): 14.39 µs, as a float in ms.
      expect(ms.value).toBeCloseTo(0.001 + 0.005 + (8 * 1024 * 1024) / 1e9, 6);
      expect(cuda.cudaEventElapsedTime(ms, start.value, untimed.value)).toBe(cudaErrorInvalidResourceHandle);
      expect(cuda.cudaEventCreateWithFlags(ref<cuda.cudaEvent_t>(), cuda.cudaEventInterprocess)).toBe(cudaErrorInvalidValue);
      for (const e of [start, stop, untimed]) expect(cuda.cudaEventDestroy(e.value)).toBe(cudaSuccess);
      expect(cuda.cudaEventDestroy(start.value)).toBe(cudaErrorInvalidResourceHandle);
      cuda.cudaStreamDestroy(s.value);
      cuda.cudaFree(d);
    });
  });

  it('orders a second stream after an event wait, and reports a read racing with another stream (OB2007)', () => {
    const ordered = inProcess(() => {
      const [s1, s2] = [ref<cuda.cudaStream_t>(), ref<cuda.cudaStream_t>()];
      cuda.cudaStreamCreateWithFlags(s1, cuda.cudaStreamNonBlocking);
      cuda.cudaStreamCreateWithFlags(s2, cuda.cudaStreamNonBlocking);
      const e = ref<cuda.cudaEvent_t>();
      cuda.cudaEventCreateWithFlags(e, cuda.cudaEventDisableTiming);
      const [a, b] = [allocate(64), allocate(64)];
      cuda.cudaMemsetAsync(a, 1, 64, s1.value);
      cuda.cudaEventRecord(e.value, s1.value);
      cuda.cudaStreamWaitEvent(s2.value, e.value, 0);
      cuda.cudaMemcpyAsync(b, a, 64, cudaMemcpyDeviceToDevice, s2.value);
      cuda.cudaDeviceSynchronize();
    });
    expect(diagnosticIds(ordered)).toEqual([]);
    const racing = inProcess(() => {
      const [s1, s2] = [ref<cuda.cudaStream_t>(), ref<cuda.cudaStream_t>()];
      cuda.cudaStreamCreateWithFlags(s1, cuda.cudaStreamNonBlocking);
      cuda.cudaStreamCreateWithFlags(s2, cuda.cudaStreamNonBlocking);
      const [a, b] = [allocate(64), allocate(64)];
      cuda.cudaMemsetAsync(a, 1, 64, s1.value);
      cuda.cudaMemcpyAsync(b, a, 64, cudaMemcpyDeviceToDevice, s2.value);
    });
    expect(diagnosticIds(racing)).toEqual(['OB2007']);
  });

  it('reports a device-to-host result on a non-blocking stream returned without synchronising (OB2006)', () => {
    let out!: Float32Array;
    const p = inProcess(() => {
      const pinned = ref<ArrayBuffer>();
      cuda.cudaMallocHost(pinned, 16);
      out = new Float32Array(pinned.value);
      const s = ref<cuda.cudaStream_t>();
      cuda.cudaStreamCreateWithFlags(s, cuda.cudaStreamNonBlocking);
      const d = upload(new Float32Array([1, 2, 3, 4]));
      cuda.cudaMemcpyAsync(pinned.value, d, 16, cudaMemcpyDeviceToHost, s.value);
    });
    finalChecks(p, [{ name: 'y', value: out }]);
    expect(diagnosticIds(p)).toContain('OB2006');
    expect(p.diagnostics.entries.find((d) => d.id === 'OB2006')?.message).toMatch(/output 'y'.*cudaMemcpyAsync/);
  });
});

describe('CUDA runtime: errors', () => {
  it('keeps the last error until cudaGetLastError reads it; cudaPeekAtLastError does not reset it', () => {
    inProcess(() => {
      expect(cuda.cudaGetLastError()).toBe(cudaSuccess);
      cuda.cudaMalloc(ref<cuda.DevicePtr>(), -1);
      expect(cuda.cudaMalloc(ref<cuda.DevicePtr>(), 8)).toBe(cudaSuccess); // a success does not clear it
      expect(cuda.cudaPeekAtLastError()).toBe(cudaErrorInvalidValue);
      expect(cuda.cudaPeekAtLastError()).toBe(cudaErrorInvalidValue);
      expect(cuda.cudaGetLastError()).toBe(cudaErrorInvalidValue);
      expect(cuda.cudaGetLastError()).toBe(cudaSuccess);
    });
  });

  it('names and describes errors as the runtime does', () => {
    expect(cuda.cudaGetErrorName(cudaErrorInvalidValue)).toBe('cudaErrorInvalidValue');
    expect(cuda.cudaGetErrorString(cudaErrorInvalidValue)).toBe('invalid argument');
    expect(cuda.cudaGetErrorString(cudaErrorIllegalAddress)).toBe('an illegal memory access was encountered');
    expect(cuda.cudaGetErrorString(cudaSuccess)).toBe('no error');
    expect(cuda.cudaGetErrorName(12345 as never)).toBe('unrecognized error code');
    expect(cuda.cudaGetErrorString(12345 as never)).toBe('unrecognized error code');
  });
});
