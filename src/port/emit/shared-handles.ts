/**
 * One library handle per block in CUDA a port wrote. Each lowered op makes its own cuDNN / cuBLAS /
 * cuBLASLt handle (cuda-lower/cuda-statements.ts): created and bound to the stream before the
 * call, destroyed after it. Where several such ops of one library follow each other in a block on
 * the same stream, the first handle serves them all: the later ones' create / setStream statements
 * (status checks included) go, the destroys before the last go, and the later ops use the first
 * handle's name. Done on the syntax tree of the written text, and only where provably the same:
 *
 * - the statements are direct statements of one block, all written by the port (inside its edits);
 * - for a stream-bound library, the stream is the same expression, its root variable is local or
 *   only read (as a call argument, in the form bound) between the first bind and the next, and
 *   in any function the file declares;
 * - nothing between one op's destroy and the next one's create can leave the block (return,
 *   throw, break, continue) or suspend (await, yield);
 * - nothing between the first create and a later one can change the current device (a handle
 *   belongs to the device current when it was made): no cudaSetDevice / cudaDeviceReset there or
 *   in a function the file declares, and every call there is the facade's, a global's, a method
 *   of a value the block made from the facade, or a function of this file that calls only such;
 * - a handle no op configures beyond its stream (no other `…Set…` call on it).
 *
 * The status checks that went with a later create are not needed: the first create's check runs
 * before any of the ops, as before. Destroys stay where the lowering put them (after the last op
 * that uses the handle), so a status check that throws leaves the handle as the lowering did.
 */
import type { BackendId } from '../../catalog/vocabulary.js';
import type { Edit } from '../edits/edit-list.js';
import { parseSource, ts } from '../syntax/typescript.js';

interface HandleLibrary {
  readonly type: string;
  readonly create: string;
  readonly setStream?: string;
  readonly destroy: string;
}

const LIBRARIES: readonly HandleLibrary[] = [
  { type: 'cudnnHandle_t', create: 'cudnnCreate', setStream: 'cudnnSetStream', destroy: 'cudnnDestroy' },
  { type: 'cublasHandle_t', create: 'cublasCreate', setStream: 'cublasSetStream', destroy: 'cublasDestroy' },
  // cuBLASLt takes the stream per call (cublasLtMatmul): its handle is bound to none.
  { type: 'cublasLtHandle_t', create: 'cublasLtCreate', destroy: 'cublasLtDestroy' },
];

/** Facade calls that change which device handles made afterwards belong to. */
const DEVICE_CHANGES = new Set(['cudaSetDevice', 'cudaDeviceReset']);

/** Globals whose functions and constructors touch no device. */
const PURE_GLOBALS = new Set(['Math', 'console', 'JSON', 'Number', 'String', 'Boolean', 'BigInt', 'Array', 'Object', 'Map', 'Set', 'Error', 'RangeError', 'TypeError', 'Float32Array', 'Float64Array', 'Int8Array', 'Int16Array', 'Int32Array', 'Uint8Array', 'Uint16Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array', 'ArrayBuffer', 'DataView']);

export interface WrittenPort {
  readonly output: string;
  readonly edits: readonly Edit[];
}

interface Region {
  readonly library: HandleLibrary;
  readonly name: string;
  readonly declaration: number;
  readonly create: number;
  readonly setStream?: number;
  readonly stream?: ts.Expression;
  readonly destroy: number;
}

interface Change {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const overlapping = (a: Change, b: Change) => a.start < b.end && b.start < a.end;

/** The port with one handle per block and library where that is provably the same program. */
export function shareLibraryHandles<T extends WrittenPort>(run: T, to: BackendId, fileName: string): T {
  if (to !== 'cuda' || !LIBRARIES.some((l) => run.output.includes(l.create))) return run;
  const { sourceFile, syntaxErrors } = parseSource(fileName, run.output);
  if (syntaxErrors.length > 0) return run;
  const sharing = new HandleSharing(sourceFile, run.edits);
  const changes = sharing.changes();
  if (changes.length === 0) return run;
  return { ...run, ...applyChanges(run.output, run.edits, changes) };
}

/** An edit with where its text lies in the edited text. */
interface PlacedEdit {
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

class HandleSharing {
  private readonly facade = new Map<string, string>();
  private readonly namespaces = new Set<string>();
  private readonly foreignImports = new Set<string>();
  private readonly placed: PlacedEdit[] = [];
  private readonly fileFunctions = new Map<string, ts.FunctionLikeDeclaration>();
  private readonly found: Change[] = [];

  constructor(
    private readonly sourceFile: ts.SourceFile,
    edits: readonly Edit[],
  ) {
    let shift = 0;
    edits.forEach((edit, index) => {
      const start = edit.start + shift;
      this.placed.push({ index, start, end: start + edit.text.length });
      shift += edit.text.length - (edit.end - edit.start);
    });
    for (const statement of sourceFile.statements) {
      if (ts.isImportDeclaration(statement)) {
        const module = ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : '';
        const bindings = statement.importClause?.namedBindings;
        const own = module === 'opbridge/cuda';
        if (statement.importClause?.name) this.foreignImports.add(statement.importClause.name.text);
        if (bindings && ts.isNamespaceImport(bindings)) (own ? this.namespaces : this.foreignImports).add(bindings.name.text);
        if (bindings && ts.isNamedImports(bindings)) {
          for (const s of bindings.elements) {
            if (own) this.facade.set(s.name.text, (s.propertyName ?? s.name).text);
            else this.foreignImports.add(s.name.text);
          }
        }
      } else if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) this.fileFunctions.set(statement.name.text, statement);
      else if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) this.fileFunctions.set(d.name.text, d.initializer);
        }
      }
    }
  }

  changes(): Change[] {
    const visit = (node: ts.Node): void => {
      if (ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node)) this.shareIn(node, node.statements);
      ts.forEachChild(node, visit);
    };
    visit(this.sourceFile);
    return this.found;
  }

  /** The facade name an expression refers to (`cudnnCreate`, `cuda.cudnnCreate`), or undefined. */
  private facadeName(e: ts.Node): string | undefined {
    if (ts.isIdentifier(e)) return this.facade.get(e.text);
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && this.namespaces.has(e.expression.text)) return e.name.text;
    if (ts.isQualifiedName(e) && ts.isIdentifier(e.left) && this.namespaces.has(e.left.text)) return e.right.text;
    return undefined;
  }

  /**
   * The facade call a statement makes, alone or as the status it passes to a helper
   * (`check(cudnnCreate(h), 'what');`).
   */
  private statementCall(statement: ts.Statement): { readonly name: string; readonly call: ts.CallExpression } | undefined {
    if (!ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) return undefined;
    const outer = statement.expression;
    const name = this.facadeName(outer.expression);
    if (name) return { name, call: outer };
    const inner = outer.arguments.filter(ts.isCallExpression);
    if (inner.length !== 1 || !outer.arguments.every((a) => a === inner[0] || ts.isStringLiteralLike(a) || ts.isNumericLiteral(a))) return undefined;
    const innerName = this.facadeName(inner[0].expression);
    return innerName ? { name: innerName, call: inner[0] } : undefined;
  }

  /** `const h = ref<cudnnHandle_t>();` → the library and `h`. */
  private handleDeclaration(statement: ts.Statement): { readonly library: HandleLibrary; readonly name: string } | undefined {
    if (!ts.isVariableStatement(statement) || statement.declarationList.declarations.length !== 1) return undefined;
    const [d] = statement.declarationList.declarations;
    const init = d.initializer;
    if (!ts.isIdentifier(d.name) || !init || !ts.isCallExpression(init) || init.arguments.length > 0 || init.typeArguments?.length !== 1) return undefined;
    if (this.facadeName(init.expression) !== 'ref') return undefined;
    const type = init.typeArguments[0];
    const typeName = ts.isTypeReferenceNode(type) ? this.facadeName(type.typeName) : undefined;
    const library = LIBRARIES.find((l) => l.type === typeName);
    return library ? { library, name: d.name.text } : undefined;
  }

  /** `h.value` (the handle's value) as an expression. */
  private isValueOf(e: ts.Expression | undefined, name: string): boolean {
    return Boolean(e && ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === name && e.name.text === 'value');
  }

  private region(statements: readonly ts.Statement[], index: number): Region | undefined {
    const declared = this.handleDeclaration(statements[index]);
    if (!declared) return undefined;
    const { library, name } = declared;
    const using = statements.map((s, i) => (i !== index && mentions(s, name) ? i : -1)).filter((i) => i >= 0);
    if (using.length < 2 || using[0] < index) return undefined;
    const create = this.statementCall(statements[using[0]]);
    if (create?.name !== library.create || create.call.arguments.length !== 1 || !isNamed(create.call.arguments[0], name)) return undefined;
    let next = 1;
    let setStream: number | undefined;
    let stream: ts.Expression | undefined;
    const bind = this.statementCall(statements[using[1]]);
    if (library.setStream && bind?.name === library.setStream && bind.call.arguments.length === 2 && this.isValueOf(bind.call.arguments[0], name)) {
      setStream = using[1];
      stream = bind.call.arguments[1];
      next = 2;
    }
    const last = using[using.length - 1];
    const destroy = this.statementCall(statements[last]);
    if (using.length <= next || destroy?.name !== library.destroy || destroy.call.arguments.length !== 1 || !this.isValueOf(destroy.call.arguments[0], name)) return undefined;
    // A handle configured beyond its stream (math mode, workspace, pointer mode) is not shared.
    for (const i of using.slice(next, -1)) {
      let configured = false;
      const look = (node: ts.Node): void => {
        if (ts.isCallExpression(node) && /Set/.test(this.facadeName(node.expression) ?? '') && node.arguments.some((a) => this.isValueOf(a, name))) configured = true;
        ts.forEachChild(node, look);
      };
      look(statements[i]);
      if (configured) return undefined;
    }
    return { library, name, declaration: index, create: using[0], ...(setStream !== undefined ? { setStream, stream } : {}), destroy: last };
  }

  private shareIn(block: ts.Node, statements: readonly ts.Statement[]): void {
    const regions: Region[] = [];
    for (let i = 0; i < statements.length; i++) {
      const r = this.region(statements, i);
      if (r) regions.push(r);
    }
    if (regions.length < 2) return;
    // The handle each later region of a library and stream can use: the first of its group, with the group's last destroy.
    const groups = new Map<string, { first: Region; last: Region }>();
    for (const r of regions) {
      const key = `${r.library.type}\u0000${r.stream ? r.stream.getText(this.sourceFile) : ''}`;
      const group = groups.get(key);
      if (group && group.last.destroy < r.declaration) {
        const changes = this.merge(block, statements, group.first, group.last, r);
        if (changes) {
          // A removed statement takes the renames made in it before (the destroy of a region merged earlier).
          const removals = changes.filter((c) => c.text === '');
          this.found.splice(0, this.found.length, ...this.found.filter((f) => !removals.some((c) => overlapping(c, f))));
          this.found.push(...changes);
          group.last = r;
          continue;
        }
      }
      groups.set(key, { first: r, last: r });
    }
  }

  /** The changes that let `next` use `first`'s handle (whose last destroy is `last`'s), or undefined when not provably the same. */
  private merge(block: ts.Node, statements: readonly ts.Statement[], first: Region, last: Region, next: Region): Change[] | undefined {
    const removed = [last.destroy, next.declaration, next.create, ...(next.setStream !== undefined ? [next.setStream] : [])];
    const between = statements.slice(last.destroy + 1, next.setStream ?? next.create).filter((_, i) => !removed.includes(last.destroy + 1 + i));
    if (between.some(leavesOrSuspends)) return undefined;
    // The first handle is gone after its last destroy as written: nothing up to the next destroy names it.
    if (statements.slice(last.destroy + 1, next.destroy + 1).some((s) => mentions(s, first.name))) return undefined;
    if (statements.slice(first.create + 1, next.create).some((s) => !this.keepsDevice(s))) return undefined;
    if (first.stream && !this.streamUnchanged(block, statements, first, next)) return undefined;
    const changes: Change[] = [];
    const chosen: [number, number][] = this.found.filter((c) => c.text === '').map((c) => [c.start, c.end]);
    for (const i of [...removed].sort((a, b) => a - b)) {
      const range = this.removal(statements, i, chosen);
      if (!range) return undefined;
      chosen.push(range);
      changes.push({ start: range[0], end: range[1], text: '' });
    }
    for (let i = next.declaration; i <= next.destroy; i++) {
      if (removed.includes(i)) continue;
      const renames: Change[] = [];
      const look = (node: ts.Node): void => {
        if (ts.isIdentifier(node) && node.text === next.name && !isPropertyName(node)) renames.push({ start: node.getStart(this.sourceFile), end: node.end, text: first.name });
        ts.forEachChild(node, look);
      };
      look(statements[i]);
      if (renames.some((c) => !this.editHolding(c.start, c.end))) return undefined;
      changes.push(...renames);
    }
    return changes;
  }

  /**
   * The range that removes statement `i` with its line break: up to the next statement, or from
   * the previous one, whichever lies in one edit's text and clear of ranges already chosen.
   */
  private removal(statements: readonly ts.Statement[], i: number, chosen: readonly [number, number][]): [number, number] | undefined {
    const text = this.sourceFile.text;
    const s = statements[i];
    const start = s.getStart(this.sourceFile);
    const candidates: [number, number][] = [];
    const after = statements[i + 1];
    if (after && text.slice(s.end, after.getStart(this.sourceFile)).trim() === '') candidates.push([start, after.getStart(this.sourceFile)]);
    const before = statements[i - 1];
    if (before && text.slice(before.end, start).trim() === '') candidates.push([before.end, s.end]);
    return candidates.find(([a, b]) => this.editHolding(a, b) && chosen.every(([c, d]) => b <= c || d <= a));
  }

  /** The edit whose text holds [start, end) of the written text. */
  private editHolding(start: number, end: number): PlacedEdit | undefined {
    return this.placed.find((p) => p.start <= start && end <= p.end && p.end > p.start);
  }

  /**
   * Whether a statement cannot change the current device: no device-changing facade call, and
   * every call is the facade's, a pure global's, a method of a value made in the same block, or a
   * function of this file that keeps the device.
   */
  private keepsDevice(node: ts.Node, seen = new Set<ts.Node>()): boolean {
    let keeps = true;
    const look = (n: ts.Node): void => {
      if (!keeps) return;
      if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
        if (!this.calleeKeepsDevice(n.expression, seen)) keeps = false;
      }
      if (ts.isAwaitExpression(n) || ts.isYieldExpression(n)) keeps = false;
      ts.forEachChild(n, look);
    };
    look(node);
    return keeps;
  }

  private calleeKeepsDevice(callee: ts.Expression, seen: Set<ts.Node>): boolean {
    const name = this.facadeName(callee);
    if (name) return !DEVICE_CHANGES.has(name);
    let root: ts.Expression = callee;
    while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root) || ts.isCallExpression(root) || ts.isNewExpression(root) || ts.isNonNullExpression(root) || ts.isParenthesizedExpression(root)) root = root.expression;
    if (!ts.isIdentifier(root)) return false;
    if (this.facade.has(root.text) || this.namespaces.has(root.text)) return !DEVICE_CHANGES.has(this.facadeName(root) ?? '');
    if (this.foreignImports.has(root.text)) return false;
    if (PURE_GLOBALS.has(root.text) && !this.declaredInFile(root.text)) return true;
    const fn = this.fileFunctions.get(root.text);
    if (fn && root === callee) {
      if (seen.has(fn)) return true;
      seen.add(fn);
      return fn.body !== undefined && this.keepsDevice(fn.body, seen);
    }
    // A method of a value the enclosing block made from facade values (a cudnn-frontend graph, its tensors).
    const made = this.localConst(root);
    return made !== undefined && root !== callee && this.madeFromFacade(made, seen);
  }

  private declaredInFile(name: string): boolean {
    let declared = false;
    const look = (n: ts.Node): void => {
      if ((ts.isVariableDeclaration(n) || ts.isParameter(n) || ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n)) && n.name && ts.isIdentifier(n.name) && n.name.text === name) declared = true;
      if (!declared) ts.forEachChild(n, look);
    };
    look(this.sourceFile);
    return declared;
  }

  /** The initializer of the `const` a name refers to, declared in a block that encloses the use. */
  private localConst(use: ts.Identifier): ts.Expression | undefined {
    for (let n: ts.Node | undefined = use.parent; n; n = n.parent) {
      if (!ts.isBlock(n) && !ts.isSourceFile(n)) continue;
      for (const s of n.statements) {
        if (!ts.isVariableStatement(s) || !(s.declarationList.flags & ts.NodeFlags.Const)) continue;
        for (const d of s.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && d.name.text === use.text) return d.initializer;
          if (ts.isArrayBindingPattern(d.name) && d.name.elements.some((e) => ts.isBindingElement(e) && ts.isIdentifier(e.name) && e.name.text === use.text)) return d.initializer;
        }
      }
    }
    return undefined;
  }

  /** `seen`: nodes already asked about in this statement (a `false` anywhere fails the statement, so a repeat may answer true). */
  private madeFromFacade(init: ts.Expression, seen: Set<ts.Node>): boolean {
    if (seen.has(init)) return true;
    seen.add(init);
    let root: ts.Expression = init;
    while (ts.isPropertyAccessExpression(root) || ts.isCallExpression(root) || ts.isNewExpression(root) || ts.isNonNullExpression(root) || ts.isParenthesizedExpression(root)) root = root.expression;
    if (!ts.isIdentifier(root)) return false;
    if (this.facadeName(root) !== undefined || this.namespaces.has(root.text)) return this.keepsDevice(init, seen);
    // What a function of this file returns, when it keeps the device and returns only facade values (`allocate(bytes)` → `p.value`).
    const fn = this.fileFunctions.get(root.text);
    if (fn && ts.isCallExpression(init) && init.expression === root) return this.keepsDevice(init, seen) && this.returnsFacadeValues(fn, seen);
    const made = this.localConst(root);
    return made !== undefined && this.madeFromFacade(made, seen) && this.keepsDevice(init, seen);
  }

  private returnsFacadeValues(fn: ts.FunctionLikeDeclaration, seen: Set<ts.Node>): boolean {
    const body = fn.body;
    if (!body || !this.keepsDevice(body, seen)) return false;
    if (!ts.isBlock(body)) return this.madeFromFacade(body, seen);
    const returned: (ts.Expression | undefined)[] = [];
    const look = (n: ts.Node): void => {
      if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
      if (ts.isReturnStatement(n)) returned.push(n.expression);
      ts.forEachChild(n, look);
    };
    ts.forEachChild(body, look);
    return returned.length > 0 && returned.every((e) => e !== undefined && this.madeFromFacade(e, seen));
  }

  /**
   * Whether the stream `next` binds is the value `first` bound: the same expression over a root
   * variable that nothing between the two binds writes, and no function of the file writes.
   */
  private streamUnchanged(block: ts.Node, statements: readonly ts.Statement[], first: Region, next: Region): boolean {
    const stream = first.stream!;
    const text = stream.getText(this.sourceFile);
    if (!next.stream || next.stream.getText(this.sourceFile) !== text) return false;
    let root: ts.Expression = stream;
    while (ts.isPropertyAccessExpression(root)) root = root.expression;
    if (!ts.isIdentifier(root)) return false;
    const name = root.text;
    const onlyRead = (node: ts.Node): boolean => {
      let ok = true;
      const look = (n: ts.Node): void => {
        if (!ok) return;
        if (ts.isIdentifier(n) && n.text === name && !isPropertyName(n) && !this.boundRead(n, text)) ok = false;
        ts.forEachChild(n, look);
      };
      look(node);
      return ok;
    };
    if (!statements.slice(first.setStream! + 1, next.setStream!).every(onlyRead)) return false;
    // Functions the file declares (which the statements between may call) only read it too.
    let functionsRead = true;
    const look = (n: ts.Node): void => {
      if (!functionsRead) return;
      // A function with a parameter of that name refers to its own parameter, not the stream.
      const shadows = ts.isFunctionLike(n) && n.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name);
      if (shadows) return;
      if (ts.isFunctionLike(n) && !isAncestor(n, block) && !onlyRead(n)) functionsRead = false;
      else ts.forEachChild(n, look);
    };
    look(this.sourceFile);
    return functionsRead;
  }

  /** An occurrence of the stream's root that reads the bound stream as written (a call's argument). */
  private boundRead(root: ts.Identifier, text: string): boolean {
    let n: ts.Node = root;
    while (ts.isPropertyAccessExpression(n.parent) && n.parent.expression === n) n = n.parent;
    if (n.getText(this.sourceFile) !== text) return false;
    const parent = n.parent;
    return (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && (parent.arguments ?? []).some((a) => a === n);
  }
}

function isNamed(e: ts.Expression, name: string): boolean {
  return ts.isIdentifier(e) && e.text === name;
}

/** `x.name`'s name or `{ name: … }`'s key: not a reference to a variable. */
function isPropertyName(id: ts.Identifier): boolean {
  const p = id.parent;
  return (ts.isPropertyAccessExpression(p) && p.name === id) || (ts.isPropertyAssignment(p) && p.name === id) || (ts.isQualifiedName(p) && p.right === id);
}

function mentions(node: ts.Node, name: string): boolean {
  let found = false;
  const look = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && n.text === name && !isPropertyName(n)) found = true;
    else ts.forEachChild(n, look);
  };
  look(node);
  return found;
}

function isAncestor(candidate: ts.Node, of: ts.Node): boolean {
  for (let n: ts.Node | undefined = of; n; n = n.parent) if (n === candidate) return true;
  return false;
}

/** A statement that can leave the block or let other code run in the middle (outside nested functions). */
function leavesOrSuspends(statement: ts.Statement): boolean {
  let found = false;
  const look = (n: ts.Node): void => {
    if (found || ts.isFunctionLike(n) || ts.isClassLike(n)) return;
    if (ts.isReturnStatement(n) || ts.isThrowStatement(n) || ts.isBreakStatement(n) || ts.isContinueStatement(n) || ts.isAwaitExpression(n) || ts.isYieldExpression(n)) found = true;
    else ts.forEachChild(n, look);
  };
  look(statement);
  return found;
}

/** The written text and the edits with the changes made (each change lies in one edit's text). */
function applyChanges(output: string, edits: readonly Edit[], changes: readonly Change[]): WrittenPort {
  const descending = [...changes].sort((a, b) => b.start - a.start);
  let text = output;
  for (const c of descending) text = text.slice(0, c.start) + c.text + text.slice(c.end);
  const rewritten = edits.map((e) => ({ ...e }));
  let shift = 0;
  const placed = edits.map((e) => {
    const start = e.start + shift;
    shift += e.text.length - (e.end - e.start);
    return { start, end: start + e.text.length };
  });
  for (const c of descending) {
    const i = placed.findIndex((p) => p.start <= c.start && c.end <= p.end && p.end > p.start);
    const p = placed[i];
    const e = rewritten[i];
    rewritten[i] = { ...e, text: e.text.slice(0, c.start - p.start) + c.text + e.text.slice(c.end - p.start) };
  }
  return { output: text, edits: rewritten };
}
