import { describe, expect, it } from 'vitest';
import { DeviceFault } from '../../../src/backends/sim/device-fault.js';
import { DeviceMemory } from '../../../src/backends/sim/device-memory.js';

const faultKind = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DeviceFault) return e.kind;
    throw e;
  }
  return undefined;
};

describe('DeviceMemory', () => {
  it('hands out distinct, aligned fake addresses and shares bytes through typed views', () => {
    const m = new DeviceMemory(0, 1 << 20);
    const a = m.allocate(100, 'device');
    const b = m.allocate(8, 'device');
    expect(b.address - a.address).toBeGreaterThanOrEqual(100n);
    expect(a.address % 512n).toBe(0n);
    const view = m.typed(a, 'float32', 4) as Float32Array;
    view[2] = 1.5;
    expect((m.typed(a.plus(8), 'float32', 1) as Float32Array)[0]).toBe(1.5);
  });

  it('reports out-of-bounds, misaligned, use-after-free, double and interior frees', () => {
    const m = new DeviceMemory(0, 1 << 20);
    const p = m.allocate(16, 'device');
    expect(faultKind(() => m.typed(p, 'float32', 5))).toBe('out-of-bounds');
    expect(faultKind(() => m.typed(p.plus(-4), 'float32', 1))).toBe('out-of-bounds');
    expect(faultKind(() => m.typed(p.plus(2), 'float32', 1))).toBe('misaligned');
    expect(faultKind(() => m.free(p.plus(4), 'device'))).toBe('invalid-free');
    m.free(p, 'device');
    expect(faultKind(() => m.bytes(p, 1))).toBe('use-after-free');
    expect(faultKind(() => m.free(p, 'device'))).toBe('double-free');
  });

  it('refuses allocations beyond capacity and lists leaks', () => {
    const m = new DeviceMemory(0, 64);
    expect(faultKind(() => m.allocate(65, 'device'))).toBe('out-of-memory');
    const kept = m.allocate(32, 'device');
    const freed = m.allocate(16, 'device');
    m.free(freed, 'device');
    expect(m.leaks().map((a) => a.id)).toEqual([kept.allocation.id]);
    expect(m.used).toBe(32);
  });
});
