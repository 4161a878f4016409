/**
 * Reads and validates the catalog: operators/*.yaml, mappings/<backend>/*.yaml and
 * profiles/*.yaml from the package, then any user files given with `--mappings`, whose
 * entries add to or replace built-in ones (same backend + symbol).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { Catalog, type BackendCatalog } from './catalog.js';
import { readCatalogCache, writeCatalogCache, catalogCacheKey } from './catalog-cache.js';
import { packageRoot } from './package-root.js';
import { MappingFileSchema, type MappingFile } from './schema/mapping.js';
import { OperatorSchema, type OperatorSpec } from './schema/operator.js';
import { ProfileFileSchema, type ProfileFile } from './schema/profile.js';
import { provenanceList, resolveProvenance, type Provenance, type Source } from './schema/provenance.js';
import { catalogError, validateParsed, type CatalogIssue } from './validate-file.js';
import { parseYaml, type ParsedYaml } from './yaml-document.js';

/**
 * One validated catalog file: its schema output and the lines of the items the catalog records
 * (so the built catalog can point at file:line without the YAML document, e.g. from the cache).
 */
export type ValidatedFile =
  | { readonly kind: 'operator'; readonly file: string; readonly data: OperatorSpec; readonly lines: Readonly<Record<string, number>> }
  | { readonly kind: 'mapping'; readonly file: string; readonly data: MappingFile; readonly lines: Readonly<Record<string, number>> }
  | { readonly kind: 'profile'; readonly file: string; readonly data: ProfileFile; readonly lines: Readonly<Record<string, number>> };

type Kind = ValidatedFile['kind'];

const ITEM_LISTS = ['enums', 'types', 'entries', 'gaps', 'profiles', 'knobs'] as const;
const ITEM_KEYS = ['name', 'symbol', 'id', 'cuda'] as const;
const TOP_KEYS = ['id', 'library', 'version', 'default'] as const;

/** Lines of the top-level keys and of every list item (and its key field). */
function recordLines(parsed: ParsedYaml, data: Record<string, unknown>): Record<string, number> {
  const lines: Record<string, number> = {};
  const note = (path: (string | number)[]): void => {
    const line = parsed.lineOf(path);
    if (line !== undefined) lines[path.join('.')] = line;
  };
  for (const key of TOP_KEYS) if (key in data) note([key]);
  for (const list of ITEM_LISTS) {
    const items = data[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      note([list, i]);
      for (const key of ITEM_KEYS) if (item && typeof item === 'object' && key in item) note([list, i, key]);
    });
  }
  return lines;
}

/** A `lineOf` over recorded lines: the exact path, else its nearest recorded ancestor. */
function lineFinder(lines: Readonly<Record<string, number>>): (path: readonly (string | number)[]) => number | undefined {
  return (path) => {
    for (let n = path.length; n > 0; n--) {
      const line = lines[path.slice(0, n).join('.')];
      if (line !== undefined) return line;
    }
    return undefined;
  };
}

function kindOf(data: unknown): Kind {
  if (data && typeof data === 'object' && 'profiles' in data) return 'profile';
  if (data && typeof data === 'object' && 'category' in data) return 'operator';
  return 'mapping';
}

/** Parses and validates one file (zod), recording item lines. */
export function validateCatalogFile(parsed: ParsedYaml, kind: Kind = kindOf(parsed.data)): ValidatedFile {
  const lines = (data: object) => recordLines(parsed, data as Record<string, unknown>);
  switch (kind) {
    case 'operator': {
      const data = validateParsed(parsed, OperatorSchema);
      return { kind, file: parsed.file, data, lines: lines(data) };
    }
    case 'mapping': {
      const data = validateParsed(parsed, MappingFileSchema);
      return { kind, file: parsed.file, data, lines: lines(data) };
    }
    case 'profile': {
      const data = validateParsed(parsed, ProfileFileSchema);
      return { kind, file: parsed.file, data, lines: lines(data) };
    }
  }
}

export interface LoadCatalogOptions {
  /** Package root holding operators/, mappings/, profiles/ (default: the installed package). */
  readonly root?: string;
  /** User files or directories (`--mappings`), applied after the built-in catalog. */
  readonly extra?: readonly string[];
}

let builtIn: Catalog | undefined;

/** The catalog (built-in, cached; a fresh one when options are given). */
export function loadCatalog(options: LoadCatalogOptions = {}): Catalog {
  const plain = !options.root && !options.extra?.length;
  if (plain && builtIn) return builtIn;
  const root = options.root ?? packageRoot();
  const catalog = new Catalog();
  for (const file of builtInFiles(root)) addFile(catalog, file, false, join(root, 'mappings'));
  for (const path of options.extra ?? []) {
    const absolute = resolve(path);
    if (!existsSync(absolute)) {
      throw new InputError(`mappings path does not exist`, { location: { file: path }, fix: 'pass an existing YAML file or directory to --mappings' });
    }
    for (const file of statSync(absolute).isDirectory() ? yamlFiles(absolute) : [absolute]) {
      addFile(catalog, validateCatalogFile(readYaml(file, display(file))), true);
    }
  }
  if (plain) builtIn = catalog;
  return catalog;
}

function display(file: string): string {
  return relative(process.cwd(), file) || file;
}

const BUILT_IN_DIRS: readonly [string, Kind][] = [
  ['operators', 'operator'],
  ['mappings', 'mapping'],
  ['profiles', 'profile'],
];

/**
 * The package's own catalog files, validated. Parsing ~1.5 MB of YAML dominates start-up, so
 * the validated result is cached on disk under a key of every file's content and the schema;
 * any edit to either misses the cache.
 */
function builtInFiles(root: string): ValidatedFile[] {
  const sources = BUILT_IN_DIRS.flatMap(([dir, kind]) =>
    yamlFiles(join(root, dir)).map((path) => ({ path, kind, text: readText(path) })),
  );
  const key = catalogCacheKey(sources.map((s) => ({ name: relative(root, s.path), text: s.text })));
  const cached = readCatalogCache(key);
  if (cached) return cached.map((f) => ({ ...f, file: display(join(root, f.file)) }) as ValidatedFile);
  const files = sources.map((s) => validateCatalogFile(parseYaml(s.text, display(s.path)), s.kind));
  writeCatalogCache(key, files.map((f, i) => ({ ...f, file: relative(root, sources[i].path) }) as ValidatedFile));
  return files;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new InputError(`cannot read catalog file`, { location: { file: display(file) }, fix: 'check the path and permissions', cause });
  }
}

function addFile(catalog: Catalog, file: ValidatedFile, override: boolean, mappingsDir?: string): void {
  switch (file.kind) {
    case 'operator':
      return addOperator(catalog, file, override);
    case 'mapping':
      return addMapping(catalog, file, override, mappingsDir);
    case 'profile':
      return addProfiles(catalog, file, override);
  }
}

/** YAML files under `dir`, recursively, sorted for a stable load order. */
export function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

function readYaml(file: string, shown: string): ParsedYaml {
  return parseYaml(readText(file), shown);
}

function resolveAll(
  provenance: Provenance | Provenance[],
  sources: Readonly<Record<string, Source>>,
  parsed: { readonly file: string; lineOf(path: readonly (string | number)[]): number | undefined },
  path: (string | number)[],
): Source[] {
  return provenanceList(provenance).map((p, i) => {
    const resolved = resolveProvenance(p, sources);
    if (!resolved) {
      throw catalogError([
        {
          file: parsed.file,
          line: parsed.lineOf([...path, ...(Array.isArray(provenance) ? [i] : []), 'source']),
          path: [...path, 'source'].join('.'),
          message: `unknown source '${p.source}' (declare it under the file's top-level 'sources:')`,
        },
      ]);
    }
    return resolved;
  });
}

function addOperator(catalog: Catalog, validated: Extract<ValidatedFile, { kind: 'operator' }>, override: boolean): void {
  const spec = validated.data;
  const parsed = { file: validated.file, lineOf: lineFinder(validated.lines) };
  const expected = `${spec.id}.yaml`;
  if (!override && basename(parsed.file) !== expected) {
    throw catalogError([{ file: parsed.file, line: parsed.lineOf(['id']), path: 'id', message: `operator '${spec.id}' must live in ${expected}` }]);
  }
  if (!override && catalog.operators.has(spec.id)) {
    throw catalogError([{ file: parsed.file, line: parsed.lineOf(['id']), path: 'id', message: `operator '${spec.id}' is defined twice` }]);
  }
  catalog.operators.set(spec.id, { spec, file: parsed.file, line: parsed.lineOf(['id']) });
}

function addMapping(catalog: Catalog, validated: Extract<ValidatedFile, { kind: 'mapping' }>, override: boolean, mappingsDir?: string): void {
  const file: MappingFile = validated.data;
  const parsed = { file: validated.file, lineOf: lineFinder(validated.lines) };
  const backend: BackendCatalog = catalog.backend(file.backend);
  const issues: CatalogIssue[] = [];
  if (mappingsDir) {
    const expected = join(file.backend, `${file.library}.yaml`);
    if (!parsed.file.endsWith(expected)) {
      issues.push({ file: parsed.file, line: parsed.lineOf(['library']), path: 'library', message: `a ${file.backend}/${file.library} mapping must live in mappings/${expected}` });
    }
  }
  backend.libraries.push({ backend: file.backend, library: file.library, version: file.version, file: parsed.file, line: parsed.lineOf(['version']) });
  const located = (path: (string | number)[]) => ({ file: parsed.file, line: parsed.lineOf(path) });
  file.enums.forEach((spec, i) => {
    const existing = backend.enums.get(spec.name);
    if (existing && !override && !sameEnum(existing.spec.members, spec.members)) {
      issues.push({ ...located(['enums', i, 'name']), path: `enums[${i}].name`, message: `enum '${spec.name}' disagrees with its definition in ${existing.file}:${existing.line ?? '?'}` });
    }
    backend.enums.set(spec.name, { backend: file.backend, library: file.library, spec, sources: resolveAll(spec.provenance, file.sources, parsed, ['enums', i, 'provenance']), ...located(['enums', i]) });
  });
  file.types.forEach((spec, i) => {
    backend.types.set(spec.name, { backend: file.backend, library: file.library, spec, sources: resolveAll(spec.provenance, file.sources, parsed, ['types', i, 'provenance']), ...located(['types', i]) });
  });
  file.entries.forEach((spec, i) => {
    const existing = backend.entries.get(spec.symbol);
    if (existing && !override) {
      issues.push({ ...located(['entries', i, 'symbol']), path: `entries[${i}].symbol`, message: `'${spec.symbol}' is already defined for ${file.backend} in ${existing.file}:${existing.line ?? '?'} (entries are keyed by backend + symbol)` });
    }
    backend.entries.set(spec.symbol, {
      backend: file.backend,
      library: file.library,
      header: spec.header ?? file.header,
      spec,
      sources: resolveAll(spec.provenance, file.sources, parsed, ['entries', i, 'provenance']),
      ...located(['entries', i]),
    });
  });
  file.gaps.forEach((spec, i) => {
    backend.gaps.set(spec.cuda, { backend: file.backend, library: file.library, spec, sources: resolveAll(spec.provenance, file.sources, parsed, ['gaps', i, 'provenance']), ...located(['gaps', i]) });
  });
  if (issues.length > 0) throw catalogError(issues);
}

function sameEnum(a: readonly { name: string; value: number | null }[], b: readonly { name: string; value: number | null }[]): boolean {
  const values = new Map(a.map((m) => [m.name, m.value]));
  return b.every((m) => !values.has(m.name) || values.get(m.name) === m.value);
}

function addProfiles(catalog: Catalog, validated: Extract<ValidatedFile, { kind: 'profile' }>, override: boolean): void {
  const file: ProfileFile = validated.data;
  const parsed = { file: validated.file, lineOf: lineFinder(validated.lines) };
  const backend = catalog.backend(file.backend);
  const issues: CatalogIssue[] = [];
  file.profiles.forEach((spec, i) => {
    if (!override && catalog.findProfile(spec.id)) {
      issues.push({ file: parsed.file, line: parsed.lineOf(['profiles', i, 'id']), path: `profiles[${i}].id`, message: `profile '${spec.id}' is defined twice` });
    }
    backend.profiles.set(spec.id, {
      backend: file.backend,
      spec,
      sources: resolveAll(spec.provenance, file.sources, parsed, ['profiles', i, 'provenance']),
      file: parsed.file,
      line: parsed.lineOf(['profiles', i]),
    });
  });
  file.knobs.forEach((spec, i) => backend.knobs.push({ backend: file.backend, spec, file: parsed.file, line: parsed.lineOf(['knobs', i]) }));
  backend.defaultProfile = file.default;
  if (!backend.profiles.has(file.default)) {
    issues.push({ file: parsed.file, line: parsed.lineOf(['default']), path: 'default', message: `default profile '${file.default}' is not defined in this file` });
  }
  if (issues.length > 0) throw catalogError(issues);
}
