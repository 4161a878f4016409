/**
 * How long the CLI takes to answer before it does any work: `opbridge --version` and
 * `opbridge port --help`, which load the command definitions but none of the engines (the
 * porter, the verifier, the catalog). Each command runs as its own process, as a shell runs it,
 * under `/usr/bin/time`, round-robin with two peers in the same run: bare `node -e 0` (the
 * floor every Node CLI pays) and `tsc --version` (TypeScript's own CLI, a large single-file
 * program). Ratios are against `tsc --version`.
 *
 *   npm run bench:cli             # 7 rounds
 *   npm run bench:cli -- --quick  # one round (a smoke run, not a measurement)
 *
 * The installed CLI runs dist/cli/main.js (`npm run build`); the checkout runs src through tsx,
 * as `npm run demo` does. Both are measured when dist is built. Bar: `opbridge --version`
 * through tsx under 2.5 s of CPU. Loading the engines eagerly cost about 3.9 s, so a command
 * that pulls them in again misses it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 1 : 7;
const BAR_CPU_SECONDS = 2.5;

interface Command {
  readonly name: string;
  readonly argv: readonly string[];
}

const node = process.execPath;
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const commands: Command[] = [
  { name: 'node -e 0', argv: [node, '-e', '0'] },
  { name: 'tsc --version', argv: [node, join(root, 'node_modules/typescript/bin/tsc'), '--version'] },
  { name: 'opbridge --version (tsx)', argv: [node, tsx, join(root, 'src/cli/main.ts'), '--version'] },
  { name: 'opbridge port --help (tsx)', argv: [node, tsx, join(root, 'src/cli/main.ts'), 'port', '--help'] },
];
const dist = join(root, 'dist/cli/main.js');
if (existsSync(dist)) {
  commands.push({ name: 'opbridge --version (dist)', argv: [node, dist, '--version'] });
  commands.push({ name: 'opbridge port --help (dist)', argv: [node, dist, 'port', '--help'] });
}

interface Sample {
  readonly wall: number;
  readonly cpu: number;
}

const scratch = mkdtempSync(join(tmpdir(), 'opbridge-cli-bench-'));
const out = join(scratch, 'time');

/** One run of the command: wall and CPU seconds (user + system, children included) as /usr/bin/time reports them. */
function runOnce(command: Command): Sample {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S', '-o', out, ...command.argv], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command.name} exited with ${result.status}: ${result.stderr}`);
  const [wall, user, system] = readFileSync(out, 'utf8').trim().split(/\s+/).slice(-3).map(Number);
  return { wall, cpu: user + system };
}

try {
  const samples = new Map(commands.map((c) => [c.name, [] as Sample[]]));
  for (const command of commands) runOnce(command); // warm-up: tsx's compile cache, the page cache
  for (let round = 0; round < ROUNDS; round++) for (const command of commands) samples.get(command.name)!.push(runOnce(command));

  const best = (name: string, key: keyof Sample) => Math.min(...samples.get(name)!.map((s) => s[key]));
  const median = (name: string) => {
    const walls = samples.get(name)!.map((s) => s.wall).sort((a, b) => a - b);
    return walls[Math.floor(walls.length / 2)];
  };
  const peer = best('tsc --version', 'cpu');
  const lines = [
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadavg()[0].toFixed(1)}, node ${process.version}; ${ROUNDS} round(s)`,
    '',
    '| command | best wall (s) | median wall (s) | least CPU (s) | CPU ÷ tsc --version |',
    '|---|---|---|---|---|',
    ...commands.map((c) => `| ${c.name} | ${best(c.name, 'wall').toFixed(2)} | ${median(c.name).toFixed(2)} | ${best(c.name, 'cpu').toFixed(2)} | ${(best(c.name, 'cpu') / peer).toFixed(2)} |`),
    '',
  ];
  process.stdout.write(lines.join('\n'));
  const version = best('opbridge --version (tsx)', 'cpu');
  if (version >= BAR_CPU_SECONDS) {
    process.stdout.write(`FAIL: opbridge --version took ${version.toFixed(2)} s of CPU through tsx; bar ${BAR_CPU_SECONDS} s\n`);
    process.exitCode = 1;
  } else process.stdout.write(`bar: opbridge --version ${version.toFixed(2)} s CPU < ${BAR_CPU_SECONDS} s\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
