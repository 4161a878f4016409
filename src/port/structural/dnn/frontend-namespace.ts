/**
 * cudnn-frontend graphs between backends that both have the graph API (CUDA's `fe`, MACA's
 * mcdnn_frontend, T-Head's cudnn_frontend; mappings/<backend>/*): the graph code stays as written
 * and only its names move. Every use of the source facade's namespace binding (`fe` from CUDA,
 * `mcdnn_frontend` from MACA, ...) becomes the target's (`fe` for CUDA, the C++ namespace
 * elsewhere). An enum member, a type or a Graph method is renamed where the catalog gives the
 * target another name (enum members by meaning, types and methods through their `cuda:`
 * equivalence). What the catalog holds unconfirmed is said once per name (OB1012), a method the
 * target lacks once (OB1001); names the catalog does not list stay as written, every namespace
 * mirroring cudnn-frontend's.
 * A method the target has only without the trailing out-argument, returning the value instead of a
 * status (MACA's `get_workspace_size()`), is written `out.value = g.m(…);` where the status went
 * nowhere but to a helper that only checks it; elsewhere it is OB1004. The reverse (MACA's
 * `out.value = g.get_workspace_size()` to CUDA) writes the target's out-argument form under the
 * status helper the same block checks its other graph calls with (`checkFrontend(g.build_plans(),
 * `${what} build_plans`)` → `checkFrontend(g.get_workspace_size(out), `${what} get_workspace_size`)`),
 * as a CUDA user writes it. Without such a helper the call stays: CUDA has the overload that
 * returns the size (0 on failure, as the source's), and its graph reader follows it.
 */
import type { Catalog, EntryRecord, TypeRecord } from '../../../catalog/catalog.js';
import type { BackendId } from '../../../catalog/vocabulary.js';
import { isPure } from '../../context/expression-purity.js';
import { pending, type PendingDiagnostic } from '../../diagnostics/port-diagnostics.js';
import { correspondingEnum, memberByMeaning } from '../../mapping/enum-mapping.js';
import { isDeclarationName } from '../../syntax/facade-references.js';
import { ts } from '../../syntax/typescript.js';
import { onlyReadsStatus } from './frontend-eval.js';

const CUDA_NAMESPACE = 'cudnn_frontend';
const GRAPH_TYPE = `${CUDA_NAMESPACE}::graph::Graph`;
/** The name the CUDA facade exports the namespace under, as model code writes it. */
const CUDA_BINDING = 'fe';

export interface FrontendNamespacePort {
  /** The target's C++ namespace (`mcdnn_frontend`, `cudnn_frontend`). */
  readonly namespace: string;
  /** The target facade's export written for every use (`mcdnn_frontend`; CUDA's `fe`). */
  readonly binding: string;
  /** The uses of the source binding, each replaced by the target's. */
  readonly uses: readonly ts.Identifier[];
  /** Member names the target spells differently. */
  readonly renames: readonly { readonly node: ts.Identifier; readonly from: string; readonly to: string }[];
  readonly diagnostics: readonly { readonly node: ts.Node; readonly diagnostic: PendingDiagnostic }[];
  /** Statements written anew (a status-returning call with an out-argument that becomes an assignment). */
  readonly statements: readonly { readonly statement: ts.Statement; readonly text: string; readonly from: string; readonly to: string }[];
}

/** A backend's Graph type, when the catalog gives the backend cudnn-frontend's graph API. */
export function targetGraphType(catalog: Catalog, backend: BackendId): TypeRecord | undefined {
  const types = catalog.backend(backend).types;
  if (backend === 'cuda') return types.get(GRAPH_TYPE);
  return [...types.values()].find((t) => t.spec.cuda === GRAPH_TYPE && t.spec.kind === 'graph');
}

/** The facade export model code imports a backend's graph namespace by (`fe` from CUDA, `mcdnn_frontend` from MACA). */
export function frontendBinding(catalog: Catalog, backend: BackendId): string | undefined {
  if (backend === 'cuda') return CUDA_BINDING;
  const graph = targetGraphType(catalog, backend);
  return graph && namespaceOf(graph.spec.name);
}

/** The CUDA name a catalog record stands for (itself on CUDA, its `cuda:` equivalence elsewhere). */
function cudaNames(backend: BackendId, name: string, cuda: string | readonly string[] | undefined): readonly string[] {
  if (backend === 'cuda') return [name];
  if (cuda === undefined) return [];
  return typeof cuda === 'string' ? [cuda] : cuda;
}

function namespaceOf(cName: string): string {
  return cName.split('::')[0];
}

/** The name after the namespace (`mcdnn_frontend::graph::Graph` → `graph::Graph`). */
function inNamespace(cName: string): string {
  return cName.split('::').slice(1).join('::');
}

/** The `fe.a.b` chain an identifier starts, as member identifiers. */
function membersAfter(identifier: ts.Identifier): ts.Identifier[] {
  const members: ts.Identifier[] = [];
  for (let outer: ts.Node = identifier; ; ) {
    const parent: ts.Node | undefined = outer.parent;
    if (parent && ts.isPropertyAccessExpression(parent) && parent.expression === outer && ts.isIdentifier(parent.name)) members.push(parent.name);
    else if (parent && ts.isQualifiedName(parent) && parent.left === outer) members.push(parent.right);
    else break;
    outer = parent;
  }
  return members;
}

export function portFrontendNamespace(input: { readonly sourceFile: ts.SourceFile; readonly fe: string; readonly catalog: Catalog; readonly source: BackendId; readonly target: BackendId }): FrontendNamespacePort | undefined {
  const { sourceFile, fe, catalog, source: from, target } = input;
  const graph = targetGraphType(catalog, target);
  const sourceGraph = targetGraphType(catalog, from);
  const binding = frontendBinding(catalog, target);
  if (!graph || !sourceGraph || !binding || from === target) return undefined;
  const namespace = namespaceOf(graph.spec.name);
  const sourceNamespace = namespaceOf(sourceGraph.spec.name);
  const sourceCatalog = catalog.backend(from);
  const targetCatalog = catalog.backend(target);
  const uses: ts.Identifier[] = [];
  const renames: { node: ts.Identifier; from: string; to: string }[] = [];
  const diagnostics: { node: ts.Node; diagnostic: PendingDiagnostic }[] = [];
  const statements: { statement: ts.Statement; text: string; from: string; to: string }[] = [];
  const said = new Set<string>();
  const once = (key: string, node: ts.Node, diagnostic: () => PendingDiagnostic) => {
    if (said.has(key)) return;
    said.add(key);
    diagnostics.push({ node, diagnostic: diagnostic() });
  };
  const confidence = (node: ts.Node, from: string, to: string, level: string) => {
    if (level !== 'confirmed') once(from, node, () => pending('OB1012', { symbol: from, targetSymbol: to, confidence: level }, from));
  };
  const rename = (node: ts.Identifier, from: string, to: string) => {
    if (node.text !== to) renames.push({ node, from, to });
  };
  const targetEntries = [...targetCatalog.entries.values()];
  const targetTypes = [...targetCatalog.types.values()];
  const methodOf = (name: string): { source: EntryRecord; target: EntryRecord | undefined } | undefined => {
    const source = sourceCatalog.entries.get(`${sourceGraph.spec.name}::${name}`);
    if (!source || source.spec.kind !== 'method') return undefined;
    const cudaSymbols = cudaNames(from, source.spec.symbol, source.spec.cuda);
    const targetEntry =
      target === 'cuda'
        ? cudaSymbols.map((c) => targetCatalog.entries.get(c)).find((e) => e !== undefined)
        : targetEntries.find((e) => cudaSymbols.some((c) => e.spec.cuda?.includes(c)));
    return { source, target: targetEntry };
  };

  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === fe && !isDeclarationName(node)) {
      uses.push(node);
      const members = membersAfter(node);
      const path = members.map((m) => m.text);
      // An enum member (`fe.DataType_t.FLOAT`): the target member of the same meaning.
      const sourceEnum = path.length >= 1 ? sourceCatalog.enums.get(`${sourceNamespace}::${path[0]}`) : undefined;
      if (sourceEnum && path.length >= 2) {
        const member = sourceEnum.spec.members.find((m) => m.name === path[1]);
        const targetEnum = correspondingEnum(catalog, sourceEnum, target);
        const targetMember = member?.meaning && targetEnum ? memberByMeaning(targetEnum, member.meaning, { enum: sourceEnum, member: member.name }) : undefined;
        const from = `${sourceEnum.spec.name}::${path[1]}`;
        if (!member || !targetEnum || !targetMember || namespaceOf(targetEnum.spec.name) !== namespace) {
          once(from, members[1], () => pending('OB1006', { member: path[1], meaning: member?.meaning ?? 'no meaning tag in the catalog', target, where: ` in ${namespace}` }, from));
        } else {
          rename(members[0], sourceEnum.spec.name, inNamespace(targetEnum.spec.name));
          rename(members[1], from, targetMember.name);
          confidence(members[1], sourceEnum.spec.name, targetEnum.spec.name, targetEnum.spec.confidence ?? 'confirmed');
        }
      } else {
        // A type (`fe.graph.Graph`): through its `cuda:` equivalence.
        for (let n = path.length; n >= 1; n--) {
          const sourceType = sourceCatalog.types.get([sourceNamespace, ...path.slice(0, n)].join('::'));
          if (!sourceType) continue;
          const cudaName = cudaNames(from, sourceType.spec.name, sourceType.spec.cuda)[0];
          const targetType =
            cudaName === undefined ? undefined : target === 'cuda' ? targetCatalog.types.get(cudaName) : targetTypes.find((t) => t.spec.cuda === cudaName && namespaceOf(t.spec.name) === namespace);
          if (targetType) {
            const to = inNamespace(targetType.spec.name).split('::');
            if (to.length === n) to.forEach((segment, i) => rename(members[i], sourceType.spec.name, segment));
            confidence(members[n - 1], sourceType.spec.name, targetType.spec.name, targetType.spec.confidence ?? 'confirmed');
          }
          break;
        }
      }
    }
    // A Graph method (`graph.layernorm(...)`, `graph.execute(...)`) called in a file that uses `fe`.
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.name)) {
      const name = node.expression.name;
      const method = methodOf(name.text);
      if (method && !method.target) {
        once(method.source.spec.symbol, name, () => pending('OB1001', { symbol: method.source.spec.symbol, target, reason: `the ${namespace} graph API in the catalog has no such method` }, method.source.spec.symbol));
      } else if (method?.target) {
        const dropped = droppedOutArgument(node, method.source, method.target);
        if (dropped) {
          const statement = checkedStatement(node, sourceFile);
          const receiver = (node.expression as ts.PropertyAccessExpression).expression;
          const targetName = method.target.spec.symbol.split('::').pop()!;
          const call = `${receiver.getText(sourceFile)}.${targetName}(${node.arguments.slice(0, -1).map((a) => a.getText(sourceFile)).join(', ')})`;
          if (statement && !mentions(statement, fe)) statements.push({ statement, text: `${dropped.getText(sourceFile)}.value = ${call};`, from: method.source.spec.symbol, to: method.target.spec.symbol });
          else {
            const param = method.source.spec.params[method.source.spec.params.length - 1];
            once(`${method.source.spec.symbol}@${node.pos}`, node, () => pending('OB1004', { param: param.name, role: param.role ?? param.dir ?? 'out', symbol: method.source.spec.symbol, targetSymbol: method.target!.spec.symbol }, method.source.spec.symbol));
          }
        }
        const added = addedOutArgument(node, method.source, method.target);
        if (added) {
          const targetName = method.target.spec.symbol.split('::').pop()!;
          const text = checkedOutArgumentForm(node, added, targetName, sourceFile, (m) => methodOf(m) !== undefined);
          if (text && !mentions(added.statement, fe)) statements.push({ statement: added.statement, text, from: method.source.spec.symbol, to: method.target.spec.symbol });
        }
        rename(name, method.source.spec.symbol, method.target.spec.symbol.split('::').pop()!);
        confidence(name, method.source.spec.symbol, method.target.spec.symbol, method.target.spec.confidence ?? 'confirmed');
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  if (uses.length === 0) return undefined;
  const rewritten = (n: ts.Node) => statements.some((s) => n.getStart(sourceFile) >= s.statement.getStart(sourceFile) && n.end <= s.statement.end);
  return { namespace, binding, uses, renames: renames.filter((r) => !rewritten(r.node)), diagnostics, statements };
}

/**
 * The out-argument the target's method does without: the source passes one argument per
 * parameter, the last an `out` one, and the target takes all but it and returns a value, not the
 * source's status.
 */
function droppedOutArgument(call: ts.CallExpression, source: EntryRecord, target: EntryRecord): ts.Expression | undefined {
  const params = source.spec.params;
  const last = params[params.length - 1];
  if (!last || last.dir !== 'out' || call.arguments.length !== params.length || target.spec.params.length !== params.length - 1) return undefined;
  if (target.spec.returns === source.spec.returns) return undefined;
  return call.arguments[call.arguments.length - 1];
}

/**
 * `out.value = g.m(…);` where the target's method takes `out` as a trailing out-argument and
 * returns a status instead of the value: the statement and `out`.
 */
function addedOutArgument(call: ts.CallExpression, source: EntryRecord, target: EntryRecord): { statement: ts.ExpressionStatement; out: ts.Expression } | undefined {
  const params = target.spec.params;
  const last = params[params.length - 1];
  if (!last || last.dir !== 'out' || source.spec.params.length !== params.length - 1 || call.arguments.length !== source.spec.params.length) return undefined;
  if (target.spec.returns === source.spec.returns) return undefined;
  const assignment = call.parent;
  if (!ts.isBinaryExpression(assignment) || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken || assignment.right !== call || !ts.isExpressionStatement(assignment.parent)) return undefined;
  const left = assignment.left;
  if (!ts.isPropertyAccessExpression(left) || left.name.text !== 'value' || !isPure(left.expression)) return undefined;
  return { statement: assignment.parent, out: left.expression };
}

/**
 * The out-argument call under the status helper a statement of the same block passes a graph
 * method's status to (`check(g.build_plans(), \`${what} build_plans\`)`), its other arguments
 * as written there, the method's name in them replaced by this one's; undefined when the block
 * checks no graph call with such a helper.
 */
function checkedOutArgumentForm(call: ts.CallExpression, added: { statement: ts.ExpressionStatement; out: ts.Expression }, targetName: string, sf: ts.SourceFile, isGraphMethod: (name: string) => boolean): string | undefined {
  const block = added.statement.parent;
  if (!ts.isBlock(block) && !ts.isSourceFile(block)) return undefined;
  const receiver = (call.expression as ts.PropertyAccessExpression).expression.getText(sf);
  const args = [...call.arguments.map((a) => a.getText(sf)), added.out.getText(sf)].join(', ');
  const index = block.statements.indexOf(added.statement);
  // The nearest such statement, before the assignment first.
  const order = [...block.statements.slice(0, index).reverse(), ...block.statements.slice(index + 1)];
  for (const sibling of order) {
    if (!ts.isExpressionStatement(sibling) || !ts.isCallExpression(sibling.expression)) continue;
    const checked = sibling.expression;
    const at = checked.arguments.findIndex((a) => ts.isCallExpression(a) && ts.isPropertyAccessExpression(a.expression) && isGraphMethod(a.expression.name.text));
    if (at < 0) continue;
    const graphCall = checked.arguments[at] as ts.CallExpression;
    if (checkedStatement(graphCall, sf) !== sibling) continue;
    const method = (graphCall.expression as ts.PropertyAccessExpression).name.text;
    const rest = checked.arguments.map((a, i) => (i === at ? `${receiver}.${targetName}(${args})` : ts.isStringLiteralLike(a) || ts.isTemplateExpression(a) ? a.getText(sf).split(method).join(targetName) : a.getText(sf)));
    return `${checked.expression.getText(sf)}(${rest.join(', ')});`;
  }
  return undefined;
}

/** The statement whose only use of the call's status is to drop it or pass it to a helper that only checks it. */
function checkedStatement(call: ts.CallExpression, sf: ts.SourceFile): ts.Statement | undefined {
  const parent = call.parent;
  if (ts.isExpressionStatement(parent)) return parent;
  if (!ts.isCallExpression(parent) || !ts.isIdentifier(parent.expression) || !ts.isExpressionStatement(parent.parent)) return undefined;
  const index = parent.arguments.indexOf(call);
  const helper = parent.expression.text;
  const decl = sf.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === helper);
  const othersPure = parent.arguments.every((a, i) => i === index || ts.isStringLiteralLike(a) || ts.isTemplateExpression(a) || ts.isIdentifier(a));
  return decl && othersPure && onlyReadsStatus(decl, index) ? parent.parent : undefined;
}

function mentions(node: ts.Node, name: string): boolean {
  if (ts.isIdentifier(node) && node.text === name) return true;
  return ts.forEachChild(node, (c) => (mentions(c, name) ? true : undefined)) ?? false;
}
