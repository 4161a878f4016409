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
import { outputTensor } from './program-outputs.js';
import { finalChecks } from './final-checks.js';
import type { WorkerResult } from './worker-protocol.js';

export interface WorkerInput {
  readonly programUrl: string;
  readonly rank: number;
  readonly arena: SharedArena;
  readonly mode: RunMode;
  readonly traceLevel: TraceLevel;
  readonly deviceMemoryBytes: number;
  readonly collectiveTimeoutMs: number;
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

async function runRank(input: WorkerInput): Promise<WorkerResult> {
  const file = fileURLToPath(input.programUrl);
  const process = new SimProcess({
    transport: new SharedMemoryTransport(input.arena, input.rank, input.collectiveTimeoutMs),
    mode: input.mode,
    traceLevel: input.traceLevel,
    deviceMemoryBytes: input.deviceMemoryBytes,
  });
  activateProcess(process);
  const module = (await importProgram(input.programUrl, file)) as { main?: unknown };
  if (typeof module.main !== 'function') {
    throw new OpbridgeError('the program does not export a main() function', {
      location: { file },
      fix: 'export function main() { ...; return { name: hostArray } }',
    });
  }
  const returned = (await (module.main as (ctx: unknown) => unknown)({ rank: input.rank, nranks: input.arena.nranks })) as unknown;
  if (!returned || typeof returned !== 'object') {
    throw new OpbridgeError('main() must return an object of named host outputs', { location: { file }, fix: 'return { name: hostArray, ... }' });
  }
  const outputs = Object.entries(returned as Record<string, unknown>).map(([name, value]) => ({ name, tensor: outputTensor(name, value, file), value }));
  finalChecks(process, outputs.map((o) => ({ name: o.name, value: o.value })));
  return {
    ok: true,
    rank: input.rank,
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

const input = workerData as WorkerInput;
runRank(input).then(
  (result) => parentPort?.postMessage(result),
  (error: unknown) => {
    const result: WorkerResult = {
      ok: false,
      rank: input.rank,
      error: {
        message: error instanceof Error ? error.message : String(error),
        kind: error instanceof Error ? error.name : 'Error',
        stack: error instanceof Error ? error.stack : undefined,
        fix: error instanceof OpbridgeError ? error.fix : undefined,
        ...locate(error, fileURLToPath(input.programUrl)),
      },
    };
    parentPort?.postMessage(result);
  },
);
