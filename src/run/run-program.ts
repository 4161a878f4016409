/**
 * `runProgram(file, options)`: executes a model program as N ranks, each in its own worker
 * thread with a time limit and a heap limit, exchanging collective data through shared
 * memory. Returns each rank's named outputs, trace and diagnostics. `opbridge run` and
 * `opbridge verify` are built on this.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError, OpbridgeError, UsageError } from '../errors.js';
import type { RuntimeDiagnostic } from '../backends/sim/diagnostics.js';
import type { TraceLevel, TraceRecord } from '../backends/sim/trace.js';
import type { RunMode } from '../runtime/kernel.js';
import type { Tensor } from '../runtime/tensor.js';
import { fromTensorData } from '../runtime/tensor-transfer.js';
import { runnerFiles } from './module-map.js';
import { createArena } from './shared-memory-transport.js';
import type { WorkerInput } from './program-worker.js';
import type { WorkerResult } from './worker-protocol.js';

export interface RunProgramOptions {
  readonly ranks?: number;
  readonly mode?: RunMode;
  readonly traceLevel?: TraceLevel;
  /** Wall-clock limit for the whole run (default 120 s). */
  readonly timeoutMs?: number;
  /** V8 heap limit per rank worker in MB (default 2048). */
  readonly maxHeapMb?: number;
  /** Simulated device memory per device in bytes (default 4 GiB). */
  readonly deviceMemoryBytes?: number;
  /** Bytes each rank may contribute to one collective (default 64 MiB). */
  readonly collectiveBufferBytes?: number;
}

export interface RankRun {
  readonly rank: number;
  readonly outputs: ReadonlyMap<string, Tensor>;
  readonly trace: readonly TraceRecord[];
  readonly diagnostics: readonly RuntimeDiagnostic[];
  readonly simulatedTimeUs: number;
}

export interface ProgramRun {
  readonly file: string;
  readonly ranks: readonly RankRun[];
  readonly mode: RunMode;
}

/** A program that threw, or a rank that crashed, timed out or ran out of memory. */
export class ProgramError extends OpbridgeError {}

export async function runProgram(file: string, options: RunProgramOptions = {}): Promise<ProgramRun> {
  const path = resolve(file);
  if (!existsSync(path)) throw new InputError('program file not found', { location: { file }, fix: 'check the path' });
  const nranks = options.ranks ?? 1;
  if (!Number.isInteger(nranks) || nranks < 1 || nranks > 64) {
    throw new UsageError(`--ranks must be an integer between 1 and 64, got ${options.ranks}`);
  }
  const mode = options.mode ?? 'profiled';
  const timeoutMs = options.timeoutMs ?? 120_000;
  const files = runnerFiles();
  const arena = createArena(nranks, options.collectiveBufferBytes ?? 64 * 1024 * 1024);
  const workers: Worker[] = [];
  const results = await new Promise<WorkerResult[]>((resolveAll, reject) => {
    const collected: WorkerResult[] = [];
    const timer = setTimeout(() => {
      fail(new ProgramError(`the program did not finish within ${timeoutMs / 1000} s`, { location: { file }, fix: 'look for an infinite loop or a rank waiting for a collective that never comes; raise --timeout if the program is just slow' }));
    }, timeoutMs);
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const w of workers) void w.terminate();
      reject(error);
    };
    for (let rank = 0; rank < nranks; rank++) {
      const input: WorkerInput = {
        programUrl: pathToFileURL(path).href,
        rank,
        arena,
        mode,
        traceLevel: options.traceLevel ?? 'outputs',
        deviceMemoryBytes: options.deviceMemoryBytes ?? 4 * 1024 ** 3,
        collectiveTimeoutMs: Math.max(1000, timeoutMs - 1000),
      };
      const worker = new Worker(files.bootstrap, {
        workerData: { ...input, resolveHookUrl: files.resolveHook, moduleMap: files.moduleMap, workerModuleUrl: files.workerModule },
        resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 2048 },
        stdout: false,
        stderr: false,
      });
      workers.push(worker);
      worker.on('message', (message: WorkerResult) => {
        if (!message.ok) {
          const e = message.error;
          const where = e.file ? { file: e.file, line: e.line } : { file };
          fail(new ProgramError(`rank ${message.rank}: ${e.message}`, { location: where, fix: e.fix ?? 'fix the program (OPBRIDGE_DEBUG=1 prints the stack trace)', cause: e.stack }));
          return;
        }
        collected.push(message);
        void worker.terminate();
        if (collected.length === nranks && !settled) {
          settled = true;
          clearTimeout(timer);
          resolveAll(collected);
        }
      });
      worker.on('error', (error) => {
        const oom = /heap out of memory|ERR_WORKER_OUT_OF_MEMORY/i.test(`${error.message} ${(error as { code?: string }).code ?? ''}`);
        fail(
          new ProgramError(oom ? `rank ${rank} ran out of memory (heap limit ${options.maxHeapMb ?? 2048} MB)` : `rank ${rank} crashed: ${error.message}`, {
            location: { file },
            fix: oom ? 'reduce the problem size or raise --max-heap' : 'fix the program (OPBRIDGE_DEBUG=1 prints the stack trace)',
            cause: error,
          }),
        );
      });
      worker.on('exit', (code) => {
        if (!settled && code !== 0 && !collected.some((r) => r.rank === rank)) {
          fail(new ProgramError(`rank ${rank} exited with code ${code}`, { location: { file } }));
        }
      });
    }
  });
  results.sort((a, b) => a.rank - b.rank);
  return {
    file: path,
    mode,
    ranks: results.map((r) => {
      if (!r.ok) throw new Error('unreachable');
      return {
        rank: r.rank,
        outputs: new Map(r.outputs.map((o) => [o.name, fromTensorData(o.data)])),
        trace: r.trace,
        diagnostics: r.diagnostics,
        simulatedTimeUs: r.simulatedTimeUs,
      };
    }),
  };
}
