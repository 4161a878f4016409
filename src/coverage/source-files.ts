/**
 * Which files a coverage scan reads: the given files, and the C, C++, CUDA and TypeScript
 * sources under the given directories. `node_modules` and version-control directories are
 * skipped, symlinks are followed once (a loop or a second path to a scanned file is not
 * scanned twice), and files too large to be hand-written source are skipped with a reason.
 * Missing or unreadable paths are input errors that name the path.
 */
import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import type { SourceLanguage } from './file-scan.js';

export const SOURCE_EXTENSIONS: Readonly<Record<string, SourceLanguage>> = {
  '.cu': 'cuda',
  '.cuh': 'cuda',
  '.c': 'c',
  '.cc': 'cpp',
  '.cpp': 'cpp',
  '.cxx': 'cpp',
  '.h': 'cpp',
  '.hpp': 'cpp',
  '.ts': 'typescript',
  '.tsx': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
};

/** Directories never entered. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn']);

/** Files above this size are skipped as generated (amalgamations, embedded data), not scanned. */
export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;

export interface SourceFile {
  readonly absolute: string;
  /** Relative to the working directory when under it, `/`-separated. */
  readonly path: string;
  readonly language: SourceLanguage;
  readonly bytes: number;
}

export interface SkippedFile {
  readonly path: string;
  readonly reason: string;
}

export interface SourceDiscovery {
  readonly files: SourceFile[];
  readonly skipped: SkippedFile[];
}

export function displayPath(absolute: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, absolute);
  const shown = rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
  return shown.split(sep).join('/');
}

/** The language of a path by extension (`.d.ts` declaration files are not model code). */
export function languageOf(path: string): SourceLanguage | undefined {
  if (path.endsWith('.d.ts') || path.endsWith('.d.mts') || path.endsWith('.d.cts')) return undefined;
  return SOURCE_EXTENSIONS[extname(path).toLowerCase()];
}

function unreadable(path: string, cause: unknown): InputError {
  const code = (cause as NodeJS.ErrnoException).code;
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'it does not exist' : (cause as Error).message;
  return new InputError(`cannot read '${path}': ${reason}`, {
    location: { file: path },
    fix: code === 'ENOENT' ? 'check the path (a typo, or a dangling symlink?)' : 'make it readable, or leave it out of the paths you scan',
    cause,
  });
}

export function discoverSources(paths: readonly string[], options: { maxFileBytes?: number; cwd?: string } = {}): SourceDiscovery {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const cwd = options.cwd ?? process.cwd();
  const files: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  const seenFiles = new Set<string>();
  const seenDirectories = new Set<string>();
  const supported = Object.keys(SOURCE_EXTENSIONS).join(' ');

  const addFile = (absolute: string, stats: Stats, explicit: boolean): void => {
    const path = displayPath(absolute, cwd);
    const language = languageOf(absolute);
    if (!language) {
      if (explicit) {
        throw new InputError(`'${path}' is not a C, C++, CUDA or TypeScript source`, {
          location: { file: path },
          fix: `pass files ending in ${supported}, or a directory that contains them`,
        });
      }
      return;
    }
    let real: string;
    try {
      real = realpathSync(absolute);
    } catch (cause) {
      throw unreadable(path, cause);
    }
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    if (stats.size > maxBytes) {
      skipped.push({ path, reason: `larger than ${Math.round(maxBytes / 1024 / 1024)} MiB (generated code?); not scanned` });
      return;
    }
    files.push({ absolute, path, language, bytes: stats.size });
  };

  const walk = (directory: string): void => {
    let real: string;
    try {
      real = realpathSync(directory);
    } catch (cause) {
      throw unreadable(displayPath(directory, cwd), cause);
    }
    if (seenDirectories.has(real)) {
      skipped.push({ path: displayPath(directory, cwd), reason: 'already scanned through another path (symlink loop or duplicate)' });
      return;
    }
    seenDirectories.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (cause) {
      throw unreadable(displayPath(directory, cwd), cause);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path);
      } else if (entry.isFile()) {
        if (languageOf(path)) addFile(path, statOrThrow(path), false);
      } else if (entry.isSymbolicLink()) {
        let stats: Stats;
        try {
          stats = statSync(path);
        } catch {
          skipped.push({ path: displayPath(path, cwd), reason: 'broken symlink' });
          continue;
        }
        if (stats.isDirectory()) {
          if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path);
        } else if (stats.isFile() && languageOf(path)) addFile(path, stats, false);
      }
    }
  };

  const statOrThrow = (path: string): Stats => {
    try {
      return statSync(path);
    } catch (cause) {
      throw unreadable(displayPath(path, cwd), cause);
    }
  };

  for (const given of paths) {
    const absolute = resolve(cwd, given);
    let stats: Stats;
    try {
      stats = statSync(absolute);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new InputError(`path '${given}' does not exist`, { location: { file: given }, fix: 'pass existing source files or directories to scan' });
      }
      throw unreadable(given, cause);
    }
    if (stats.isDirectory()) walk(absolute);
    else addFile(absolute, stats, true);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, skipped };
}
