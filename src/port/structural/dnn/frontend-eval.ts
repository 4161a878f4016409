/**
 * A small symbolic evaluator for the code that builds cudnn-frontend graphs. Graph construction
 * is ordinary host code: graphs come from factory helpers (`bf16Graph()`), tensors from
 * attribute helpers (`tensor('X', dims, strides)`), dims from local arrow functions
 * (`rowStrides(D_MODEL)`), nodes from `.map` over a constant list, builds from a helper that
 * returns the workspace size. The evaluator runs that code over symbolic values — numbers as the
 * text to write at the call site plus their value when known, graph objects as models — inlining
 * every local function that touches `fe`, so what a graph is at each execute is known exactly
 * when it is static, and the first construct it cannot follow is named when it is not.
 *
 * Values that come from outside the graph code (device pointers, handles) are carried as text
 * valid in the scope being walked; a helper parameter is replaced by its argument's text.
 */
import type { StaticContext } from '../../context/static-context.js';
import { isPure } from '../../context/expression-purity.js';
import { ts } from '../../syntax/typescript.js';

export interface TensorModel {
  readonly id: number;
  readonly graph: GraphModel;
  name: string;
  dims?: readonly Sym[];
  strides?: readonly Sym[];
  /** The fe.DataType_t meaning set on the tensor. */
  dataType?: string;
  /** A pass-by-value scalar (`g.tensor(1e-5)`). */
  scalar?: Sym;
  output: boolean;
  /** The node writing it, for node outputs. */
  producer?: NodeModel;
}

export interface NodeModel {
  readonly op: 'layernorm' | 'rmsnorm' | 'pointwise' | 'sdpa';
  readonly inputs: readonly TensorModel[];
  readonly outputs: readonly TensorModel[];
  /** The attributes builder's calls in order. */
  readonly attributes: readonly AttrCall[];
}

export interface GraphModel {
  readonly id: number;
  /** Where the graph is created (`new fe.graph.Graph()`). */
  readonly origin: ts.Node;
  /** The statement of the walked function that created it (`const norm = bf16Graph();`). */
  readonly site: ts.Node;
  readonly dtypes: Map<string, string>;
  readonly tensors: TensorModel[];
  readonly nodes: NodeModel[];
}

export interface AttrCall {
  readonly name: string;
  readonly args: readonly Value[];
}

/** A number, string or opaque value as the text to write in the walked scope. */
export interface Sym {
  readonly kind: 'sym';
  readonly text: string;
  readonly value?: number | string | boolean;
  readonly pure: boolean;
  /** The fe.<Enum>.<MEMBER> it is, for enum values. */
  readonly fe?: string;
  /** Needs parentheses as an operand. */
  readonly compound?: boolean;
  /** The precedence of its outermost operator, when compound (+ - 1, * / % 2, ** 3). */
  readonly precedence?: number;
  /** The expression of the walked scope it is, when it is one (the stream of a handle is looked up there). */
  readonly node?: ts.Expression;
  /** A truth value read from frontend statuses (`g.validate().is_good() && …`): graph code, true when the graph ports. */
  readonly fromStatus?: true;
}

export interface ExecuteEvent {
  readonly graph: GraphModel;
  /** Snapshot of the graph's nodes when executed. */
  readonly nodes: readonly NodeModel[];
  readonly handle: Sym;
  readonly pack: readonly (readonly [TensorModel, Sym])[];
  readonly call: ts.CallExpression;
  what?: string;
}

export type Value =
  | Sym
  | { readonly kind: 'graph'; readonly graph: GraphModel }
  | { readonly kind: 'tensor'; readonly tensor: TensorModel }
  | { readonly kind: 'attrs'; readonly cls: string; readonly calls: AttrCall[] }
  | { readonly kind: 'array'; readonly items: Value[] }
  | { readonly kind: 'object'; readonly props: Map<string, Value> }
  | { readonly kind: 'fn'; readonly decl: ts.FunctionLikeDeclaration; readonly env: Env }
  | { readonly kind: 'ref'; value?: Value }
  | { readonly kind: 'status'; readonly execute?: ExecuteEvent }
  | { readonly kind: 'map'; readonly entries: (readonly [Value, Value])[] }
  | { readonly kind: 'undefined' };

export class Env {
  private readonly bindings = new Map<string, Value>();
  constructor(readonly parent: Env | undefined) {}
  get(name: string): Value | undefined {
    return this.bindings.get(name) ?? this.parent?.get(name);
  }
  has(name: string): boolean {
    return this.bindings.has(name) || Boolean(this.parent?.has(name));
  }
  set(name: string, value: Value): void {
    this.bindings.set(name, value);
  }
  /** Rebinds a name where it is bound (`size = …` on a `let` of an enclosing scope); false when it is not bound. */
  assign(name: string, value: Value): boolean {
    if (this.bindings.has(name)) {
      this.bindings.set(name, value);
      return true;
    }
    return this.parent?.assign(name, value) ?? false;
  }
}

/** Evaluation stops: the construct at `node` is not one the port can follow. */
export class EvalRefusal extends Error {
  constructor(
    readonly reason: string,
    readonly node: ts.Node,
  ) {
    super(reason);
  }
}

const sym = (text: string, value?: number | string | boolean, pure = true, compound = false): Sym => ({ kind: 'sym', text, ...(value !== undefined ? { value } : {}), pure, ...(compound ? { compound } : {}) });
const num = (n: number): Sym => sym(String(n), n);
const UNDEFINED: Value = { kind: 'undefined' };

/** Whether a value holds graph objects (then the code around it is graph code). */
export function isGraphish(v: Value): boolean {
  switch (v.kind) {
    case 'sym':
      return v.fromStatus === true;
    case 'graph':
    case 'tensor':
    case 'attrs':
    case 'status':
    case 'ref':
      return true;
    case 'array':
      return v.items.some(isGraphish);
    case 'object':
      return [...v.props.values()].some(isGraphish);
    case 'map':
      return true;
    default:
      return false;
  }
}

const BINARY: Partial<Record<ts.SyntaxKind, { text: string; run: (a: number, b: number) => number }>> = {
  [ts.SyntaxKind.PlusToken]: { text: '+', run: (a, b) => a + b },
  [ts.SyntaxKind.MinusToken]: { text: '-', run: (a, b) => a - b },
  [ts.SyntaxKind.AsteriskToken]: { text: '*', run: (a, b) => a * b },
  [ts.SyntaxKind.SlashToken]: { text: '/', run: (a, b) => a / b },
  [ts.SyntaxKind.PercentToken]: { text: '%', run: (a, b) => a % b },
  [ts.SyntaxKind.AsteriskAsteriskToken]: { text: '**', run: (a, b) => a ** b },
};

const COMPARE: Partial<Record<ts.SyntaxKind, (a: number, b: number) => boolean>> = {
  [ts.SyntaxKind.GreaterThanToken]: (a, b) => a > b,
  [ts.SyntaxKind.GreaterThanEqualsToken]: (a, b) => a >= b,
  [ts.SyntaxKind.LessThanToken]: (a, b) => a < b,
  [ts.SyntaxKind.LessThanEqualsToken]: (a, b) => a <= b,
  [ts.SyntaxKind.EqualsEqualsEqualsToken]: (a, b) => a === b,
  [ts.SyntaxKind.ExclamationEqualsEqualsToken]: (a, b) => a !== b,
};

const GRAPH_CONFIG = new Set(['set_io_data_type', 'set_intermediate_data_type', 'set_compute_data_type', 'set_name']);
const GRAPH_BUILD = new Set(['validate', 'build_operation_graph', 'create_execution_plans', 'check_support', 'build_plans', 'deselect_workspace_greater_than', 'deselect_engines']);
const TENSOR_SETTERS = new Set(['set_output', 'set_dim', 'set_stride', 'set_data_type', 'set_name', 'set_is_virtual']);

export interface EvalOptions {
  readonly sourceFile: ts.SourceFile;
  /** Local name of the facade's `fe`. */
  readonly fe: string;
  readonly context: StaticContext;
  /** Functions that create and execute their own graphs (their walk succeeds): calling one is not graph code. */
  readonly selfContained?: ReadonlySet<ts.FunctionLikeDeclaration>;
}

/** Evaluates graph code; one instance per walked scope. */
export class FrontendEvaluator {
  readonly graphs: GraphModel[] = [];
  readonly executes: ExecuteEvent[] = [];
  /**
   * Refs of the walked scope that graph code writes a number to (`get_workspace_size(workspaceBytes)`,
   * `bytes.value = g.get_workspace_size()` in a helper given `bytes`): the walk writes the number.
   */
  readonly sizeWrites: { readonly target: Sym; readonly value: number }[] = [];
  private nextId = 0;
  private depth = 0;
  private readonly relevant = new Map<ts.Node, boolean>();
  private readonly moduleFunctions = new Map<string, ts.FunctionDeclaration>();
  private readonly typeAliases = new Map<string, ts.TypeAliasDeclaration>();
  readonly moduleEnv = new Env(undefined);
  /** Local functions the evaluation inlined. */
  readonly inlined = new Set<ts.FunctionLikeDeclaration>();
  /** The statement of the walked function being evaluated. */
  currentStatement: ts.Node | undefined;

  constructor(readonly options: EvalOptions) {
    for (const s of options.sourceFile.statements) {
      if (ts.isFunctionDeclaration(s) && s.name && s.body) this.moduleFunctions.set(s.name.text, s);
      if (ts.isTypeAliasDeclaration(s)) this.typeAliases.set(s.name.text, s);
    }
    for (const [name, decl] of this.moduleFunctions) this.moduleEnv.set(name, { kind: 'fn', decl, env: this.moduleEnv });
  }

  private line(node: ts.Node): number {
    return this.options.sourceFile.getLineAndCharacterOfPosition(node.getStart(this.options.sourceFile)).line + 1;
  }

  refuse(node: ts.Node, why: string): never {
    throw new EvalRefusal(`${why} (line ${this.line(node)})`, node);
  }

  /** Whether a node mentions `fe` (directly, through a type alias, or through a function that does). */
  mentionsFe(node: ts.Node): boolean {
    if (this.options.selfContained?.has(node as ts.FunctionLikeDeclaration)) return false;
    const cached = this.relevant.get(node);
    if (cached !== undefined) return cached;
    this.relevant.set(node, false); // recursion guard
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (ts.isIdentifier(n)) {
        if (n.text === this.options.fe) found = true;
        else if (ts.isTypeReferenceNode(n.parent) && this.typeAliases.has(n.text)) found = this.mentionsFe(this.typeAliases.get(n.text)!);
        else if (this.moduleFunctions.has(n.text) && ts.isCallExpression(n.parent) && n.parent.expression === n) found = this.mentionsFe(this.moduleFunctions.get(n.text)!);
        return;
      }
      ts.forEachChild(n, visit);
    };
    visit(node);
    this.relevant.set(node, found);
    return found;
  }

  /** Whether evaluating `node` in `env` touches graph code. */
  touchesGraph(node: ts.Node, env: Env): boolean {
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found) return;
      // `x.execute(handle, new Map(...), workspace)`: a graph execute, whatever `x` is.
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'execute' && n.arguments[1] && ts.isNewExpression(n.arguments[1]) && n.arguments[1].expression.getText(this.options.sourceFile) === 'Map') {
        found = true;
        return;
      }
      // `(() => { … })()`: a function called on the spot is walked on its own (readGraphs).
      if (ts.isCallExpression(n) && isCalledOnTheSpot(n)) {
        n.arguments.forEach(visit);
        return;
      }
      // A property name (`x.layer`, `{ layer: … }`) is not the variable of that name.
      if (ts.isIdentifier(n) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) && !(ts.isPropertyAssignment(n.parent) && n.parent.name === n)) {
        if (n.text === this.options.fe) found = true;
        const v = env.get(n.text);
        if (v && (isGraphish(v) || (v.kind === 'fn' && this.mentionsFe(v.decl)))) found = true;
        return;
      }
      ts.forEachChild(n, visit);
    };
    visit(node);
    return found;
  }

  // ---- statements

  /** Runs a statement of an inlined function; returns the value of a `return`. */
  statement(s: ts.Statement, env: Env): { returned: Value } | undefined {
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) {
        if (!d.initializer) this.refuse(d, 'a declaration without a value');
        this.bind(d.name, this.expr(d.initializer, env), env);
      }
      return undefined;
    }
    if (ts.isExpressionStatement(s)) {
      this.expr(s.expression, env);
      return undefined;
    }
    if (ts.isReturnStatement(s)) return { returned: s.expression ? this.expr(s.expression, env) : UNDEFINED };
    if (ts.isFunctionDeclaration(s) && s.name) {
      env.set(s.name.text, { kind: 'fn', decl: s, env });
      return undefined;
    }
    return this.refuse(s, `a \`${ts.SyntaxKind[s.kind]}\` in graph code is not followed by the port`);
  }

  bind(name: ts.BindingName, value: Value, env: Env): void {
    if (ts.isIdentifier(name)) {
      env.set(name.text, value);
      return;
    }
    if (ts.isArrayBindingPattern(name)) {
      if (value.kind !== 'array') this.refuse(name, 'an array destructuring of a value that is not an array');
      name.elements.forEach((e, i) => {
        if (ts.isOmittedExpression(e)) return;
        if (e.dotDotDotToken) this.refuse(e, 'a rest element');
        this.bind(e.name, value.items[i] ?? UNDEFINED, env);
      });
      return;
    }
    if (value.kind !== 'object') this.refuse(name, 'an object destructuring of a value that is not an object');
    for (const e of name.elements) {
      const key = e.propertyName && ts.isIdentifier(e.propertyName) ? e.propertyName.text : ts.isIdentifier(e.name) ? e.name.text : undefined;
      if (!key || e.dotDotDotToken) this.refuse(e, 'a destructuring the port cannot follow');
      this.bind(e.name, value.props.get(key) ?? UNDEFINED, env);
    }
  }

  // ---- expressions

  expr(node: ts.Expression, env: Env): Value {
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node)) {
      const inner = this.expr(node.expression, env);
      return inner.kind === 'sym' && ts.isParenthesizedExpression(node) ? { ...inner, compound: false, text: inner.compound ? `(${inner.text})` : inner.text } : inner;
    }
    if (ts.isNumericLiteral(node)) return sym(node.getText(this.options.sourceFile), Number(node.text));
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return sym(node.getText(this.options.sourceFile), node.text);
    if (node.kind === ts.SyntaxKind.TrueKeyword) return sym('true', true);
    if (node.kind === ts.SyntaxKind.FalseKeyword) return sym('false', false);
    if (node.kind === ts.SyntaxKind.NullKeyword) return sym('null');
    if (ts.isTemplateExpression(node)) return this.template(node, env);
    if (ts.isIdentifier(node)) return this.identifier(node, env);
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return { kind: 'fn', decl: node, env };
    if (ts.isArrayLiteralExpression(node)) {
      const items: Value[] = [];
      for (const e of node.elements) {
        if (ts.isSpreadElement(e)) {
          const spread = this.expr(e.expression, env);
          if (spread.kind !== 'array') this.refuse(e, 'a spread of a value that is not an array');
          items.push(...spread.items);
        } else items.push(this.expr(e, env));
      }
      return { kind: 'array', items };
    }
    if (ts.isObjectLiteralExpression(node)) {
      const props = new Map<string, Value>();
      for (const p of node.properties) {
        if (ts.isShorthandPropertyAssignment(p)) props.set(p.name.text, this.identifier(p.name, env));
        else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) props.set(p.name.text, this.expr(p.initializer, env));
        else this.refuse(p, 'an object property the port cannot follow');
      }
      return { kind: 'object', props };
    }
    if (ts.isPrefixUnaryExpression(node) && (node.operator === ts.SyntaxKind.MinusToken || node.operator === ts.SyntaxKind.PlusToken)) {
      const v = this.number(node.operand, env);
      const sign = node.operator === ts.SyntaxKind.MinusToken ? '-' : '+';
      return sym(`${sign}${v.compound ? `(${v.text})` : v.text}`, typeof v.value === 'number' ? (sign === '-' ? -v.value : v.value) : undefined, v.pure);
    }
    if (ts.isBinaryExpression(node) && BINARY[node.operatorToken.kind]) {
      const op = BINARY[node.operatorToken.kind]!;
      const a = this.number(node.left, env);
      const b = this.number(node.right, env);
      const precedence = op.text === '**' ? 3 : op.text === '+' || op.text === '-' ? 1 : 2;
      const wrap = (s: Sym, right: boolean) => (s.compound && ((s.precedence ?? 0) < precedence || (right && (s.precedence ?? 0) === precedence && op.text !== '+' && op.text !== '*')) ? `(${s.text})` : s.text);
      const value = typeof a.value === 'number' && typeof b.value === 'number' ? op.run(a.value, b.value) : undefined;
      return { ...sym(`${wrap(a, false)} ${op.text} ${wrap(b, true)}`, value, a.pure && b.pure, true), precedence };
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
      // `ready && g.execute(…).is_good()`: graph statuses stand for success (the calls succeed when they port).
      const a = this.expr(node.left, env);
      if (!this.truth(a, node.left)) return a;
      const b = this.expr(node.right, env);
      const truth = this.truth(b, node.right);
      return truth && (a.kind === 'status' || b.kind === 'status' || this.touchesGraph(node, env)) ? { kind: 'status' } : b;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.BarBarToken) {
      // `!g.validate().is_good() || …`: short-circuits as JavaScript does, on truth values known statically.
      const a = this.expr(node.left, env);
      if (this.truth(a, node.left)) return a;
      const b = this.expr(node.right, env);
      this.truth(b, node.right);
      return b.kind === 'sym' && isFromStatus(a) ? { ...b, fromStatus: true } : b;
    }
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
      const a = this.expr(node.operand, env);
      const value = !this.truth(a, node.operand);
      return { ...sym(String(value), value), ...(isFromStatus(a) ? { fromStatus: true as const } : {}) };
    }
    if (ts.isBinaryExpression(node) && COMPARE[node.operatorToken.kind]) {
      const a = this.expr(node.left, env);
      const b = this.expr(node.right, env);
      if (a.kind === 'sym' && b.kind === 'sym' && typeof a.value === 'number' && typeof b.value === 'number') return sym(String(COMPARE[node.operatorToken.kind]!(a.value, b.value)), COMPARE[node.operatorToken.kind]!(a.value, b.value));
      return this.refuse(node, `\`${node.getText(this.options.sourceFile)}\` compares values not known statically`);
    }
    if (ts.isConditionalExpression(node)) {
      const before = this.executes.length;
      const c = this.expr(node.condition, env);
      const executed = this.executes.slice(before);
      const chosen = this.truth(c, node.condition);
      // `(ready && g.execute(…).is_good() ? SUCCESS : FAILED)`: the execute's status in another status type.
      if (executed.length === 1 && chosen && !this.touchesGraph(node.whenTrue, env) && !this.touchesGraph(node.whenFalse, env)) return { kind: 'status', execute: executed[0] };
      return this.expr(chosen ? node.whenTrue : node.whenFalse, env);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) return this.assignment(node, env);
    if (ts.isPropertyAccessExpression(node)) return this.property(node, env);
    if (ts.isElementAccessExpression(node)) {
      const base = this.expr(node.expression, env);
      const index = this.expr(node.argumentExpression, env);
      if (base.kind === 'array' && index.kind === 'sym' && typeof index.value === 'number') return base.items[index.value] ?? UNDEFINED;
      if (base.kind === 'sym' && index.kind === 'sym') return sym(`${base.text}[${index.text}]`, undefined, base.pure && index.pure);
      return this.refuse(node, 'an element access the port cannot follow');
    }
    if (ts.isNewExpression(node)) return this.newExpression(node, env);
    if (ts.isCallExpression(node)) return this.call(node, env);
    return this.refuse(node, `\`${node.getText(this.options.sourceFile)}\` is not followed by the port`);
  }

  private number(node: ts.Expression, env: Env): Sym {
    const v = this.expr(node, env);
    if (v.kind !== 'sym') this.refuse(node, `\`${node.getText(this.options.sourceFile)}\` is not a number`);
    return v;
  }

  private template(node: ts.TemplateExpression, env: Env): Value {
    let text = node.head.text;
    let known = true;
    for (const span of node.templateSpans) {
      const v = this.expr(span.expression, env);
      if (v.kind === 'sym' && v.value !== undefined) text += String(v.value);
      else known = false;
      text += span.literal.text;
    }
    return known ? sym(JSON.stringify(text), text) : sym(node.getText(this.options.sourceFile), undefined, isPure(node));
  }

  /** A condition's value: a graph status is true (graph calls succeed when they port), a boolean its value. */
  private truth(v: Value, at: ts.Node): boolean {
    if (v.kind === 'status') return true;
    if (v.kind === 'sym' && typeof v.value === 'boolean') return v.value;
    return this.refuse(at, 'a condition not known statically chooses graph code');
  }

  private identifier(node: ts.Identifier, env: Env): Value {
    if (node.text === 'undefined') return UNDEFINED;
    const bound = env.get(node.text);
    if (bound?.kind === 'sym' && !bound.node && bound.text === node.text && bound.value === undefined) return { ...bound, node };
    if (bound) return bound;
    const constant = this.options.context.constant(node);
    const value = constant && (constant.kind === 'number' || constant.kind === 'string' || constant.kind === 'boolean') ? constant.value : undefined;
    // A module-level name the walked scope sees as well (constants, imports).
    if (this.isModuleLevel(node.text)) return sym(node.text, value);
    return this.refuse(node, `\`${node.text}\` is not known where the graph is used`);
  }

  private isModuleLevel(name: string): boolean {
    for (const s of this.options.sourceFile.statements) {
      if (ts.isVariableStatement(s) && s.declarationList.declarations.some((d) => namesOf(d.name).includes(name))) return true;
      if (ts.isImportDeclaration(s) && s.importClause?.namedBindings && ts.isNamedImports(s.importClause.namedBindings) && s.importClause.namedBindings.elements.some((e) => e.name.text === name)) return true;
    }
    return name === 'Math';
  }

  private property(node: ts.PropertyAccessExpression, env: Env): Value {
    const path = feExpression(node, this.options.fe, this.options.sourceFile);
    if (path) return { kind: 'sym', text: node.getText(this.options.sourceFile), pure: true, fe: path };
    const base = this.expr(node.expression, env);
    const name = node.name.text;
    if (base.kind === 'object') return base.props.get(name) ?? UNDEFINED;
    if (base.kind === 'ref' && name === 'value') return base.value ?? this.refuse(node, 'a ref read before anything is written to it');
    if (base.kind === 'array' && name === 'length') return num(base.items.length);
    if (base.kind === 'sym') {
      const text = `${base.compound ? `(${base.text})` : base.text}.${name}`;
      return { ...sym(text, undefined, base.pure), ...(base.node && base.node === node.expression ? { node } : {}) };
    }
    return this.refuse(node, `\`.${name}\` of a graph object is not followed by the port`);
  }

  /**
   * `ref.value = e` and `name = e` in graph code: MACA's `bytes.value = g.get_workspace_size()`
   * and CUDA's overload that returns the size are read like the out-argument form. A ref of the
   * graph code takes the value; a ref of the walked scope takes a number the walk writes; a local
   * of graph code is rebound. Anything else the program would see is not followed.
   */
  private assignment(node: ts.BinaryExpression, env: Env): Value {
    const left = skipParentheses(node.left);
    const value = this.expr(node.right, env);
    if (ts.isPropertyAccessExpression(left) && left.name.text === 'value') {
      const base = this.expr(left.expression, env);
      if (base.kind === 'ref') {
        base.value = value;
        return value;
      }
      if (base.kind === 'sym' && base.pure && !base.fe && value.kind === 'sym' && typeof value.value === 'number') {
        this.sizeWrites.push({ target: base, value: value.value });
        return value;
      }
      return this.refuse(node, `\`${node.getText(this.options.sourceFile)}\` writes a value the port cannot carry to the program`);
    }
    if (ts.isIdentifier(left)) {
      const bound = env.get(left.text);
      // A variable of the walked code (a run-time value, its own name): the program would see what graph code writes.
      const runTime = bound?.kind === 'sym' && bound.text === left.text && bound.value === undefined;
      if (bound && !runTime && env.assign(left.text, value)) return value;
    }
    return this.refuse(node, `the assignment \`${node.getText(this.options.sourceFile)}\` in graph code is not followed by the port`);
  }

  private newExpression(node: ts.NewExpression, env: Env): Value {
    const callee = node.expression.getText(this.options.sourceFile);
    const args = (node.arguments ?? []).map((a) => this.expr(a, env));
    if (callee === `${this.options.fe}.graph.Graph`) {
      const graph: GraphModel = { id: this.nextId++, origin: node, site: this.currentStatement ?? node, dtypes: new Map(), tensors: [], nodes: [] };
      this.graphs.push(graph);
      return { kind: 'graph', graph };
    }
    if (callee.startsWith(`${this.options.fe}.graph.`) && callee.endsWith('_attributes')) return { kind: 'attrs', cls: callee.slice(this.options.fe.length + 7), calls: [] };
    if (callee === 'Map') {
      const list = args[0];
      if (!list || list.kind !== 'array') return this.refuse(node, 'a Map not built from an array of entries');
      return { kind: 'map', entries: list.items.map((e) => (e.kind === 'array' && e.items.length === 2 ? ([e.items[0], e.items[1]] as const) : this.refuse(node, 'a Map entry that is not [key, value]'))) };
    }
    return this.refuse(node, `\`new ${callee}\` in graph code is not followed by the port`);
  }

  private call(node: ts.CallExpression, env: Env): Value {
    const callee = node.expression;
    if (ts.isPropertyAccessExpression(callee)) {
      const name = callee.name.text;
      if (ts.isIdentifier(callee.expression) && callee.expression.text === 'Math' && !env.has('Math')) return this.math(node, name, env);
      const base = this.expr(callee.expression, env);
      const args = node.arguments.map((a) => this.expr(a, env));
      if (base.kind === 'graph') return this.graphCall(node, base.graph, name, args);
      if (base.kind === 'tensor') return this.tensorCall(node, base.tensor, name, args);
      if (base.kind === 'attrs') {
        base.calls.push({ name, args });
        return base;
      }
      if (base.kind === 'array' && name === 'map') {
        const fn = args[0];
        if (!fn || fn.kind !== 'fn') return this.refuse(node, '`.map` of something that is not a function');
        return { kind: 'array', items: base.items.map((item, i) => this.invoke(fn, [item, num(i)], node)) };
      }
      if (base.kind === 'sym' && name === 'execute') return this.refuse(node, `the graph \`${base.text}\` is not built where it is executed (a parameter or a value known only at run time)`);
      if (base.kind === 'status' && (name === 'is_good' || name === 'is_bad')) return { ...sym(name === 'is_good' ? 'true' : 'false', name === 'is_good'), fromStatus: true };
      return this.refuse(node, `\`${callee.getText(this.options.sourceFile)}(...)\` in graph code is not followed by the port`);
    }
    if (ts.isIdentifier(callee) && callee.text === 'ref' && !env.has('ref') && node.arguments.length === 0) return { kind: 'ref' };
    const fnValue = ts.isIdentifier(callee) ? env.get(callee.text) ?? this.moduleEnv.get(callee.text) : this.expr(callee, env);
    const before = this.executes.length;
    const args = node.arguments.map((a) => this.expr(a, env));
    if (fnValue?.kind !== 'fn') return this.refuse(node, `\`${callee.getText(this.options.sourceFile)}\` is called with graph objects and is not a local function the port can follow`);
    // A status checker (`check(g.validate(), 'what')`): the frontend calls succeed when they port.
    const statusArg = args.findIndex((a) => a.kind === 'status');
    // A status chosen by an execute (`ok ? SUCCESS : FAILED`), or a truth value of statuses (`a.is_good() && b.is_good()`).
    const written = statusArg >= 0 ? skipParentheses(node.arguments[statusArg]) : undefined;
    const chosen = written !== undefined && (ts.isConditionalExpression(written) || (ts.isBinaryExpression(written) && written.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken));
    if (statusArg >= 0 && this.isStatusCheck(fnValue.decl, statusArg, chosen)) {
      const status = args[statusArg] as { kind: 'status'; execute?: ExecuteEvent };
      const what = args.find((a, i) => i !== statusArg && a.kind === 'sym' && typeof a.value === 'string') as Sym | undefined;
      if (status.execute && what) status.execute.what = what.value as string;
      return UNDEFINED;
    }
    // A truth checker (`check(g.execute(…).is_good(), 'what')`, its body only `if (…) throw`): true when the graph ports.
    const truthArg = args.findIndex((a) => a.kind === 'sym' && a.fromStatus === true && a.value === true);
    const body = fnValue.decl.body;
    const param = fnValue.decl.parameters[truthArg];
    if (truthArg >= 0 && body && ts.isBlock(body) && body.statements.every(onlyThrows) && param && ts.isIdentifier(param.name) && !assigns(body, param.name.text)) {
      const what = args.find((a, i) => i !== truthArg && a.kind === 'sym' && typeof a.value === 'string') as Sym | undefined;
      const executed = this.executes.slice(before);
      if (executed.length === 1 && what) executed[0].what = what.value as string;
      return UNDEFINED;
    }
    return this.invoke(fnValue, args, node);
  }

  /**
   * `function check(e, what) { if (!e.is_good()) throw ... }`: only reads the status. A status
   * chosen by an execute (`(ok ? SUCCESS : FAILED)`) may go to any helper whose body only throws
   * under conditions (`if (status !== SUCCESS) throw …`) and keeps nothing.
   */
  private isStatusCheck(decl: ts.FunctionLikeDeclaration, index: number, chosen = false): boolean {
    const param = decl.parameters[index];
    if (!param || !ts.isIdentifier(param.name) || !decl.body) return false;
    if (chosen && ts.isBlock(decl.body) && decl.body.statements.every(onlyThrows)) return !assigns(decl.body, param.name.text);
    return onlyReadsStatus(decl, index);
  }

  invoke(fn: Extract<Value, { kind: 'fn' }>, args: readonly Value[], at: ts.Node): Value {
    if (++this.depth > 50) this.refuse(at, 'graph helpers nest too deeply');
    try {
      this.inlined.add(fn.decl);
      const env = new Env(fn.env);
      fn.decl.parameters.forEach((p, i) => {
        let v = args[i];
        if (!v || v.kind === 'undefined') {
          if (p.initializer) v = this.expr(p.initializer, env);
          else if (p.questionToken) v = UNDEFINED;
          else this.refuse(at, `\`${p.name.getText(this.options.sourceFile)}\` is not passed`);
        }
        if (p.dotDotDotToken) this.refuse(p, 'a rest parameter');
        this.bind(p.name, v, env);
      });
      const body = fn.decl.body;
      if (!body) return this.refuse(fn.decl, 'a function without a body');
      if (!ts.isBlock(body)) return this.expr(body, env);
      for (const s of body.statements) {
        const r = this.statement(s, env);
        if (r) return r.returned;
      }
      return UNDEFINED;
    } finally {
      this.depth--;
    }
  }

  private math(node: ts.CallExpression, name: string, env: Env): Value {
    const args = node.arguments.map((a) => this.number(a, env));
    const values = args.map((a) => a.value);
    const f = (Math as unknown as Record<string, unknown>)[name];
    if (typeof f !== 'function' || !['sqrt', 'max', 'min', 'abs', 'floor', 'ceil', 'round', 'pow', 'exp', 'log'].includes(name)) return this.refuse(node, `\`Math.${name}\` is not followed by the port`);
    const known = values.every((v) => typeof v === 'number');
    const value = known ? (f as (...n: number[]) => number)(...(values as number[])) : undefined;
    return sym(`Math.${name}(${args.map((a) => a.text).join(', ')})`, value, args.every((a) => a.pure));
  }

  private graphCall(node: ts.CallExpression, graph: GraphModel, name: string, args: readonly Value[]): Value {
    if (GRAPH_CONFIG.has(name)) {
      if (name !== 'set_name') {
        const a = args[0];
        if (!a || a.kind !== 'sym' || !a.fe?.startsWith('DataType_t.')) this.refuse(node, `\`${name}\` is not given a constant fe.DataType_t`);
        graph.dtypes.set(name, a.fe);
      }
      return { kind: 'graph', graph };
    }
    if (GRAPH_BUILD.has(name)) return { kind: 'status' };
    if (name === 'get_workspace_size') {
      const target = args[0];
      if (!target) return num(0);
      if (target.kind === 'sym' && target.pure) {
        this.sizeWrites.push({ target, value: 0 });
        return { kind: 'status' };
      }
      if (target.kind !== 'ref') this.refuse(node, 'get_workspace_size is not given a ref');
      target.value = num(0);
      return { kind: 'status' };
    }
    if (name === 'tensor') {
      const a = args[0];
      const t: TensorModel = { id: this.nextId++, graph, name: `tensor${graph.tensors.length}`, output: false };
      if (a?.kind === 'attrs' && a.cls === 'Tensor_attributes') {
        for (const c of a.calls) this.applyTensorSetter(node, t, c.name, c.args);
        if (!t.dims || !t.strides) this.refuse(node, `graph tensor \`${t.name}\` has no dims or strides`);
      } else if (a?.kind === 'sym' && a.value !== undefined && typeof a.value === 'number') t.scalar = a;
      else if (a?.kind === 'sym' && a.pure && !a.fe) t.scalar = a;
      else this.refuse(node, 'a graph tensor not built from fe.graph.Tensor_attributes or a number');
      graph.tensors.push(t);
      return { kind: 'tensor', tensor: t };
    }
    if (name === 'layernorm' || name === 'rmsnorm' || name === 'pointwise' || name === 'sdpa') {
      const attrs = args[args.length - 1];
      if (!attrs || attrs.kind !== 'attrs') return this.refuse(node, `the last argument of \`${name}\` is not an attributes object`);
      const inputs = args.slice(0, -1).map((a) => (a.kind === 'tensor' && a.tensor.graph === graph ? a.tensor : this.refuse(node, `an input of \`${name}\` is not a tensor of the same graph`)));
      const count = name === 'pointwise' ? 1 : name === 'sdpa' ? 2 : 3;
      const outputs: TensorModel[] = [];
      const n: NodeModel = { op: name, inputs, outputs, attributes: [...attrs.calls] };
      for (let i = 0; i < count; i++) {
        const t: TensorModel = { id: this.nextId++, graph, name: `${name}${graph.nodes.length}_${i}`, output: false, producer: n };
        outputs.push(t);
        graph.tensors.push(t);
      }
      graph.nodes.push(n);
      if (name === 'pointwise') return { kind: 'tensor', tensor: outputs[0] };
      return { kind: 'array', items: outputs.map((t) => ({ kind: 'tensor', tensor: t }) as Value) };
    }
    if (name === 'execute') {
      const [handle, pack] = args;
      if (!handle || handle.kind !== 'sym') return this.refuse(node, 'the execute handle is not a value the port can carry');
      if (!pack || pack.kind !== 'map') return this.refuse(node, 'the variant pack is not `new Map([[tensor, pointer], ...])`');
      const entries = pack.entries.map(([k, v]) => {
        if (k.kind !== 'tensor' || k.tensor.graph !== graph) return this.refuse(node, 'a variant-pack key is not a tensor of the graph');
        if (v.kind !== 'sym') return this.refuse(node, `the pointer for \`${k.tensor.name}\` is not a value the port can carry`);
        if (!v.pure) return this.refuse(node, `the pointer \`${v.text}\` has side effects`);
        return [k.tensor, v] as const;
      });
      const event: ExecuteEvent = { graph, nodes: [...graph.nodes], handle, pack: entries, call: node };
      this.executes.push(event);
      return { kind: 'status', execute: event };
    }
    return this.refuse(node, `\`${name}\` of a graph is not read by the port`);
  }

  private applyTensorSetter(node: ts.Node, t: TensorModel, name: string, args: readonly Value[]): void {
    const list = (v: Value | undefined): Sym[] => {
      if (!v || v.kind !== 'array' || !v.items.every((i) => i.kind === 'sym' && i.pure && !i.fe && (i.value === undefined || typeof i.value === 'number'))) return this.refuse(node, `\`${name}\` of \`${t.name}\` is not given a list of numbers`);
      return v.items as Sym[];
    };
    if (name === 'set_name') {
      const a = args[0];
      if (a?.kind === 'sym' && typeof a.value === 'string') t.name = a.value;
    } else if (name === 'set_dim') t.dims = list(args[0]);
    else if (name === 'set_stride') t.strides = list(args[0]);
    else if (name === 'set_data_type') {
      const a = args[0];
      if (!a || a.kind !== 'sym' || !a.fe?.startsWith('DataType_t.')) this.refuse(node, `\`set_data_type\` of \`${t.name}\` is not a constant fe.DataType_t`);
      t.dataType = a.fe;
    } else if (name === 'set_output') {
      const a = args[0];
      if (!a || a.kind !== 'sym' || typeof a.value !== 'boolean') this.refuse(node, `\`set_output\` of \`${t.name}\` is not given a constant`);
      t.output = a.value;
    } else if (name === 'set_is_virtual') {
      const a = args[0];
      if (!a || a.kind !== 'sym' || typeof a.value !== 'boolean') this.refuse(node, `\`set_is_virtual\` of \`${t.name}\` is not given a constant`);
      t.output = !a.value;
    } else this.refuse(node, `\`${name}\` on a graph tensor is not read by the port`);
  }

  private tensorCall(node: ts.CallExpression, t: TensorModel, name: string, args: readonly Value[]): Value {
    if (!TENSOR_SETTERS.has(name)) return this.refuse(node, `\`${name}\` of a graph tensor is not read by the port`);
    this.applyTensorSetter(node, t, name, args);
    return { kind: 'tensor', tensor: t };
  }
}

/** A truth value that graph statuses decide (a status, or a boolean read from one). */
function isFromStatus(v: Value): boolean {
  return v.kind === 'status' || (v.kind === 'sym' && v.fromStatus === true);
}

/** `(() => { … })()`: a block-bodied function without arguments, called where it is written. */
export function isCalledOnTheSpot(call: ts.CallExpression): boolean {
  const callee = skipParentheses(call.expression);
  return (ts.isArrowFunction(callee) || ts.isFunctionExpression(callee)) && ts.isBlock(callee.body) && call.arguments.length === 0;
}

export function namesOf(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : namesOf(e.name)));
}

/** `fe.DataType_t.FLOAT` → `DataType_t.FLOAT` (enum members of the fe namespace). */
function feExpression(node: ts.PropertyAccessExpression, fe: string, sourceFile: ts.SourceFile): string | undefined {
  const text = node.getText(sourceFile);
  const m = new RegExp(`^${fe.replace(/\$/g, '\\$')}\\.([A-Za-z_]\\w*_t)\\.([A-Za-z_]\\w*)$`).exec(text);
  return m ? `${m[1]}.${m[2]}` : undefined;
}

function skipParentheses(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

/** `if (…) throw …;` (or a block of only that) with no else: a statement whose only effect is throwing. */
function onlyThrows(s: ts.Statement): boolean {
  if (!ts.isIfStatement(s) || s.elseStatement) return false;
  const then = s.thenStatement;
  return ts.isThrowStatement(then) || (ts.isBlock(then) && then.statements.length === 1 && ts.isThrowStatement(then.statements[0]));
}

/** Whether a name is assigned anywhere in a body. */
function assigns(body: ts.Node, name: string): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment && ts.isIdentifier(n.left) && n.left.text === name) found = true;
    ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

/** `function check(e, what) { if (!e.is_good()) throw ... }`: parameter `index` is only read as a frontend status, and nothing is returned. */
export function onlyReadsStatus(decl: ts.FunctionLikeDeclaration, index: number): boolean {
  const param = decl.parameters[index];
  if (!param || !ts.isIdentifier(param.name) || !decl.body) return false;
  const p = param.name.text;
  let ok = true;
  let used = false;
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n.text === p && n !== param.name) {
      used = true;
      const access = n.parent;
      if (!(ts.isPropertyAccessExpression(access) && access.expression === n && ['is_good', 'is_bad', 'get_message', 'get_code'].includes(access.name.text))) ok = false;
    }
    if (ts.isReturnStatement(n) && n.expression) ok = false;
    ts.forEachChild(n, visit);
  };
  visit(decl.body);
  return ok && used;
}
