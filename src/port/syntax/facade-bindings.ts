/**
 * Which local names of a file come from which facade: named imports (with aliases and `type`
 * modifiers), namespace imports (`import * as cuda from 'opbridge/cuda'`), type-only import
 * declarations, and re-exports of a facade (reported, not rewritten). Names are resolved by
 * name, not by scope: a local variable that shadows an import is taken for the import.
 */
import { BACKENDS, type BackendId } from '../../catalog/vocabulary.js';
import { ts } from './typescript.js';

const FACADE_SPECIFIER = new RegExp(`^opbridge/(${BACKENDS.join('|')})$`);

export function facadeBackendOf(specifier: string): BackendId | undefined {
  return FACADE_SPECIFIER.exec(specifier)?.[1] as BackendId | undefined;
}

export interface FacadeSpecifier {
  /** The exported name (`cudaMalloc` in `cudaMalloc as alloc`). */
  readonly imported: string;
  readonly local: string;
  /** `type X` inside a value import. */
  readonly typeModifier: boolean;
  readonly node: ts.ImportSpecifier;
}

export interface FacadeImport {
  readonly declaration: ts.ImportDeclaration;
  readonly backend: BackendId;
  /** `import type { ... }`. */
  readonly typeOnly: boolean;
  /** The local name of `import * as <name>`. */
  readonly namespace?: string;
  readonly specifiers: readonly FacadeSpecifier[];
  /** The quote character of the module specifier, kept when the import is rewritten. */
  readonly quote: string;
}

export interface NamedBinding {
  readonly backend: BackendId;
  readonly imported: string;
  readonly typeOnly: boolean;
  readonly from: FacadeImport;
}

export interface FacadeBindings {
  readonly imports: readonly FacadeImport[];
  readonly reExports: readonly { declaration: ts.ExportDeclaration; backend: BackendId }[];
  /** Local name → the facade export it stands for. */
  readonly named: ReadonlyMap<string, NamedBinding>;
  /** Local namespace name → backend. */
  readonly namespaces: ReadonlyMap<string, BackendId>;
  /** Backends imported by the file (re-exports included), in order of first import. */
  readonly backends: readonly BackendId[];
}

export function collectFacadeBindings(sourceFile: ts.SourceFile): FacadeBindings {
  const imports: FacadeImport[] = [];
  const reExports: { declaration: ts.ExportDeclaration; backend: BackendId }[] = [];
  const named = new Map<string, NamedBinding>();
  const namespaces = new Map<string, BackendId>();
  const backends: BackendId[] = [];
  const note = (b: BackendId) => {
    if (!backends.includes(b)) backends.push(b);
  };
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const backend = facadeBackendOf(statement.moduleSpecifier.text);
      if (!backend) continue;
      note(backend);
      const clause = statement.importClause;
      const typeOnly = Boolean(clause?.isTypeOnly);
      const bindings = clause?.namedBindings;
      const specifiers: FacadeSpecifier[] = [];
      let namespace: string | undefined;
      if (bindings && ts.isNamespaceImport(bindings)) namespace = bindings.name.text;
      else if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          specifiers.push({ imported: element.propertyName?.text ?? element.name.text, local: element.name.text, typeModifier: element.isTypeOnly, node: element });
        }
      }
      const quote = statement.moduleSpecifier.getText(sourceFile).charAt(0);
      const facadeImport: FacadeImport = { declaration: statement, backend, typeOnly, ...(namespace ? { namespace } : {}), specifiers, quote };
      imports.push(facadeImport);
      if (namespace) namespaces.set(namespace, backend);
      for (const s of specifiers) named.set(s.local, { backend, imported: s.imported, typeOnly: typeOnly || s.typeModifier, from: facadeImport });
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const backend = facadeBackendOf(statement.moduleSpecifier.text);
      if (!backend) continue;
      note(backend);
      reExports.push({ declaration: statement, backend });
    }
  }
  return { imports, reExports, named, namespaces, backends };
}
