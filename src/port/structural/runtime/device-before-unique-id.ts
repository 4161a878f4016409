/**
 * HCCL needs a current device before HcclGetRootInfo: its implementation asks the runtime for
 * the device first (HCCL op_base.cc, `HcclGetRootInfo`: `hrtGetDeviceRefresh(&deviceLogicId)`
 * before anything else; the root info holds the device id and IP, and the docs get one root info
 * per device by "switching the Device, then calling this interface"). NCCL has no such need, and
 * CUDA code often gets the id before `cudaSetDevice` (the samples do). On CANN the port moves the
 * first device selection (which also gets the aclInit, acl-init.ts) to just before the statement
 * that gets the id, when that is provably the same program:
 *
 * - both statements are in one statement list, the selection after the id's statement;
 * - the selection is `cudaSetDevice(args)` alone or passed to a status helper with pure other
 *   arguments, its arguments are pure and nothing between writes a name they read;
 * - what runs between them does nothing the current device affects: facade calls that get the
 *   id or an error string, host helpers (mpiBcast), built-ins, and functions of this file whose
 *   bodies keep to the same (checked to a small depth) — and no return, break or continue.
 *
 * Otherwise the call is ported as written and OB1031 says what to move. (Before the move, a CUDA
 * call between them would have run on device 0; after it, on the selected device — which is why
 * such calls block the move instead of being moved over.)
 */
import type { Catalog } from '../../../catalog/catalog.js';
import type { BackendId } from '../../../catalog/vocabulary.js';
import { isPure } from '../../context/expression-purity.js';
import type { ResolvedCall, StaticContext } from '../../context/static-context.js';
import { pending, type PendingDiagnostic } from '../../diagnostics/port-diagnostics.js';
import { chooseTarget } from '../../mapping/target-entry.js';
import { inStatementList } from '../../emit/statement-placement.js';
import { ts } from '../../syntax/typescript.js';

/** Targets whose communicator id needs an initialised runtime and a current device. */
const NEEDS_DEVICE: Readonly<Partial<Record<BackendId, string>>> = {
  cann: 'aclInit, then a current device (aclrtSetDevice)',
};

/** Facade calls that may run between the id and the device selection: they use no device. */
const DEVICE_FREE = new Set(['communicator.unique-id', 'error.string']);

/** How deep calls into functions of the file are followed. */
const MAX_DEPTH = 3;

export type DeviceOrderPlan =
  | {
      readonly kind: 'move';
      readonly statement: ts.Statement;
      readonly before: ts.Statement;
      readonly uniqueId: ResolvedCall;
      readonly deviceSet: ResolvedCall;
      /** OB1032 (info), reported at the moved selection. */
      readonly diagnostic: PendingDiagnostic;
    }
  | { readonly kind: 'blocked'; readonly uniqueId: ResolvedCall; readonly diagnostic: PendingDiagnostic };

export interface DeviceOrderInput {
  readonly catalog: Catalog;
  readonly target: BackendId;
  readonly context: StaticContext;
  /** Whether a call is a host helper of the source facade (mpiBcast, ref, randomFloat32, ...). */
  readonly isHostHelperCall: (call: ts.CallExpression) => boolean;
  /** Whether a line is under an opbridge-ignore / disable marker. */
  readonly isSuppressed: (node: ts.Node) => boolean;
}

const primitiveOf = (call: ResolvedCall): string | undefined => ('primitive' in call.entry.spec.binds ? call.entry.spec.binds.primitive : undefined);

export function planDeviceOrder(input: DeviceOrderInput): DeviceOrderPlan[] {
  const needs = NEEDS_DEVICE[input.target];
  const calls = input.context.allCalls();
  if (!needs || calls.length === 0 || calls[0].backend === input.target) return [];
  const sourceFile = input.context.sourceFile;
  const plans: DeviceOrderPlan[] = [];
  const firstSelection = calls.find((c) => primitiveOf(c) === 'device.set' || primitiveOf(c) === 'runtime.init');
  for (const uniqueId of calls) {
    if (primitiveOf(uniqueId) !== 'communicator.unique-id' || input.isSuppressed(uniqueId.node)) continue;
    if (firstSelection && firstSelection.node.getStart(sourceFile) < uniqueId.node.getStart(sourceFile)) continue;
    const targetSymbol = chooseTarget(input.catalog, uniqueId.entry, input.target).candidates[0]?.spec.symbol ?? uniqueId.entry.spec.symbol;
    const blocked = (where: string, reason: string): DeviceOrderPlan => {
      return {
        kind: 'blocked',
        uniqueId,
        diagnostic: pending('OB1031', { symbol: uniqueId.entry.spec.symbol, targetSymbol, target: input.target, needs, where, reason }, uniqueId.entry.spec.symbol),
      };
    };
    // No selection in the file: the caller may have selected the device already (library code),
    // which the porter cannot see; it says nothing rather than guess (docs/port.md, Limits).
    const deviceSet = firstSelection && primitiveOf(firstSelection) === 'device.set' ? firstSelection : undefined;
    if (!deviceSet) continue;
    const where = ` (\`${deviceSet.entry.spec.symbol}\` at line ${sourceFile.getLineAndCharacterOfPosition(deviceSet.node.getStart(sourceFile)).line + 1})`;
    const checked = checkMove(uniqueId, deviceSet, input);
    if (typeof checked === 'string') {
      plans.push(blocked(where, `${checked}; move the device selection before this call by hand`));
      continue;
    }
    const line = String(sourceFile.getLineAndCharacterOfPosition(uniqueId.node.getStart(sourceFile)).line + 1);
    const diagnostic = pending('OB1032', { symbol: deviceSet.entry.spec.symbol, targetSymbol, line, needs, target: input.target }, deviceSet.entry.spec.symbol);
    plans.push({ kind: 'move', ...checked, uniqueId, deviceSet, diagnostic });
  }
  return plans;
}

/** The two statements to reorder, or why they cannot be. */
function checkMove(uniqueId: ResolvedCall, deviceSet: ResolvedCall, input: DeviceOrderInput): { statement: ts.Statement; before: ts.Statement } | string {
  const statement = selectionStatement(deviceSet.node);
  if (!statement) return `\`${deviceSet.entry.spec.symbol}\` is not a statement of its own (or passed straight to a status helper)`;
  if (input.isSuppressed(statement)) return 'the device selection is under an opbridge-ignore marker';
  const list = statement.parent as ts.Node & { statements: ts.NodeArray<ts.Statement> };
  let before: ts.Node = uniqueId.node;
  while (before.parent && before.parent !== list) {
    if (ts.isFunctionLike(before.parent)) return 'it is called inside a function the device selection is not in';
    before = before.parent;
  }
  if (before.parent !== list) return 'it is not in the block that selects the device';
  const from = list.statements.indexOf(before as ts.Statement);
  const to = list.statements.indexOf(statement);
  const between = list.statements.slice(from, to);
  const args = deviceSet.node.arguments;
  if (!args.every(isPure)) return `the arguments of \`${deviceSet.entry.spec.symbol}\` have side effects`;
  const read = new Set<string>();
  for (const a of args) collectIdentifiers(a, read);
  const written = new Set<string>();
  for (const s of between) collectWrites(s, written);
  const clash = [...read].find((n) => written.has(n));
  if (clash) return `\`${clash}\`, which the device selection reads, is written between them`;
  for (const s of between) {
    const flow = escapingFlow(s);
    if (flow) return `a \`${flow}\` between them may skip the device selection`;
  }
  // The status helper moves with the selection, so its body is checked too (the selection itself is not).
  const unsafe = firstDeviceUse([...between, statement], input, 0, new Set<ts.Node>([deviceSet.node]));
  if (unsafe) return `${unsafe} runs between them, and would then run on the selected device instead of the default one`;
  return { statement, before: before as ts.Statement };
}

/** `cudaSetDevice(d);` or `check(cudaSetDevice(d), 'what');` directly in a statement list. */
function selectionStatement(call: ts.CallExpression): ts.ExpressionStatement | undefined {
  let statement: ts.Node = call.parent;
  if (ts.isCallExpression(statement) && statement.arguments.includes(call)) {
    const helper = statement;
    if (!ts.isIdentifier(helper.expression) || !helper.arguments.every((a) => a === call || isPure(a))) return undefined;
    statement = helper.parent;
    if (!ts.isExpressionStatement(statement) || statement.expression !== helper) return undefined;
  } else if (!ts.isExpressionStatement(statement) || statement.expression !== call) return undefined;
  return inStatementList(statement) ? (statement as ts.ExpressionStatement) : undefined;
}

function collectIdentifiers(node: ts.Node, into: Set<string>): void {
  if (ts.isIdentifier(node)) into.add(node.text);
  else if (ts.isPropertyAccessExpression(node)) collectIdentifiers(node.expression, into);
  else ts.forEachChild(node, (c) => collectIdentifiers(c, into));
}

/** Names declared or assigned in a subtree (the root identifier of an assigned property too). */
function collectWrites(node: ts.Node, into: Set<string>): void {
  const root = (e: ts.Expression): string | undefined => {
    while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
    return ts.isIdentifier(e) ? e.text : undefined;
  };
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) || ts.isParameter(n) || ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n)) {
      if (n.name && ts.isIdentifier(n.name)) into.add(n.name.text);
    }
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const r = root(n.left);
      if (r) into.add(r);
    }
    if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)) {
      const r = root(n.operand);
      if (r) into.add(r);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
}

/** A return, break or continue that leaves the statement (not one inside a nested function or loop it owns). */
function escapingFlow(statement: ts.Statement): string | undefined {
  let found: string | undefined;
  const visit = (n: ts.Node, inLoop: boolean): void => {
    if (found || ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n)) found = 'return';
    else if ((ts.isBreakStatement(n) || ts.isContinueStatement(n)) && (!inLoop || n.label)) found = ts.isBreakStatement(n) ? 'break' : 'continue';
    const loop = inLoop || ts.isIterationStatement(n, false) || ts.isSwitchStatement(n);
    ts.forEachChild(n, (c) => visit(c, loop));
  };
  visit(statement, false);
  return found;
}

/**
 * The first call in `nodes` that may depend on the current device, described for a message, or
 * undefined. Functions of this file are followed into; anything the porter cannot see into counts.
 * Nodes in `seen` (functions already followed, the selection itself) are skipped.
 */
function firstDeviceUse(nodes: readonly ts.Node[], input: DeviceOrderInput, depth: number, seen: Set<ts.Node>): string | undefined {
  const sourceFile = input.context.sourceFile;
  let found: string | undefined;
  const visit = (n: ts.Node): void => {
    if (found || seen.has(n)) return;
    if (ts.isCallExpression(n)) found = describeUnsafe(n, input, depth, seen);
    else if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && localDeclaration(sourceFile, n.expression.text)) found = `\`new ${n.expression.text}(…)\``;
    if (!found) ts.forEachChild(n, visit);
  };
  for (const node of nodes) visit(node);
  return found;
}

function describeUnsafe(call: ts.CallExpression, input: DeviceOrderInput, depth: number, seen: Set<ts.Node>): string | undefined {
  const sourceFile = input.context.sourceFile;
  const resolved = input.context.resolve(call);
  if (resolved) {
    const primitive = primitiveOf(resolved);
    return primitive && DEVICE_FREE.has(primitive) ? undefined : `\`${resolved.entry.spec.symbol}\``;
  }
  if (input.isHostHelperCall(call)) return undefined;
  const callee = call.expression;
  const text = callee.getText(sourceFile);
  let head: ts.Expression = callee;
  while (ts.isPropertyAccessExpression(head) || ts.isElementAccessExpression(head)) head = head.expression;
  if (!ts.isIdentifier(head)) return `\`${text}(…)\``;
  if (imported(sourceFile, head.text)) return `\`${text}(…)\` (imported: the porter cannot see what it does)`;
  const local = localDeclaration(sourceFile, head.text);
  if (!local) return undefined; // a built-in: Math, console, Error, typed arrays
  if (head !== callee || !ts.isFunctionDeclaration(local) || !local.body) return `\`${text}(…)\``;
  if (seen.has(local)) return undefined;
  if (depth >= MAX_DEPTH) return `\`${text}(…)\` (calls nested too deep to follow)`;
  seen.add(local);
  const inner = firstDeviceUse([local.body], input, depth + 1, seen);
  return inner ? `\`${text}(…)\`, which calls ${inner},` : undefined;
}

function imported(sourceFile: ts.SourceFile, name: string): boolean {
  return sourceFile.statements.some((s) => {
    if (!ts.isImportDeclaration(s) || !s.importClause) return false;
    const c = s.importClause;
    if (c.name?.text === name) return true;
    const b = c.namedBindings;
    if (!b) return false;
    return ts.isNamespaceImport(b) ? b.name.text === name : b.elements.some((e) => e.name.text === name);
  });
}

/** A declaration of `name` anywhere in the file (functions, classes, variables). */
function localDeclaration(sourceFile: ts.SourceFile, name: string): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if ((ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n) || ts.isVariableDeclaration(n) || ts.isParameter(n)) && n.name && ts.isIdentifier(n.name) && n.name.text === name) {
      found = n;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(sourceFile);
  return found;
}
