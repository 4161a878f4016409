/**
 * `npm run bench`: every benchmark of the project, one after another in separate processes (so
 * one suite's JIT state and memory never colour another's): the reference runtime against
 * tfjs-backend-cpu and ONNX Runtime, then the coverage scanner, the porter and the demo. Arguments are
 * passed to each suite (e.g. `npm run bench -- --quick`). Exits 1 if any suite fails a bar.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SUITES = ['runtime.bench.ts', 'coverage.bench.ts', 'port.bench.ts', 'demo.bench.ts', 'cli-startup.bench.ts'];
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
const args = process.argv.slice(2);
let failed = false;
for (const suite of SUITES) {
  const file = fileURLToPath(new URL(`./${suite}`, import.meta.url));
  if (!existsSync(file)) continue;
  process.stdout.write(`\n━━ ${suite} ━━\n`);
  const result = spawnSync(tsx, [file, ...args], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed = true;
    process.stdout.write(`${suite} exited with ${result.status ?? result.signal}\n`);
  }
}
if (failed) process.exitCode = 1;
