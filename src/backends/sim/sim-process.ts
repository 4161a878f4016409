/**
 * One rank's simulated world: its devices' memory, streams and events, live handles,
 * the trace, diagnostics, and how it talks to other ranks. Facade functions act on the
 * active process, as C APIs act on process-global state.
 */
import type { RunMode } from '../../runtime/kernel.js';
import { AccessTracker } from './access-tracker.js';
import type { CallSite } from './call-site.js';
import { LoopbackTransport, type CollectiveTransport } from './collective-transport.js';
import { DeviceMemory } from './device-memory.js';
import { DiagnosticLog } from './diagnostics.js';
import { StreamOrdering } from './stream-ordering.js';
import { Tracer, type TraceLevel } from './trace.js';

export interface SimProcessOptions {
  readonly rank?: number;
  readonly mode?: RunMode;
  readonly devices?: number;
  readonly deviceMemoryBytes?: number;
  readonly traceLevel?: TraceLevel;
  readonly transport?: CollectiveTransport;
}

/** An opaque vendor object (handle, descriptor, stream wrapper, executor, ...). */
export interface LiveObject {
  readonly kind: string;
  destroyed: boolean;
  readonly site: CallSite | undefined;
}

export const DEFAULT_DEVICE_COUNT = 8;
export const DEFAULT_DEVICE_MEMORY = 16 * 1024 ** 3;

export class SimProcess {
  readonly rank: number;
  readonly mode: RunMode;
  readonly deviceCount: number;
  readonly deviceMemoryBytes: number;
  readonly transport: CollectiveTransport;
  readonly ordering = new StreamOrdering();
  readonly access = new AccessTracker();
  readonly diagnostics = new DiagnosticLog();
  readonly tracer: Tracer;
  currentDevice = 0;
  private readonly memories = new Map<number, DeviceMemory>();
  private readonly hostPinned = new Map<ArrayBuffer, { site: CallSite | undefined; freed: boolean }>();
  private readonly objects = new Set<LiveObject>();
  /** Per-backend state that facades keep between calls (last error, init flags, ...). */
  readonly backendState = new Map<string, unknown>();

  constructor(options: SimProcessOptions = {}) {
    this.transport = options.transport ?? new LoopbackTransport();
    this.rank = options.rank ?? this.transport.rank;
    this.mode = options.mode ?? 'profiled';
    this.deviceCount = options.devices ?? DEFAULT_DEVICE_COUNT;
    this.deviceMemoryBytes = options.deviceMemoryBytes ?? DEFAULT_DEVICE_MEMORY;
    this.tracer = new Tracer(options.traceLevel ?? 'outputs', this.rank);
  }

  get nranks(): number {
    return this.transport.nranks;
  }

  memory(device = this.currentDevice): DeviceMemory {
    let m = this.memories.get(device);
    if (!m) this.memories.set(device, (m = new DeviceMemory(device, this.deviceMemoryBytes)));
    return m;
  }

  allMemories(): DeviceMemory[] {
    return [...this.memories.values()];
  }

  /** Pinned host memory (cudaMallocHost, aclrtMallocHost, ...), tracked for frees and leaks. */
  allocatePinned(bytes: number, site?: CallSite): ArrayBuffer {
    const buffer = new ArrayBuffer(bytes);
    this.hostPinned.set(buffer, { site, freed: false });
    return buffer;
  }

  /** Returns 'ok', or what is wrong with freeing this host buffer. */
  freePinned(buffer: ArrayBufferLike): 'ok' | 'not-pinned' | 'double-free' {
    const entry = this.hostPinned.get(buffer as ArrayBuffer);
    if (!entry) return 'not-pinned';
    if (entry.freed) return 'double-free';
    entry.freed = true;
    return 'ok';
  }

  pinnedLeaks(): { site: CallSite | undefined; bytes: number }[] {
    return [...this.hostPinned.entries()].filter(([, e]) => !e.freed).map(([b, e]) => ({ site: e.site, bytes: b.byteLength }));
  }

  track<T extends LiveObject>(object: T): T {
    this.objects.add(object);
    return object;
  }

  release(object: LiveObject): void {
    object.destroyed = true;
    this.objects.delete(object);
  }

  liveObjects(): LiveObject[] {
    return [...this.objects];
  }

  state<T>(backend: string, init: () => T): T {
    let s = this.backendState.get(backend) as T | undefined;
    if (s === undefined) this.backendState.set(backend, (s = init()));
    return s;
  }
}

let active: SimProcess | undefined;

/** The process facade calls act on; a single-rank profiled one is created on first use. */
export function currentProcess(): SimProcess {
  active ??= new SimProcess();
  return active;
}

/** Installs `process` as the active one (the program runner does this once per rank). */
export function activateProcess(process: SimProcess): void {
  active = process;
}

/** Runs `fn` with `process` active, restoring the previous one afterwards (tests, in-process runs). */
export function withProcess<T>(process: SimProcess, fn: () => T): T {
  const previous = active;
  active = process;
  try {
    return fn();
  } finally {
    active = previous;
  }
}
