/**
 * Port speed of several source trees in one process: the same generated project ported with the
 * `port()` of each tree (a commit, extracted with `git archive`, or a directory), the trees rotated
 * every round so that a change in the machine's load falls on all alike, by CPU time. On a shared
 * machine single runs of one tree vary up to 2×, so the figure to read is the median of each
 * round's ratio to the first tree (paired), not the ratio of medians. Every tree must write the
 * same output (each file's text, diagnostics and rewrites): a speed-up that changes output is none.
 *
 *   npx tsx bench/port-trees.ts e21565f HEAD .                 # 500 bench files, 9 rounds, to cann
 *   npx tsx bench/port-trees.ts --helpers --files 150 HEAD~3 .  # the status-helper files (typed)
 *   options: --files N (500), --rounds N (9), --to <backend> (cann), --helpers, --helpers-number
 *
 * A tree is a directory holding src/ and the catalog (`.` is this worktree) or a commit of this
 * repository, extracted to a temporary directory with this worktree's node_modules linked.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateHelperProject, generateProject } from './port-project.js';

interface Tree {
  readonly name: string;
  readonly dir: string;
  readonly port: (paths: string[], options: object) => Promise<{ files: { path: string; output: string; diagnostics: unknown; rewrites: unknown }[] }>;
  readonly catalog: unknown;
  readonly cpu: number[];
}

const CATALOG_PATHS = ['src', 'mappings', 'operators', 'profiles', 'schema', 'package.json', 'tsconfig.json'];

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args.splice(i, 2)[1] : fallback;
}

/** A directory holding the tree: the given one, or the commit extracted. */
function treeDirectory(spec: string, scratch: string[]): string {
  if (existsSync(join(spec, 'src', 'port', 'port.ts'))) return resolve(spec);
  const dir = mkdtempSync(join(tmpdir(), 'opbridge-port-tree-'));
  scratch.push(dir);
  const archive = execFileSync('git', ['archive', spec, ...CATALOG_PATHS], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  return dir;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const files = Number(option(args, '--files', '500'));
  const rounds = Number(option(args, '--rounds', '9'));
  const to = option(args, '--to', 'cann');
  const helpers = args.includes('--helpers') ? 'typed' : args.includes('--helpers-number') ? 'number' : undefined;
  const specs = args.filter((a) => !a.startsWith('--'));
  if (specs.length === 0) throw new Error('name at least one tree: a commit or a directory (see the header of bench/port-trees.ts)');
  const scratch: string[] = [];
  const project = mkdtempSync(join(tmpdir(), 'opbridge-port-trees-'));
  scratch.push(project);
  try {
    if (helpers) generateHelperProject(project, files, helpers === 'typed');
    else generateProject(project, files);
    const trees: Tree[] = [];
    for (const spec of specs) {
      const dir = treeDirectory(spec, scratch);
      const { port } = await import(pathToFileURL(join(dir, 'src/port/port.ts')).href);
      const { loadCatalog } = await import(pathToFileURL(join(dir, 'src/catalog/load-catalog.ts')).href);
      trees.push({ name: spec, dir, port, catalog: loadCatalog(), cpu: [] });
    }
    const once = async (tree: Tree) => {
      const start = process.cpuUsage();
      const result = await tree.port([project], { to, catalog: tree.catalog, cwd: project });
      const cpu = process.cpuUsage(start);
      return { cpu: (cpu.user + cpu.system) / 1000, result };
    };
    const outputs = new Set<string>();
    for (const tree of trees) {
      // Warm-up (compiles the tree's code paths), and the output every tree must share.
      const { result } = await once(tree);
      outputs.add(createHash('sha1').update(JSON.stringify(result.files.map((f) => [f.path.slice(project.length), f.output, f.diagnostics, f.rewrites]))).digest('hex'));
    }
    if (outputs.size !== 1) throw new Error(`the trees write different output (${outputs.size} different results): no speed comparison`);
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < trees.length; k++) {
        const tree = trees[(round + k) % trees.length];
        tree.cpu.push((await once(tree)).cpu);
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    console.log(
      `port to ${to}, ${files} ${helpers ? `status-helper files (helpers typed ${helpers === 'typed' ? 'by status enums' : 'number'})` : 'bench files'}, ${rounds} rotated rounds, CPU time; ` +
        `${cpus().length} cores, node ${process.version}, load average ${loadavg()[0].toFixed(1)}; same output from every tree`,
    );
    const paired = (a: Tree, b: Tree) => median(a.cpu.map((c, i) => c / b.cpu[i])).toFixed(2);
    trees.forEach((tree, k) => {
      console.log(
        `  ${tree.name.padEnd(12)} median ${median(tree.cpu).toFixed(0)} ms → ${((files / median(tree.cpu)) * 1000).toFixed(0)} files/CPU-s; ` +
          `paired ratio to ${trees[0].name}: ${paired(tree, trees[0])}${k > 1 ? `, to ${trees[k - 1].name}: ${paired(tree, trees[k - 1])}` : ''} (rounds ${tree.cpu.map((c) => c.toFixed(0)).join(' ')})`,
      );
    });
  } finally {
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  }
}

void main();
