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
import { RUN_QUERY } from './run-query.js';
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

/** One run of a program: how its calls compute and how much of them the trace keeps. */
export interface RunRequest {
  readonly mode: RunMode;
  readonly traceLevel?: TraceLevel;
}

/** A failed run of a program, saying which run (mode) failed. */
export class RunFailure extends ProgramError {
  constructor(
    message: string,
    readonly mode: RunMode,
    details: ConstructorParameters<typeof ProgramError>[1],
  ) {
    super(message, details);
  }
}

export async function runProgram(file: string, options: RunProgramOptions = {}): Promise<ProgramRun> {
  const [run] = await runProgramModes(file, [{ mode: options.mode ?? 'profiled', traceLevel: options.traceLevel }], options);
  return run;
}

/**
 * Runs `file` once per request, in order, each rank's runs in one worker: opbridge loads once
 * per rank, and each run gets a fresh simulated process and freshly evaluated program modules.
 * The first failing run ends the whole call with a RunFailure naming its mode.
 */
export async function runProgramModes(file: string, requests: readonly RunRequest[], options: Omit<RunProgramOptions, 'mode' | 'traceLevel'> = {}): Promise<ProgramRun[]> {
  const path = resolve(file);
  if (!existsSync(path)) throw new InputError('program file not found', { location: { file }, fix: 'check the path' });
  const nranks = options.ranks ?? 1;
  if (!Number.isInteger(nranks) || nranks < 1 || nranks > 64) {
    throw new UsageError(`--ranks must be an integer between 1 and 64, got ${options.ranks}`);
  }
  if (requests.length === 0) return [];
  const timeoutMs = options.timeoutMs ?? 120_000;
  const files = runnerFiles();
  // Each run exchanges collectives through its own arena: ranks may be in different runs at once.
  const runs = requests.map((r) => ({ mode: r.mode, traceLevel: r.traceLevel ?? 'outputs', arena: createArena(nranks, options.collectiveBufferBytes ?? 64 * 1024 * 1024) }));
  const workers: Worker[] = [];
  const collected: WorkerResult[][] = requests.map(() => []);
  let pending = nranks * requests.length;
  await new Promise<void>((resolveAll, reject) => {
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
        runs,
        deviceMemoryBytes: options.deviceMemoryBytes ?? 4 * 1024 ** 3,
        collectiveTimeoutMs: Math.max(1000, timeoutMs - 1000),
      };
      const worker = new Worker(files.bootstrap, {
        workerData: { ...input, resolveHookUrl: files.resolveHook, moduleMap: files.moduleMap, sharedPrefixes: files.sharedPrefixes, runQuery: RUN_QUERY, workerModuleUrl: files.workerModule },
        resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 2048 },
        stdout: false,
        stderr: false,
      });
      workers.push(worker);
      let finished = 0;
      worker.on('message', (message: WorkerResult) => {
        if (!message.ok) {
          const e = message.error;
          const where = e.file ? { file: e.file, line: e.line } : { file };
          fail(new RunFailure(`rank ${message.rank}: ${e.message}`, runs[message.run].mode, { location: where, fix: e.fix ?? 'fix the program (OPBRIDGE_DEBUG=1 prints the stack trace)', cause: e.stack }));
          return;
        }
        collected[message.run].push(message);
        if (++finished === runs.length) void worker.terminate();
        if (--pending === 0 && !settled) {
          settled = true;
          clearTimeout(timer);
          resolveAll();
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
        if (!settled && code !== 0 && finished < runs.length) {
          fail(new ProgramError(`rank ${rank} exited with code ${code}`, { location: { file } }));
        }
      });
    }
  });
  return collected.map((results, k) => ({
    file: path,
    mode: runs[k].mode,
    ranks: [...results].sort((a, b) => a.rank - b.rank).map((r) => {
      if (!r.ok) throw new Error('unreachable');
      return {
        rank: r.rank,
        outputs: new Map(r.outputs.map((o) => [o.name, fromTensorData(o.data)])),
        trace: r.trace,
        diagnostics: r.diagnostics,
        simulatedTimeUs: r.simulatedTimeUs,
      };
    }),
  }));
}
