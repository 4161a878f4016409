/**
 * Reads cudnn-frontend graphs (the `fe` namespace of the CUDA facade) statically, through the
 * symbolic evaluator (frontend-eval.ts). Every function that executes a graph is walked
 * statement by statement: graph code (creation, configuration, tensors, nodes, builds — in the
 * function itself or in local helpers it calls) is absorbed, a value computed from it that is a
 * known number (a workspace size) is written as that number, and each execute becomes the
 * graph's nodes as canonical operator invocations in node order, over tensor views (pointer
 * from the variant pack, dims and strides from the tensor attributes, dtype from the tensor or
 * the graph's io type). Intermediate tensors that are virtual in the graph become temporary
 * device buffers in the graph's intermediate data type.
 *
 * Operators: layernorm / rmsnorm → LayerNormalization / RMSNormalization (INFERENCE, or
 * TRAINING: statistics the program reads are the Mean / InvStdDev outputs, and those going to a
 * scratch the function only allocates, passes to the execute and frees are not computed);
 * pointwise ADD / MUL / SUB / DIV, RELU / SIGMOID / TANH / SWISH (β = 1), GELU_FWD /
 * GELU_APPROX_TANH_FWD → Add / Mul / Sub / Div / Relu / Sigmoid / Tanh / Silu / Gelu (approximate
 * none / tanh); sdpa → Attention (scale, causal mask, GQA by head counts, Stats as the softmax
 * log-sum-exp). Anything the evaluator cannot follow, or a node option the lowering cannot
 * express, is declined with the reason and the function's graph code stays.
 *
 * Graph code as helpers write it is followed too: graph code under an `if` on run-time values
 * (`if (epilogue === GELU_BIAS) { …graph… }`) is walked branch by branch; a function called on
 * the spot is walked on its own, its enclosing variables run-time values; and a function that
 * creates and executes its own graphs is ported where it is, its callers calling it as before.
 */
import type { Catalog } from '../../../catalog/catalog.js';
import { isPure } from '../../context/expression-purity.js';
import type { StaticContext } from '../../context/static-context.js';
import { generated, type Expr } from '../../ir/expr.js';
import type { AttributeExpr, OpInvocation, TensorExpr } from '../../ir/invocation.js';
import { dtypeOfMeaning } from '../../lift/role-lifter.js';
import { ts } from '../../syntax/typescript.js';
import { contiguousStrides, handleStream, isContiguous, type Described } from './cudnn-descriptors.js';
import { Env, EvalRefusal, FrontendEvaluator, namesOf, type ExecuteEvent, type NodeModel, type Sym, type TensorModel, type Value } from './frontend-eval.js';

/** A virtual intermediate tensor that becomes a device buffer around the execute. */
export interface Temporary {
  readonly tensor: TensorModel;
  /** A readable stem for its variable (`mulResult`). */
  readonly stem: string;
  readonly dims: readonly Expr[];
  readonly dtypeMeaning: string;
  readonly elementBytes: number;
}

/** One statement of a walked function and what becomes of it. */
export type GraphStatement =
  | { readonly kind: 'absorbed'; readonly statement: ts.Statement }
  | { readonly kind: 'replaced'; readonly statement: ts.Statement; readonly text: string }
  | {
      readonly kind: 'execute';
      readonly statement: ts.Statement;
      /** The variable a stored status is declared as, when the program uses it (`return status`): the lowering assigns the target's status to it instead of throwing. */
      readonly binding?: string;
      readonly what: string | undefined;
      readonly temporaries: readonly Temporary[];
      /** The nodes' invocations, given the temporaries' pointer expressions. */
      readonly invocations: (pointer: (t: TensorModel) => Expr) => OpInvocation[];
    };

export interface GraphReading {
  /** The statements that create the walk's graphs (diagnostics go there). */
  readonly origins: readonly ts.Node[];
  /** The `new fe.graph.Graph()` expressions the walk evaluated. */
  readonly created: readonly ts.Node[];
  readonly result: Described<readonly GraphStatement[]>;
  /** Local functions the walk followed (removed when nothing else uses them). */
  readonly inlined: ReadonlySet<ts.FunctionLikeDeclaration>;
}

export interface FrontendContext {
  readonly sourceFile: ts.SourceFile;
  /** The local name of the facade's `fe` export. */
  readonly fe: string;
  readonly catalog: Catalog;
  readonly context: StaticContext;
}

const POINTWISE: Readonly<Record<string, { operator: string; arity: 1 | 2; approximate?: string }>> = {
  'pointwise.add': { operator: 'Add', arity: 2 },
  'pointwise.mul': { operator: 'Mul', arity: 2 },
  'pointwise.sub': { operator: 'Sub', arity: 2 },
  'pointwise.div': { operator: 'Div', arity: 2 },
  'activation.relu': { operator: 'Relu', arity: 1 },
  'activation.sigmoid': { operator: 'Sigmoid', arity: 1 },
  'activation.tanh': { operator: 'Tanh', arity: 1 },
  'activation.swish': { operator: 'Silu', arity: 1 },
  'activation.gelu': { operator: 'Gelu', arity: 1, approximate: 'none' },
  'activation.gelu-tanh': { operator: 'Gelu', arity: 1, approximate: 'tanh' },
};

const BYTES: Readonly<Record<string, number>> = { 'dtype.float32': 4, 'dtype.float16': 2, 'dtype.bfloat16': 2, 'dtype.float64': 8, 'dtype.int32': 4, 'dtype.int8': 1, 'dtype.uint8': 1 };

/** The meaning of an fe enum path (`DataType_t.FLOAT` → dtype.float32) through the catalog. */
function feMeaning(path: string | undefined, fx: FrontendContext): string | undefined {
  if (!path) return undefined;
  const [enumName, member] = path.split('.');
  const e = fx.catalog.backend('cuda').enums.get(`cudnn_frontend::${enumName}`);
  return e?.spec.members.find((m) => m.name === member)?.meaning;
}

const toExpr = (s: Sym): Expr => ({ text: s.text, pure: s.pure, ...(s.node ? { node: s.node } : {}), ...(typeof s.value === 'number' ? { value: { kind: 'number', value: s.value } } : {}) });
const numberOf = (e: Expr | undefined) => (e?.value?.kind === 'number' ? e.value.value : undefined);
const line = (node: ts.Node, sf: ts.SourceFile) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;

/** Functions with a block body: each is walked (one without graph code reads as nothing). */
function functionsWithBodies(fx: FrontendContext): ts.FunctionLikeDeclaration[] {
  const found: ts.FunctionLikeDeclaration[] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n)) && n.body && ts.isBlock(n.body)) found.push(n);
    ts.forEachChild(n, visit);
  };
  visit(fx.sourceFile);
  return found;
}

/** Reads every function that executes graphs; graphs created elsewhere get their own reading. */
export function readGraphs(fx: FrontendContext): GraphReading[] {
  const functions = functionsWithBodies(fx);
  let walks = functions.map((f) => ({ f, ...walk(f, fx) }));
  // A function that creates and executes its own graphs is ported where it is; its callers call it as before.
  const selfContained = new Set(walks.filter((w) => w.reading.result.ok && w.reading.created.length > 0).map((w) => w.f));
  if (selfContained.size > 0) walks = functions.map((f) => ({ f, ...walk(f, fx, selfContained) }));
  // A function the port followed from another walk is ported at its call sites, not on its own.
  const inlinedElsewhere = (f: ts.FunctionLikeDeclaration) => walks.some((w) => w.f !== f && w.reading.inlined.has(f));
  // A walk that failed before meeting a graph or an execute has nothing to report.
  const executes = (f: ts.FunctionLikeDeclaration) => /\.execute\(/.test(f.body!.getText(fx.sourceFile));
  const readings = walks.filter((w) => !inlinedElsewhere(w.f) && (w.reading.result.ok || w.reading.created.length > 0 || executes(w.f))).map((w) => w.reading);
  const seen = new Set(readings.flatMap((r) => r.created));
  const inlined = new Set(readings.filter((r) => r.result.ok).flatMap((r) => [...r.inlined]));
  const visit = (n: ts.Node): void => {
    if (ts.isNewExpression(n) && n.expression.getText(fx.sourceFile) === `${fx.fe}.graph.Graph` && !seen.has(n)) {
      let owner: ts.Node | undefined = n.parent;
      while (owner && !ts.isFunctionLike(owner)) owner = owner.parent;
      if (!(owner && inlined.has(owner as ts.FunctionLikeDeclaration))) {
        const where = owner && 'name' in owner && owner.name && ts.isIdentifier(owner.name) ? `\`${owner.name.text}\`` : 'code';
        readings.push({ origins: [n], created: [n], inlined: new Set(), result: { ok: false, reason: `the graph created here is not executed by ${where} or by a function that calls it (line ${line(n, fx.sourceFile)})` } });
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(fx.sourceFile);
  return readings;
}

/** Names declared by the functions around `f` (parameters and variables, not inside other nested functions). */
function enclosingNames(f: ts.FunctionLikeDeclaration): string[] {
  const names: string[] = [];
  for (let outer = f.parent; outer; outer = outer.parent) {
    if (!ts.isFunctionLike(outer)) continue;
    for (const p of outer.parameters) names.push(...namesOf(p.name));
    const visit = (n: ts.Node): void => {
      if (ts.isFunctionLike(n)) return;
      if (ts.isVariableDeclaration(n)) names.push(...namesOf(n.name));
      ts.forEachChild(n, visit);
    };
    if ('body' in outer && outer.body) ts.forEachChild(outer.body, visit);
  }
  return names;
}

function walk(f: ts.FunctionLikeDeclaration, fx: FrontendContext, selfContained?: ReadonlySet<ts.FunctionLikeDeclaration>): { reading: GraphReading } {
  const ev = new FrontendEvaluator({ sourceFile: fx.sourceFile, fe: fx.fe, context: fx.context, ...(selfContained ? { selfContained } : {}) });
  const env = new Env(ev.moduleEnv);
  // A nested function (one called on the spot) reads its enclosing functions' variables as run-time values.
  for (const name of enclosingNames(f)) env.set(name, { kind: 'sym', text: name, pure: true });
  const sf = fx.sourceFile;
  const statements: GraphStatement[] = [];
  /** Executes whose status a variable keeps, with the index of their statement. */
  const storedStatuses = new Map<ExecuteEvent, number>();
  const fail = (e: unknown): { reading: GraphReading } => {
    if (!(e instanceof EvalRefusal)) throw e;
    return { reading: { origins: ev.graphs.length ? [...new Set(ev.graphs.map((g) => g.site))] : [e.node], created: ev.graphs.map((g) => g.origin), inlined: ev.inlined, result: { ok: false, reason: e.reason } } };
  };
  try {
    for (const p of f.parameters) for (const name of namesOf(p.name)) env.set(name, { kind: 'sym', text: name, pure: true });
    /** Constants graph code computed (workspace sizes written as numbers), and plain declarations: what the port may find unused. */
    const sizes = new Map<string, number>();
    const plain: ts.VariableStatement[] = [];
    const walkList = (list: readonly ts.Statement[], env: Env): void => {
      for (const s of list) {
        // `if (workspaceSize > 0) cudaMalloc(…)` on a size graph code computed as 0: the call never runs
        // (an assignment under such a test stays, with the variable it sets).
        if (ts.isIfStatement(s) && !s.elseStatement && onlyCalls(s.thenStatement) && mentions(s.expression, sizes) && neverRuns(s, ev, env)) {
          statements.push({ kind: 'absorbed', statement: s });
          continue;
        }
        // An `if` on run-time values whose branches hold graph code (a helper's `if (epilogue === GELU_BIAS) { … }`): each branch is walked as its own block.
        if (ts.isIfStatement(s) && ev.touchesGraph(s, env) && !ev.touchesGraph(s.expression, env)) {
          for (const branch of [s.thenStatement, s.elseStatement]) if (branch) walkList(ts.isBlock(branch) ? branch.statements : [branch], new Env(env));
          continue;
        }
        if (!ev.touchesGraph(s, env)) {
          if (ts.isVariableStatement(s)) {
            for (const d of s.declarationList.declarations) {
              const init = d.initializer;
              // Local arrow functions (`rowStrides`) are followed where graph code calls them.
              if (init && ts.isIdentifier(d.name) && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) env.set(d.name.text, { kind: 'fn', decl: init, env });
              else for (const name of namesOf(d.name)) env.set(name, { kind: 'sym', text: name, pure: true });
            }
            plain.push(s);
          }
          if (ts.isFunctionDeclaration(s) && s.name) env.set(s.name.text, { kind: 'fn', decl: s, env });
          continue;
        }
        ev.currentStatement = s;
        const before = ev.executes.length;
        const refuseHere = (why: string) => ev.refuse(s, why);
        if (ts.isVariableStatement(s)) {
          const values: Value[] = [];
          try {
            for (const d of s.declarationList.declarations) {
              const v = d.initializer ? ev.expr(d.initializer, env) : refuseHere('a declaration without a value');
              ev.bind(d.name, v, env);
              values.push(v);
            }
          } catch (e) {
            if (!(e instanceof EvalRefusal) || ev.executes.length > before) throw e;
            statements.push({ kind: 'replaced', statement: s, text: substitute(s, ev, env, e, sf) });
            for (const d of s.declarationList.declarations) for (const name of namesOf(d.name)) env.set(name, { kind: 'sym', text: name, pure: true });
            continue;
          }
          const d = s.declarationList.declarations[0];
          const v = values[0];
          if (ev.executes.length > before) {
            // `const status = (ok && g.execute(…).is_good() ? SUCCESS : FAILED)`, checked by an `if … throw` below.
            const stored = values.length === 1 && v.kind === 'status' && v.execute && ts.isIdentifier(d.name) ? v.execute : undefined;
            if (!stored || ev.executes.length - before !== 1) refuseHere('the status of an execute is stored instead of checked');
            else {
              storedStatuses.set(stored, statements.length);
              statements.push(executeStatement(s, stored, fx));
            }
            continue;
          }
          if (values.length === 1 && v.kind === 'sym' && typeof v.value === 'number' && ts.isIdentifier(d.name) && d.initializer) {
            // A number computed by graph code (the workspace size): written as its value, which tests of it see.
            statements.push({ kind: 'replaced', statement: s, text: spliced(s, [[d.initializer, String(v.value)]], sf) });
            const constant = (s.declarationList.flags & ts.NodeFlags.Const) !== 0;
            env.set(d.name.text, { kind: 'sym', text: d.name.text, pure: true, ...(constant ? { value: v.value } : {}) });
            if (constant) sizes.set(d.name.text, statements.length - 1);
            continue;
          }
          const stray = values.find((x) => x.kind !== 'undefined' && !isGraphValue(x));
          if (stray) refuseHere('a value computed by graph code is used by the rest of the program');
          statements.push({ kind: 'absorbed', statement: s });
          continue;
        }
        if (ts.isExpressionStatement(s)) {
          try {
            ev.expr(s.expression, env);
          } catch (e) {
            if (!(e instanceof EvalRefusal) || ev.executes.length > before) throw e;
            statements.push({ kind: 'replaced', statement: s, text: substitute(s, ev, env, e, sf) });
            continue;
          }
          const events = ev.executes.slice(before);
          const writes = ev.sizeWrites.splice(0);
          // The target calls size their own workspaces: the graph's workspace is empty.
          if (writes.length > 0 && events.length === 0) statements.push({ kind: 'replaced', statement: s, text: writes.map((w) => `${w.target.text}.value = ${w.value};`).join(' ') });
          else if (events.length === 0) statements.push({ kind: 'absorbed', statement: s });
          else if (events.length === 1) statements.push(executeStatement(s, events[0], fx));
          else refuseHere(`one statement executes ${events.length} graphs`);
          continue;
        }
        if (ts.isIfStatement(s) && !s.elseStatement) {
          const checked = storedCheck(s, ev, env);
          if (checked) {
            // The execute's port checks its calls itself; the test of the stored status goes.
            const k = storedStatuses.get(checked.event);
            const entry = k === undefined ? undefined : statements[k];
            if (entry?.kind === 'execute' && entry.what === undefined && checked.what) statements[k!] = { ...entry, what: checked.what };
            statements.push({ kind: 'absorbed', statement: s });
            continue;
          }
          if (neverRuns(s, ev, env)) {
            // `if (workspaceSize > 0) cudaMalloc(workspace, workspaceSize)` on the empty workspace.
            statements.push({ kind: 'absorbed', statement: s });
            continue;
          }
        }
        if (ts.isReturnStatement(s)) {
          const returned = s.expression && ts.isIdentifier(s.expression) ? s.expression.text : undefined;
          const status = returned ? env.get(returned) : undefined;
          const k = status?.kind === 'status' && status.execute ? storedStatuses.get(status.execute) : undefined;
          const entry = k === undefined ? undefined : statements[k];
          if (entry?.kind === 'execute' && returned) {
            // `return status` (a function called on the spot answering its execute's status): the lowering keeps the target's status there.
            statements[k!] = { ...entry, binding: returned };
            continue;
          }
          const name = 'name' in f && f.name && ts.isIdentifier(f.name) ? `\`${f.name.text}\`` : 'the function';
          refuseHere(`${name} returns graph objects, and no function the port can follow executes them`);
        }
        statements.push({ kind: 'replaced', statement: s, text: substitute(s, ev, env, undefined, sf) });
      }
    };
    walkList((f.body as ts.Block).statements, env);
    dropUnused(f, statements, sizes, plain, sf);
  } catch (e) {
    return fail(e);
  }
  if (ev.graphs.length === 0) return { reading: { origins: [], created: [], inlined: ev.inlined, result: { ok: true, value: [] } } };
  return { reading: { origins: ev.graphs.map((g) => g.site), created: ev.graphs.map((g) => g.origin), inlined: ev.inlined, result: { ok: true, value: statements } } };
}

/**
 * `if (status !== SUCCESS) throw new Error('what: failed')` on a stored execute status: the
 * execute, and what the message names when it is a plain string.
 */
function storedCheck(s: ts.IfStatement, ev: FrontendEvaluator, env: Env): { event: ExecuteEvent; what?: string } | undefined {
  const c = s.expression;
  const then = ts.isBlock(s.thenStatement) && s.thenStatement.statements.length === 1 ? s.thenStatement.statements[0] : s.thenStatement;
  if (!ts.isThrowStatement(then) || !ts.isBinaryExpression(c) || !ts.isIdentifier(c.left)) return undefined;
  if (c.operatorToken.kind !== ts.SyntaxKind.ExclamationEqualsEqualsToken && c.operatorToken.kind !== ts.SyntaxKind.ExclamationEqualsToken) return undefined;
  const status = env.get(c.left.text);
  if (status?.kind !== 'status' || !status.execute || ev.touchesGraph(c.right, env) || !isPure(c.right)) return undefined;
  const thrown = then.expression;
  const message = thrown && ts.isNewExpression(thrown) && thrown.arguments?.length === 1 ? thrown.arguments[0] : undefined;
  // `'what: reason'`: the port writes its own reason after `what`.
  const what = message && (ts.isStringLiteral(message) || ts.isNoSubstitutionTemplateLiteral(message)) ? message.text.replace(/: [^:]*$/, '') : undefined;
  return { event: status.execute, ...(what ? { what } : {}) };
}

/** A call statement, or a block of them. */
function onlyCalls(s: ts.Statement): boolean {
  if (ts.isBlock(s)) return s.statements.every(onlyCalls);
  return ts.isExpressionStatement(s) && ts.isCallExpression(s.expression);
}

function mentions(node: ts.Node, names: ReadonlyMap<string, unknown>): boolean {
  if (ts.isIdentifier(node)) return names.has(node.text);
  return ts.forEachChild(node, (c) => mentions(c, names) || undefined) ?? false;
}

/**
 * The empty workspace's leftovers once its tests are gone: a size graph code computed, and a
 * plain declaration with a side-effect-free value (`const ws = ref<DevicePtr>()`), that only
 * removed statements (absorbed, or executes the lowering replaces) still use go too.
 */
function dropUnused(f: ts.FunctionLikeDeclaration, statements: GraphStatement[], sizes: ReadonlyMap<string, number>, plain: readonly ts.VariableStatement[], sf: ts.SourceFile): void {
  const removed = () => statements.filter((e) => e.kind === 'absorbed' || e.kind === 'execute').map((e) => e.statement);
  const within = (n: ts.Node, outer: ts.Node) => n.getStart(sf) >= outer.getStart(sf) && n.end <= outer.end;
  const unused = (name: string, declaration: ts.Statement) => {
    const gone = removed();
    let used = false;
    let usedByGone = false;
    const visit = (n: ts.Node): void => {
      if (used) return;
      if (ts.isIdentifier(n) && n.text === name && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) {
        if (gone.some((g) => within(n, g))) usedByGone = true;
        else if (!within(n, declaration)) used = true;
      } else ts.forEachChild(n, visit);
    };
    visit(f.body!);
    // Only what removed code used: a declaration nothing ever used is not the port's to remove.
    return !used && usedByGone;
  };
  const removable = (s: ts.VariableStatement) => {
    const d = s.declarationList.declarations;
    const init = d.length === 1 ? d[0].initializer : undefined;
    return ts.isIdentifier(d[0].name) && init !== undefined && (isPure(init) || (ts.isCallExpression(init) && init.expression.getText(sf) === 'ref' && init.arguments.length === 0)) ? d[0].name.text : undefined;
  };
  for (const [name, k] of sizes) {
    const entry = statements[k];
    if (entry.kind === 'replaced' && unused(name, entry.statement)) statements[k] = { kind: 'absorbed', statement: entry.statement };
  }
  for (const s of plain) {
    const name = removable(s);
    if (name && unused(name, s)) statements.push({ kind: 'absorbed', statement: s });
  }
}

/** An `if` whose condition graph code decides is false (a test of the empty workspace's size). */
function neverRuns(s: ts.IfStatement, ev: FrontendEvaluator, env: Env): boolean {
  try {
    const c = ev.expr(s.expression, env);
    return c.kind === 'sym' && c.value === false;
  } catch (e) {
    if (e instanceof EvalRefusal) return false;
    throw e;
  }
}

function isGraphValue(v: Value): boolean {
  switch (v.kind) {
    case 'graph':
    case 'tensor':
    case 'attrs':
    case 'status':
    case 'ref':
    case 'map':
    case 'undefined':
    case 'fn':
      return true;
    case 'sym':
      return v.fromStatus === true;
    case 'array':
      return v.items.every(isGraphValue);
    case 'object':
      return [...v.props.values()].every(isGraphValue);
    default:
      return false;
  }
}

function spliced(s: ts.Node, replacements: readonly (readonly [ts.Node, string])[], sf: ts.SourceFile): string {
  const start = s.getStart(sf);
  let text = s.getText(sf);
  for (const [node, by] of [...replacements].sort((a, b) => b[0].getStart(sf) - a[0].getStart(sf))) {
    text = text.slice(0, node.getStart(sf) - start) + by + text.slice(node.end - start);
  }
  return text;
}

/**
 * A statement of other code that reads graph code (`cudaMalloc(w, graph.get_workspace_size())`):
 * each largest graph sub-expression with a known number is written as that number.
 */
function substitute(s: ts.Statement, ev: FrontendEvaluator, env: Env, original: EvalRefusal | undefined, sf: ts.SourceFile): string {
  const replacements: [ts.Node, string][] = [];
  const visit = (n: ts.Node): void => {
    if (!ev.touchesGraph(n, env)) return;
    if (ts.isExpression(n) && !ts.isIdentifier(n)) {
      try {
        const v = ev.expr(n, env);
        if (v.kind === 'sym' && typeof v.value === 'number') {
          replacements.push([n, String(v.value)]);
          return;
        }
      } catch (e) {
        if (!(e instanceof EvalRefusal)) throw e;
      }
    }
    if (ts.isIdentifier(n)) throw original ?? new EvalRefusal(`\`${n.text}\` is used where the port cannot follow it (line ${line(n, sf)})`, n);
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'execute') throw original ?? new EvalRefusal(`an execute the port cannot follow (line ${line(n, sf)})`, n);
    ts.forEachChild(n, visit);
  };
  visit(s);
  return spliced(s, replacements, sf);
}

// ---- executes → invocations

interface View {
  dims: readonly Expr[];
  strides: readonly Expr[];
  meaning: string;
}

function broadcastDims(views: readonly View[], at: string): Described<Expr[]> {
  const rank = Math.max(...views.map((v) => v.dims.length));
  const out: Expr[] = [];
  for (let i = 0; i < rank; i++) {
    const candidates = views.map((v) => v.dims[v.dims.length - rank + i]).filter((d): d is Expr => d !== undefined && numberOf(d) !== 1);
    const first = candidates[0] ?? generated('1', { kind: 'number', value: 1 });
    if (candidates.some((c) => c.text !== first.text && numberOf(c) !== numberOf(first))) return { ok: false, reason: `the inputs of ${at} do not broadcast (dimension ${i})` };
    out.push(first);
  }
  return { ok: true, value: out };
}

function executeStatement(s: ts.Statement, event: ExecuteEvent, fx: FrontendContext): GraphStatement {
  const sf = fx.sourceFile;
  const refuse: (why: string) => never = (why) => {
    throw new EvalRefusal(`${why} (line ${line(s, sf)})`, s);
  };
  const graph = event.graph;
  const ioMeaning = feMeaning(graph.dtypes.get('set_io_data_type'), fx);
  const intermediateMeaning = feMeaning(graph.dtypes.get('set_intermediate_data_type'), fx) ?? 'dtype.float32';
  const packed = new Map(event.pack.map(([t, p]) => [t, p]));
  const consumed = new Set(event.nodes.flatMap((n) => n.inputs));
  const views = new Map<TensorModel, View>();
  const temporaries: Temporary[] = [];

  const view = (t: TensorModel): View => {
    const known = views.get(t);
    if (known) return known;
    const meaning = feMeaning(t.dataType, fx) ?? (t.producer && !packed.has(t) ? intermediateMeaning : ioMeaning);
    if (!meaning || !dtypeOfMeaning(meaning)) return refuse(`the data type of \`${t.name}\` is not known (no set_data_type and no graph io type)`);
    let dims: readonly Expr[] | undefined = t.dims?.map(toExpr);
    let strides: readonly Expr[] | undefined = t.strides?.map(toExpr);
    if (!dims && t.producer) {
      const n = t.producer;
      const inputs = n.inputs.filter((i) => !i.scalar).map(view);
      if (n.op === 'pointwise') {
        const b = broadcastDims(inputs, `pointwise node of \`${t.name}\``);
        if (!b.ok) refuse(b.reason);
        dims = b.value;
        const same = inputs.find((i) => i.dims.length === dims!.length && i.dims.every((d, k) => d.text === dims![k].text));
        if (packed.has(t) && same) strides = same.strides;
      } else if ((n.op === 'layernorm' || n.op === 'rmsnorm') && n.outputs[0] === t) {
        dims = inputs[0].dims;
        if (packed.has(t)) strides = inputs[0].strides;
      } else if ((n.op === 'layernorm' || n.op === 'rmsnorm') && inputs[1]) {
        // TRAINING statistics: X's dims with 1 wherever the scale spans (the frontend's rule).
        const [x, scale] = inputs;
        dims = x.dims.map((d, i) => (scale.dims[i] && numberOf(scale.dims[i]) !== 1 ? generated('1', { kind: 'number', value: 1 }) : d));
      } else refuse(`the output \`${t.name}\` of ${n.op} has no dims the port can infer (set_dim / set_stride)`);
    }
    if (!dims) return refuse(`\`${t.name}\` has no dims`);
    strides ??= contiguousStrides(dims);
    const v = { dims, strides, meaning };
    views.set(t, v);
    return v;
  };
  const pointerOf = (t: TensorModel, temp: (t: TensorModel) => Expr): Expr => {
    const p = packed.get(t);
    if (p) return toExpr(p);
    if (t.producer && !t.output) return temp(t);
    return refuse(`the variant pack gives no pointer for \`${t.name}\``);
  };
  // Validate and collect the temporaries once.
  for (const n of event.nodes) {
    for (const i of n.inputs) {
      if (i.scalar) continue;
      if (!packed.has(i) && !i.producer) refuse(`the variant pack gives no pointer for \`${i.name}\``);
      view(i);
    }
    for (const o of n.outputs) {
      if (packed.has(o) || (consumed.has(o) && !o.output)) view(o);
      else if (o.output) refuse(`the variant pack gives no pointer for the output \`${o.name}\``);
    }
  }
  // A pointwise node whose result stays an intermediate computes in the graph's float32 compute
  // type; aclnn computes in the promoted input type, so a lower-precision first input is widened
  // (Cast) into a float32 temporary first and the chain rounds once, into its output.
  const widened = new Map<NodeModel, TensorModel>();
  for (const n of event.nodes) {
    for (const o of n.outputs) {
      if (packed.has(o) || !consumed.has(o)) continue;
      const v = view(o);
      const bytes = BYTES[v.meaning];
      if (!bytes) refuse(`no element size for ${v.meaning}`);
      const inputs = n.inputs.filter((i) => !i.scalar);
      if (n.op === 'pointwise' && v.meaning === 'dtype.float32' && inputs.length > 0 && inputs.every((i) => view(i).meaning !== 'dtype.float32')) {
        const source = view(inputs[0]);
        const copy: TensorModel = { id: -1 - widened.size, graph, name: `${inputs[0].name} (float32)`, output: false, producer: n };
        views.set(copy, { dims: source.dims, strides: contiguousStrides(source.dims), meaning: 'dtype.float32' });
        widened.set(n, copy);
        temporaries.push({ tensor: copy, stem: 'widened', dims: source.dims, dtypeMeaning: 'dtype.float32', elementBytes: 4 });
      }
      temporaries.push({ tensor: o, stem: `${stemOf(n, fx)}Result`, dims: v.dims, dtypeMeaning: v.meaning, elementBytes: bytes });
    }
  }
  const stream = handleStream(toExpr(event.handle), event.call, fx.context);
  if (!stream.ok) refuse(stream.reason);
  const castEntry = fx.catalog.entry('cuda', 'cudnn_frontend::graph::Graph::execute');
  const build = (temp: (t: TensorModel) => Expr): OpInvocation[] =>
    event.nodes
      .filter((n) => n.outputs.some((o) => packed.has(o) || consumed.has(o)))
      .flatMap((n) => {
        const tensor = (t: TensorModel): TensorExpr => {
          const v = view(t);
          return { ptr: pointerOf(t, temp), dtype: { meaning: v.meaning, dtype: dtypeOfMeaning(v.meaning)! }, dims: v.dims, strides: v.strides, layout: 'strided' };
        };
        const copy = widened.get(n);
        const sourceInput = n.inputs.find((i) => !i.scalar);
        const node = copy ? { ...n, inputs: n.inputs.map((i) => (i === sourceInput ? copy : i)) } : n;
        const r = nodeInvocation(node, tensor, packed, fx, (t) => unreadScratch(packed.get(t), event.call, sf));
        if (!r.ok) return refuse(r.reason);
        // The handle the graph executes on (CNNL calls take it; aclnn lowerings ignore it).
        const run: OpInvocation = { ...r.value, args: new Map([['handle', toExpr(event.handle)]]), ...(stream.value ? { stream: stream.value } : {}) };
        if (!copy || !sourceInput || !castEntry) return [run];
        const cast: OpInvocation = {
          kind: 'operator',
          operator: 'Cast',
          inputs: new Map([['input', tensor(sourceInput)]]),
          outputs: new Map([['output', tensor(copy)]]),
          attributes: new Map([['to', { expr: generated('1', { kind: 'number', value: 1 }), meaning: 'dtype.float32' }]]),
          numerics: {},
          args: new Map([['handle', toExpr(event.handle)]]),
          enums: new Map(),
          origin: { backend: 'cuda', entry: castEntry, symbol: castEntry.spec.symbol },
          ...(stream.value ? { stream: stream.value } : {}),
        };
        return [cast, run];
      });
  build(() => generated('temporary'));
  return { kind: 'execute', statement: s, what: event.what, temporaries, invocations: build };
}

function stemOf(n: NodeModel, fx: FrontendContext): string {
  if (n.op !== 'pointwise') return n.op;
  const mode = attrArg(n, 'set_mode');
  const meaning = mode?.kind === 'sym' ? feMeaning(mode.fe, fx) : undefined;
  return meaning?.split('.')[1] ?? 'pointwise';
}

function attrArg(n: NodeModel, name: string, index = 0): Value | undefined {
  return [...n.attributes].reverse().find((c) => c.name === name)?.args[index];
}

/**
 * Whether a pointer is `p.value` of a `const p = ref<…>()` that its function only allocates
 * (`cudaMalloc(p, …)`), hands to this execute's variant pack and frees (`cudaFree(p.value)`):
 * what the graph writes there is never read.
 */
function unreadScratch(pointer: Sym | undefined, execute: ts.CallExpression, sf: ts.SourceFile): boolean {
  const root = pointer && /^([A-Za-z_$][\w$]*)\.value$/.exec(pointer.text)?.[1];
  let scope: ts.Node | undefined = execute.parent;
  while (scope && !ts.isFunctionLike(scope)) scope = scope.parent;
  const pack = execute.arguments[1];
  if (!root || !scope || !pack) return false;
  let declared = false;
  let other = false;
  const within = (n: ts.Node, outer: ts.Node) => n.getStart(sf) >= outer.getStart(sf) && n.end <= outer.end;
  const visit = (n: ts.Node): void => {
    if (other) return;
    if (ts.isIdentifier(n) && n.text === root && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) {
      const p = n.parent;
      if (ts.isVariableDeclaration(p) && p.name === n) declared = Boolean(p.initializer && ts.isCallExpression(p.initializer) && p.initializer.expression.getText(sf) === 'ref');
      else if (within(n, pack)) return;
      else if (ts.isCallExpression(p) && p.expression.getText(sf) === 'cudaMalloc' && p.arguments[0] === n) return;
      else if (ts.isPropertyAccessExpression(p) && p.name.text === 'value' && ts.isCallExpression(p.parent) && p.parent.expression.getText(sf) === 'cudaFree' && p.parent.arguments[0] === p) return;
      else other = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return declared && !other;
}

function nodeInvocation(n: NodeModel, tensor: (t: TensorModel) => TensorExpr, packed: ReadonlyMap<TensorModel, Sym>, fx: FrontendContext, unread: (t: TensorModel) => boolean): Described<OpInvocation> {
  const attributes: [string, AttributeExpr][] = [];
  const known = new Set<string>();
  const unknownOption = (allowed: readonly string[]) => n.attributes.find((c) => !allowed.includes(c.name));
  const done = (operator: string, inputs: [string, TensorExpr][], outputs: [string, TensorExpr][]): Described<OpInvocation> => {
    const entry = fx.catalog.entry('cuda', 'cudnn_frontend::graph::Graph::execute');
    if (!entry) return { ok: false, reason: 'the catalog has no cudnn_frontend::graph::Graph::execute entry' };
    return {
      ok: true,
      value: { kind: 'operator', operator, inputs: new Map(inputs), outputs: new Map(outputs), attributes: new Map(attributes), numerics: {}, args: new Map(), enums: new Map(), origin: { backend: 'cuda', entry, symbol: entry.spec.symbol } },
    };
  };
  void known;
  if (n.op === 'layernorm' || n.op === 'rmsnorm') {
    const extra = unknownOption(['set_forward_phase', 'set_epsilon', 'set_name', 'set_compute_data_type']);
    if (extra) return { ok: false, reason: `the ${n.op} option \`${extra.name}\` is not ported` };
    const phase = attrArg(n, 'set_forward_phase');
    const phaseName = phase?.kind === 'sym' && phase.fe ? feMeaning(phase.fe, fx) ?? phase.fe : undefined;
    const training = phaseName !== undefined && /training/i.test(phaseName);
    if (!training && !(phaseName !== undefined && /inference/i.test(phaseName))) return { ok: false, reason: `the ${n.op} forward phase is neither INFERENCE nor TRAINING` };
    // TRAINING also writes the statistics (layernorm: MEAN, INV_VARIANCE = ONNX Mean, InvStdDev;
    // rmsnorm: INV_VARIANCE, as InvStdDev); those the program reads are outputs of the invocation.
    const statisticNames = n.op === 'layernorm' ? ['Mean', 'InvStdDev'] : ['InvStdDev'];
    const statistics = training ? statisticNames.map((name, i) => [name, n.outputs[i + 1]] as const).filter(([, t]) => packed.has(t) && !unread(t)) : [];
    const eps = attrArg(n, 'set_epsilon');
    const epsilon = eps?.kind === 'tensor' ? eps.tensor.scalar : eps?.kind === 'sym' ? eps : undefined;
    if (!epsilon || !epsilon.pure) return { ok: false, reason: `the ${n.op} epsilon is not a value the port can read` };
    const names = n.op === 'layernorm' ? ['X', 'Scale', 'B'] : ['X', 'scale'];
    if (n.inputs.length !== names.length) return { ok: false, reason: `${n.op} with ${n.inputs.length} inputs is not ported` };
    const squeezed = squeezeNorm(n.inputs.map(tensor), tensor(n.outputs[0]));
    if (!squeezed.ok) return squeezed;
    const x = squeezed.value.inputs[0];
    const stats: [string, TensorExpr][] = [];
    for (const [name, t] of statistics) {
      // [rows, 1, 1, 1] packed float32: X's first dim, 1 over the normalized dims (the rank of the squeezed X).
      const view = tensor(t);
      const rows = view.dims!.filter((d) => !isOne(d));
      if (view.dtype?.meaning !== 'dtype.float32' || !isContiguous(view) || rows.length > 1 || (rows[0] && rows[0].text !== x.dims![0].text && numberOf(rows[0]) !== numberOf(x.dims![0]))) {
        return { ok: false, reason: `the ${n.op} TRAINING statistic \`${packed.get(t)!.text}\` is not a packed float32 [${x.dims![0].text}, 1, …] tensor` };
      }
      const dims = x.dims!.map((d, i) => (i === 0 ? d : generated('1', { kind: 'number', value: 1 })));
      stats.push([name, { ...view, dims, strides: contiguousStrides(dims) }]);
    }
    attributes.push(['axis', { expr: generated('1', { kind: 'number', value: 1 }) }], ['epsilon', { expr: toExpr(epsilon) }]);
    return done(n.op === 'layernorm' ? 'LayerNormalization' : 'RMSNormalization', names.map((name, i) => [name, squeezed.value.inputs[i]]), [['Y', squeezed.value.output], ...stats]);
  }
  if (n.op === 'pointwise') {
    const extra = unknownOption(['set_mode', 'set_name', 'set_compute_data_type']);
    if (extra) return { ok: false, reason: `the pointwise option \`${extra.name}\` is not ported` };
    const mode = attrArg(n, 'set_mode');
    const meaning = mode?.kind === 'sym' ? feMeaning(mode.fe, fx) : undefined;
    const pointwise = meaning ? POINTWISE[meaning] : undefined;
    if (!pointwise) return { ok: false, reason: `pointwise mode ${meaning ?? '(not a constant)'} is not ported` };
    if (n.inputs.length !== pointwise.arity) return { ok: false, reason: `pointwise ${meaning} takes ${pointwise.arity} input(s)` };
    const op = pointwise.operator;
    const inputNames = pointwise.arity === 2 ? ['A', 'B'] : [op === 'Tanh' ? 'input' : 'X'];
    const outputName = pointwise.arity === 2 ? 'C' : op === 'Tanh' ? 'output' : 'Y';
    if (pointwise.approximate) attributes.push(['approximate', { expr: generated(`'${pointwise.approximate}'`, { kind: 'string', value: pointwise.approximate }), meaning: pointwise.approximate }]);
    return done(op, inputNames.map((name, i) => [name, tensor(n.inputs[i])]), [[outputName, tensor(n.outputs[0])]]);
  }
  // sdpa
  const extra = unknownOption(['set_name', 'set_generate_stats', 'set_is_inference', 'set_attn_scale', 'set_causal_mask', 'set_causal_mask_bottom_right', 'set_diagonal_alignment', 'set_diagonal_band_right_bound', 'set_compute_data_type']);
  if (extra) return { ok: false, reason: `the sdpa option \`${extra.name}\` is not ported (padding masks, bias, ALiBi, dropout and sliding windows are not lowered)` };
  const scale = attrArg(n, 'set_attn_scale');
  if (scale && !(scale.kind === 'sym' && scale.pure && !scale.fe)) return { ok: false, reason: 'the sdpa attn_scale is not a number the port can read (a scale tensor is not ported)' };
  const flag = (name: string) => {
    const a = attrArg(n, name);
    return a?.kind === 'sym' && typeof a.value === 'boolean' ? a.value : a === undefined ? undefined : 'unknown';
  };
  const alignment = attrArg(n, 'set_diagonal_alignment');
  const rightBound = attrArg(n, 'set_diagonal_band_right_bound');
  let causal: 'top-left' | 'bottom-right' | undefined;
  if (flag('set_causal_mask') === true) causal = 'top-left';
  if (flag('set_causal_mask_bottom_right') === true) causal = 'bottom-right';
  if (rightBound) {
    if (!(rightBound.kind === 'sym' && rightBound.value === 0)) return { ok: false, reason: 'an sdpa diagonal band right bound other than 0 is not ported' };
    const alignMeaning = alignment?.kind === 'sym' ? alignment.fe : undefined;
    causal = alignMeaning === 'DiagonalAlignment_t.BOTTOM_RIGHT' ? 'bottom-right' : 'top-left';
  }
  if (['set_causal_mask', 'set_causal_mask_bottom_right', 'set_generate_stats', 'set_is_inference'].some((f) => flag(f) === 'unknown')) return { ok: false, reason: 'an sdpa flag is not a constant' };
  const [q, k, v] = n.inputs.map(tensor);
  const [o, stats] = n.outputs;
  const heads = (t: TensorExpr) => t.dims?.[1];
  const attrs: [string, AttributeExpr][] = [
    ['scale', { expr: scale?.kind === 'sym' ? toExpr(scale) : generated('1', { kind: 'number', value: 1 }) }],
    ['is_causal', { expr: generated(causal ? '1' : '0', { kind: 'number', value: causal ? 1 : 0 }), ...(causal ? { meaning: `causal.${causal}` } : {}) }],
    ['q_num_heads', { expr: heads(q)! }],
    ['kv_num_heads', { expr: heads(k)! }],
  ];
  attributes.push(...attrs);
  const outputs: [string, TensorExpr][] = [['Y', tensor(o)]];
  if (stats && packed.has(stats)) outputs.push(['softmax_lse', tensor(stats)]);
  return done('Attention', [['Q', q], ['K', k], ['V', v]], outputs);
}

const isOne = (e: Expr) => e.value?.kind === 'number' && e.value.value === 1;

/** Drops constant-1 dims after the first from X / Y and every constant-1 dim from the parameters. */
function squeezeNorm(inputs: readonly TensorExpr[], output: TensorExpr): Described<{ inputs: TensorExpr[]; output: TensorExpr }> {
  const drop = (t: TensorExpr, keepFirst: boolean): TensorExpr => {
    const keep = t.dims!.map((d, i) => (keepFirst && i === 0) || !isOne(d));
    const dims = t.dims!.filter((_, i) => keep[i]);
    const strides = t.strides!.filter((_, i) => keep[i]);
    return { ...t, dims: dims.length ? dims : [generated('1', { kind: 'number', value: 1 })], strides: strides.length ? strides : contiguousStrides([generated('1', { kind: 'number', value: 1 })]) };
  };
  const [x, ...parameters] = inputs;
  const sx = drop(x, true);
  const sy = drop(output, true);
  const sp = parameters.map((p) => drop(p, false));
  const normalized = sx.dims!.slice(1).map((d) => d.text);
  const bad = sp.find((p) => p.dims!.map((d) => d.text).join(',') !== normalized.join(','));
  if (bad) return { ok: false, reason: `the scale / bias shape [${bad.dims!.map((d) => d.text).join(', ')}] is not the normalized shape [${normalized.join(', ')}] of X` };
  return { ok: true, value: { inputs: [sx, ...sp], output: sy } };
}
