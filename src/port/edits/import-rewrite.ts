/**
 * Recomputes the facade imports of a ported file. Each import from the source facade becomes
 * an import from the target facade holding, in the source's order, the target names its
 * rewritten names turned into, then the host helpers it had (`ref`, `type DevicePtr`, kept as
 * written, aliases included). Source names still used by code left unported stay imported
 * from the source facade, on the next line. A namespace import gets a target namespace import;
 * the source one stays while unported code uses it. Layout (one line or one name per line,
 * spacing, quotes, semicolons) follows the original declaration.
 */
import type { BackendId } from '../../catalog/vocabulary.js';
import type { NamedTargetImport, TargetNames } from '../emit/target-names.js';
import { newlineOf } from '../emit/statement-placement.js';
import type { FacadeBindings, FacadeImport } from '../syntax/facade-bindings.js';
import { isHostHelper } from '../syntax/host-helpers.js';
import { ts } from '../syntax/typescript.js';
import type { EditList } from './edit-list.js';

export interface ImportRewriteInput {
  readonly sourceFile: ts.SourceFile;
  readonly bindings: FacadeBindings;
  readonly from: BackendId;
  readonly to: BackendId;
  readonly names: TargetNames;
  /** Source locals (named imports and namespaces) still used by code left as it was. */
  readonly leftovers: ReadonlySet<string>;
}

interface Layout {
  readonly multiline: boolean;
  readonly indent: string;
  readonly spaced: boolean;
  readonly trailingComma: boolean;
  readonly semicolon: boolean;
}

function layoutOf(declaration: ts.ImportDeclaration, sourceFile: ts.SourceFile): Layout {
  const text = declaration.getText(sourceFile);
  const bindings = declaration.importClause?.namedBindings;
  const braces = bindings && ts.isNamedImports(bindings) ? bindings.getText(sourceFile) : '{ }';
  const multiline = braces.includes('\n');
  const indent = multiline ? (/\n([ \t]*)\S/.exec(braces)?.[1] ?? '  ') : '';
  return { multiline, indent, spaced: /^\{\s/.test(braces) || braces === '{}', trailingComma: /,\s*\}$/.test(braces), semicolon: text.trimEnd().endsWith(';') };
}

function namedClause(specifiers: readonly string[], layout: Layout, nl: string): string {
  if (layout.multiline) {
    const items = specifiers.map((s, i) => `${layout.indent}${s}${i < specifiers.length - 1 || layout.trailingComma ? ',' : ''}`);
    return `{${nl}${items.join(nl)}${nl}}`;
  }
  return layout.spaced ? `{ ${specifiers.join(', ')} }` : `{${specifiers.join(', ')}}`;
}

function declarationText(kind: 'import' | 'import type', clause: string, backend: BackendId, quote: string, layout: Layout): string {
  return `${kind} ${clause} from ${quote}opbridge/${backend}${quote}${layout.semicolon ? ';' : ''}`;
}

function specifierText(t: NamedTargetImport, typeModifier: boolean): string {
  const name = t.local === t.name ? t.name : `${t.name} as ${t.local}`;
  return typeModifier ? `type ${name}` : name;
}

/** Removes a declaration, with its line when nothing else is on it. */
function remove(declaration: ts.Node, sourceFile: ts.SourceFile, edits: EditList): void {
  const text = sourceFile.text;
  const start = declaration.getStart(sourceFile);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let end = declaration.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  if (text.slice(lineStart, start).trim() === '' && (end === text.length || text[end] === '\n' || text[end] === '\r')) {
    if (text[end] === '\r') end++;
    if (text[end] === '\n') end++;
    edits.replace(lineStart, end, '');
  } else edits.replace(start, declaration.end, '');
}

export function rewriteImports(input: ImportRewriteInput, edits: EditList): void {
  const { sourceFile, bindings, from, to, names, leftovers } = input;
  const nl = newlineOf(sourceFile.text);
  const sourceImports = bindings.imports.filter((i) => i.backend === from);
  const named = names.namedImports();
  const placed = new Set<string>();
  const namedDeclarations = sourceImports.filter((i) => !i.namespace && i.specifiers.length > 0);
  const originOwner = new Map<string, FacadeImport>();
  for (const d of namedDeclarations) for (const s of d.specifiers) originOwner.set(s.local, d);
  let namespacePlaced = false;

  for (const declaration of sourceImports) {
    const layout = layoutOf(declaration.declaration, sourceFile);
    const keyword = declaration.typeOnly ? 'import type' : 'import';
    const lines: string[] = [];
    if (declaration.namespace) {
      const targetNamespace = names.namespaceImport();
      if (targetNamespace && !namespacePlaced) {
        lines.push(declarationText('import', `* as ${targetNamespace}`, to, declaration.quote, layout));
        namespacePlaced = true;
      }
      if (leftovers.has(declaration.namespace)) lines.push(declaration.declaration.getText(sourceFile));
    } else if (declaration.specifiers.length === 0) {
      // `import 'opbridge/cuda'`: loads the facade; point it at the target.
      lines.push(`import ${declaration.quote}opbridge/${to}${declaration.quote}${layout.semicolon ? ';' : ''}`);
    } else {
      const targetSpecifiers: string[] = [];
      const kept: string[] = [];
      // A target name is marked `type` when only types use it, whatever the source specifier said
      // (verbatimModuleSyntax: XDNN's value-and-type `Error_t` becomes CUDA's type-only cudnnStatus_t).
      const emit = (t: NamedTargetImport) => {
        if (placed.has(t.name)) return;
        placed.add(t.name);
        targetSpecifiers.push(specifierText(t, !declaration.typeOnly && t.typeOnly));
      };
      // Host helpers stay as written; generated code that uses them (`ref`) needs no second import.
      for (const s of declaration.specifiers) if (isHostHelper(s.imported) && s.imported === s.local) placed.add(s.imported);
      for (const s of declaration.specifiers) {
        if (isHostHelper(s.imported)) {
          targetSpecifiers.push(s.node.getText(sourceFile));
          continue;
        }
        for (const t of named) if (t.origin === s.local) emit(t);
        if (leftovers.has(s.local)) kept.push(s.node.getText(sourceFile));
      }
      if (declaration === namedDeclarations[0]) {
        for (const t of named) if (t.origin === undefined || !originOwner.has(t.origin)) emit(t);
      }
      if (targetSpecifiers.length > 0) lines.push(declarationText(keyword, namedClause(targetSpecifiers, layout, nl), to, declaration.quote, layout));
      if (kept.length > 0) lines.push(declarationText(keyword, namedClause(kept, layout, nl), from, declaration.quote, layout));
    }
    if (lines.length === 0) remove(declaration.declaration, sourceFile, edits);
    else edits.replace(declaration.declaration.getStart(sourceFile), declaration.declaration.end, lines.join(nl));
  }
}
