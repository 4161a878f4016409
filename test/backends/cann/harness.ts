/**
 * In-process test harness for the CANN facade: a fresh simulated process with ACL initialised,
 * device 0 set and a stream created, plus helpers to put host data on the device as aclTensors,
 * read results back (after synchronising), and run a two-phase aclnn call allocating the
 * workspace the first phase asks for.
 */
import * as cann from '../../../src/backends/cann/index.js';
import { ref, type Ref } from '../../../src/backends/sim/ref.js';
import type { DevicePtr } from '../../../src/backends/sim/device-memory.js';
import { SimProcess, withProcess, type SimProcessOptions } from '../../../src/backends/sim/sim-process.js';

type Host = Float32Array | Float64Array | Int32Array | BigInt64Array | Uint8Array | Uint16Array | Int8Array | Int16Array;

export interface Device {
  readonly t: cann.aclTensor;
  readonly ptr: DevicePtr;
}

export interface Session {
  readonly process: SimProcess;
  readonly stream: cann.AclStream;
  /** Allocates, copies in and wraps `host` as a contiguous aclTensor of `shape`. */
  dev(host: Host, shape: readonly number[], dataType?: number): Device;
  /** Synchronises the stream and copies `count` elements back into a new array of `type`. */
  read(ptr: DevicePtr, count: number): Float32Array;
  read<T extends Host>(ptr: DevicePtr, count: number, type: new (n: number) => T): T;
  /** GetWorkspaceSize, workspace allocation when > 0, run; returns both statuses. */
  twoPhase(
    prepare: (workspaceSize: Ref<number>, executor: Ref<cann.aclOpExecutor>) => number,
    run: (workspace: DevicePtr | null, workspaceSize: number, executor: cann.aclOpExecutor, stream: cann.AclStream) => number,
  ): { prepared: number; ran: number; workspaceSize: number };
  ids(): string[];
}

export function contiguousStrides(shape: readonly number[]): number[] {
  return shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
}

export function withCann<T>(fn: (s: Session) => T, options: SimProcessOptions = {}): T {
  const process = new SimProcess(options);
  return withProcess(process, () => {
    if (cann.aclInit(null) !== cann.ACL_SUCCESS || cann.aclrtSetDevice(0) !== cann.ACL_SUCCESS) throw new Error('ACL setup failed');
    const stream = ref<cann.AclStream>();
    cann.aclrtCreateStream(stream);
    const session: Session = {
      process,
      stream: stream.value,
      dev(host, shape, dataType = cann.ACL_FLOAT) {
        const p = ref<DevicePtr>();
        if (cann.aclrtMalloc(p, Math.max(host.byteLength, 1), cann.ACL_MEM_MALLOC_HUGE_FIRST) !== 0) throw new Error('aclrtMalloc failed');
        if (host.byteLength > 0) cann.aclrtMemcpy(p.value, host.byteLength, host, host.byteLength, cann.ACL_MEMCPY_HOST_TO_DEVICE);
        const t = cann.aclCreateTensor(shape, shape.length, dataType, contiguousStrides(shape), 0, cann.ACL_FORMAT_ND, shape, shape.length, p.value);
        if (!t) throw new Error(`aclCreateTensor failed: ${cann.aclGetRecentErrMsg()}`);
        return { t, ptr: p.value };
      },
      read(ptr: DevicePtr, count: number, type: new (n: number) => Host = Float32Array) {
        cann.aclrtSynchronizeStream(stream.value);
        const out = new type(count);
        cann.aclrtMemcpy(out, out.byteLength, ptr, out.byteLength, cann.ACL_MEMCPY_DEVICE_TO_HOST);
        return out as never;
      },
      twoPhase(prepare, run) {
        const workspaceSize = ref<number>();
        const executor = ref<cann.aclOpExecutor>();
        const prepared = prepare(workspaceSize, executor);
        if (prepared !== 0) return { prepared, ran: NaN, workspaceSize: NaN };
        const ws = ref<DevicePtr>();
        if (workspaceSize.value > 0) cann.aclrtMalloc(ws, workspaceSize.value, cann.ACL_MEM_MALLOC_HUGE_FIRST);
        const ran = run(workspaceSize.value > 0 ? ws.value : null, workspaceSize.value, executor.value, stream.value);
        return { prepared, ran, workspaceSize: workspaceSize.value };
      },
      ids: () => process.diagnostics.entries.map((d) => d.id),
    };
    return fn(session);
  });
}
