/**
 * Finds vendor symbols used by TypeScript model code written against opbridge facades, by
 * parsing (never type-checking) with the TypeScript compiler API:
 *
 * - `import { cudaMalloc as alloc } from 'opbridge/cuda'` then `alloc(...)`;
 * - `import * as cuda from 'opbridge/cuda'` then `cuda.cudaMalloc(...)`, `cuda.CUBLAS_OP_N`;
 * - namespace objects and classes: `cudnn_frontend.graph.Graph` is
 *   `cudnn_frontend::graph::Graph`; methods called on a variable initialised with
 *   `new <that class>(...)` (and chained `set_*` calls) are `<class>::<method>`;
 * - re-exports inside the scanned tree: `export { cudaMalloc as alloc } from 'opbridge/cuda'`,
 *   `export * from 'opbridge/cuda'`, `export { x }` of an imported binding, followed through
 *   relative imports of other scanned files.
 *
 * The source backend of each reference is the facade it comes from. Names are resolved by
 * name, not by scope: a local variable that shadows an import is taken for the import.
 * Facade helpers (`ref`, `DevicePtr`, ...) are not vendor symbols and are not counted.
 */
import { dirname, resolve } from 'node:path';
import type { ts as TsNamespace } from 'ts-morph';
import { BACKENDS, type BackendId } from '../catalog/vocabulary.js';
import type { SourceReference } from './file-scan.js';
import type { SymbolIndex } from './symbol-index.js';
import { looksLikeVendorSymbol } from './symbol-patterns.js';

type Ts = typeof TsNamespace;

export interface TypeScriptSource {
  /** Absolute path (used to resolve relative imports between scanned files). */
  readonly absolute: string;
  readonly text: string;
}

/** What a local name stands for. */
type Binding =
  | { readonly kind: 'facade-namespace'; readonly backend: BackendId }
  | { readonly kind: 'facade-symbol'; readonly backend: BackendId; readonly path: readonly string[] }
  /** `import * as m from './local.js'`: members resolve through that file's exports. */
  | { readonly kind: 'module'; readonly file: string };

interface ModuleFacts {
  readonly source: TypeScriptSource;
  readonly sourceFile: TsNamespace.SourceFile;
  /** Local names bound by imports (facade bindings directly; relative ones after resolution). */
  readonly bindings: Map<string, Binding>;
  readonly relativeImports: { local: string; file: string; imported: string | '*' }[];
  /** export name → how to resolve it. */
  readonly exports: Map<string, { from: 'facade'; backend: BackendId; imported: string | '*' } | { from: 'file'; file: string; imported: string | '*' } | { from: 'local'; local: string }>;
  readonly starExports: ({ from: 'facade'; backend: BackendId } | { from: 'file'; file: string })[];
}

const FACADE = new RegExp(`^opbridge/(${BACKENDS.join('|')})$`);

let tsModule: Ts | undefined;

/** Loads the TypeScript compiler bundled with ts-morph (only when TypeScript files are scanned). */
async function loadTs(): Promise<Ts> {
  tsModule ??= (await import('ts-morph')).ts;
  return tsModule;
}

function scriptKind(ts: Ts, path: string): TsNamespace.ScriptKind {
  return path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
}

/** The scanned file a relative specifier points to, trying the usual TypeScript extensions. */
function resolveRelative(from: string, specifier: string, known: ReadonlySet<string>): string | undefined {
  const base = resolve(dirname(from), specifier);
  const candidates = [
    base,
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.js$/, '.tsx'),
    base.replace(/\.mjs$/, '.mts'),
    base.replace(/\.cjs$/, '.cts'),
    `${base}.ts`,
    `${base}.tsx`,
    `${base}/index.ts`,
  ];
  return candidates.find((c) => known.has(c));
}

function collectModuleFacts(ts: Ts, source: TypeScriptSource, known: ReadonlySet<string>): ModuleFacts {
  const sourceFile = ts.createSourceFile(source.absolute, source.text, ts.ScriptTarget.Latest, true, scriptKind(ts, source.absolute));
  const facts: ModuleFacts = { source, sourceFile, bindings: new Map(), relativeImports: [], exports: new Map(), starExports: [] };
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const specifier = statement.moduleSpecifier.text;
      const facade = FACADE.exec(specifier)?.[1] as BackendId | undefined;
      const file = specifier.startsWith('.') ? resolveRelative(source.absolute, specifier, known) : undefined;
      if (!facade && !file) continue;
      const named = statement.importClause?.namedBindings;
      if (named && ts.isNamespaceImport(named)) {
        const local = named.name.text;
        if (facade) facts.bindings.set(local, { kind: 'facade-namespace', backend: facade });
        else facts.relativeImports.push({ local, file: file!, imported: '*' });
      } else if (named && ts.isNamedImports(named)) {
        for (const element of named.elements) {
          const local = element.name.text;
          const imported = element.propertyName?.text ?? local;
          if (facade) facts.bindings.set(local, { kind: 'facade-symbol', backend: facade, path: [imported] });
          else facts.relativeImports.push({ local, file: file!, imported });
        }
      }
    } else if (ts.isExportDeclaration(statement)) {
      const specifier = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const facade = specifier ? (FACADE.exec(specifier)?.[1] as BackendId | undefined) : undefined;
      const file = specifier?.startsWith('.') ? resolveRelative(source.absolute, specifier, known) : undefined;
      const clause = statement.exportClause;
      if (specifier && !facade && !file) continue;
      if (!clause) {
        if (facade) facts.starExports.push({ from: 'facade', backend: facade });
        else if (file) facts.starExports.push({ from: 'file', file });
      } else if (ts.isNamespaceExport(clause)) {
        const name = clause.name.text;
        if (facade) facts.exports.set(name, { from: 'facade', backend: facade, imported: '*' });
        else if (file) facts.exports.set(name, { from: 'file', file, imported: '*' });
      } else {
        for (const element of clause.elements) {
          const exported = element.name.text;
          const original = element.propertyName?.text ?? exported;
          if (facade) facts.exports.set(exported, { from: 'facade', backend: facade, imported: original });
          else if (file) facts.exports.set(exported, { from: 'file', file, imported: original });
          else facts.exports.set(exported, { from: 'local', local: original });
        }
      }
    }
  }
  return facts;
}

/** Resolves what `name` exported by `file` is, following re-exports (cycles end as unresolved). */
function resolveExport(modules: ReadonlyMap<string, ModuleFacts>, file: string, name: string, seen = new Set<string>()): Binding | undefined {
  const key = `${file}\u0000${name}`;
  if (seen.has(key)) return undefined;
  seen.add(key);
  const facts = modules.get(file);
  if (!facts) return undefined;
  const exported = facts.exports.get(name);
  if (exported) {
    if (exported.from === 'facade') {
      return exported.imported === '*' ? { kind: 'facade-namespace', backend: exported.backend } : { kind: 'facade-symbol', backend: exported.backend, path: [exported.imported] };
    }
    if (exported.from === 'file') return exported.imported === '*' ? { kind: 'module', file: exported.file } : resolveExport(modules, exported.file, exported.imported, seen);
    return resolveLocal(modules, facts, exported.local, seen);
  }
  for (const star of facts.starExports) {
    if (star.from === 'facade') return { kind: 'facade-symbol', backend: star.backend, path: [name] };
    const found = resolveExport(modules, star.file, name, seen);
    if (found) return found;
  }
  return undefined;
}

function resolveLocal(modules: ReadonlyMap<string, ModuleFacts>, facts: ModuleFacts, local: string, seen: Set<string>): Binding | undefined {
  const direct = facts.bindings.get(local);
  if (direct) return direct;
  const imported = facts.relativeImports.find((r) => r.local === local);
  if (!imported) return undefined;
  return imported.imported === '*' ? { kind: 'module', file: imported.file } : resolveExport(modules, imported.file, imported.imported, seen);
}

export interface TypeScriptFileReferences {
  readonly references: SourceReference[];
  readonly lines: number;
}

/**
 * Scans TypeScript files together (so re-exports between them resolve) and returns each
 * file's references, keyed by absolute path. `indexFor` gives each facade backend's catalog index.
 */
export async function findTypeScriptReferences(
  sources: readonly TypeScriptSource[],
  indexFor: (backend: BackendId) => SymbolIndex,
): Promise<Map<string, TypeScriptFileReferences>> {
  const ts = await loadTs();
  const known = new Set(sources.map((s) => s.absolute));
  const modules = new Map(sources.map((s) => [s.absolute, collectModuleFacts(ts, s, known)]));
  const results = new Map<string, TypeScriptFileReferences>();
  for (const facts of modules.values()) {
    for (const r of facts.relativeImports) {
      const binding = resolveLocal(modules, facts, r.local, new Set());
      if (binding) facts.bindings.set(r.local, binding);
    }
    results.set(facts.source.absolute, { references: referencesIn(ts, facts, modules, indexFor), lines: countLines(facts.source.text) });
  }
  return results;
}

function countLines(text: string): number {
  if (text.length === 0) return 0;
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** Syntax positions where an identifier is a name being declared or imported, not a use. */
function isDeclarationName(ts: Ts, node: TsNamespace.Identifier): boolean {
  const parent = node.parent;
  if (!parent) return true;
  if (ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent) || ts.isExportSpecifier(parent) || ts.isImportEqualsDeclaration(parent)) return true;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return true;
  if (ts.isQualifiedName(parent) && parent.right === node) return true;
  const named = parent as TsNamespace.Node & { name?: TsNamespace.Node };
  if (named.name === node && !ts.isShorthandPropertyAssignment(parent)) return true;
  return false;
}

function referencesIn(ts: Ts, facts: ModuleFacts, modules: ReadonlyMap<string, ModuleFacts>, indexFor: (backend: BackendId) => SymbolIndex): SourceReference[] {
  const { sourceFile, bindings } = facts;
  const references: SourceReference[] = [];
  /** Variables initialised with `new <facade class>(...)`: name → backend and class path. */
  const instances = new Map<string, { backend: BackendId; path: readonly string[] }>();

  const position = (node: TsNamespace.Node) => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    return { line: line + 1, column: character + 1 };
  };

  /** The member names chained onto `node` (`x.a.b` → [a, b]) and the outermost node. */
  const memberChain = (node: TsNamespace.Node): { names: string[]; outer: TsNamespace.Node } => {
    const names: string[] = [];
    let outer = node;
    for (;;) {
      const parent = outer.parent;
      if (parent && ts.isPropertyAccessExpression(parent) && parent.expression === outer) names.push(parent.name.text);
      else if (parent && ts.isQualifiedName(parent) && parent.left === outer) names.push(parent.right.text);
      else break;
      outer = parent;
    }
    return { names, outer };
  };

  /**
   * Counts `path` of `backend` when it is a vendor symbol: the catalog knows it, knows one of
   * its prefixes (an unknown member of a known enum or class), or its head has a vendor prefix.
   * Facade helpers (`ref`, `DevicePtr`) are none of these.
   */
  const count = (backend: BackendId, path: readonly string[], at: TsNamespace.Node, written?: string): boolean => {
    if (path.length === 0) return false;
    const index = indexFor(backend);
    const name = path.join('::');
    let vendor = looksLikeVendorSymbol(backend, path[0]);
    for (let n = path.length; n >= 1 && !vendor; n--) vendor = index.has(path.slice(0, n).join('::')) || (n > 1 && index.resolveQualified(path.slice(0, n).join('::')) !== undefined);
    if (!vendor) return false;
    references.push({ name, backend, ...position(at), ...(written && written !== name ? { written } : {}) });
    return true;
  };

  /** The facade binding a chain resolves to: the vendor path and backend, or undefined. */
  const resolveChain = (binding: Binding, names: readonly string[]): { backend: BackendId; path: string[] } | undefined => {
    if (binding.kind === 'facade-namespace') return { backend: binding.backend, path: [...names] };
    if (binding.kind === 'facade-symbol') return { backend: binding.backend, path: [...binding.path, ...names] };
    if (names.length === 0) return undefined;
    const inner = resolveExport(modules, binding.file, names[0]);
    return inner ? resolveChain(inner, names.slice(1)) : undefined;
  };

  /** The class of an instance expression: a tracked variable, or a chained `set_*` call on one. */
  const instanceOf = (expression: TsNamespace.Expression): { backend: BackendId; path: readonly string[] } | undefined => {
    if (ts.isIdentifier(expression)) return instances.get(expression.text);
    if (ts.isParenthesizedExpression(expression)) return instanceOf(expression.expression);
    if (ts.isCallExpression(expression) && ts.isPropertyAccessExpression(expression.expression) && expression.expression.name.text.startsWith('set_')) {
      return instanceOf(expression.expression.expression);
    }
    return undefined;
  };

  const visit = (node: TsNamespace.Node): void => {
    if (ts.isIdentifier(node)) {
      const binding = bindings.get(node.text);
      if (binding && !isDeclarationName(ts, node)) {
        const { names, outer } = memberChain(node);
        const resolved = resolveChain(binding, names);
        if (resolved) {
          const written = binding.kind === 'facade-symbol' && binding.path[0] !== node.text ? node.text : undefined;
          const counted = count(resolved.backend, resolved.path, node, written);
          // `const g = new cudnn_frontend.graph.Graph()` makes g an instance of that class.
          const construction = outer.parent;
          if (counted && construction && ts.isNewExpression(construction) && construction.expression === outer) {
            const declaration = construction.parent;
            if (declaration && ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name)) {
              instances.set(declaration.name.text, { backend: resolved.backend, path: resolved.path });
            }
          }
        }
      }
    } else if (ts.isPropertyAccessExpression(node)) {
      const instance = instanceOf(node.expression);
      if (instance) count(instance.backend, [...instance.path, node.name.text], node.name);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  // The walk meets an outer call chain before its receiver; report in source order.
  return references.sort((a, b) => a.line - b.line || a.column - b.column);
}
