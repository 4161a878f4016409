/** Test helpers for the Kunlun facade: device buffers filled and read back through xpu_memcpy. */
import { expect } from 'vitest';
import {
  XPU_DEVICE_TO_HOST,
  XPU_HOST_TO_DEVICE,
  XPU_SUCCESS,
  ref,
  xpu_malloc,
  xpu_memcpy,
  xpu_wait,
  type DevicePtr,
} from '../../../src/backends/kunlun/index.js';
import { SimProcess, withProcess } from '../../../src/backends/sim/sim-process.js';

type HostArray = Float32Array | Float64Array | Int32Array | BigInt64Array | Uint16Array | Int16Array;

export function upload(host: HostArray): DevicePtr {
  const p = ref<DevicePtr>();
  expect(xpu_malloc(p, host.byteLength)).toBe(XPU_SUCCESS);
  expect(xpu_memcpy(p.value, host, host.byteLength, XPU_HOST_TO_DEVICE)).toBe(XPU_SUCCESS);
  return p.value;
}

export function deviceZeros(bytes: number): DevicePtr {
  const p = ref<DevicePtr>();
  expect(xpu_malloc(p, bytes)).toBe(XPU_SUCCESS);
  return p.value;
}

/** Waits for the default stream (where contexts without set_stream run) and copies back. */
export function download<T extends HostArray>(ptr: DevicePtr, into: T): T {
  expect(xpu_wait()).toBe(XPU_SUCCESS);
  expect(xpu_memcpy(into, ptr, into.byteLength, XPU_DEVICE_TO_HOST)).toBe(XPU_SUCCESS);
  return into;
}

/** Runs `fn` in a fresh single-rank process; returns the process (diagnostics, trace) and fn's result. */
export function inProcess<T>(fn: () => T, options: { mode?: 'golden' | 'profiled' } = {}): { process: SimProcess; result: T } {
  const process = new SimProcess({ deviceMemoryBytes: 1 << 24, mode: options.mode });
  const result = withProcess(process, fn);
  return { process, result };
}

export const diagnosticIds = (p: SimProcess): string[] => p.diagnostics.entries.map((d) => d.id);

/** Max |a - e| / (atol + rtol·|e|); <= 1 means within tolerance. */
export function toleranceRatio(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol: number, atol: number): number {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const ratio = Math.abs(actual[i] - expected[i]) / (atol + rtol * Math.abs(expected[i]));
    if (!(ratio <= worst)) worst = Number.isNaN(ratio) ? Infinity : ratio;
  }
  return worst;
}

/** A deterministic pseudo-random float32 array in [low, high). */
export function seeded(count: number, seed: number, low = -1, high = 1): Float32Array {
  let state = seed >>> 0;
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = low + ((high - low) * state) / 4294967296;
  }
  return out;
}
