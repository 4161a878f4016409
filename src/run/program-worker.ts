/**
 * Runs one rank of a model program inside a worker thread: sets up the rank's simulated
 * process, imports the program, calls `main({ rank, nranks })`, checks what a real device
 * would have made wrong (leaks, unsynchronised results), and posts outputs, trace and
 * diagnostics back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { OpbridgeError } from '../errors.js';
import { activateProcess, SimProcess } from '../backends/sim/sim-process.js';
import type { TraceLevel } from '../backends/sim/trace.js';
import type { RunMode } from '../runtime/kernel.js';
import { toTensorData } from '../runtime/tensor-transfer.js';
import { SharedMemoryTransport, type SharedArena } from './shared-memory-transport.js';
import { RUN_QUERY } from './run-query.js';
import { outputTensor } from './program-outputs.js';
import { finalChecks } from './final-checks.js';
import type { WorkerResult } from './worker-protocol.js';

/** One run of the program in a rank worker: its mode, trace level and collective arena. */
export interface WorkerRun {
  readonly mode: RunMode;
  readonly traceLevel: TraceLevel;
  readonly arena: SharedArena;
}

export interface WorkerInput {
  readonly programUrl: string;
  readonly rank: number;
  /** Run one after another in this worker, each in a fresh simulated process. */
  readonly runs: readonly WorkerRun[];
  readonly deviceMemoryBytes: number;
  readonly collectiveTimeoutMs: number;
}

/**
 * The program's URL for run `k`. Every run after the first imports the program (and, through
 * the resolve hook, every module of the program's own) under a query, so each run starts from
 * freshly evaluated program modules while opbridge's modules stay loaded.
 */
export function runUrl(programUrl: string, k: number): string {
  return k === 0 ? programUrl : `${programUrl}${programUrl.includes('?') ? '&' : '?'}${RUN_QUERY}=${k}`;
}

/**
 * Model programs are ES modules. A `.ts` file outside any package with `"type": "module"` is
 * loaded as CommonJS by Node, which cannot take its `import` statements: say how to fix that
 * instead of passing Node's message on.
 */
async function importProgram(url: string, file: string): Promise<unknown> {
  try {
    return await import(url);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/Cannot require\(\) ES Module|Cannot use import statement outside a module|ERR_REQUIRE_ESM|Cannot find module 'opbridge(\/[a-z]+)?'\s+Require stack/.test(message)) {
      throw new OpbridgeError('the program was loaded as CommonJS, but model programs are ES modules', {
        location: { file },
        fix: 'add "type": "module" to the package.json next to the program (or above it), or name it .mts',
      });
    }
    throw error;
  }
}

async function runOnce(input: WorkerInput, k: number): Promise<WorkerResult> {
  const run = input.runs[k];
  const file = fileURLToPath(input.programUrl);
  const process = new SimProcess({
    transport: new SharedMemoryTransport(run.arena, input.rank, input.collectiveTimeoutMs),
    mode: run.mode,
    traceLevel: run.traceLevel,
    deviceMemoryBytes: input.deviceMemoryBytes,
  });
  activateProcess(process);
  const module = (await importProgram(runUrl(input.programUrl, k), file)) as { main?: unknown };
  if (typeof module.main !== 'function') {
    throw new OpbridgeError('the program does not export a main() function', {
      location: { file },
      fix: 'export function main() { ...; return { name: hostArray } }',
    });
  }
  const returned = (await (module.main as (ctx: unknown) => unknown)({ rank: input.rank, nranks: run.arena.nranks })) as unknown;
  if (!returned || typeof returned !== 'object') {
    throw new OpbridgeError('main() must return an object of named host outputs', { location: { file }, fix: 'return { name: hostArray, ... }' });
  }
  const outputs = Object.entries(returned as Record<string, unknown>).map(([name, value]) => ({ name, tensor: outputTensor(name, value, file), value }));
  finalChecks(process, outputs.map((o) => ({ name: o.name, value: o.value })));
  return {
    ok: true,
    rank: input.rank,
    run: k,
    outputs: outputs.map((o) => ({ name: o.name, data: toTensorData(o.tensor) })),
    trace: process.tracer.records,
    diagnostics: process.diagnostics.entries,
    simulatedTimeUs: process.ordering.hostTime,
  };
}

/** Where the failure happened: an opbridge error's own location, else the program's frame. */
function locate(error: unknown, programFile: string): { file?: string; line?: number } {
  if (error instanceof OpbridgeError && error.location) return { file: error.location.file, line: error.location.line };
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  for (const frame of stack.split('\n')) {
    const match = /((?:file:\/\/)?\/[^():]+):(\d+):\d+\)?\s*$/.exec(frame);
    if (!match) continue;
    const file = match[1].startsWith('file://') ? fileURLToPath(match[1]) : match[1];
    if (file === programFile) return { file, line: Number(match[2]) };
  }
  return {};
}

function failure(error: unknown, input: WorkerInput, k: number): WorkerResult {
  return {
    ok: false,
    rank: input.rank,
    run: k,
    error: {
      message: error instanceof Error ? error.message : String(error),
      kind: error instanceof Error ? error.name : 'Error',
      stack: error instanceof Error ? error.stack : undefined,
      fix: error instanceof OpbridgeError ? error.fix : undefined,
      ...locate(error, fileURLToPath(input.programUrl)),
    },
  };
}

// Runs go one after another; the first failure ends the worker's work (the runner stops).
const input = workerData as WorkerInput;
for (let k = 0; k < input.runs.length; k++) {
  const result = await runOnce(input, k).catch((error: unknown) => failure(error, input, k));
  parentPort?.postMessage(result);
  if (!result.ok) break;
}
