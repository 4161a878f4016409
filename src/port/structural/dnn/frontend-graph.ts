/**
 * Reads cudnn-frontend graphs (the `fe` namespace of the CUDA facade) statically: a graph built
 * in one block (`const g = new fe.graph.Graph()`, its data types, `g.tensor(...)` tensors with
 * dims and strides, one operation node, `set_output(true)`, the build calls) and executed there
 * with variant packs (`g.execute(handle, new Map([[t, ptr], ...]), workspace)`). Each execute
 * becomes an invocation of the node's canonical operator with tensor views (pointer from the
 * variant pack, dims and strides from the tensor attributes, dtype from the tensor or the graph's
 * io type); the construction and build statements are absorbed.
 *
 * What this module reads: layernorm (INFERENCE) → LayerNormalization, rmsnorm (INFERENCE) →
 * RMSNormalization, pointwise ADD / MUL / SUB / DIV → Add / Mul / Sub / Div and RELU / SIGMOID /
 * TANH / SWISH (β = 1) / GELU → unary operators. Anything else about the graph (a helper builds
 * it, it escapes the block, several nodes with virtual intermediates, sdpa, a non-constant value)
 * is declined with the reason, and the graph's code stays as written.
 */
import type { Catalog } from '../../../catalog/catalog.js';
import { isPure } from '../../context/expression-purity.js';
import type { StaticContext } from '../../context/static-context.js';
import { generated, type Expr } from '../../ir/expr.js';
import type { AttributeExpr, OpInvocation, TensorExpr } from '../../ir/invocation.js';
import { dtypeOfMeaning } from '../../lift/role-lifter.js';
import { ts } from '../../syntax/typescript.js';
import { carried, contiguousStrides, handleStream, type Described } from './cudnn-descriptors.js';

/** One statement of a graph's code and what becomes of it. */
export type GraphStatement =
  | { readonly kind: 'absorbed'; readonly statement: ts.Statement }
  | { readonly kind: 'workspace-size'; readonly statement: ts.Statement; readonly target: string }
  | { readonly kind: 'execute'; readonly statement: ts.Statement; readonly invocation: OpInvocation; readonly what: string | undefined };

export interface GraphReading {
  readonly graph: string;
  readonly declaration: ts.VariableDeclaration;
  readonly result: Described<readonly GraphStatement[]>;
}

interface Chain {
  readonly root: ts.Expression;
  /** Method calls from the root outwards, with their arguments. */
  readonly calls: readonly { readonly name: string; readonly args: readonly ts.Expression[] }[];
}

/** `a.f(x).g(y)` → root `a`, calls f(x), g(y). */
function chainOf(expression: ts.Expression): Chain {
  const calls: { name: string; args: readonly ts.Expression[] }[] = [];
  let e = expression;
  while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) {
    calls.unshift({ name: e.expression.name.text, args: e.arguments });
    e = e.expression.expression;
  }
  return { root: e, calls };
}

const last = <T>(chain: Chain, name: string, pick: (args: readonly ts.Expression[]) => T): T | undefined => {
  const found = [...chain.calls].reverse().find((c) => c.name === name);
  return found ? pick(found.args) : undefined;
};

interface GraphTensor {
  readonly name: string;
  dims?: readonly ts.Expression[];
  strides?: readonly ts.Expression[];
  dataType?: ts.Expression;
  /** A pass-by-value scalar (`g.tensor(1e-5)`). */
  scalar?: ts.Expression;
  output: boolean;
}

interface GraphNode {
  readonly op: 'layernorm' | 'rmsnorm' | 'pointwise';
  readonly inputs: readonly string[];
  readonly output: string;
  readonly attributes: Chain;
}

const BUILD_CALLS = new Set(['validate', 'build_operation_graph', 'create_execution_plans', 'check_support', 'build_plans']);
const CONFIG_CALLS = new Set(['set_io_data_type', 'set_intermediate_data_type', 'set_compute_data_type', 'set_name']);

const POINTWISE: Readonly<Record<string, { operator: string; arity: 1 | 2 }>> = {
  'pointwise.add': { operator: 'Add', arity: 2 },
  'pointwise.mul': { operator: 'Mul', arity: 2 },
  'pointwise.sub': { operator: 'Sub', arity: 2 },
  'pointwise.div': { operator: 'Div', arity: 2 },
  'activation.relu': { operator: 'Relu', arity: 1 },
  'activation.sigmoid': { operator: 'Sigmoid', arity: 1 },
  'activation.tanh': { operator: 'Tanh', arity: 1 },
};

export interface FrontendContext {
  readonly sourceFile: ts.SourceFile;
  /** The local name of the facade's `fe` export. */
  readonly fe: string;
  readonly catalog: Catalog;
  readonly context: StaticContext;
}

/** The meaning of `fe.<Enum>.<MEMBER>` through the catalog's cudnn_frontend enum. */
function feMeaning(node: ts.Expression | undefined, enumName: string, fx: FrontendContext): string | undefined {
  if (!node || !ts.isPropertyAccessExpression(node) || node.expression.getText(fx.sourceFile) !== `${fx.fe}.${enumName}`) return undefined;
  const e = fx.catalog.backend('cuda').enums.get(`cudnn_frontend::${enumName}`);
  return e?.spec.members.find((m) => m.name === node.name.text)?.meaning;
}

function isFeNew(node: ts.Expression | undefined, path: string, fx: FrontendContext): boolean {
  return Boolean(node && ts.isNewExpression(node) && node.expression.getText(fx.sourceFile) === `${fx.fe}.${path}`);
}

/** The graph call a statement is about: `g.m(...)` itself or as an argument of a helper (`check(g.m(...), 'what')`). */
function statementCall(statement: ts.Statement, graph: string): { call: ts.CallExpression; method: string; what?: string } | undefined {
  if (!ts.isExpressionStatement(statement)) return undefined;
  const isGraphCall = (e: ts.Expression): e is ts.CallExpression =>
    ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && ts.isIdentifier(e.expression.expression) && e.expression.expression.text === graph;
  const e = statement.expression;
  if (isGraphCall(e)) return { call: e, method: (e.expression as ts.PropertyAccessExpression).name.text };
  if (ts.isCallExpression(e) && e.arguments.length > 0 && isGraphCall(e.arguments[0]) && e.arguments.slice(1).every((a) => isPure(a))) {
    const call = e.arguments[0];
    const what = e.arguments.slice(1).find((a) => ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a));
    return { call, method: (call.expression as ts.PropertyAccessExpression).name.text, ...(what ? { what: (what as ts.StringLiteral).text } : {}) };
  }
  return undefined;
}

function identifiersIn(node: ts.Node, names: ReadonlySet<string>): ts.Identifier[] {
  const found: ts.Identifier[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && names.has(n.text) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) found.push(n);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** Reads every graph declared in the file. */
export function readGraphs(fx: FrontendContext): GraphReading[] {
  const readings: GraphReading[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && isFeNew(node.initializer, 'graph.Graph', fx)) {
      readings.push({ graph: node.name.text, declaration: node, result: readGraph(node, fx) });
    }
    ts.forEachChild(node, visit);
  };
  visit(fx.sourceFile);
  return readings;
}

function readGraph(declaration: ts.VariableDeclaration, fx: FrontendContext): Described<readonly GraphStatement[]> {
  const graph = (declaration.name as ts.Identifier).text;
  const declStatement = declaration.parent.parent;
  if (!ts.isVariableStatement(declStatement) || declStatement.declarationList.declarations.length !== 1 || !ts.isBlock(declStatement.parent)) {
    return { ok: false, reason: `graph \`${graph}\` is not declared on its own in a block` };
  }
  const block = declStatement.parent;
  const tensors = new Map<string, GraphTensor>();
  const nodes: GraphNode[] = [];
  const dtypes = new Map<string, string>();
  const statements: GraphStatement[] = [{ kind: 'absorbed', statement: declStatement }];
  const pendingExecutes: { statement: ts.Statement; call: ts.CallExpression; what?: string }[] = [];
  const tracked = () => new Set([graph, ...tensors.keys()]);

  for (const statement of block.statements.slice(block.statements.indexOf(declStatement) + 1)) {
    if (identifiersIn(statement, tracked()).length === 0) continue;
    const refuse = (why: string): Described<never> => ({ ok: false, reason: `${why} (line ${fx.sourceFile.getLineAndCharacterOfPosition(statement.getStart(fx.sourceFile)).line + 1})` });
    // Graph configuration: g.set_io_data_type(...).set_...(...)
    if (ts.isExpressionStatement(statement)) {
      const chain = chainOf(statement.expression);
      if (ts.isIdentifier(chain.root) && chain.root.text === graph && chain.calls.length > 0 && chain.calls.every((c) => CONFIG_CALLS.has(c.name))) {
        for (const c of chain.calls) {
          const meaning = feMeaning(c.args[0], 'DataType_t', fx);
          if (c.name !== 'set_name' && !meaning) return refuse(`\`${c.name}\` of \`${graph}\` is not a constant fe.DataType_t`);
          if (meaning) dtypes.set(c.name, meaning);
        }
        statements.push({ kind: 'absorbed', statement });
        continue;
      }
      if (ts.isIdentifier(chain.root) && tensors.has(chain.root.text) && chain.calls.every((c) => ['set_output', 'set_dim', 'set_stride', 'set_data_type', 'set_name'].includes(c.name))) {
        const t = tensors.get(chain.root.text)!;
        for (const c of chain.calls) {
          if (c.name === 'set_output') {
            if (c.args[0]?.kind !== ts.SyntaxKind.TrueKeyword) return refuse(`\`${t.name}.set_output\` is not given \`true\``);
            t.output = true;
          } else if (c.name === 'set_dim' || c.name === 'set_stride') {
            const list = arrayElements(c.args[0], fx);
            if (!list) return refuse(`\`${t.name}.${c.name}\` is not given an array the port can read`);
            if (c.name === 'set_dim') t.dims = list;
            else t.strides = list;
          } else if (c.name === 'set_data_type') t.dataType = c.args[0];
        }
        statements.push({ kind: 'absorbed', statement });
        continue;
      }
    }
    // Tensors and nodes: const t = g.tensor(...), const [y] = g.layernorm(...)
    if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
      const d = statement.declarationList.declarations[0];
      const init = d.initializer;
      const call = init && ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && ts.isIdentifier(init.expression.expression) && init.expression.expression.text === graph ? init : undefined;
      if (call) {
        const method = (call.expression as ts.PropertyAccessExpression).name.text;
        if (method === 'tensor' && ts.isIdentifier(d.name)) {
          const arg = call.arguments[0];
          const chain = arg ? chainOf(arg) : undefined;
          if (chain && isFeNew(chain.root, 'graph.Tensor_attributes', fx)) {
            const t: GraphTensor = { name: d.name.text, output: false };
            for (const c of chain.calls) {
              if (c.name === 'set_dim') t.dims = arrayElements(c.args[0], fx);
              else if (c.name === 'set_stride') t.strides = arrayElements(c.args[0], fx);
              else if (c.name === 'set_data_type') t.dataType = c.args[0];
              else if (c.name !== 'set_name') return refuse(`\`${c.name}\` on a graph tensor is not read by the port`);
            }
            if (!t.dims || !t.strides) return refuse(`tensor \`${t.name}\` has no dims or strides the port can read`);
            tensors.set(t.name, t);
          } else if (arg && isPure(arg) && !identifiersIn(arg, tracked()).length) {
            tensors.set(d.name.text, { name: d.name.text, scalar: arg, output: false });
          } else return refuse(`the tensor \`${d.name.text}\` is not built in place with fe.graph.Tensor_attributes`);
          statements.push({ kind: 'absorbed', statement });
          continue;
        }
        if (method === 'layernorm' || method === 'rmsnorm' || method === 'pointwise') {
          const outName = ts.isIdentifier(d.name) ? d.name.text : ts.isArrayBindingPattern(d.name) && d.name.elements[0] && ts.isBindingElement(d.name.elements[0]) && ts.isIdentifier(d.name.elements[0].name) ? d.name.elements[0].name.text : undefined;
          if (!outName || (ts.isArrayBindingPattern(d.name) && d.name.elements.length > 1)) return refuse(`the outputs of \`${graph}.${method}\` are not bound to one name`);
          const args = [...call.arguments];
          const attributes = chainOf(args.pop()!);
          const inputs = args.map((a) => (ts.isIdentifier(a) && tensors.has(a.text) ? a.text : undefined));
          if (inputs.some((i) => i === undefined)) return refuse(`an input of \`${graph}.${method}\` is not a tensor of the graph`);
          nodes.push({ op: method, inputs: inputs as string[], output: outName, attributes });
          tensors.set(outName, { name: outName, output: false });
          statements.push({ kind: 'absorbed', statement });
          continue;
        }
      }
    }
    const graphCall = statementCall(statement, graph);
    if (graphCall && BUILD_CALLS.has(graphCall.method)) {
      statements.push({ kind: 'absorbed', statement });
      continue;
    }
    if (graphCall?.method === 'get_workspace_size' && graphCall.call.arguments.length === 1 && ts.isIdentifier(graphCall.call.arguments[0])) {
      statements.push({ kind: 'workspace-size', statement, target: graphCall.call.arguments[0].text });
      continue;
    }
    if (graphCall?.method === 'execute') {
      pendingExecutes.push({ statement, call: graphCall.call, ...(graphCall.what !== undefined ? { what: graphCall.what } : {}) });
      continue;
    }
    return refuse(`\`${graph}\` or one of its tensors is used in a way the port does not read`);
  }
  // Nothing of the graph may be used outside the block (passed to or from helpers).
  const inside = (n: ts.Node) => n.getStart(fx.sourceFile) >= block.getStart(fx.sourceFile) && n.end <= block.end;
  const outside = identifiersIn(fx.sourceFile, tracked()).find((id) => !inside(id) && !(ts.isVariableDeclaration(id.parent) && id.parent.name === id));
  if (outside) return { ok: false, reason: `\`${outside.text}\` is used outside the block that builds the graph (line ${fx.sourceFile.getLineAndCharacterOfPosition(outside.getStart(fx.sourceFile)).line + 1})` };
  if (nodes.length !== 1) return { ok: false, reason: nodes.length === 0 ? `graph \`${graph}\` has no node the port reads` : `graph \`${graph}\` has ${nodes.length} nodes; graphs with virtual intermediate tensors are not ported yet` };
  const node = nodes[0];
  if (!tensors.get(node.output)!.output) return { ok: false, reason: `the output of \`${graph}\` is not marked with set_output(true)` };
  for (const e of pendingExecutes) {
    const invocation = invocationOf(node, tensors, dtypes, e.call, fx);
    if (!invocation.ok) return invocation;
    statements.push({ kind: 'execute', statement: e.statement, invocation: invocation.value, what: e.what });
  }
  return { ok: true, value: statements };
}

function arrayElements(node: ts.Expression | undefined, fx: FrontendContext): ts.Expression[] | undefined {
  if (!node) return undefined;
  if (ts.isArrayLiteralExpression(node)) return node.elements.every((e) => isPure(e) && !ts.isSpreadElement(e)) ? [...node.elements] : undefined;
  // A call of a local arrow function returning an array literal (`rowStrides(D_MODEL)`) is not followed.
  void fx;
  return undefined;
}

function invocationOf(node: GraphNode, tensors: ReadonlyMap<string, GraphTensor>, dtypes: ReadonlyMap<string, string>, execute: ts.CallExpression, fx: FrontendContext): Described<OpInvocation> {
  const [handle, pack] = execute.arguments;
  if (!pack || !ts.isNewExpression(pack) || pack.expression.getText(fx.sourceFile) !== 'Map' || !pack.arguments?.[0] || !ts.isArrayLiteralExpression(pack.arguments[0])) {
    return { ok: false, reason: 'the variant pack is not written in place as `new Map([[tensor, pointer], ...])`' };
  }
  const pointers = new Map<string, Expr>();
  for (const entry of pack.arguments[0].elements) {
    if (!ts.isArrayLiteralExpression(entry) || entry.elements.length !== 2 || !ts.isIdentifier(entry.elements[0])) return { ok: false, reason: 'a variant-pack entry is not `[tensor, pointer]`' };
    const ptr = carried(entry.elements[1], fx.context);
    if (!ptr.pure) return { ok: false, reason: `the pointer \`${ptr.text}\` has side effects` };
    pointers.set(entry.elements[0].text, ptr);
  }
  const ioMeaning = dtypes.get('set_io_data_type');
  const view = (name: string, like?: GraphTensor): Described<TensorExpr> => {
    const t = tensors.get(name)!;
    const ptr = pointers.get(name);
    if (!ptr) return { ok: false, reason: `the variant pack gives no pointer for \`${name}\`` };
    const dimsNodes = t.dims ?? like?.dims;
    const stridesNodes = t.strides ?? like?.strides;
    if (!dimsNodes || !stridesNodes) return { ok: false, reason: `\`${name}\` has no dims or strides` };
    const meaning = (t.dataType ? feMeaning(t.dataType, 'DataType_t', fx) : undefined) ?? ioMeaning;
    const dtype = dtypeOfMeaning(meaning);
    if (!meaning || !dtype) return { ok: false, reason: `the data type of \`${name}\` is not known (no set_data_type and no graph io type)` };
    return { ok: true, value: { ptr, dtype: { meaning, dtype }, dims: dimsNodes.map((d) => carried(d, fx.context)), strides: stridesNodes.map((s) => carried(s, fx.context)), layout: 'strided' } };
  };
  const stream = handleStream(carried(handle, fx.context), execute, fx.context);
  if (!stream.ok) return stream;
  const first = tensors.get(node.inputs[0])!;
  const out = view(node.output, first);
  if (!out.ok) return out;
  const attrs = node.attributes;
  let operator: string;
  let inputs: [string, TensorExpr][] = [];
  const attributes: [string, AttributeExpr][] = [];
  if (node.op === 'layernorm' || node.op === 'rmsnorm') {
    const phase = last(attrs, 'set_forward_phase', (a) => feMeaning(a[0], 'NormFwdPhase_t', fx) ?? a[0]?.getText(fx.sourceFile));
    if (!phase || !/inference/i.test(phase)) return { ok: false, reason: `the ${node.op} forward phase is not INFERENCE (training outputs are not ported)` };
    if (attrs.calls.some((c) => c.name === 'set_bias')) return { ok: false, reason: 'an rmsnorm bias is not ported' };
    const epsilonArg = last(attrs, 'set_epsilon', (a) => a[0]);
    const epsilon = epsilonArg && ts.isIdentifier(epsilonArg) && tensors.get(epsilonArg.text)?.scalar ? tensors.get(epsilonArg.text)!.scalar! : epsilonArg;
    if (!epsilon || !isPure(epsilon)) return { ok: false, reason: `the ${node.op} epsilon is not a value the port can read` };
    const names = node.op === 'layernorm' ? ['X', 'Scale', 'B'] : ['X', 'scale'];
    for (const [i, name] of names.entries()) {
      const v = view(node.inputs[i]);
      if (!v.ok) return v;
      inputs.push([name, v.value]);
    }
    // Normalized over the dims where scale is not 1 (the frontend samples: X [rows, hidden, 1, 1],
    // scale [1, hidden, 1, 1]); that is ONNX axis 1 after dropping the constant-1 dims.
    const squeezed = squeezeNorm(inputs.map(([, v]) => v), out.value);
    if (!squeezed.ok) return squeezed;
    inputs = inputs.map(([name], i) => [name, squeezed.value.inputs[i]]);
    operator = node.op === 'layernorm' ? 'LayerNormalization' : 'RMSNormalization';
    attributes.push(['axis', { expr: generated('1', { kind: 'number', value: 1 }) }], ['epsilon', { expr: carried(epsilon, fx.context) }]);
    return done(operator, inputs, squeezed.value.output);
  }
  const mode = last(attrs, 'set_mode', (a) => feMeaning(a[0], 'PointwiseMode_t', fx));
  const pointwise = mode ? POINTWISE[mode] : undefined;
  if (!pointwise) return { ok: false, reason: `pointwise mode ${mode ?? '(not a constant)'} is not ported` };
  if (node.inputs.length !== pointwise.arity) return { ok: false, reason: `pointwise ${mode} takes ${pointwise.arity} input(s)` };
  operator = pointwise.operator;
  const inputNames = pointwise.arity === 2 ? ['A', 'B'] : [operator === 'Tanh' ? 'input' : 'X'];
  for (const [i, name] of inputNames.entries()) {
    const v = view(node.inputs[i]);
    if (!v.ok) return v;
    inputs.push([name, v.value]);
  }
  return done(operator, inputs, out.value, pointwise.arity === 2 ? 'C' : operator === 'Tanh' ? 'output' : 'Y');

  function done(op: string, ins: [string, TensorExpr][], output: TensorExpr, outputName = 'Y'): Described<OpInvocation> {
    const entry = fx.catalog.entry('cuda', 'cudnn_frontend::graph::Graph::execute');
    if (!entry) return { ok: false, reason: 'the catalog has no cudnn_frontend::graph::Graph::execute entry' };
    return {
      ok: true,
      value: {
        kind: 'operator',
        operator: op,
        inputs: new Map(ins),
        outputs: new Map([[outputName, output]]),
        attributes: new Map(attributes),
        ...(stream.ok && stream.value ? { stream: stream.value } : {}),
        numerics: {},
        // The handle: the context an XDNN call runs on (aclnn takes the stream instead).
        args: new Map([['handle', carried(handle, fx.context)]]),
        enums: new Map(),
        origin: { backend: 'cuda', entry, symbol: entry.spec.symbol },
      },
    };
  }
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
