/**
 * Resolves identifiers of a file to facade references: the binding (named import or namespace
 * member), the member path after it, the catalog symbol that path names, the node that covers
 * exactly that symbol (`cuda.cudaMalloc`, `Error_t.SUCCESS`), and whether it sits in a type.
 */
import type { BackendId } from '../../catalog/vocabulary.js';
import type { FacadeIndex, FacadeSymbol } from '../mapping/facade-index.js';
import type { FacadeBindings } from './facade-bindings.js';
import { ts } from './typescript.js';

export interface FacadeReference {
  readonly backend: BackendId;
  /** The local name written: the imported binding or the namespace. */
  readonly local: string;
  readonly style: 'named' | 'namespace';
  /** Export path: the imported name and members (`['cudaMalloc']`, `['xpu', 'constant']`). */
  readonly path: readonly string[];
  /** What the path names, undefined when the catalog does not know it. */
  readonly symbol: FacadeSymbol | undefined;
  /** The expression or type name covering the resolved symbol. */
  readonly node: ts.Node;
  /** In a type position (`let s: cudaStream_t`, `ref<cuda.cudaStream_t>()`). */
  readonly inType: boolean;
}

/** Syntax positions where an identifier names something being declared or a property, not a use. */
export function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (!parent) return true;
  if (ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent) || ts.isExportSpecifier(parent) || ts.isImportEqualsDeclaration(parent)) return true;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return true;
  if (ts.isQualifiedName(parent) && parent.right === node) return true;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return true;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return true;
  const named = parent as ts.Node & { name?: ts.Node };
  if (named.name === node && !ts.isShorthandPropertyAssignment(parent)) return true;
  return false;
}

function chainOf(identifier: ts.Identifier): ts.Node[] {
  const chain: ts.Node[] = [identifier];
  let outer: ts.Node = identifier;
  for (;;) {
    const parent = outer.parent;
    if (parent && ts.isPropertyAccessExpression(parent) && parent.expression === outer) chain.push(parent);
    else if (parent && ts.isQualifiedName(parent) && parent.left === outer) chain.push(parent);
    else break;
    outer = parent;
  }
  return chain;
}

function memberName(node: ts.Node): string {
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isQualifiedName(node)) return node.right.text;
  return (node as ts.Identifier).text;
}

function inTypePosition(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isTypeReferenceNode(parent) && parent.typeName === node) return true;
  if (ts.isExpressionWithTypeArguments(parent) && parent.expression === node && parent.parent && ts.isHeritageClause(parent.parent)) return true;
  return false;
}

export class FacadeReferences {
  /** Resolved identifiers: the walk, trial lowerings and status checks ask about the same names again and again. */
  private readonly resolved = new Map<ts.Identifier, FacadeReference | null>();

  constructor(
    private readonly bindings: FacadeBindings,
    private readonly backend: BackendId,
    private readonly index: FacadeIndex,
  ) {}

  /** Whether an identifier is a local name bound to this backend's facade. */
  isBound(name: string): boolean {
    return this.bindings.named.get(name)?.backend === this.backend || this.bindings.namespaces.get(name) === this.backend;
  }

  /** The reference an identifier starts, or undefined when it is not a facade use. */
  resolve(identifier: ts.Identifier): FacadeReference | undefined {
    if (!this.isBound(identifier.text)) return undefined;
    const cached = this.resolved.get(identifier);
    if (cached !== undefined) return cached ?? undefined;
    const ref = this.resolveBound(identifier);
    this.resolved.set(identifier, ref ?? null);
    return ref;
  }

  private resolveBound(identifier: ts.Identifier): FacadeReference | undefined {
    if (isDeclarationName(identifier)) return undefined;
    const chain = chainOf(identifier);
    const named = this.bindings.named.get(identifier.text);
    const style: 'named' | 'namespace' = named?.backend === this.backend ? 'named' : 'namespace';
    const members = chain.slice(1).map(memberName);
    const path = style === 'named' ? [named!.imported, ...members] : members;
    const resolved = this.index.resolve(path);
    // Named: the identifier is the first path element; namespace: the namespace comes first.
    const covered = resolved ? (style === 'named' ? resolved.length - 1 : resolved.length) : style === 'named' ? 0 : Math.min(1, members.length);
    const node = chain[covered];
    return {
      backend: this.backend,
      local: identifier.text,
      style,
      path: resolved ? path.slice(0, resolved.length) : path.slice(0, style === 'named' ? 1 : Math.min(1, path.length)),
      symbol: resolved?.symbol,
      node,
      inType: inTypePosition(node),
    };
  }

  /** The reference an expression is, when the reference covers exactly that expression. */
  exact(expression: ts.Node): FacadeReference | undefined {
    let head: ts.Node = expression;
    while (ts.isPropertyAccessExpression(head) || ts.isQualifiedName(head)) head = ts.isPropertyAccessExpression(head) ? head.expression : head.left;
    if (!ts.isIdentifier(head)) return undefined;
    const ref = this.resolve(head);
    return ref && ref.node === expression ? ref : undefined;
  }
}
