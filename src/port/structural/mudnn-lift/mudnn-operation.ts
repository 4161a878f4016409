/**
 * Reads one muDNN operation as MUSA code spells it (the shape structural/mudnn/ writes, and
 * torch_musa's C-API path): the op descriptor cuDNN's call does not have — declared as
 * `const d = ref<T>()`, made by its create call, configured by its set-call, released by its
 * destroy — and, for the softmax and the layer norm, the workspace its query sizes, allocated
 * (when non-zero), passed to the run and freed after it. The run (the anchor) is `mudnnBinary`,
 * `mudnnUnary`, `mudnnSoftmaxForwardEx`, `mudnnBatchNormForwardInference`,
 * `mudnnLayerNormForward`, `mudnnRMSNormForward`, `mudnnScaledDotProductAttentionFlashForward` or
 * `mudnnPoolingForwardEx`; the pooling descriptor is cuDNN's and stays (its setter is ported by
 * cudnn-setters.ts). For the norms and the attention, the statistics' scratch buffers and the
 * tensor descriptors they use go too, when nothing that stays uses them (RunObject: buffers and
 * descriptors shared by several such runs go when all of them port).
 *
 * Everything is read from the syntax and the catalog's roles, statically. Each statement of the
 * group must do nothing else than its part (the call, possibly passed to a status check helper,
 * compared with a status in `if (…) throw …`, or chained: `if (s === MUDNN_STATUS_SUCCESS) s =
 * call;`): otherwise the reason is returned and the run stays as written. A chain's op-descriptor
 * call whose status starts or sets the chain (`let s = create(d);`, `s = set(…);`) keeps its
 * statement: the call is written as the target's success status (op-descriptors-stay.ts), which
 * is what it answered on the path the run takes. Whether the descriptor's
 * statements go is decided over the file (mudnn-groups.ts): every run using it must port.
 */
import type { ResolvedCall, StaticContext } from '../../context/static-context.js';
import { variableName } from '../../context/static-context.js';
import { ts } from '../../syntax/typescript.js';
import { statementIn, statementOf } from '../aclnn-lift/aclnn-group.js';
import { declarationOf, usesOf } from '../../syntax/named-variables.js';

/**
 * The runs this module lifts, with the symbols of their op descriptor family (none: pooling) and
 * the parameters of outputs the canonical operator does not have (the layer norm's statistics):
 * those must be scratch buffers nothing else reads, which go with the run. With
 * `ownTensorDescriptors`, the tensor descriptors made for this run alone go with it too (the
 * lowering describes its tensors itself, and cuDNN's Nd setter takes no 1-D or 2-D tensor).
 */
export const MUDNN_RUNS: Readonly<Record<string, { readonly create: string; readonly set: string; readonly destroy: string; readonly query?: string; readonly scratch?: readonly string[]; readonly ownTensorDescriptors?: boolean } | undefined>> = {
  mudnnBinary: { create: 'mudnnCreateBinaryDescriptor', set: 'mudnnSetBinaryDescriptor', destroy: 'mudnnDestroyBinaryDescriptor' },
  mudnnUnary: { create: 'mudnnCreateUnaryDescriptor', set: 'mudnnSetUnaryDescriptor', destroy: 'mudnnDestroyUnaryDescriptor' },
  mudnnSoftmaxForwardEx: { create: 'mudnnCreateSoftmaxDescriptor', set: 'mudnnSetSoftmaxDescriptor', destroy: 'mudnnDestroySoftmaxDescriptor', query: 'mudnnGetSoftmaxForwardWorkspaceSize' },
  mudnnBatchNormForwardInference: { create: 'mudnnCreateBatchNormDescriptor', set: 'mudnnSetBatchNormDescriptor', destroy: 'mudnnDestroyBatchNormDescriptor' },
  mudnnPoolingForwardEx: undefined,
  mudnnLayerNormForward: {
    create: 'mudnnCreateLayerNormDescriptor',
    set: 'mudnnSetLayerNormDescriptor',
    destroy: 'mudnnDestroyLayerNormDescriptor',
    query: 'mudnnGetLayerNormForwardWorkspaceSize',
    scratch: ['mean', 'rstd'],
    ownTensorDescriptors: true,
  },
  mudnnRMSNormForward: { create: 'mudnnCreateRMSNormDescriptor', set: 'mudnnSetRMSNormDescriptor', destroy: 'mudnnDestroyRMSNormDescriptor', scratch: ['invvar'], ownTensorDescriptors: true },
  mudnnScaledDotProductAttentionFlashForward: {
    create: 'mudnnCreateScaledDotProductAttentionDescriptor',
    set: 'mudnnSetScaledDotProductAttentionDescriptor',
    destroy: 'mudnnDestroyScaledDotProductAttentionDescriptor',
    scratch: ['lse'],
    ownTensorDescriptors: true,
  },
};

export function isMudnnRun(call: ResolvedCall): boolean {
  return call.backend === 'musa' && call.entry.library === 'mudnn' && call.entry.spec.symbol in MUDNN_RUNS;
}

export interface MudnnOperation {
  readonly run: ResolvedCall;
  /** The op descriptor variable and the call that configured it for this run (none for pooling). */
  readonly descriptor?: { readonly name: string; readonly declaration: ts.VariableStatement; readonly set: ResolvedCall };
  /** Statements that belong to this run's op descriptor or workspace alone. */
  readonly own: readonly ts.Statement[];
  /** Op-descriptor calls whose status a statement that stays assigns: written as the success status when the run ports. */
  readonly assigned: readonly ts.CallExpression[];
  /** The statistics' scratch buffers and the run's tensor descriptors, which may serve other runs too. */
  readonly objects: readonly RunObject[];
}

/**
 * A scratch buffer or tensor descriptor of runs whose lifted operators do not use it: its
 * statements (declaration, allocation and release, create, set and destroy) go when every other
 * statement using it goes (a run's statement that ports, or a statement of a run's group), and
 * stay as written otherwise: it goes only when provably unused after the port (mudnn-groups.ts).
 */
export interface RunObject {
  readonly declaration: ts.VariableStatement;
  readonly statements: readonly ts.Statement[];
  readonly users: readonly ts.Statement[];
}

export type OperationReading = { readonly ok: true; readonly operation: MudnnOperation } | { readonly ok: false; readonly reason: string };

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
  return e;
}

function lineOf(node: ts.Node): number {
  const sf = node.getSourceFile();
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

/** The facade calls inside a statement (nested functions included). */
function facadeCalls(statement: ts.Node, context: StaticContext): ResolvedCall[] {
  const found: ResolvedCall[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const resolved = context.resolve(node);
      if (resolved) found.push(resolved);
    }
    ts.forEachChild(node, visit);
  };
  visit(statement);
  return found;
}

/** `throw …;` or `{ throw …; }`. */
function onlyThrows(statement: ts.Statement): boolean {
  if (ts.isBlock(statement)) return statement.statements.length === 1 && onlyThrows(statement.statements[0]);
  return ts.isThrowStatement(statement);
}

/** `s = call` for a variable `s`: the variable's name. */
function assignedTo(e: ts.Expression, call: ts.CallExpression): string | undefined {
  const u = unwrap(e);
  return ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(u.left) && unwrap(u.right) === call ? u.left.text : undefined;
}

/** Whether `e` is the constant success status (MUDNN_STATUS_SUCCESS, by its catalog meaning). */
function isSuccess(e: ts.Expression, context: StaticContext): boolean {
  const value = containsCall(e) ? undefined : context.constant(e);
  return value?.kind === 'enum' && value.meaning === 'status.success';
}

/**
 * `if (s === SUCCESS) s = call;` (or `{ s = call; }`, no else): a link of a status chain. Without
 * the call, `s` keeps the success status the call would answer on the path the chain takes.
 */
function isChainLink(statement: ts.IfStatement, call: ts.CallExpression, context: StaticContext): boolean {
  const test = unwrap(statement.expression);
  if (statement.elseStatement || !ts.isBinaryExpression(test)) return false;
  const op = test.operatorToken.kind;
  if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken) return false;
  const body = ts.isBlock(statement.thenStatement) ? (statement.thenStatement.statements.length === 1 ? statement.thenStatement.statements[0] : undefined) : statement.thenStatement;
  const name = body && ts.isExpressionStatement(body) ? assignedTo(body.expression, call) : undefined;
  if (!name) return false;
  const [l, r] = [unwrap(test.left), unwrap(test.right)];
  return (ts.isIdentifier(l) && l.text === name && isSuccess(r, context)) || (ts.isIdentifier(r) && r.text === name && isSuccess(l, context));
}

/**
 * The statement keeps the status of `call` in a variable and does nothing else: `let s = call;`
 * (one declaration) or `s = call;`. Such a statement stays when the call goes.
 */
function assignsStatus(statement: ts.Statement, call: ts.CallExpression): boolean {
  if (ts.isExpressionStatement(statement)) return assignedTo(statement.expression, call) !== undefined;
  if (!ts.isVariableStatement(statement)) return false;
  const [d, ...rest] = statement.declarationList.declarations;
  return rest.length === 0 && ts.isIdentifier(d.name) && d.initializer !== undefined && unwrap(d.initializer) === call;
}

/**
 * Whether the statement only runs `call`: `call;`, `check(call, 'what');` (a helper given the
 * status, its other arguments without calls), `if (call !== OK) throw …;` (the status compared
 * with a value without calls, no else) or a link of a status chain (isChainLink); `const s =
 * call;` is not accepted (the status is kept by a name: assignsStatus).
 */
function onlyRuns(statement: ts.Statement, call: ts.CallExpression, context: StaticContext): boolean {
  if (ts.isIfStatement(statement)) {
    if (isChainLink(statement, call, context)) return true;
    const test = unwrap(statement.expression);
    if (statement.elseStatement || !onlyThrows(statement.thenStatement) || !ts.isBinaryExpression(test)) return false;
    const op = test.operatorToken.kind;
    if (op !== ts.SyntaxKind.ExclamationEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsToken) return false;
    const [l, r] = [unwrap(test.left), unwrap(test.right)];
    return (l === call && !containsCall(r)) || (r === call && !containsCall(l));
  }
  if (!ts.isExpressionStatement(statement)) return false;
  const e = unwrap(statement.expression);
  if (e === call) return true;
  if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression)) return false;
  return e.arguments.some((a) => unwrap(a) === call) && e.arguments.every((a) => unwrap(a) === call || !containsCall(a));
}

function containsCall(node: ts.Node): boolean {
  return ts.isCallExpression(node) || ts.isNewExpression(node) || Boolean(ts.forEachChild(node, (c) => (containsCall(c) ? true : undefined)));
}

const MEMORY_PRIMITIVES = new Set(['memory.alloc', 'memory.free', 'stream.synchronize', 'device.synchronize']);

/**
 * `musaMalloc(w, size.value)`, `if (size.value > 0) musaMalloc(w, size.value)`, `if (size.value > 0)
 * { musaStreamSynchronize(s); musaFree(w.value); }`, each call possibly passed to a status check:
 * only allocation and release of the workspace `names` (and synchronisation) happen there.
 */
function isMemoryStatement(statement: ts.Statement, names: readonly string[], context: StaticContext): boolean {
  const isMemoryCall = (s: ts.Statement): boolean => {
    if (!ts.isExpressionStatement(s)) return false;
    const e = unwrap(s.expression);
    const call = ts.isCallExpression(e) && context.resolve(e) ? e : ts.isCallExpression(e) && e.arguments.length > 0 && ts.isCallExpression(unwrap(e.arguments[0])) ? (unwrap(e.arguments[0]) as ts.CallExpression) : undefined;
    const resolved = call ? context.resolve(call) : undefined;
    if (!call || !resolved || !onlyRuns(s, call, context)) return false;
    const binds = resolved.entry.spec.binds;
    if (!('primitive' in binds) || !MEMORY_PRIMITIVES.has(binds.primitive)) return false;
    // An allocation or release touches the workspace only.
    const pointer = context.argumentFor(resolved, binds.primitive === 'memory.alloc' ? 'out-ptr' : 'ptr') ?? resolved.args[0];
    return binds.primitive.endsWith('synchronize') || (pointer !== undefined && names.includes(variableName(pointer) ?? ''));
  };
  if (ts.isIfStatement(statement)) {
    if (statement.elseStatement || containsCall(statement.expression)) return false;
    const body = ts.isBlock(statement.thenStatement) ? [...statement.thenStatement.statements] : [statement.thenStatement];
    return body.length > 0 && body.every(isMemoryCall);
  }
  return isMemoryCall(statement);
}

function argument(call: ResolvedCall, role: string, context: StaticContext): ts.Expression | undefined {
  return context.argumentFor(call, role);
}

/** `const name = ref<...>()` / `ref(0)` in a block around `from`. */
function refDeclaration(name: string, from: ts.Node, context: StaticContext): ts.VariableStatement | undefined {
  const declared = declarationOf(name, from);
  const init = declared?.init ? unwrap(declared.init) : undefined;
  if (!declared || !init || !ts.isCallExpression(init) || init.arguments.length > 1 || init.arguments.some(containsCall)) return undefined;
  void context;
  return ts.isIdentifier(init.expression) && init.expression.text === 'ref' ? declared.statement : undefined;
}

/**
 * Reads the operation of `run`. `runsPort(call)` says whether another run of the same
 * descriptor ports too (a descriptor shared by several runs goes only with all of them).
 */
export function readOperation(run: ResolvedCall, context: StaticContext): OperationReading {
  const fail = (reason: string): OperationReading => ({ ok: false, reason });
  const symbol = run.entry.spec.symbol;
  const family = MUDNN_RUNS[symbol];
  const runStatement = statementOf(run.node);
  if (!runStatement) return fail(`\`${symbol}\` is not a statement of a block`);
  if (!family) return { ok: true, operation: { run, own: [], assigned: [], objects: [] } };

  const descArg = argument(run, 'descriptor', context);
  const name = descArg ? variableName(descArg) : undefined;
  if (!descArg || !name || !ts.isPropertyAccessExpression(unwrap(descArg))) return fail(`the ${symbol} descriptor \`${descArg?.getText() ?? '?'}\` is not \`d.value\` of a variable`);
  const declaration = refDeclaration(name, runStatement, context);
  if (!declaration) return fail(`\`${name}\` is not declared as \`const ${name} = ref<…>()\` in a block around \`${symbol}\``);
  const set = context.lastSetCall(descArg, run.node, { symbols: [family.set], role: 'descriptor' });
  if (!set) return fail(`no \`${family.set}\` configures \`${name}\` before \`${symbol}\``);

  // Every use of the descriptor: its declaration, create, set-calls, destroy, the workspace query, or a run.
  const own = new Set<ts.Statement>([declaration]);
  const assigned: ts.CallExpression[] = [];
  const scope = declaration.parent;
  let workspace: { size: string; query: ts.Statement } | undefined;
  for (const use of usesOf(name, scope)) {
    const statement = statementOf(use);
    if (!statement || statement === declaration) continue;
    const calls = facadeCalls(statement, context);
    const mine = calls.filter((c) => c.args.some((a) => variableName(a) === name));
    const call = mine.length === 1 && calls.length === 1 ? mine[0] : undefined;
    const called = call?.entry.spec.symbol;
    if (call && called && MUDNN_RUNS[called] === family) continue; // a run: decided by the file (mudnn-groups.ts)
    const familyCall = call && called && [family.create, family.set, family.destroy, family.query].includes(called);
    // The query's statement goes with the workspace it sizes: it is not kept for its status.
    if (familyCall && called !== family.query && assignsStatus(statement, call.node)) {
      assigned.push(call.node);
      continue;
    }
    if (!call || !familyCall || !onlyRuns(statement, call.node, context)) {
      return fail(`\`${name}\` is also used in \`${statement.getText().split('\n')[0].slice(0, 70)}\` (line ${lineOf(statement)}), which stays as written`);
    }
    own.add(statement);
    if (called === family.query) {
      const sizeArg = argument(call, 'out-workspace-size', context);
      const size = sizeArg ? variableName(sizeArg) : undefined;
      if (!size) return fail(`the workspace size of \`${called}\` is not a variable`);
      workspace = { size, query: statement };
    }
  }

  const wsArg = family.query ? argument(run, 'workspace', context) : undefined;
  const sizeArg = family.query ? argument(run, 'workspace-size', context) : undefined;
  const noWorkspace = !workspace && wsArg && unwrap(wsArg).kind === ts.SyntaxKind.NullKeyword && sizeArg && context.constant(sizeArg)?.kind === 'number';
  if (family.query && !noWorkspace) {
    const size = sizeArg ? variableName(sizeArg) : undefined;
    if (!workspace || !size || size !== workspace.size) return fail(`the workspace size \`${sizeArg?.getText() ?? '?'}\` of \`${symbol}\` is not the one \`${family.query}\` asks for`);
    // The workspace: `size.value > 0 ? w.value : null`, `w.value` or `null`.
    const w = wsArg ? unwrap(wsArg) : undefined;
    const buffer = !w || w.kind === ts.SyntaxKind.NullKeyword ? undefined : ts.isConditionalExpression(w) ? variableName(w.whenTrue) : variableName(w);
    if (w && w.kind !== ts.SyntaxKind.NullKeyword && !buffer) return fail(`the workspace \`${wsArg!.getText()}\` is not a variable's buffer`);
    const workspaceNames = [size, ...(buffer ? [buffer] : [])];
    for (const variable of workspaceNames) {
      const declared = refDeclaration(variable, runStatement, context);
      if (!declared) return fail(`\`${variable}\` is not declared as \`const ${variable} = ref(…)\` in a block around \`${symbol}\``);
      own.add(declared);
      for (const use of usesOf(variable, declared.parent)) {
        // The whole statement of the declaring block: `if (size.value > 0) { sync; free }` as one.
        const statement = statementIn(use, declared.parent);
        if (!statement || own.has(statement) || statement === runStatement) continue;
        if (statement.pos <= runStatement.pos && statement.end >= runStatement.end) {
          return fail(`the workspace \`${variable}\` is used around \`${symbol}\` (line ${lineOf(statement)})`);
        }
        if (!isMemoryStatement(statement, workspaceNames, context)) return fail(`the workspace \`${variable}\` is also used in \`${statement.getText().split('\n')[0].slice(0, 70)}\` (line ${lineOf(statement)})`);
        own.add(statement);
      }
    }
  }
  const objects: RunObject[] = [];
  for (const param of family.scratch ?? []) {
    const buffer = scratchBuffer(run, param, runStatement, context);
    if (typeof buffer === 'string') return fail(buffer);
    objects.push(buffer);
  }
  if (family.ownTensorDescriptors) objects.push(...ownTensorDescriptors(run, runStatement, context));
  return { ok: true, operation: { run, descriptor: { name, declaration, set }, own: [...own], assigned, objects } };
}

/**
 * Whether `statement` is another run of the table (its only facade call) and `use` lies in an
 * argument that run `takes` (by its family and the parameter's name and type).
 */
function otherRunUsing(use: ts.Node, statement: ts.Statement, context: StaticContext, takes: (family: NonNullable<(typeof MUDNN_RUNS)[string]>, paramName: string, paramType: string) => boolean): boolean {
  const calls = facadeCalls(statement, context);
  if (calls.length !== 1 || !isMudnnRun(calls[0])) return false;
  const [other] = calls;
  const family = MUDNN_RUNS[other.entry.spec.symbol];
  if (!family) return false;
  const index = other.args.findIndex((a) => a.pos <= use.pos && use.end <= a.end);
  const param = other.entry.spec.params[index];
  return index >= 0 && param !== undefined && takes(family, param.name, param.type);
}

const TENSOR_DESCRIPTOR_CALLS = new Set(['mudnnCreateTensorDescriptor', 'mudnnSetTensorNdDescriptorWithScale', 'mudnnDestroyTensorDescriptor']);

/**
 * The run's tensor descriptors `d.value` of a `const d = ref<…>()` whose every other use is its
 * create, set or destroy (each its own statement: they go with it), a statement of this run's
 * group (the workspace query) or a tensor descriptor argument of another run (or its query) whose
 * lifted operator describes its tensors itself: each is an object that goes when all those do. A
 * descriptor used anywhere else stays as written.
 */
function ownTensorDescriptors(run: ResolvedCall, runStatement: ts.Statement, context: StaticContext): RunObject[] {
  const objects: RunObject[] = [];
  const seen = new Set<string>();
  run.entry.spec.params.forEach((p, i) => {
    const arg = run.args[i];
    if (p.type !== 'mudnnTensorDescriptor_t' || !arg || !ts.isPropertyAccessExpression(unwrap(arg))) return;
    const name = variableName(arg);
    const declared = name ? refDeclaration(name, runStatement, context) : undefined;
    if (!name || !declared || seen.has(name)) return;
    seen.add(name);
    const statements = new Set<ts.Statement>([declared]);
    const users = new Set<ts.Statement>();
    for (const use of usesOf(name, declared.parent)) {
      const statement = statementIn(use, declared.parent);
      if (!statement || statement === declared || statements.has(statement)) continue;
      if (statement === runStatement) {
        users.add(statement);
        continue;
      }
      const calls = facadeCalls(statement, context);
      const call = calls.length === 1 ? calls[0] : undefined;
      if (call && TENSOR_DESCRIPTOR_CALLS.has(call.entry.spec.symbol) && onlyRuns(statement, call.node, context)) {
        statements.add(statement);
        continue;
      }
      // Another run that describes its tensors itself once lifted, or a workspace query of such a run.
      const described = (family: NonNullable<(typeof MUDNN_RUNS)[string]>, _: string, type: string) => Boolean(family.ownTensorDescriptors) && type === 'mudnnTensorDescriptor_t';
      const query = call && Object.values(MUDNN_RUNS).some((f) => f?.ownTensorDescriptors && f.query === call.entry.spec.symbol);
      if (otherRunUsing(use, statement, context, described) || (query && call.args.some((a) => a.pos <= use.pos && use.end <= a.end && variableName(a) === name))) {
        users.add(statement);
        continue;
      }
      return;
    }
    objects.push({ declaration: declared, statements: [...statements], users: [...users] });
  });
  return objects;
}

/**
 * The output `param` of the run is `b.value` of a `const b = ref<…>()` that runs write as their
 * statistics (this one, and other runs of the table as one of their scratch outputs) and only
 * allocation and release touch: an object whose statements go when all those runs port.
 * Otherwise the reason (the canonical operator does not write it, so a buffer read later could
 * not be lifted).
 */
function scratchBuffer(run: ResolvedCall, param: string, runStatement: ts.Statement, context: StaticContext): RunObject | string {
  const symbol = run.entry.spec.symbol;
  const arg = run.args[run.entry.spec.params.findIndex((p) => p.name === param)];
  const buffer = arg && ts.isPropertyAccessExpression(unwrap(arg)) ? variableName(arg) : undefined;
  if (!arg || !buffer) return `the ${param} output \`${arg?.getText() ?? '?'}\` of \`${symbol}\` is not \`b.value\` of a buffer variable, and the lifted operator does not write it`;
  const declared = refDeclaration(buffer, runStatement, context);
  if (!declared) return `\`${buffer}\` (the ${param} output of \`${symbol}\`) is not declared as \`const ${buffer} = ref<DevicePtr>()\` in a block around it`;
  const statements = new Set<ts.Statement>([declared]);
  const users = new Set<ts.Statement>([runStatement]);
  const scratch = (family: NonNullable<(typeof MUDNN_RUNS)[string]>, name: string) => family.scratch?.includes(name) ?? false;
  for (const use of usesOf(buffer, declared.parent)) {
    const statement = statementIn(use, declared.parent);
    if (!statement || statement === declared || statement === runStatement || statements.has(statement)) continue;
    if (statement.pos <= runStatement.pos && statement.end >= runStatement.end) return `the ${param} buffer \`${buffer}\` is used around \`${symbol}\` (line ${lineOf(statement)})`;
    if (otherRunUsing(use, statement, context, scratch)) {
      users.add(statement);
      continue;
    }
    if (!isMemoryStatement(statement, [buffer], context)) {
      return `the ${param} output \`${buffer}\` of \`${symbol}\` is also used in \`${statement.getText().split('\n')[0].slice(0, 70)}\` (line ${lineOf(statement)}); the lifted operator does not write it`;
    }
    statements.add(statement);
  }
  return { declaration: declared, statements: [...statements], users: [...users] };
}
