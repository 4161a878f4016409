/**
 * Reads and validates the catalog: operators/*.yaml, mappings/<backend>/*.yaml and
 * profiles/*.yaml from the package, then any user files given with `--mappings`, whose
 * entries add to or replace built-in ones (same backend + symbol).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { Catalog, type BackendCatalog } from './catalog.js';
import { packageRoot } from './package-root.js';
import { MappingFileSchema, type MappingFile } from './schema/mapping.js';
import { OperatorSchema } from './schema/operator.js';
import { ProfileFileSchema, type ProfileFile } from './schema/profile.js';
import { provenanceList, resolveProvenance, type Provenance, type Source } from './schema/provenance.js';
import { catalogError, validateParsed, type CatalogIssue } from './validate-file.js';
import { parseYaml, type ParsedYaml } from './yaml-document.js';

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
  const display = (file: string): string => relative(process.cwd(), file) || file;
  for (const file of yamlFiles(join(root, 'operators'))) addOperator(catalog, readYaml(file, display(file)), false);
  for (const file of yamlFiles(join(root, 'mappings'))) addMapping(catalog, readYaml(file, display(file)), false, join(root, 'mappings'));
  for (const file of yamlFiles(join(root, 'profiles'))) addProfiles(catalog, readYaml(file, display(file)), false);
  for (const path of options.extra ?? []) {
    const absolute = resolve(path);
    if (!existsSync(absolute)) {
      throw new InputError(`mappings path does not exist`, { location: { file: path }, fix: 'pass an existing YAML file or directory to --mappings' });
    }
    for (const file of statSync(absolute).isDirectory() ? yamlFiles(absolute) : [absolute]) {
      const parsed = readYaml(file, display(file));
      const data = parsed.data as Record<string, unknown> | null;
      if (data && typeof data === 'object' && 'profiles' in data) addProfiles(catalog, parsed, true);
      else if (data && typeof data === 'object' && 'category' in data) addOperator(catalog, parsed, true);
      else addMapping(catalog, parsed, true);
    }
  }
  if (plain) builtIn = catalog;
  return catalog;
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

function readYaml(file: string, display: string): ParsedYaml {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new InputError(`cannot read catalog file`, { location: { file: display }, fix: 'check the path and permissions', cause });
  }
  return parseYaml(text, display);
}

function resolveAll(
  provenance: Provenance | Provenance[],
  sources: Readonly<Record<string, Source>>,
  parsed: ParsedYaml,
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

function addOperator(catalog: Catalog, parsed: ParsedYaml, override: boolean): void {
  const spec = validateParsed(parsed, OperatorSchema);
  const expected = `${spec.id}.yaml`;
  if (!override && basename(parsed.file) !== expected) {
    throw catalogError([{ file: parsed.file, line: parsed.lineOf(['id']), path: 'id', message: `operator '${spec.id}' must live in ${expected}` }]);
  }
  if (!override && catalog.operators.has(spec.id)) {
    throw catalogError([{ file: parsed.file, line: parsed.lineOf(['id']), path: 'id', message: `operator '${spec.id}' is defined twice` }]);
  }
  catalog.operators.set(spec.id, { spec, file: parsed.file, line: parsed.lineOf(['id']) });
}

function addMapping(catalog: Catalog, parsed: ParsedYaml, override: boolean, mappingsDir?: string): void {
  const file: MappingFile = validateParsed(parsed, MappingFileSchema);
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

function addProfiles(catalog: Catalog, parsed: ParsedYaml, override: boolean): void {
  const file: ProfileFile = validateParsed(parsed, ProfileFileSchema);
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
