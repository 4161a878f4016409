/**
 * The device buffers that hold a graph's virtual intermediates around one execute, written with
 * the target's runtime: CANN `aclrtMalloc(p, bytes, ACL_MEM_MALLOC_HUGE_FIRST)` and `aclrtFree`
 * (which waits for the device); Kunlun `xpu_malloc(p, bytes, XPU_MEM_MAIN)`, then after the
 * nodes `xpu_wait(ctx.xpu_stream)` (XDNN calls run asynchronously on the context's stream) and
 * `xpu_free`; Cambricon `cnrtMalloc(p, bytes)`, then `cnrtSyncDevice()` (the queues of the device
 * have run the nodes) and `cnrtFree`; MUSA `musaMalloc(p, bytes)`, then `musaDeviceSynchronize()`
 * and `musaFree`. Targets not listed have no temporaries written yet.
 */
import type { BackendId } from '../../../catalog/vocabulary.js';

export interface TemporaryMemory {
  /** The allocation statement (no semicolon) of `name` (a `ref<DevicePtr>()`). */
  readonly allocate: (v: (name: string) => string, name: string, bytes: string) => string;
  /** The release statements after the nodes, given the buffers and the execute's handle. */
  readonly release: (v: (name: string) => string, names: readonly string[], handle: string | undefined) => string[] | undefined;
  readonly symbols: readonly [allocate: string, free: string];
}

const MEMORY: Partial<Record<BackendId, TemporaryMemory>> = {
  cann: {
    allocate: (v, name, bytes) => `${v('aclrtMalloc')}(${name}, ${bytes}, ${v('ACL_MEM_MALLOC_HUGE_FIRST')})`,
    release: (v, names) => names.map((n) => `${v('aclrtFree')}(${n}.value)`),
    symbols: ['aclrtMalloc', 'aclrtFree'],
  },
  kunlun: {
    allocate: (v, name, bytes) => `${v('xpu_malloc')}(${name}, ${bytes}, ${v('XPU_MEM_MAIN')})`,
    release: (v, names, handle) => (handle ? [`${v('xpu_wait')}(${handle}.xpu_stream)`, ...names.map((n) => `${v('xpu_free')}(${n}.value)`)] : undefined),
    symbols: ['xpu_malloc', 'xpu_free'],
  },
  musa: {
    allocate: (v, name, bytes) => `${v('musaMalloc')}(${name}, ${bytes})`,
    release: (v, names) => [`${v('musaDeviceSynchronize')}()`, ...names.map((n) => `${v('musaFree')}(${n}.value)`)],
    symbols: ['musaMalloc', 'musaFree'],
  },
  cambricon: {
    allocate: (v, name, bytes) => `${v('cnrtMalloc')}(${name}, ${bytes})`,
    release: (v, names) => [`${v('cnrtSyncDevice')}()`, ...names.map((n) => `${v('cnrtFree')}(${n}.value)`)],
    symbols: ['cnrtMalloc', 'cnrtFree'],
  },
};

export function temporaryMemory(target: BackendId): TemporaryMemory | undefined {
  return MEMORY[target];
}
