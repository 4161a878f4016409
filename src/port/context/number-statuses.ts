/**
 * `number` annotations that hold a library status. CUDA numbers every status, so CUDA code may
 * type one as `number`: a function declared `: number` that returns `cublasSgemm(…)`, a
 * `let status: number` that receives calls, a helper's `status: number` that every caller passes
 * a call. Where the target exports its statuses as names (their numbers unconfirmed: MACA,
 * T-Head, MUSA, XDNN), the ported status no longer fits the annotation. What the annotation
 * holds and how it is used decide whether it can take the target's status type: this module
 * finds the annotations and what flows into and out of them; the porter judges the statuses.
 *
 * Found by the annotation, never by name. A function or variable whose name the file binds
 * twice is ambiguous and not used; a function's callers are its calls in the file, so an
 * exported function's parameters (callers elsewhere may pass anything) cannot change.
 */
import { ts } from '../syntax/typescript.js';

export type NumberHolderKind = 'return' | 'variable' | 'parameter';

export interface NumberStatusHolder {
  readonly kind: NumberHolderKind;
  /** The function (for a return type) or the variable or parameter. */
  readonly name: string;
  /** The `number` annotation. */
  readonly type: ts.TypeNode;
  /** For a parameter: its function's name and its index there. */
  readonly parameterOf?: { readonly name: string; readonly index: number };
  /** What it holds: return expressions, the initialiser and assigned values, or the arguments callers pass. */
  readonly values: readonly ts.Expression[];
  /** What it is compared with (`===`, `!==`, `==`, `!=`). */
  readonly related: readonly ts.Expression[];
  /** A use a status type would not fit (arithmetic, a truthiness test, a caller the file cannot see), when there is one. */
  readonly blocked?: { readonly node: ts.Node; readonly why: string };
}

export interface NumberStatusQuestions {
  /** Whether an expression is a source status (a status call or status constant). */
  readonly holdsStatus: (value: ts.Expression) => boolean;
  /** Whether argument `index` of `call` takes a status as it is (a facade call, a status helper). */
  readonly acceptsStatus: (call: ts.CallExpression, index: number) => boolean;
}

const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/** A function's calls in the file; `passedOn`, its first reference that is no call; `exported`, whether the file exports it. */
interface Calls {
  readonly calls: readonly ts.CallExpression[];
  readonly exported: boolean;
  readonly passedOn?: ts.Node;
}

type FunctionLike = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;

type Use =
  | { readonly kind: 'fits' }
  | { readonly kind: 'assigned'; readonly value: ts.Expression }
  | { readonly kind: 'compared'; readonly other: ts.Expression }
  | { readonly kind: 'blocks'; readonly node: ts.Node; readonly why: string };

/** The `number` annotations of a file that hold at least one source status, in source order. */
export function numberStatusHolders(sourceFile: ts.SourceFile, questions: NumberStatusQuestions): NumberStatusHolder[] {
  const file = new FileNames(sourceFile);
  const found: NumberStatusHolder[] = [];
  const add = (holder: NumberStatusHolder | undefined) => {
    if (holder && holder.values.some((v) => questions.holdsStatus(held(v)))) found.push({ ...holder, values: holder.values.map(held) });
  };
  for (const [name, declaration] of file.declarations()) {
    if (ts.isVariableDeclaration(declaration)) {
      const init = declaration.initializer && unwrap(declaration.initializer);
      const fn = init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : undefined;
      if (fn) addFunction(name, fn, declaration);
      else if (declaration.type && isNumber(declaration.type)) add(variableHolder(name, declaration, declaration.type));
    } else if (declaration.body) addFunction(name, declaration, declaration);
  }
  // A method's calls cannot be told apart without a type checker (any object, any name); as for
  // an exported function's callers elsewhere, its return type says what it returns.
  const methods = (node: ts.Node): void => {
    if (ts.isMethodDeclaration(node) && node.body && node.type && isNumber(node.type)) {
      add({ kind: 'return', name: node.name.getText(sourceFile), type: node.type, values: returnedBy(node.body), related: [] });
    }
    ts.forEachChild(node, methods);
  };
  methods(sourceFile);
  return found.sort((a, b) => a.type.pos - b.type.pos);

  function addFunction(name: string, fn: FunctionLike, declaration: ts.Node): void {
    const calls = callsOf(name, declaration);
    if (fn.type && isNumber(fn.type)) add(returnHolder(name, fn, fn.type, calls));
    fn.parameters.forEach((p, index) => {
      if (p.type && isNumber(p.type) && ts.isIdentifier(p.name) && !p.dotDotDotToken) add(parameterHolder(p.name.text, name, fn, p.type, index, { ...calls, exported: calls.exported || isExported(declaration) }));
    });
  }

  /** The calls of a function by name, or the first reference that is no call (it is passed on). */
  function callsOf(name: string, declaration: ts.Node): Calls {
    const calls: ts.CallExpression[] = [];
    let exported = false;
    for (const ref of file.references(name, declaration)) {
      const p = ref.parent;
      if (ts.isCallExpression(p) && p.expression === ref) calls.push(p);
      else if (ts.isExportSpecifier(p)) exported = true;
      else return { calls, exported, passedOn: ref };
    }
    return { calls, exported };
  }

  function returnHolder(name: string, fn: FunctionLike, type: ts.TypeNode, { calls, passedOn }: Calls): NumberStatusHolder {
    const values = ts.isBlock(fn.body!) ? returnedBy(fn.body) : [fn.body!];
    const related: ts.Expression[] = [];
    let blocked: NumberStatusHolder['blocked'] = passedOn ? { node: passedOn, why: `\`${name}\` is used as a value, so not every use of its result is in view` } : undefined;
    for (const call of calls) {
      const use = useOf(call);
      if (use.kind === 'compared') related.push(use.other);
      else if (use.kind === 'blocks') blocked ??= use;
    }
    return { kind: 'return', name, type, values, related, ...(blocked ? { blocked } : {}) };
  }

  function variableHolder(name: string, declaration: ts.VariableDeclaration, type: ts.TypeNode): NumberStatusHolder {
    const values: ts.Expression[] = declaration.initializer ? [declaration.initializer] : [];
    const related: ts.Expression[] = [];
    let blocked: NumberStatusHolder['blocked'];
    for (const ref of file.references(name, declaration)) {
      const use = useOf(ref);
      if (use.kind === 'assigned') values.push(use.value);
      else if (use.kind === 'compared') related.push(use.other);
      else if (use.kind === 'blocks') blocked ??= use;
    }
    return { kind: 'variable', name, type, values, related, ...(blocked ? { blocked } : {}) };
  }

  function parameterHolder(name: string, functionName: string, fn: FunctionLike, type: ts.TypeNode, index: number, { calls, passedOn, exported }: Calls): NumberStatusHolder | undefined {
    // A parameter name may be bound again inside the function; then its uses are not all in view.
    if (!file.boundOnceIn(name, fn)) return undefined;
    const values: ts.Expression[] = [];
    const related: ts.Expression[] = [];
    let blocked: NumberStatusHolder['blocked'] = exported
      ? { node: type, why: 'the function is exported, and callers outside the file may pass other values' }
      : passedOn
        ? { node: passedOn, why: 'the function is used as a value, so not all of its callers are in view' }
        : undefined;
    for (const call of calls) {
      const spread = call.arguments.findIndex((a) => ts.isSpreadElement(a));
      const argument = call.arguments[index];
      if (argument && (spread < 0 || spread > index)) values.push(argument);
      else blocked ??= { node: call, why: 'a caller passes no value for it that can be read' };
    }
    for (const ref of file.referencesIn(name, fn)) {
      const use = useOf(ref);
      if (use.kind === 'assigned') values.push(use.value);
      else if (use.kind === 'compared') related.push(use.other);
      else if (use.kind === 'blocks') blocked ??= use;
    }
    return { kind: 'parameter', name, type, parameterOf: { name: functionName, index }, values, related, ...(blocked ? { blocked } : {}) };
  }

  /** What becomes of an expression a holder holds (a reference to a variable, or a call of a function). */
  function useOf(node: ts.Expression): Use {
    let n: ts.Node = node;
    while (ts.isParenthesizedExpression(n.parent) || ts.isNonNullExpression(n.parent)) n = n.parent;
    const p = n.parent;
    const text = () => {
      const t = p.getText(sourceFile).replace(/\s+/g, ' ');
      return t.length > 60 ? `${t.slice(0, 57)}...` : t;
    };
    if (ts.isExpressionStatement(p) || ts.isTemplateSpan(p)) return { kind: 'fits' };
    if (ts.isBinaryExpression(p)) {
      if (p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.left === n) return { kind: 'assigned', value: p.right };
      if (EQUALITY.has(p.operatorToken.kind)) return { kind: 'compared', other: p.left === n ? p.right : p.left };
      return { kind: 'blocks', node: p, why: `it is used as a number in \`${text()}\`` };
    }
    if (ts.isCallExpression(p) && p.expression !== n) {
      return questions.acceptsStatus(p, p.arguments.indexOf(n as ts.Expression)) ? { kind: 'fits' } : { kind: 'blocks', node: p, why: `it is passed on in \`${text()}\`` };
    }
    if (ts.isVariableDeclaration(p) && p.initializer === n) return p.type ? { kind: 'blocks', node: p, why: `it initialises \`${text()}\`` } : { kind: 'fits' };
    const tested =
      ((ts.isIfStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p)) && p.expression === n) ||
      (ts.isConditionalExpression(p) && p.condition === n) ||
      (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken);
    if (tested) return { kind: 'blocks', node: p, why: `it is tested for truth (\`${n.getText(sourceFile)}\` is false only for CUDA's 0, and a success the target names is true)` };
    const returnedFrom = ts.isReturnStatement(p) ? enclosingFunction(p) : ts.isArrowFunction(p) && p.body === n ? p : undefined;
    if (returnedFrom) return returnedFrom.type ? { kind: 'blocks', node: p, why: `it is returned from a function declared \`${returnedFrom.type.getText(sourceFile)}\`` } : { kind: 'fits' };
    return { kind: 'blocks', node: p, why: `it is used as a number in \`${text()}\`` };
  }
}

/**
 * The variables and functions of a file, each with its references: those in the scope it is
 * declared in, when nothing else in that scope binds the same name (else it is not used).
 */
class FileNames {
  private readonly declared: (ts.VariableDeclaration | ts.FunctionDeclaration)[] = [];
  private readonly refs = new Map<string, ts.Identifier[]>();
  private readonly scopes = new Map<ts.Node, ts.Node | null>();

  constructor(sourceFile: ts.SourceFile) {
    const visit = (node: ts.Node): void => {
      if ((ts.isVariableDeclaration(node) || ts.isFunctionDeclaration(node)) && node.name && ts.isIdentifier(node.name)) this.declared.push(node);
      else if (ts.isIdentifier(node) && isReference(node)) this.refs.set(node.text, [...(this.refs.get(node.text) ?? []), node]);
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }

  /** Every variable and function declared once in its scope, by name. */
  *declarations(): Iterable<[string, ts.VariableDeclaration | ts.FunctionDeclaration]> {
    for (const d of this.declared) if (this.scopeOf(d)) yield [(d.name as ts.Identifier).text, d];
  }

  /** The references to a declaration `declarations()` gave. */
  references(name: string, declaration: ts.Node): readonly ts.Identifier[] {
    const scope = this.scopeOf(declaration);
    return scope ? this.referencesIn(name, scope) : [];
  }

  /** Whether `name` is bound in `fn` only by its parameter (and so every reference in it is the parameter). */
  boundOnceIn(name: string, fn: FunctionLike): boolean {
    return bindings(name, fn) === 1;
  }

  referencesIn(name: string, scope: ts.Node): ts.Identifier[] {
    return (this.refs.get(name) ?? []).filter((r) => r.pos >= scope.pos && r.end <= scope.end);
  }

  /** The block, function or file a declaration binds its name in, when it is the only binding of the name there. */
  private scopeOf(declaration: ts.Node): ts.Node | undefined {
    let scope = this.scopes.get(declaration);
    if (scope === undefined) {
      const name = (declaration as ts.VariableDeclaration | ts.FunctionDeclaration).name as ts.Identifier;
      const found = bindingScope(declaration);
      scope = found && bindings(name.text, found) === 1 ? found : null;
      this.scopes.set(declaration, scope);
    }
    return scope ?? undefined;
  }
}

/** How many declarations of `name` are inside `scope` (parameters, variables, functions, classes, imports). */
function bindings(name: string, scope: ts.Node): number {
  let count = 0;
  const visit = (node: ts.Node): void => {
    if (declaredName(node)?.text === name) count++;
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return count;
}

/** The node a declaration's name is bound in: `var` and functions in their function (or the file), `let`/`const` in their block. */
function bindingScope(declaration: ts.Node): ts.Node | undefined {
  const functionScoped = ts.isFunctionDeclaration(declaration) || (ts.isVariableDeclarationList(declaration.parent) && !(declaration.parent.flags & ts.NodeFlags.BlockScoped));
  for (let n = declaration.parent; n; n = n.parent) {
    if (ts.isSourceFile(n) || ts.isFunctionLike(n)) return n;
    if (!functionScoped && (ts.isBlock(n) || ts.isModuleBlock(n) || ts.isCaseBlock(n) || ts.isForStatement(n) || ts.isForOfStatement(n) || ts.isForInStatement(n))) return n;
  }
  return undefined;
}

function declaredName(node: ts.Node): ts.Identifier | undefined {
  if (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isBindingElement(node)) {
    return node.name && ts.isIdentifier(node.name) ? node.name : undefined;
  }
  if (ts.isImportSpecifier(node) || ts.isNamespaceImport(node) || ts.isImportClause(node)) return node.name;
  return undefined;
}

/** An identifier that refers to a binding (not a member name, a key or a declaration's own name). */
function isReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p || declaredName(p) === id) return false;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodSignature(p) || ts.isEnumMember(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p)) && p.name === id) return false;
  if (ts.isExportSpecifier(p)) return p.propertyName === undefined || p.propertyName === id;
  if (ts.isImportSpecifier(p) || ts.isTypeReferenceNode(p) || ts.isQualifiedName(p) || ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false;
  return !(ts.isFunctionExpression(p) && p.name === id);
}

function isNumber(type: ts.TypeNode): boolean {
  return type.kind === ts.SyntaxKind.NumberKeyword;
}

function isExported(declaration: ts.Node): boolean {
  const statement = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
  return ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** The expressions a function body returns (not those of functions nested in it). */
function returnedBy(body: ts.Block): ts.Expression[] {
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) found.push(node.expression);
    ts.forEachChild(node, visit);
  };
  body.statements.forEach(visit);
  return found;
}

function enclosingFunction(node: ts.Node): ts.SignatureDeclaration | undefined {
  for (let n = node.parent; n; n = n.parent) if (ts.isFunctionLike(n)) return n;
  return undefined;
}

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return e;
}

/**
 * The expression a value stands for: itself, or for a `const` declared without a type in the
 * same function (`const status = cublasSgemm(…); return status;`), its initialiser.
 */
function held(value: ts.Expression): ts.Expression {
  const v = unwrap(value);
  if (!ts.isIdentifier(v)) return v;
  for (let scope: ts.Node | undefined = v.parent; scope && !ts.isFunctionLike(scope); scope = scope.parent) {
    if (!ts.isBlock(scope)) continue;
    for (const statement of scope.statements) {
      if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
      const d = statement.declarationList.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === v.text);
      if (d) return !d.type && d.initializer ? unwrap(d.initializer) : v;
    }
  }
  return v;
}
