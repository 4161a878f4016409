/**
 * Setup file for every test file. Test files share a worker's module cache (vitest.config.ts,
 * `isolate: false`), so what a module keeps globally would otherwise pass from one file to the
 * next. Each file starts with a fresh default simulated process (as it did with a module cache
 * of its own), and a file that leaves the process environment, the facade binding or the
 * standard streams changed fails, naming what it left.
 */
import { afterAll, beforeAll } from 'vitest';
import { activeBinding } from '../../src/backends/cuda/backend-binding.js';
import { activateProcess, SimProcess } from '../../src/backends/sim/sim-process.js';

let environment: Record<string, string | undefined> = {};
const writers = { stdout: process.stdout.write, stderr: process.stderr.write };

beforeAll(() => {
  activateProcess(new SimProcess());
  environment = { ...process.env };
});

afterAll(() => {
  const left: string[] = [];
  for (const name of new Set([...Object.keys(environment), ...Object.keys(process.env)])) {
    if (process.env[name] !== environment[name]) left.push(`environment variable ${name}`);
  }
  if (activeBinding().backend !== 'cuda') left.push(`the ${activeBinding().backend} facade binding active`);
  if (process.stdout.write !== writers.stdout) left.push('process.stdout.write replaced');
  if (process.stderr.write !== writers.stderr) left.push('process.stderr.write replaced');
  if (left.length > 0) throw new Error(`this test file leaves global state changed for the next file in its worker: ${left.join(', ')}; restore it in afterEach/afterAll`);
});
