/**
 * `opbridge catalog list | show | validate | export`: inspect, check and export the catalog.
 */
import type { Command } from 'commander';
import { join } from 'node:path';
import { answerFor } from '../../catalog/answers.js';
import { parseBackendName } from '../../catalog/backend-name.js';
import type { Catalog, EntryRecord } from '../../catalog/catalog.js';
import { citation, renderSupportCsv, renderSupportMarkdown, supportJson } from '../../catalog/support-tables.js';
import { catalogError } from '../../catalog/validate-file.js';
import { BACKENDS, BACKEND_NAMES, STATUSES, TARGET_BACKENDS, type BackendId } from '../../catalog/vocabulary.js';
import { UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../fs/atomic-write.js';
import { closestName } from '../../text/closest-name.js';
import { EXIT_OK } from '../exit-codes.js';
import { stringifyJson } from '../json-values.js';
import { style } from '../terminal.js';
import { renderTable } from '../text-table.js';

// The catalog's loader and schemas (zod, yaml) load only when a catalog command runs, so
// `opbridge --help` and the other commands' start-up stay fast.
const loadCatalogModule = () => import('../../catalog/load-catalog.js');

interface CommonOptions {
  mappings?: string[];
  json?: boolean;
}

function statusCounts(entries: Iterable<EntryRecord>): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  for (const e of entries) counts[e.spec.status]++;
  return counts;
}

export function catalogListJson(catalog: Catalog): Record<string, unknown> {
  return {
    backends: BACKENDS.map((id) => {
      const b = catalog.backend(id);
      return {
        id,
        name: BACKEND_NAMES[id],
        entries: b.entries.size,
        libraries: b.libraries.map((l) => ({ library: l.library, version: l.version })),
        enums: b.enums.size,
        types: b.types.size,
        gaps: b.gaps.size,
        profiles: [...b.profiles.keys()],
        defaultProfile: b.defaultProfile ?? null,
        statuses: statusCounts(b.entries.values()),
      };
    }),
    operators: [...catalog.operators.values()]
      .sort((a, b) => a.spec.id.localeCompare(b.spec.id))
      .map((o) => ({ id: o.spec.id, category: o.spec.category, summary: o.spec.summary, onnx: o.spec.onnx ? `${o.spec.onnx.op}-${o.spec.onnx.since}` : null })),
  };
}

function renderList(catalog: Catalog, backend?: BackendId): string {
  if (backend) {
    const rows = [...catalog.backend(backend).entries.values()]
      .sort((a, b) => a.library.localeCompare(b.library) || a.spec.symbol.localeCompare(b.spec.symbol))
      .map((e) => [e.library, e.spec.symbol, 'operator' in e.spec.binds ? e.spec.binds.operator : e.spec.binds.primitive, e.spec.status, e.spec.confidence]);
    return `${renderTable(['library', 'symbol', 'binds', 'status', 'confidence'], rows)}\n`;
  }
  const json = catalogListJson(catalog) as { backends: { id: string; name: string; entries: number; libraries: { library: string }[]; gaps: number; profiles: string[] }[] };
  const rows = json.backends.map((b) => [b.id, b.name, String(b.entries), String(b.gaps), b.libraries.map((l) => l.library).join(', '), String(b.profiles.length)]);
  const ops = [...catalog.operators.values()].map((o) => o.spec.id).sort();
  return `${renderTable(['backend', 'stack', 'entries', 'gaps', 'libraries', 'profiles'], rows, { alignRight: [2, 3, 5] })}\n\n${style.bold(`${ops.length} operators`)}: ${ops.join(', ')}\n`;
}

function entryJson(e: EntryRecord): Record<string, unknown> {
  return { backend: e.backend, library: e.library, header: e.header ?? null, ...e.spec, sources: e.sources, file: e.file, line: e.line };
}

function showJson(catalog: Catalog, name: string): Record<string, unknown> {
  const operator = catalog.operator(name);
  const entries = BACKENDS.map((b) => catalog.entry(b, name)).filter((e): e is EntryRecord => e !== undefined);
  if (!operator && entries.length === 0) {
    const everything = [...catalog.operators.keys(), ...catalog.allEntries().map((e) => e.spec.symbol)];
    const suggestion = closestName(name, everything);
    throw new UsageError(`nothing in the catalog is called '${name}'`, {
      fix: suggestion ? `did you mean '${suggestion}'?` : 'run `opbridge catalog list` to browse',
    });
  }
  const result: Record<string, unknown> = {};
  if (operator) {
    result.operator = { ...operator.spec, file: operator.file };
    result.bindings = catalog
      .allEntries()
      .filter((e) => 'operator' in e.spec.binds && (e.spec.binds.operator === name || e.spec.binds.then?.some((t) => t.operator === name)))
      .map((e) => ({ backend: e.backend, symbol: e.spec.symbol, status: e.spec.status, confidence: e.spec.confidence }));
  }
  if (entries.length > 0) result.entries = entries.map(entryJson);
  if (catalog.entry('cuda', name)) {
    result.answers = TARGET_BACKENDS.map((b) => {
      const a = answerFor(catalog, b, name);
      return { backend: b, status: a.status, symbols: a.symbols, confidence: a.confidence, via: a.via, notes: a.notes ?? null };
    });
  }
  return result;
}

function renderShow(json: Record<string, unknown>): string {
  const out: string[] = [];
  const operator = json.operator as { id: string; summary: string; category: string; inputs: { name: string; dtypes: string[] }[]; outputs: { name: string }[]; attributes: { name: string; type: string; default?: unknown }[] } | undefined;
  if (operator) {
    out.push(`${style.bold(operator.id)} (${operator.category}) — ${operator.summary}`);
    out.push(`  inputs: ${operator.inputs.map((i) => i.name).join(', ')}   outputs: ${operator.outputs.map((o) => o.name).join(', ')}`);
    if (operator.attributes.length) out.push(`  attributes: ${operator.attributes.map((a) => `${a.name}: ${a.type}${a.default !== undefined ? ` = ${JSON.stringify(a.default)}` : ''}`).join(', ')}`);
    const bindings = json.bindings as { backend: string; symbol: string; status: string }[];
    if (bindings.length) out.push(`  bound by: ${bindings.map((b) => `${b.backend}:${b.symbol} (${b.status})`).join(', ')}`);
    out.push('');
  }
  for (const e of (json.entries as ReturnType<typeof entryJson>[] | undefined) ?? []) {
    const spec = e as unknown as EntryRecord['spec'] & { backend: string; library: string; header: string | null; sources: EntryRecord['sources'] };
    out.push(`${style.bold(`${spec.backend}:${spec.symbol}`)}  ${style.dim(`${spec.library}${spec.header ? `, ${spec.header}` : ''}`)}`);
    out.push(`  ${spec.returns} ${spec.symbol}(${spec.params.map((p) => `${p.type} ${p.name}`).join(', ')})`);
    const binds = 'operator' in spec.binds ? `operator ${spec.binds.operator}${spec.binds.layout ? ` (${spec.binds.layout})` : ''}` : `primitive ${spec.binds.primitive}`;
    out.push(`  binds ${binds}; status ${spec.status}; ${spec.confidence}`);
    if (spec.unsupported?.length) out.push(`  unsupported: ${spec.unsupported.join('; ')}`);
    if (spec.notes) out.push(`  notes: ${spec.notes.replace(/\s+/g, ' ').trim()}`);
    out.push(`  source: ${citation(spec.sources)}`);
    out.push('');
  }
  const answers = json.answers as { backend: string; status: string; symbols: string[]; confidence: string; via: string }[] | undefined;
  if (answers) {
    out.push(style.bold('On each target:'));
    out.push(renderTable(['backend', 'status', 'symbols', 'confidence'], answers.map((a) => [a.backend, a.status, a.symbols.join(', ') || '—', `${a.confidence}${a.via === 'operator' || a.via === 'primitive' ? ` (via ${a.via})` : ''}`]), { indent: '  ' }));
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function registerCatalogCommand(program: Command, setExitCode: (code: number) => void): void {
  const catalogCommand = program.command('catalog').description('inspect, validate and export the operator and API catalog');

  catalogCommand
    .command('list')
    .description('list backends with their libraries and entry counts, and the canonical operators')
    .option('--backend <id>', 'list the entries of one backend')
    .option('--mappings <paths...>', 'extra mapping, profile or operator files/directories')
    .option('--json', 'machine-readable output on stdout')
    .action(async (options: CommonOptions & { backend?: string }) => {
      const catalog = (await loadCatalogModule()).loadCatalog({ extra: options.mappings });
      const backend = options.backend ? parseBackendName(options.backend, '--backend') : undefined;
      if (options.json) {
        const json = catalogListJson(catalog);
        process.stdout.write(stringifyJson(backend ? { ...json, entries: [...catalog.backend(backend).entries.values()].map(entryJson) } : json));
      } else process.stdout.write(renderList(catalog, backend));
      setExitCode(EXIT_OK);
    });

  catalogCommand
    .command('show')
    .description('show an operator, or a vendor symbol on every backend (and what each target offers for a CUDA symbol)')
    .argument('<name>', 'an operator id (Gemm) or a vendor symbol (cublasSgemm, aclnnMatmul)')
    .option('--mappings <paths...>', 'extra mapping, profile or operator files/directories')
    .option('--json', 'machine-readable output on stdout')
    .action(async (name: string, options: CommonOptions) => {
      const json = showJson((await loadCatalogModule()).loadCatalog({ extra: options.mappings }), name);
      process.stdout.write(options.json ? stringifyJson(json) : renderShow(json));
      setExitCode(EXIT_OK);
    });

  catalogCommand
    .command('validate')
    .description('validate every catalog file (schemas, references, provenance); exit 2 on problems')
    .option('--mappings <paths...>', 'extra mapping, profile or operator files/directories to validate with the catalog')
    .option('--json', 'machine-readable result on stdout')
    .action(async (options: CommonOptions) => {
      const [{ loadCatalog }, { checkCatalog }] = await Promise.all([loadCatalogModule(), import('../../catalog/check-catalog.js')]);
      const loaded = loadCatalog({ extra: options.mappings });
      const issues = checkCatalog(loaded);
      if (issues.length > 0) throw catalogError(issues);
      const counts = {
        operators: loaded.operators.size,
        entries: [...loaded.backends.values()].reduce((n, b) => n + b.entries.size, 0),
        enums: [...loaded.backends.values()].reduce((n, b) => n + b.enums.size, 0),
        profiles: [...loaded.backends.values()].reduce((n, b) => n + b.profiles.size, 0),
      };
      if (options.json) process.stdout.write(stringifyJson({ valid: true, ...counts }));
      else {
        process.stdout.write(
          `${style.green('✓')} catalog valid: ${counts.operators} operators, ${counts.entries} API entries, ${counts.enums} enums, ${counts.profiles} numeric profiles\n`,
        );
      }
      setExitCode(EXIT_OK);
    });

  catalogCommand
    .command('export')
    .description('write HIPIFY-style support tables (md, csv, json) or the JSON Schemas of the catalog formats')
    .option('--format <format>', 'md | csv | json | json-schema', 'md')
    .option('--to <backends>', 'comma-separated target backends (default: all targets)')
    .option('--out <path>', 'directory (md, json-schema) or file (csv, json) to write; stdout when omitted (md: one backend)')
    .option('--mappings <paths...>', 'extra mapping, profile or operator files/directories')
    .action(async (options: { format: string; to?: string; out?: string; mappings?: string[] }) => {
      const catalog = (await loadCatalogModule()).loadCatalog({ extra: options.mappings });
      const backends = options.to ? options.to.split(',').map((b) => parseBackendName(b.trim(), '--to')) : TARGET_BACKENDS;
      switch (options.format) {
        case 'md':
          if (options.out) for (const b of backends) writeFileAtomic(join(options.out, `${b}.md`), renderSupportMarkdown(catalog, b));
          else if (backends.length === 1) process.stdout.write(renderSupportMarkdown(catalog, backends[0]));
          else throw new UsageError('--format md writes one file per backend: give --out <dir>, or --to with one backend for stdout');
          break;
        case 'csv':
          writeOrPrint(options.out, renderSupportCsv(catalog, backends));
          break;
        case 'json':
          writeOrPrint(options.out, stringifyJson(supportJson(catalog, backends)));
          break;
        case 'json-schema': {
          const schemas = (await import('../../catalog/json-schema.js')).catalogJsonSchemas();
          if (!options.out) process.stdout.write(stringifyJson(schemas));
          else for (const [name, schema] of Object.entries(schemas)) writeFileAtomic(join(options.out, name), stringifyJson(schema));
          break;
        }
        default:
          throw new UsageError(`unknown --format '${options.format}'`, { fix: 'use md, csv, json or json-schema' });
      }
      setExitCode(EXIT_OK);
    });
}

function writeOrPrint(out: string | undefined, text: string): void {
  if (out) writeFileAtomic(out, text);
  else process.stdout.write(text);
}
