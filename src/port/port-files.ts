/**
 * The files `port` reads: TypeScript files (`.ts`, `.tsx`, `.mts`, `.cts`; declaration files
 * are not model code) given directly or found under directories, plus — for `--out-dir` — every
 * other file under the given directories, copied unchanged. `node_modules` and version-control
 * directories are skipped, symlinked directories are entered once, and the output directory is
 * never read as input.
 */
import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { SKIPPED_DIRECTORIES, displayPath } from '../coverage/source-files.js';
import { InputError } from '../errors.js';

export interface PortInputFile {
  readonly absolute: string;
  /** For reports: relative to the working directory when under it, `/`-separated. */
  readonly path: string;
  /** Relative to the common base of the inputs (where --out-dir puts it). */
  readonly relative: string;
  readonly typescript: boolean;
}

export function isTypeScriptFile(path: string): boolean {
  return /\.(ts|tsx|mts|cts)$/.test(path) && !/\.d\.(ts|mts|cts)$/.test(path);
}

function missing(given: string, cause: unknown): InputError {
  const code = (cause as NodeJS.ErrnoException).code;
  return code === 'ENOENT'
    ? new InputError(`path '${given}' does not exist`, { location: { file: given }, fix: 'pass existing TypeScript files or directories to port' })
    : new InputError(`cannot read '${given}': ${(cause as Error).message}`, { location: { file: given }, fix: 'make it readable, or leave it out', cause });
}

/** The deepest directory that contains every input (a file counts by its directory). */
export function commonBase(absolutes: readonly { path: string; directory: boolean }[]): string {
  const dirs = absolutes.map((a) => (a.directory ? a.path : dirname(a.path)));
  let base = dirs[0] ?? process.cwd();
  for (const d of dirs) while (d !== base && !d.startsWith(base.endsWith(sep) ? base : base + sep)) base = dirname(base);
  return base;
}

export function discoverPortFiles(paths: readonly string[], options: { cwd?: string; outDir?: string } = {}): { files: PortInputFile[]; base: string } {
  const cwd = options.cwd ?? process.cwd();
  const outDir = options.outDir ? resolve(cwd, options.outDir) : undefined;
  const roots = paths.map((given) => {
    const absolute = resolve(cwd, given);
    let stats: Stats;
    try {
      stats = statSync(absolute);
    } catch (cause) {
      throw missing(given, cause);
    }
    return { given, path: absolute, directory: stats.isDirectory() };
  });
  const base = commonBase(roots);
  const files: PortInputFile[] = [];
  const seen = new Set<string>();
  const seenDirectories = new Set<string>();
  const add = (absolute: string) => {
    const real = realpathSync(absolute);
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ absolute, path: displayPath(absolute, cwd), relative: relative(base, absolute).split(sep).join('/'), typescript: isTypeScriptFile(absolute) });
  };
  const walk = (directory: string) => {
    const real = realpathSync(directory);
    if (seenDirectories.has(real) || (outDir && (real === outDir || real.startsWith(outDir + sep)))) return;
    seenDirectories.add(real);
    const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(directory, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const s = statSync(path);
          isDirectory = s.isDirectory();
          isFile = s.isFile();
        } catch {
          continue; // a broken symlink is not a file to port
        }
      }
      if (isDirectory && !SKIPPED_DIRECTORIES.has(entry.name)) walk(path);
      else if (isFile) add(path);
    }
  };
  for (const root of roots) {
    if (root.directory) walk(root.path);
    else if (!isTypeScriptFile(root.path)) {
      throw new InputError(`'${root.given}' is not a TypeScript file`, { location: { file: root.given }, fix: 'pass .ts, .tsx, .mts or .cts files, or directories that contain them' });
    } else add(root.path);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, base };
}
