import { describe, expect, it } from 'vitest';
import {
  XPUERR_INVALID_DEVICE,
  XPUERR_INVALID_PARAM,
  XPUERR_USEAFCLOSE,
  XPU_DEVICE_TO_DEVICE,
  XPU_DEVICE_TO_HOST,
  XPU_HOST_TO_DEVICE,
  XPU_MEM_L3,
  XPU_SUCCESS,
  ref,
  xpu_current_device,
  xpu_device_count,
  xpu_event_create,
  xpu_event_destroy,
  xpu_event_record,
  xpu_event_wait,
  xpu_free,
  xpu_host_alloc,
  xpu_host_free,
  xpu_malloc,
  xpu_memcpy,
  xpu_memcpy_async,
  xpu_set_device,
  xpu_stream_create,
  xpu_stream_destroy,
  xpu_stream_wait_event,
  xpu_strerror,
  xpu_wait,
  BKCLUniqueId,
  bkcl_get_unique_id,
  bkcl_init_rank,
  xpu,
  type BKCLContext_t,
  type DevicePtr,
  type XPUEvent,
  type XPUStream,
} from '../../../src/backends/kunlun/index.js';
import { SimProcess, withProcess } from '../../../src/backends/sim/sim-process.js';
import { finalChecks } from '../../../src/run/final-checks.js';

/** Runs `fn` in a fresh single-rank process and returns the process for its diagnostics. */
function run(fn: () => void): SimProcess {
  const process = new SimProcess({ deviceMemoryBytes: 1 << 20 });
  withProcess(process, fn);
  return process;
}

const ids = (p: SimProcess): string[] => p.diagnostics.entries.map((d) => d.id);

function deviceBuffer(bytes: number): DevicePtr {
  const p = ref<DevicePtr>();
  expect(xpu_malloc(p, bytes)).toBe(XPU_SUCCESS);
  return p.value;
}

describe('XPU runtime: devices and memory', () => {
  it('counts devices, switches the current device and rejects one that does not exist', () => {
    const p = run(() => {
      const count = ref<number>();
      const dev = ref<number>();
      expect(xpu_device_count(count)).toBe(XPU_SUCCESS);
      expect(count.value).toBe(8);
      expect(xpu_set_device(3)).toBe(XPU_SUCCESS);
      expect(xpu_current_device(dev)).toBe(XPU_SUCCESS);
      expect(dev.value).toBe(3);
      expect(xpu_set_device(8)).toBe(XPUERR_INVALID_DEVICE);
      expect(xpu_current_device(dev)).toBe(XPU_SUCCESS);
      expect(dev.value).toBe(3);
    });
    expect(ids(p)).toEqual(['OB2013']);
    expect(p.diagnostics.entries[0].status).toBe('XPUERR_INVALID_DEVICE');
  });

  it('round-trips data host -> device -> device -> host with the XPU direction numbering (D2H = 0)', () => {
    expect([XPU_DEVICE_TO_HOST, XPU_HOST_TO_DEVICE, XPU_DEVICE_TO_DEVICE]).toEqual([0, 1, 2]);
    const p = run(() => {
      const a = deviceBuffer(16);
      const b = deviceBuffer(16);
      const host = new Float32Array([1, 2, 3, 4]);
      const back = new Float32Array(4);
      expect(xpu_memcpy(a, host, 16, XPU_HOST_TO_DEVICE)).toBe(XPU_SUCCESS);
      expect(xpu_memcpy(b, a, 16, XPU_DEVICE_TO_DEVICE)).toBe(XPU_SUCCESS);
      expect(xpu_memcpy(back, b, 16, XPU_DEVICE_TO_HOST)).toBe(XPU_SUCCESS);
      expect([...back]).toEqual([1, 2, 3, 4]);
      expect(xpu_free(a)).toBe(XPU_SUCCESS);
      expect(xpu_free(b)).toBe(XPU_SUCCESS);
    });
    expect(ids(p)).toEqual([]);
    // Each direction is traced as what it is: two copies into device memory, one out to the host.
    expect(p.tracer.records.map((r) => r.kind)).toEqual(['copy-on-device', 'copy-on-device', 'copy-to-host']);
  });

  it("names the XPU kind when a port keeps CUDA's numbering (cudaMemcpyDeviceToHost = 2 is XPU_DEVICE_TO_DEVICE)", () => {
    const p = run(() => {
      const a = deviceBuffer(16);
      const host = new Float32Array(4);
      expect(xpu_memcpy(host, a, 16, 2 as typeof XPU_DEVICE_TO_DEVICE)).toBe(XPUERR_INVALID_PARAM);
      expect(xpu_memcpy(host, a, 16, 3 as typeof XPU_DEVICE_TO_DEVICE)).toBe(XPUERR_INVALID_PARAM);
      xpu_free(a);
    });
    expect(ids(p)).toEqual(['OB2004', 'OB2013']);
    expect(p.diagnostics.entries[0].message).toMatch(/host memory where device memory is required.*XPU_DEVICE_TO_DEVICE/);
    expect(p.diagnostics.entries[1].message).toMatch(/not an XPUMemcpyKind/);
  });

  it('reports out-of-bounds copies, use after free, double free and host pointers passed to xpu_free', () => {
    const p = run(() => {
      const a = deviceBuffer(16);
      expect(xpu_memcpy(a, new Float32Array(8), 32, XPU_HOST_TO_DEVICE)).toBe(XPUERR_INVALID_PARAM);
      expect(xpu_free(a)).toBe(XPU_SUCCESS);
      expect(xpu_memcpy(new Float32Array(4), a, 16, XPU_DEVICE_TO_HOST)).toBe(XPUERR_INVALID_PARAM);
      expect(xpu_free(a)).toBe(XPUERR_INVALID_PARAM);
      expect(xpu_free(new Float32Array(4) as unknown as DevicePtr)).toBe(XPUERR_INVALID_PARAM);
    });
    expect(ids(p)).toEqual(['OB2001', 'OB2002', 'OB2003', 'OB2004']);
  });

  it('allocates L3 scratch like main memory and rejects an unknown memory kind', () => {
    const p = run(() => {
      const l3 = ref<DevicePtr>();
      expect(xpu_malloc(l3, 64, XPU_MEM_L3)).toBe(XPU_SUCCESS);
      expect(xpu_free(l3.value)).toBe(XPU_SUCCESS);
      expect(xpu_malloc(ref<DevicePtr>(), 64, 7 as typeof XPU_MEM_L3)).toBe(XPUERR_INVALID_PARAM);
    });
    expect(ids(p)).toEqual(['OB2013']);
  });

  it('pins host memory with flags = 0 only and catches double and foreign frees', () => {
    const p = run(() => {
      const h = ref<ArrayBuffer>();
      expect(xpu_host_alloc(h, 32, 1)).toBe(XPUERR_INVALID_PARAM);
      expect(xpu_host_alloc(h, 32, 0)).toBe(XPU_SUCCESS);
      const view = new Float32Array(h.value);
      expect(view.length).toBe(8);
      expect(xpu_host_free(view)).toBe(XPU_SUCCESS);
      expect(xpu_host_free(h.value)).toBe(XPUERR_INVALID_PARAM);
      expect(xpu_host_free(new Float32Array(2))).toBe(XPUERR_INVALID_PARAM);
    });
    expect(ids(p)).toEqual(['OB2013', 'OB2003', 'OB2013']);
  });

  it('reports leaked device memory, pinned memory, streams, events, XDNN contexts and BKCL communicators at exit', () => {
    const p = run(() => {
      deviceBuffer(8);
      xpu_host_alloc(ref<ArrayBuffer>(), 16, 0);
      xpu_stream_create(ref<XPUStream>());
      xpu_event_create(ref<XPUEvent>());
      xpu.create_context();
      const id = new BKCLUniqueId();
      bkcl_get_unique_id(id);
      bkcl_init_rank(ref<BKCLContext_t>(), 0, 1, id);
    });
    finalChecks(p, []);
    expect(ids(p)).toEqual(['OB2005', 'OB2005', 'OB2005', 'OB2005', 'OB2005', 'OB2005']);
    expect(p.diagnostics.entries.map((d) => d.message).join('\n')).toMatch(
      /8 bytes of device memory[\s\S]*16 bytes of pinned host memory[\s\S]*XPUStream[\s\S]*XPUEvent[\s\S]*xpu::Context[\s\S]*BKCLContext_t/,
    );
  });
});

describe('XPU runtime: streams and events', () => {
  it('orders a copy on another stream only after an event wait', () => {
    const racy = run(() => {
      const [s1, s2] = [ref<XPUStream>(), ref<XPUStream>()];
      xpu_stream_create(s1);
      xpu_stream_create(s2);
      const a = deviceBuffer(16);
      const b = deviceBuffer(16);
      const host = new Float32Array(4);
      expect(xpu_memcpy_async(a, host, 16, XPU_HOST_TO_DEVICE, s1.value)).toBe(XPU_SUCCESS);
      expect(xpu_memcpy_async(b, a, 16, XPU_DEVICE_TO_DEVICE, s2.value)).toBe(XPU_SUCCESS);
    });
    expect(ids(racy)).toEqual(['OB2007']);

    const ordered = run(() => {
      const [s1, s2] = [ref<XPUStream>(), ref<XPUStream>()];
      const event = ref<XPUEvent>();
      xpu_stream_create(s1);
      xpu_stream_create(s2);
      xpu_event_create(event);
      const a = deviceBuffer(16);
      const b = deviceBuffer(16);
      xpu_memcpy_async(a, new Float32Array(4), 16, XPU_HOST_TO_DEVICE, s1.value);
      expect(xpu_event_record(event.value, s1.value)).toBe(XPU_SUCCESS);
      expect(xpu_stream_wait_event(s2.value, event.value)).toBe(XPU_SUCCESS);
      xpu_memcpy_async(b, a, 16, XPU_DEVICE_TO_DEVICE, s2.value);
      expect(xpu_event_wait(event.value)).toBe(XPU_SUCCESS);
      expect(xpu_event_destroy(event.value)).toBe(XPU_SUCCESS);
      expect(xpu_event_destroy(event.value)).toBe(XPUERR_INVALID_PARAM);
    });
    expect(ids(ordered)).toEqual(['OB2008']);
  });

  it('flags host memory reused before xpu_wait on the stream of an async device-to-host copy', () => {
    const p = run(() => {
      const s = ref<XPUStream>();
      xpu_stream_create(s);
      const a = deviceBuffer(16);
      const host = new Float32Array(4);
      xpu_memcpy(a, new Float32Array([1, 2, 3, 4]), 16, XPU_HOST_TO_DEVICE);
      xpu_memcpy_async(host, a, 16, XPU_DEVICE_TO_HOST, s.value);
      xpu_memcpy(a, host, 16, XPU_HOST_TO_DEVICE); // reads `host` while the copy may still write it
      expect(xpu_wait(s.value)).toBe(XPU_SUCCESS);
      xpu_memcpy(a, host, 16, XPU_HOST_TO_DEVICE);
    });
    expect(ids(p)).toEqual(['OB2006']);
  });

  it('returns XPUERR_USEAFCLOSE for a destroyed stream and waits on the default stream for NULL', () => {
    const p = run(() => {
      const s = ref<XPUStream>();
      expect(xpu_stream_create(s)).toBe(XPU_SUCCESS);
      expect(xpu_wait()).toBe(XPU_SUCCESS);
      expect(xpu_wait(null)).toBe(XPU_SUCCESS);
      expect(xpu_stream_destroy(s.value)).toBe(XPU_SUCCESS);
      expect(xpu_wait(s.value)).toBe(XPUERR_USEAFCLOSE);
      expect(xpu_stream_destroy(s.value)).toBe(XPUERR_USEAFCLOSE);
    });
    expect(ids(p)).toEqual(['OB2008', 'OB2008']);
    expect(p.diagnostics.entries[0].status).toBe('XPUERR_USEAFCLOSE');
  });
});

describe('xpu_strerror', () => {
  it("returns defs.h's description for XPU codes, of either sign, and strerror text below 700", () => {
    expect(xpu_strerror(XPU_SUCCESS)).toBe('Success');
    expect(xpu_strerror(XPUERR_INVALID_PARAM)).toBe('Invalid parameter');
    expect(xpu_strerror(-705)).toBe('Device memory not enough');
    expect(xpu_strerror(XPUERR_USEAFCLOSE)).toBe('Use a stream after closed');
    expect(xpu_strerror(703)).toBe('Unknown error'); // XPUERR_NODEV has no case in the header's switch
    expect(xpu_strerror(12)).toMatch(/memory/i); // ENOMEM via the C library
  });
});
