/**
 * Reads one CNNL operation as Cambricon code spells it (the CNNL lowerers' shape, and the way
 * Cambricon's samples and framework adapters write it by hand): descriptor objects
 * (`const d = ref<cnnlTensorDescriptor_t>(); cnnlCreateTensorDescriptor(d);` then set-calls such
 * as `cnnlSetTensorDescriptor(d.value, layout, dtype, n, dims)` or `cnnlSetMatMulDescAttr`, and
 * `cnnlDestroy…(d.value)` after), algorithm / heuristic objects and the queries that fill them,
 * the workspace size query, `if (size.value > 0) cnrtMalloc(...)`, the run, and the workspace
 * freed after the queue has run it (`cnnlGetQueue(handle, queue)` for that queue, or the queue
 * the source set with `cnnlSetQueue`).
 *
 * A statement is read by the facade calls in it, not by its text: a call checked by a helper
 * (`check(cnnlOpTensor(...), 'what')`) or by `if (cnnlX(...) !== CNNL_STATUS_SUCCESS) throw ...`
 * is the statement of that call. Workspace, size and the queries' out-values are the
 * operation's own (declared in the run's block, used nowhere else); descriptor objects may be
 * shared by several operations (a D descriptor used by the matmul, its bias add and its
 * activation), so whether their statements go is decided over the whole file (cnnl-groups.ts).
 */
import { isPure } from '../../context/expression-purity.js';
import type { ResolvedCall, StaticContext } from '../../context/static-context.js';
import { variableName } from '../../context/static-context.js';
import { ts } from '../../syntax/typescript.js';
import { statementIn, statementOf } from '../aclnn-lift/aclnn-group.js';
import { declarationOf, usesOf } from '../../syntax/named-variables.js';
import { handleQueue } from './handle-queue.js';
import { bareExpression } from '../../syntax/bare-expression.js';

/** A descriptor-like object: created (or filled by cnnlGetQueue), set, used, destroyed. */
export interface CnnlObject {
  readonly name: string;
  readonly declaration: ts.VariableStatement;
  /** `cnnlTensorDescriptor_t`, `cnnlMatMulDescriptor_t`, `cnrtQueue_t`, ... (the `ref<T>` type). */
  readonly type: string;
  /** Create, set, destroy and queue-query statements. */
  readonly lifecycle: readonly ts.Statement[];
  /** The set-calls, in source order. */
  readonly sets: readonly ResolvedCall[];
  /** Uses other than its declaration and lifecycle (runs, queries, queue syncs). */
  readonly uses: readonly ts.Node[];
  /**
   * Whether a call of another facade takes it (a set-call the generic path ported on an earlier
   * run of a file whose operation stayed): the operation is then left to that path, so porting
   * the file again changes nothing.
   */
  readonly foreign: boolean;
}

/**
 * A dot product as the CNNL dot lowering spells it: `cnnlOpTensor` MUL of x and y into a device
 * scratch, `cnnlReduce` ADD of the scratch into a one-element device scratch, the queue
 * synchronised and that element copied to a host result, both scratches freed.
 */
export interface DotChain {
  /** The cnnlOpTensor run that writes the products. */
  readonly product: CnnlGroup;
  /** The host destination of the copy (`sumOfSquares`). */
  readonly result: ts.Expression;
}

/**
 * A tensor of a channels-last operation staged through a device scratch (conv-channels-last.ts
 * writes it): `cnnlTranspose_v2` from the NCHW tensor into the scratch before the run (an input),
 * or from the scratch into the NCHW tensor after it (the output).
 */
export interface Staging {
  readonly transpose: CnnlGroup;
  readonly direction: 'in' | 'out';
}

export interface CnnlGroup {
  readonly run: ResolvedCall;
  /**
   * For cnnlFlashAttentionForward: the host array each cu_seqlens argument was copied from
   * (`Int32Array.from({ length: b + 1 }, (_, i) => i * s)`), by parameter name.
   */
  readonly offsets?: ReadonlyMap<string, ts.Expression>;
  /** Staged tensors by the run's data parameter name (`x`, `w`, `y`). */
  readonly staging?: ReadonlyMap<string, Staging>;
  /**
   * For a cnnlOpTensor: operands that are a host value copied into a one-element device buffer
   * for the call (the scal port's alpha, cnnl-scal.ts), by data parameter name (`a`, `b`): the
   * value expression (`1 / nranks` of `new Float32Array([1 / nranks])`).
   */
  readonly scalars?: ReadonlyMap<string, ts.Expression>;
  /** For a cnnlReduce: the dot chain it ends, or why it is not one. */
  readonly chain?: { readonly ok: true; readonly value: DotChain } | { readonly ok: false; readonly reason: string };
  /** Statements that belong to this operation alone: the run's, queries, workspace, out-values. */
  readonly own: ReadonlySet<ts.Statement>;
  readonly objects: ReadonlyMap<string, CnnlObject>;
}

export type CnnlGroupReading = { readonly ok: true; readonly group: CnnlGroup } | { readonly ok: false; readonly reason: string };

const LIFECYCLE = new Set(['descriptor.create', 'descriptor.set', 'descriptor.destroy', 'handle.get-stream']);
const QUERIES = new Set(['workspace.query', 'algorithm.query']);
const WORKSPACE_CALLS = new Set(['memory.alloc', 'memory.free', 'stream.synchronize', 'error.string', ...QUERIES]);

export function primitiveOf(call: ResolvedCall): string | undefined {
  const binds = call.entry.spec.binds;
  return 'primitive' in binds ? binds.primitive : undefined;
}

/** The argument of the parameter named `name` (catalog spelling). */
export function argNamed(call: ResolvedCall, name: string): ts.Expression | undefined {
  const index = call.entry.spec.params.findIndex((p) => p.name === name);
  return index < 0 ? undefined : call.args[index];
}


/** The facade calls inside a statement (nested functions excluded), in source order. */
export function facadeCallsIn(node: ts.Node, context: StaticContext): ResolvedCall[] {
  const found: ResolvedCall[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n)) return;
    if (ts.isCallExpression(n)) {
      const resolved = context.resolve(n);
      if (resolved) found.push(resolved);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** The one facade call a statement is about (error-string calls in its message aside). */
export function callOfStatement(statement: ts.Statement, context: StaticContext): ResolvedCall | undefined {
  const calls = facadeCallsIn(statement, context).filter((c) => primitiveOf(c) !== 'error.string');
  return calls.length === 1 ? calls[0] : undefined;
}

/** `const x = ref<T>(...)`: the type text, or undefined when `x` is not declared so. */
function refType(init: ts.Expression | undefined): string | undefined {
  const e = init ? bareExpression(init) : undefined;
  if (!e || !ts.isCallExpression(e) || !ts.isIdentifier(e.expression) || e.expression.text !== 'ref') return undefined;
  return e.typeArguments?.[0]?.getText() ?? '';
}

/** Whether `call` is a lifecycle call of the object `name`, and which. */
function lifecycleRole(call: ResolvedCall, name: string, context: StaticContext): string | undefined {
  const primitive = primitiveOf(call);
  if (!primitive || !LIFECYCLE.has(primitive)) return undefined;
  const subject = primitive === 'handle.get-stream' ? context.argumentFor(call, 'out-stream') : call.args[0];
  return subject && variableName(subject) === name ? primitive : undefined;
}

const objectCache = new WeakMap<ts.VariableStatement, CnnlObject | null>();

/** The object `name` names at `from`, when it is a `ref` created by a CNNL create call (or filled by cnnlGetQueue). */
export function objectOf(name: string, from: ts.Node, context: StaticContext): CnnlObject | undefined {
  const declared = declarationOf(name, from);
  if (!declared) return undefined;
  const cached = objectCache.get(declared.statement);
  if (cached !== undefined) return cached ?? undefined;
  const type = refType(declared.init);
  let object: CnnlObject | null = null;
  if (type !== undefined) {
    const scope = declared.statement.parent;
    const lifecycle: ts.Statement[] = [];
    const sets: ResolvedCall[] = [];
    const uses: ts.Node[] = [];
    let created = false;
    let foreign = false;
    for (const use of usesOf(name, scope)) {
      if (use.pos >= declared.statement.pos && use.end <= declared.statement.end) continue;
      const statement = statementOf(use);
      const call = statement ? callOfStatement(statement, context) : undefined;
      const role = call ? lifecycleRole(call, name, context) : undefined;
      if (call && call.backend !== 'cambricon') foreign = true;
      if (statement && call && role) {
        if (!lifecycle.includes(statement)) lifecycle.push(statement);
        if (role === 'descriptor.create' || role === 'handle.get-stream') created = true;
        if (role === 'descriptor.set') sets.push(call);
      } else {
        uses.push(use);
        if (isOtherFacadeCall(use, context)) foreign = true;
      }
    }
    if (created || foreign) object = { name, declaration: declared.statement, type, lifecycle, sets, uses, foreign };
  }
  objectCache.set(declared.statement, object);
  return object ?? undefined;
}

/** Whether `use` is an argument of a call of a name imported from another opbridge facade (not resolved here). */
function isOtherFacadeCall(use: ts.Node, context: StaticContext): boolean {
  const call = use.parent && ts.isPropertyAccessExpression(use.parent) ? use.parent.parent : use.parent;
  if (!call || !ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || context.resolve(call)) return false;
  const callee = call.expression.text;
  return call.getSourceFile().statements.some(
    (s) =>
      ts.isImportDeclaration(s) &&
      ts.isStringLiteral(s.moduleSpecifier) &&
      s.moduleSpecifier.text.startsWith('opbridge/') &&
      s.importClause?.namedBindings !== undefined &&
      ts.isNamedImports(s.importClause.namedBindings) &&
      s.importClause.namedBindings.elements.some((e) => e.name.text === callee),
  );
}

function lineOf(node: ts.Node): number {
  const sf = node.getSourceFile();
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

/** `size.value > 0 ? w.value : null`, `w.value` or `null`: the workspace variable (null for none). */
function workspaceVariable(arg: ts.Expression | undefined): string | null | undefined {
  if (!arg) return null;
  const u = bareExpression(arg);
  if (u.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isConditionalExpression(u)) return bareExpression(u.whenFalse).kind === ts.SyntaxKind.NullKeyword ? variableName(u.whenTrue) : undefined;
  return ts.isPropertyAccessExpression(u) ? variableName(u) : undefined;
}

/** Identifiers named in `node` (not member names), deduplicated. */
function namesIn(node: ts.Node): string[] {
  const names = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) {
      const p = n.parent;
      if (!(ts.isPropertyAccessExpression(p) && p.name === n)) names.add(n.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return [...names];
}

/** Whether a statement holds only workspace business: queries, allocation, queue syncs, frees (and the run). */
function isWorkspaceStatement(statement: ts.Statement, run: ResolvedCall, context: StaticContext): boolean {
  return facadeCallsIn(statement, context).every((c) => c.node === run.node || WORKSPACE_CALLS.has(primitiveOf(c) ?? ''));
}

const STAGED = new Set(['cnnlConvolutionForward', 'cnnlBatchNormForwardInference', 'cnnlPoolingForward']);

/**
 * The staged tensors of a channels-last run: each data argument that is a device scratch of the
 * run's block, allocated, written by one `cnnlTranspose_v2` before the run (or read by one after
 * it), used by the run and freed; with the queue sync before the frees.
 */
function readStaging(run: ResolvedCall, runStatement: ts.Statement, context: StaticContext): { tensors: Map<string, Staging>; own: ts.Statement[] } | string {
  const container = runStatement.parent;
  const tensors = new Map<string, Staging>();
  const own: ts.Statement[] = [];
  for (const [i, p] of run.entry.spec.params.entries()) {
    if (!p.role?.startsWith('input:') && !p.role?.startsWith('output:')) continue;
    const arg = run.args[i];
    const u = arg ? bareExpression(arg) : undefined;
    const name = u && ts.isPropertyAccessExpression(u) && u.name.text === 'value' ? variableName(u) : undefined;
    const declared = name ? declarationOf(name, runStatement) : undefined;
    if (!name || !declared || declared.statement.parent !== container || refType(declared.init) !== 'DevicePtr') continue;
    const scratch = scratchUses(arg, container, runStatement);
    if (typeof scratch === 'string') continue;
    const direction = p.role.startsWith('input:') ? 'in' : 'out';
    let transpose: ResolvedCall | undefined;
    const mine: ts.Statement[] = [];
    let other: ts.Statement | undefined;
    for (const statement of scratch.statements) {
      if (statement === runStatement) continue;
      if (ts.isVariableStatement(statement) || isCallOf(statement, 'memory.alloc', context) || isCallOf(statement, 'memory.free', context)) {
        mine.push(statement);
        if (isCallOf(statement, 'memory.free', context)) {
          // The queue the frees wait for, written just before them.
          const block = container as ts.Block;
          let k = block.statements.indexOf(statement) - 1;
          while (k >= 0 && isCallOf(block.statements[k], 'memory.free', context)) k--;
          const previous = block.statements[k];
          if (previous && isCallOf(previous, 'stream.synchronize', context) && facadeCallsIn(previous, context).length === 1) mine.push(previous);
        }
        continue;
      }
      const call = callOfStatement(statement, context);
      const side = call?.entry.spec.symbol === 'cnnlTranspose_v2' ? argNamed(call, direction === 'in' ? 'y' : 'x') : undefined;
      const ordered = direction === 'in' ? statement.end <= runStatement.pos : statement.pos >= runStatement.end;
      if (call && side && !transpose && ordered && variableName(side) === scratch.name) {
        transpose = call;
        continue;
      }
      other = statement;
    }
    // A buffer used otherwise is a tensor of the program, read as the run describes it, not a staging buffer.
    if (!transpose || other) continue;
    const group = readCnnlGroup(transpose, context);
    if (!group.ok) return group.reason;
    tensors.set(p.name, { transpose: group.group, direction });
    for (const s of mine) if (!own.includes(s)) own.push(s);
  }
  return { tensors, own };
}

/** Whether `call` writes the object `name` (passes it for an out parameter). */
function fills(call: ResolvedCall, name: string): boolean {
  return call.entry.spec.params.some((p, i) => (p.dir !== 'in' || p.role?.startsWith('out-')) && call.args[i] !== undefined && variableName(call.args[i]) === name);
}

/** Reads the operation whose run is `run` (an operator-binding CNNL entry). */
export function readCnnlGroup(run: ResolvedCall, context: StaticContext): CnnlGroupReading {
  const fail = (reason: string): CnnlGroupReading => ({ ok: false, reason });
  const op = run.entry.spec.symbol;
  const runStatement = statementOf(run.node);
  if (!runStatement || callOfStatement(runStatement, context)?.node !== run.node) return fail(`\`${op}\` is not a statement of its own`);
  const container = runStatement.parent;
  const params = run.entry.spec.params;
  const at = (role: string) => {
    const i = params.findIndex((p) => p.role === role);
    return i < 0 ? undefined : run.args[i];
  };
  const sizeArg = at('workspace-size');
  const size = sizeArg && ts.isPropertyAccessExpression(bareExpression(sizeArg)) ? variableName(sizeArg) : undefined;
  const workspace = workspaceVariable(at('workspace'));
  if (workspace === undefined) return fail(`the workspace argument \`${at('workspace')!.getText()}\` is not \`size.value > 0 ? workspace.value : null\``);

  const own = new Set<ts.Statement>([runStatement]);
  const objects = new Map<string, CnnlObject>();
  const privates = new Set<string>();
  const pending = [...(size ? [size] : []), ...(workspace ? [workspace] : [])];
  // An algorithm the run takes by value from a query (`ref<cnnlConvolutionForwardAlgo_t>()`) is the run's own.
  for (const arg of run.args) {
    const u = bareExpression(arg);
    const name = ts.isPropertyAccessExpression(u) && u.name.text === 'value' ? variableName(u) : undefined;
    const type = name ? refType(declarationOf(name, runStatement)?.init) : undefined;
    if (name && type && /Algo/.test(type) && !objectOf(name, runStatement, context)) pending.push(name);
  }
  const examined = new Set<ts.Statement>();
  const addPrivate = (name: string) => {
    if (!privates.has(name)) pending.push(name);
  };
  for (let changed = true; changed; ) {
    changed = false;
    // Private values: declared in the run's block, every use an own statement of workspace business.
    while (pending.length) {
      const name = pending.pop()!;
      if (privates.has(name)) continue;
      privates.add(name);
      const declared = declarationOf(name, runStatement);
      if (!declared || declared.statement.parent !== container) return fail(`\`${name}\` is not declared in the block that runs \`${op}\``);
      own.add(declared.statement);
      for (const use of usesOf(name, container)) {
        const statement = statementIn(use, container);
        if (!statement || (!own.has(statement) && !isWorkspaceStatement(statement, run, context))) return fail(`\`${name}\` is used outside the \`${op}\` call (line ${lineOf(use)})`);
        own.add(statement);
      }
      changed = true;
    }
    // Objects named in own statements; queries of the operation's own objects; their out-values.
    for (const statement of [...own]) {
      if (examined.has(statement)) continue;
      examined.add(statement);
      changed = true;
      if (ts.isVariableStatement(statement) && statement !== runStatement) continue;
      for (const name of namesIn(statement)) {
        if (objects.has(name) || privates.has(name)) continue;
        const object = objectOf(name, statement, context);
        if (object) objects.set(name, object);
      }
      for (const call of facadeCallsIn(statement, context)) {
        if (!QUERIES.has(primitiveOf(call) ?? '')) continue;
        call.entry.spec.params.forEach((p, i) => {
          const arg = call.args[i];
          const name = arg && ts.isIdentifier(bareExpression(arg)) ? (bareExpression(arg) as ts.Identifier).text : undefined;
          if (name && (p.dir === 'out' || p.role?.startsWith('out-')) && !objectOf(name, statement, context) && refType(declarationOf(name, statement)?.init) !== undefined) addPrivate(name);
        });
      }
    }
    // An algorithm or heuristic object is the operation's: the queries that fill it are too.
    for (const object of objects.values()) {
      if (object.type === 'cnnlTensorDescriptor_t' || object.type === 'cnrtQueue_t') continue;
      for (const use of object.uses) {
        const statement = statementIn(use, container);
        const call = statement ? callOfStatement(statement, context) : undefined;
        if (statement && call && QUERIES.has(primitiveOf(call) ?? '') && !own.has(statement) && fills(call, object.name)) {
          own.add(statement);
          changed = true;
        }
      }
    }
  }
  // A queue asked of a handle from elsewhere is the run's stream (handle-queue.ts): it stays.
  const queue = handleQueue(run, context);
  if (queue?.kind === 'asked') objects.delete(queue.variable);
  if (STAGED.has(op)) {
    const staging = readStaging(run, runStatement, context);
    if (typeof staging === 'string') return fail(staging);
    for (const s of staging.own) own.add(s);
    for (const { transpose } of staging.tensors.values()) {
      for (const s of transpose.own) own.add(s);
      for (const [name, object] of transpose.objects) objects.set(name, object);
    }
    return { ok: true, group: { run, own, objects, staging: staging.tensors } };
  }
  if (op === 'cnnlFlashAttentionForward') {
    const offsets = readOffsets(run, runStatement, context);
    if (typeof offsets === 'string') return fail(offsets);
    for (const s of offsets.own) own.add(s);
    return { ok: true, group: { run, own, objects, offsets: offsets.arrays } };
  }
  if (op === 'cnnlOpTensor' && opTensorMode(run, objects, context) === 'op-tensor.mul') {
    const scalars = new Map<string, ts.Expression>();
    for (const param of ['a', 'b']) {
      const scalar = readScalarOperand(run, param, runStatement, context);
      if (!scalar) continue;
      scalars.set(param, scalar.value);
      for (const s of scalar.own) own.add(s);
    }
    return { ok: true, group: { run, own, objects, ...(scalars.size ? { scalars } : {}) } };
  }
  if (op !== 'cnnlReduce') return { ok: true, group: { run, own, objects } };
  const chain = readDotChain(run, runStatement, context);
  if (!chain.ok) return { ok: true, group: { run, own, objects, chain } };
  for (const s of chain.own) own.add(s);
  for (const [name, object] of chain.value.product.objects) objects.set(name, object);
  for (const s of chain.value.product.own) own.add(s);
  return { ok: true, group: { run, own, objects, chain: { ok: true, value: chain.value } } };
}

/** The statement right before `statement` when it only synchronises a queue (the frees after it wait for the run). */
function syncBefore(statement: ts.Statement, context: StaticContext): ts.Statement | undefined {
  const block = statement.parent;
  if (!ts.isBlock(block) && !ts.isSourceFile(block)) return undefined;
  const previous = block.statements[block.statements.indexOf(statement) - 1];
  return previous && isCallOf(previous, 'stream.synchronize', context) && facadeCallsIn(previous, context).length === 1 ? previous : undefined;
}

/**
 * What a statement naming a scratch buffer does for the run: declares or allocates it, frees it
 * after the run (the queue sync before the free goes with it), fills it before the run by one
 * host-to-device copy (from `src`), or something the readers cannot take.
 */
type ScratchRole = { kind: 'setup' } | { kind: 'free'; sync: ts.Statement | undefined } | { kind: 'fill'; src: ts.Expression } | { kind: 'other' };

function scratchRole(statement: ts.Statement, buffer: string, runStatement: ts.Statement, context: StaticContext): ScratchRole {
  if (ts.isVariableStatement(statement) || isCallOf(statement, 'memory.alloc', context)) return { kind: 'setup' };
  if (isCallOf(statement, 'memory.free', context) && statement.pos >= runStatement.end) return { kind: 'free', sync: syncBefore(statement, context) };
  const copy = isCallOf(statement, 'copy.sync', context);
  const src = copy ? context.argumentFor(copy, 'src') : undefined;
  const dst = copy ? context.argumentFor(copy, 'dst') : undefined;
  const intoBuffer = copy && src && dst && variableName(dst) === buffer && statement.end <= runStatement.pos;
  if (intoBuffer && meaningOf(context.argumentFor(copy, 'copy-kind'), context) === 'copy.host-to-device') return { kind: 'fill', src };
  return { kind: 'other' };
}

/** The statement (and a free's sync) as the run's own, to go with it. */
function ownScratchStatement(statement: ts.Statement, role: ScratchRole, own: ts.Statement[]): void {
  own.push(statement);
  if (role.kind === 'free' && role.sync && !own.includes(role.sync)) own.push(role.sync);
}

/**
 * The cu_seqlens buffers of a flash attention run as cnnl-frontend.ts writes them: a device
 * buffer of the run's block, allocated with the byte length of a host array of the block, filled
 * from it by one host-to-device copy before the run and freed after it (with the queue sync
 * before the free); the host array used by nothing else. Their statements and the arrays.
 */
function readOffsets(run: ResolvedCall, runStatement: ts.Statement, context: StaticContext): { own: ts.Statement[]; arrays: Map<string, ts.Expression> } | string {
  const container = runStatement.parent;
  const own: ts.Statement[] = [];
  const arrays = new Map<string, ts.Expression>();
  const byBuffer = new Map<string, ts.Expression>();
  for (const param of ['cu_seqlens_q', 'cu_seqlens_k']) {
    const buffer = scratchUses(argNamed(run, param), container, runStatement);
    if (typeof buffer === 'string') return `${param}: ${buffer}`;
    // K's offsets may be Q's buffer (sequences of one length).
    const read = byBuffer.get(buffer.name);
    if (read) {
      arrays.set(param, read);
      continue;
    }
    let host: string | undefined;
    for (const statement of buffer.statements) {
      if (statement === runStatement || own.includes(statement)) continue;
      const role = scratchRole(statement, buffer.name, runStatement, context);
      const source = role.kind === 'fill' ? bareExpression(role.src) : undefined;
      if (role.kind === 'other' || (source && !ts.isIdentifier(source))) return `\`${buffer.name}\` (${param}) is also used at line ${lineOf(statement)}; the port reads only offsets copied once from a host array`;
      if (source) host = (source as ts.Identifier).text;
      ownScratchStatement(statement, role, own);
    }
    const declared = host ? declarationOf(host, runStatement) : undefined;
    if (!host || !declared?.init || declared.statement.parent !== container) return `${param} \`${buffer.name}\` is not copied from a host array declared in the block of the run`;
    for (const use of usesOf(host, container)) {
      const statement = statementIn(use, container);
      if (statement !== declared.statement && !own.includes(statement!)) return `the host offsets \`${host}\` are also used at line ${lineOf(use)}`;
    }
    if (!own.includes(declared.statement)) own.push(declared.statement);
    arrays.set(param, declared.init);
    byBuffer.set(buffer.name, declared.init);
  }
  return { own, arrays };
}

/**
 * A scalar operand as the CNNL scal port writes it (cnnl-scal.ts), and as CNNL code passes a host
 * value to an op that takes tensors only: a device buffer declared in the run's block, allocated,
 * filled before the run by one host-to-device copy of `new Float32Array([value])`, freed after it
 * (with the queue sync before the free), used by nothing else. The value (pure: it moves to where
 * the run is) and the buffer's statements; undefined when the operand is not one.
 */
function readScalarOperand(run: ResolvedCall, param: string, runStatement: ts.Statement, context: StaticContext): { value: ts.Expression; own: ts.Statement[] } | undefined {
  const buffer = scratchUses(argNamed(run, param), runStatement.parent, runStatement);
  if (typeof buffer === 'string') return undefined;
  const own: ts.Statement[] = [];
  let value: ts.Expression | undefined;
  for (const statement of buffer.statements) {
    if (statement === runStatement || own.includes(statement)) continue;
    const role = scratchRole(statement, buffer.name, runStatement, context);
    if (role.kind === 'other') return undefined;
    if (role.kind === 'fill') {
      const element = singleFloat32(role.src);
      if (value || !element || !isPure(element)) return undefined;
      value = element;
    }
    ownScratchStatement(statement, role, own);
  }
  return value ? { value, own } : undefined;
}

/** The operation a cnnlOpTensor's descriptor was last set to (`op-tensor.mul`), when constant. */
function opTensorMode(run: ResolvedCall, objects: ReadonlyMap<string, CnnlObject>, context: StaticContext): string | undefined {
  const arg = argNamed(run, 'op_desc');
  const name = arg ? variableName(arg) : undefined;
  const desc = name ? objects.get(name) : undefined;
  const set = desc?.sets.filter((c) => c.entry.spec.symbol === 'cnnlSetOpTensorDescriptor' && c.node.pos < run.node.pos).at(-1);
  return set ? meaningOf(set.args[1], context) : undefined;
}

/** `x` of `new Float32Array([x])`. */
function singleFloat32(node: ts.Expression): ts.Expression | undefined {
  const e = bareExpression(node);
  if (!ts.isNewExpression(e) || !ts.isIdentifier(e.expression) || e.expression.text !== 'Float32Array' || e.arguments?.length !== 1) return undefined;
  const list = bareExpression(e.arguments[0]);
  return ts.isArrayLiteralExpression(list) && list.elements.length === 1 && !ts.isSpreadElement(list.elements[0]) ? list.elements[0] : undefined;
}

/** The only facade call of a statement, when it binds `primitive`. */
function isCallOf(statement: ts.Statement, primitive: string, context: StaticContext): ResolvedCall | undefined {
  const call = callOfStatement(statement, context);
  return call && primitiveOf(call) === primitive ? call : undefined;
}

/** `const p = ref<DevicePtr>()` in `container`, and its uses (statements of `container`) other than the declaration. */
function scratchUses(arg: ts.Expression | undefined, container: ts.Node, from: ts.Statement): { name: string; statements: ts.Statement[] } | string {
  const u = arg ? bareExpression(arg) : undefined;
  const name = u && ts.isPropertyAccessExpression(u) && u.name.text === 'value' ? variableName(u) : undefined;
  const declared = name ? declarationOf(name, from) : undefined;
  if (!name || !declared || declared.statement.parent !== container || refType(declared.init) !== 'DevicePtr') return `\`${arg?.getText() ?? '?'}\` is not a device buffer declared in the block of the run`;
  const statements: ts.Statement[] = [declared.statement];
  for (const use of usesOf(name, container)) {
    const statement = statementIn(use, container);
    if (!statement) return `\`${name}\` is used outside the block of the run`;
    if (!statements.includes(statement)) statements.push(statement);
  }
  return { name, statements };
}

/** Reads the dot chain a cnnlReduce ends (cnnl-dot.ts writes it), or why it is not one. */
function readDotChain(reduce: ResolvedCall, runStatement: ts.Statement, context: StaticContext): { ok: true; value: DotChain; own: ts.Statement[] } | { ok: false; reason: string } {
  const fail = (reason: string) => ({ ok: false as const, reason: `not a dot product (cnnlOpTensor MUL, then cnnlReduce ADD copied to the host): ${reason}` });
  const container = runStatement.parent;
  const products = scratchUses(argNamed(reduce, 'x'), container, runStatement);
  const element = scratchUses(argNamed(reduce, 'y'), container, runStatement);
  if (typeof products === 'string') return fail(products);
  if (typeof element === 'string') return fail(element);
  const own: ts.Statement[] = [];
  let product: ResolvedCall | undefined;
  let copy: ResolvedCall | undefined;
  for (const statement of products.statements) {
    if (statement === runStatement || ts.isVariableStatement(statement) || isCallOf(statement, 'memory.alloc', context) || isCallOf(statement, 'memory.free', context)) {
      own.push(statement);
      continue;
    }
    const call = callOfStatement(statement, context);
    if (call?.entry.spec.symbol === 'cnnlOpTensor' && !product && statement.end <= runStatement.pos && variableName(argNamed(call, 'c')!) === products.name) {
      product = call;
      own.push(statement);
      continue;
    }
    if (element.statements.includes(statement)) continue;
    return fail(`\`${products.name}\` is also used at line ${lineOf(statement)}`);
  }
  if (!product) return fail(`no cnnlOpTensor writes \`${products.name}\` before the reduction`);
  for (const statement of element.statements) {
    if (own.includes(statement)) continue;
    if (ts.isVariableStatement(statement) || isCallOf(statement, 'memory.alloc', context) || isCallOf(statement, 'memory.free', context)) {
      own.push(statement);
      continue;
    }
    const call = isCallOf(statement, 'copy.sync', context);
    const src = call ? context.argumentFor(call, 'src') : undefined;
    if (call && !copy && statement.pos >= runStatement.end && src && variableName(src) === element.name && meaningOf(context.argumentFor(call, 'copy-kind'), context) === 'copy.device-to-host') {
      copy = call;
      own.push(statement);
      // The queue synchronised for the copy (a host result is there when cublasSdot returns).
      const block = container as ts.Block;
      const previous = block.statements[block.statements.indexOf(statement) - 1];
      if (previous && isCallOf(previous, 'stream.synchronize', context) && facadeCallsIn(previous, context).length === 1) own.push(previous);
      continue;
    }
    return fail(`\`${element.name}\` is also used at line ${lineOf(statement)}`);
  }
  if (!copy) return fail(`\`${element.name}\` is not copied to the host after the reduction`);
  const productGroup = readCnnlGroup(product, context);
  if (!productGroup.ok) return fail(productGroup.reason);
  return { ok: true, value: { product: productGroup.group, result: context.argumentFor(copy, 'dst')! }, own };
}

function meaningOf(node: ts.Expression | undefined, context: StaticContext): string | undefined {
  const v = node ? context.constant(node) : undefined;
  return v?.kind === 'enum' ? v.meaning : undefined;
}
