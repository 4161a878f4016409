/**
 * Scans source trees: finds the files, reads them (skipping binary files), runs the C++/CUDA
 * scanners or the TypeScript facade scanner on each, and returns one FileScan per file.
 */
import { readFileSync } from 'node:fs';
import type { Catalog } from '../catalog/catalog.js';
import type { BackendId } from '../catalog/vocabulary.js';
import { InputError } from '../errors.js';
import { bracketPairs } from './bracket-pairs.js';
import { findCppReferences } from './cpp-references.js';
import { tokenizeCpp } from './cpp-lexer.js';
import type { FileScan } from './file-scan.js';
import { findKernels } from './kernel-finder.js';
import { discoverSources, type SkippedFile, type SourceFile } from './source-files.js';
import { SymbolIndex } from './symbol-index.js';
import { findTypeScriptReferences, type TypeScriptSource } from './ts-references.js';

export interface ScanProgress {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly linesDone: number;
}

export interface ScanOptions {
  readonly maxFileBytes?: number;
  readonly cwd?: string;
  /** Called after each file (throttle in the caller). */
  readonly onProgress?: (progress: ScanProgress) => void;
}

export interface ScanResult {
  readonly files: FileScan[];
  readonly skipped: SkippedFile[];
}

/** How many leading bytes are checked for NUL when deciding a file is binary. */
const BINARY_SNIFF_BYTES = 8000;

/** Reads a source as UTF-8 text, or returns undefined for binary content. */
function readSource(file: SourceFile): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file.absolute);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read '${file.path}': ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (cause as Error).message}`, {
      location: { file: file.path },
      fix: 'make it readable, or leave it out of the paths you scan',
      cause,
    });
  }
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) return undefined;
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Index per backend, built on first use. */
export function symbolIndexes(catalog: Catalog): (backend: BackendId) => SymbolIndex {
  const cache = new Map<BackendId, SymbolIndex>();
  return (backend) => {
    let index = cache.get(backend);
    if (!index) cache.set(backend, (index = new SymbolIndex(catalog, backend)));
    return index;
  };
}

/** Scans one C, C++ or CUDA text (exported for tests and benchmarks). */
export function scanCppText(path: string, language: FileScan['language'], text: string, index: SymbolIndex): FileScan {
  const tokens = tokenizeCpp(text);
  const pairs = bracketPairs(tokens);
  const { references, declarations } = findCppReferences(tokens, index, pairs);
  const { kernels, launches } = findKernels(tokens, pairs);
  return { path, language, lines: tokens.lineCount, references, declarations, kernels, launches };
}

export async function scanSources(paths: readonly string[], catalog: Catalog, options: ScanOptions = {}): Promise<ScanResult> {
  const discovery = discoverSources(paths, { maxFileBytes: options.maxFileBytes, cwd: options.cwd });
  const skipped = [...discovery.skipped];
  const indexFor = symbolIndexes(catalog);
  const scans = new Map<string, FileScan>();
  const typescript: { file: SourceFile; source: TypeScriptSource }[] = [];
  let filesDone = 0;
  let linesDone = 0;
  const progress = (lines: number): void => {
    filesDone++;
    linesDone += lines;
    options.onProgress?.({ filesDone, filesTotal: discovery.files.length, linesDone });
  };

  for (const file of discovery.files) {
    const text = readSource(file);
    if (text === undefined) {
      skipped.push({ path: file.path, reason: 'binary content (NUL bytes); not scanned' });
      progress(0);
      continue;
    }
    if (file.language === 'typescript') {
      typescript.push({ file, source: { absolute: file.absolute, text } });
      continue;
    }
    const scan = scanCppText(file.path, file.language, text, indexFor('cuda'));
    scans.set(file.absolute, scan);
    progress(scan.lines);
  }
  if (typescript.length > 0) {
    const found = await findTypeScriptReferences(
      typescript.map((t) => t.source),
      indexFor,
    );
    for (const { file } of typescript) {
      const result = found.get(file.absolute)!;
      scans.set(file.absolute, { path: file.path, language: 'typescript', lines: result.lines, references: result.references, declarations: [], kernels: [], launches: [] });
      progress(result.lines);
    }
  }
  const files = discovery.files.map((f) => scans.get(f.absolute)).filter((s): s is FileScan => s !== undefined);
  return { files, skipped };
}
