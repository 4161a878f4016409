/**
 * Ports one parsed file: one walk over the syntax tree collects edits for facade calls (lifted
 * to the Invocation IR and lowered to the target), enum references (by meaning), type
 * references (through the catalog's type equivalences) and diagnostics (with comments above
 * the code they concern); then imports are recomputed and the edits applied once.
 * Arguments are visited before their call, so a call's text is built from already-rewritten
 * arguments.
 */
import type { Catalog, EntryRecord, EnumRecord, TypeRecord } from '../catalog/catalog.js';
import type { BackendId } from '../catalog/vocabulary.js';
import { ConstantEvaluator, type ConstantValue } from './context/constant-value.js';
import { declaredFacadeType } from './context/declared-type.js';
import { isPure } from './context/expression-purity.js';
import { FreshNames } from './context/fresh-names.js';
import { StaticContext, type ResolvedCall } from './context/static-context.js';
import { copyKey, copyMessage, copyText, judgesByMember, planStatusHelperCopies, statusLibraryWords, type CopyMessage, type CopyReplacement, type ReceivedStatus, type StatusHelperCopy } from './context/status-helper-copies.js';
import { numberStatusHolders } from './context/number-statuses.js';
import { helperStatusTypes } from './context/status-helper-types.js';
import { StatusHelpers, type StatusHelper } from './context/status-helpers.js';
import { sameStatus, statusVariables, variableStatusType, type StatusVariable } from './context/status-variables.js';
import { DiagnosticComments, commentText } from './diagnostics/diagnostic-comments.js';
import { pending, placeDiagnostic, type PendingDiagnostic, type PortDiagnostic } from './diagnostics/port-diagnostics.js';
import { EditList, type Edit } from './edits/edit-list.js';
import { rewriteImports } from './edits/import-rewrite.js';
import { writtenWords } from './edits/written-words.js';
import { callLayoutOf, SINGLE_LINE } from './emit/call-text.js';
import { FileFunctions } from './emit/file-functions.js';
import { dropNullGuard } from './emit/null-guard.js';
import { lineIndent, newlineOf, placeLowering, testingIf } from './emit/statement-placement.js';
import { frontendBinding, portFrontendNamespace } from './structural/dnn/frontend-namespace.js';
import { portFrontendGraphs } from './structural/dnn/frontend-port.js';
import { planDeviceOrder, type DeviceOrderPlan } from './structural/runtime/device-before-unique-id.js';
import { TargetNames, type ReferenceStyle } from './emit/target-names.js';
import { writtenStatus, type WrittenStatus } from './emit/written-status.js';
import type { ArgumentComments, Expr } from './ir/expr.js';
import type { LiftContext, LifterRegistry, SourceCall } from './lift/lifter.js';
import type { LowerContext, LowererRegistry, Lowering, PreludeStatement } from './lower/lowerer.js';
import { correspondingEnum, isStatusEnum, memberByMeaning, memberByValue, statusEnumOf } from './mapping/enum-mapping.js';
import { errorStringEntry } from './mapping/error-string-entry.js';
import { STATUS_NAME_MARK } from './structural/runtime/status-name-function.js';
import type { Invocation } from './ir/invocation.js';
import { facadeIndex, type EnumMember, type FacadeIndex } from './mapping/facade-index.js';
import { correspondingMember } from './mapping/member-mapping.js';
import { chooseTarget } from './mapping/target-entry.js';
import { correspondingType } from './mapping/type-mapping.js';
import type { PortRewrite } from './port-result.js';
import { findComments } from './syntax/comments.js';
import type { FacadeBindings } from './syntax/facade-bindings.js';
import { FacadeReferences, type FacadeReference } from './syntax/facade-references.js';
import { suppressedLines, type SuppressedLines } from './syntax/markers.js';
import { positionOf, ts } from './syntax/typescript.js';

export interface FilePorterOptions {
  readonly catalog: Catalog;
  readonly from: BackendId;
  readonly to: BackendId;
  readonly comments: boolean;
  readonly lifters: LifterRegistry;
  readonly lowerers: LowererRegistry;
  /** Target names to import under an alias because the same local stays in use as a source name. */
  readonly forcedAliases: ReadonlySet<string>;
}

export interface FilePortRun {
  readonly output: string;
  readonly rewrites: PortRewrite[];
  readonly diagnostics: PortDiagnostic[];
  /** The edits that made `output` from the source text, in order. */
  readonly edits: readonly Edit[];
  /** Target export names whose local collides with a source name kept for unported code. */
  readonly conflicts: string[];
}

/** The target status type planned for a status variable, from the calls assigned to it (context/status-variables.ts). */
interface StatusVariablePlan {
  readonly variable: StatusVariable;
  /** The type its declared type ports to. */
  readonly mapped: EnumRecord;
  /** The type it takes: that of most calls assigned to it. */
  readonly kept: EnumRecord;
  readonly written: readonly { readonly call: ts.CallExpression; readonly status: EnumRecord; readonly symbol: string; readonly declared: boolean }[];
}

const sameEnum = (a: EnumRecord | undefined, b: EnumRecord) => a !== undefined && a.backend === b.backend && a.spec.name === b.spec.name;

const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

export class FilePorter {
  private readonly text: string;
  private readonly edits: EditList;
  private readonly fresh: FreshNames;
  private readonly functions: FileFunctions;
  private readonly names: TargetNames;
  private readonly refs: FacadeReferences;
  private readonly suppressed: SuppressedLines;
  private readonly evaluator: ConstantEvaluator;
  private readonly context: StaticContext;
  private readonly commentWriter: DiagnosticComments;
  private readonly rewrites: PortRewrite[] = [];
  private readonly diagnostics: PortDiagnostic[] = [];
  /** Source locals still used by code left as it was. */
  private readonly leftovers = new Set<string>();
  private readonly reportedUnknown = new Set<string>();
  private readonly resolvedCalls = new Map<ts.CallExpression, ResolvedCall | null>();
  /** Facade calls already processed: the target entry written, or null when left as written. */
  private readonly callTargets = new Map<ts.CallExpression, EntryRecord | null>();
  private ported = false;
  /** Whether a statement dropper is registered for the target (asked for each statement then). */
  private readonly dropsStatements: boolean;
  /** Statements a structural module rewrote as a whole (cudnn-frontend graphs). */
  private readonly rewrittenStatements = new Set<ts.Node>();
  /** Calls whose lowering vanishes (descriptor calls of a target without them). */
  private readonly vanishedCalls = new Set<ts.Node>();
  private statusHelperIndex: StatusHelpers | undefined;
  private targetIndex: FacadeIndex | undefined;
  /** Status helpers whose parameter takes another target type than its declared type ports to (context/status-helper-types.ts). */
  private retypedHelpers = new Map<string, EnumRecord>();
  /** Copies of status helpers for the other status types they receive (context/status-helper-copies.ts), by copyKey. */
  private helperCopies = new Map<string, StatusHelperCopy>();
  /** Calls tested by an `if` whose status the output holds in a variable before it, with that status's type (Placement.heldIn). */
  private readonly heldStatuses = new Map<ts.Node, { readonly text: string; readonly status: EnumRecord }>();
  /** Status-naming functions an earlier port wrote (by name): the CUDA message function each stands for. */
  private readonly writtenStatusNames = new Map<string, EntryRecord>();
  /** The copies a status was routed to (only those are written). */
  private readonly usedCopies = new Set<string>();
  /** Nodes the walk writes in a retyped status variable's type (its annotation, the members it is given and compared with). */
  private readonly statusRetypes = new Map<ts.Node, () => void>();
  /** `number` parameters the port types with the status their callers pass, by function name: the indices. */
  private readonly retypedNumberParams = new Map<string, Set<number>>();
  /** Calls assigned to a status variable whose status is not the one the variable keeps. */
  /** Each status variable's planned target type (statusVariablePlans), by name. */
  private variablePlans: Map<string, StatusVariablePlan> | undefined;
  private strayStatuses: { call: ts.CallExpression; status: EnumRecord; symbol: string; variable: StatusVariable; kept: EnumRecord }[] = [];

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly bindings: FacadeBindings,
    private readonly options: FilePorterOptions,
  ) {
    this.text = sourceFile.text;
    this.edits = new EditList(this.text);
    this.fresh = new FreshNames(sourceFile);
    this.functions = new FileFunctions(this.fresh);
    const { to, from } = options;
    const existing = new Map<string, string>();
    let existingNamespace: string | undefined;
    for (const i of bindings.imports) {
      if (i.backend !== to) continue;
      if (i.namespace) existingNamespace ??= i.namespace;
      for (const s of i.specifiers) existing.set(s.imported, s.local);
    }
    const sourceLocals = new Set(bindings.imports.filter((i) => i.backend === from).flatMap((i) => i.specifiers.map((s) => s.local)));
    this.names = new TargetNames(to, this.fresh, existing, sourceLocals, options.forcedAliases, existingNamespace);
    this.refs = new FacadeReferences(bindings, from, facadeIndex(options.catalog, from));
    this.suppressed = suppressedLines(sourceFile, findComments(sourceFile));
    this.evaluator = new ConstantEvaluator((node) => this.enumValue(node));
    this.context = new StaticContext(sourceFile, (call) => this.resolveCall(call), this.evaluator, this.fresh);
    this.commentWriter = new DiagnosticComments(sourceFile, this.edits);
    this.dropsStatements = options.lowerers.dropsStatements(to);
  }

  run(): FilePortRun {
    for (const r of this.bindings.reExports) {
      if (r.backend === this.options.from) this.report(r.declaration, pending('OB1014', { backend: r.backend, target: this.options.to }));
    }
    this.portGraphs();
    const deviceOrder = planDeviceOrder({
      catalog: this.options.catalog,
      target: this.options.to,
      context: this.context,
      isHostHelperCall: (c) => this.refs.exact(c.expression)?.symbol?.kind === 'host',
      isSuppressed: (n) => this.isSuppressed(n),
    });
    this.portStatementGroups();
    this.planStatusHelpers();
    this.planStatusVariables();
    this.planNumberStatuses();
    this.planWrittenStatusNames();
    this.visit(this.sourceFile);
    this.retypeStatusHelpers();
    this.writeStatusHelperCopies();
    this.reportStrayStatuses();
    this.applyDeviceOrder(deviceOrder);
    if (this.ported || this.leftovers.size === 0) {
      const rewritten = this.bindings.imports.filter((i) => i.backend === this.options.from).map((i) => i.declaration);
      this.names.keepReferenced(writtenWords(this.edits, this.sourceFile, rewritten, this.functions.all().map((f) => f.text)));
      rewriteImports({ sourceFile: this.sourceFile, bindings: this.bindings, from: this.options.from, to: this.options.to, names: this.names, leftovers: this.leftovers }, this.edits);
    }
    this.writeFileFunctions();
    const sourceLocals = new Set(this.bindings.imports.filter((i) => i.backend === this.options.from).flatMap((i) => i.specifiers.map((s) => s.local)));
    const conflicts = this.names
      .namedImports()
      .filter((t) => this.leftovers.has(t.local) && sourceLocals.has(t.local))
      .map((t) => t.name);
    const byPosition = <T extends { line: number; column: number }>(a: T, b: T) => a.line - b.line || a.column - b.column;
    return { output: this.edits.apply(), rewrites: this.rewrites.sort(byPosition), diagnostics: this.diagnostics.sort(byPosition), edits: this.edits.applied(), conflicts };
  }

  // ---- the walk -------------------------------------------------------------------------

  private visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (this.rewrittenStatements.has(node)) return;
    const retype = this.statusRetypes.get(node);
    if (retype) return retype();
    if (this.dropsStatements && isListedStatement(node)) {
      this.precedeStatement(node);
      if (this.dropStatement(node)) return;
    }
    if (ts.isVariableStatement(node) && this.dropDeclaration(node)) return;
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.arguments.length === 1 && this.writtenStatusNames.has(node.expression.text)) {
      ts.forEachChild(node, this.visit);
      const failure = this.portStatusNameCall(node, this.writtenStatusNames.get(node.expression.text)!);
      for (const d of failure ?? []) this.report(node, d);
      return;
    }
    if (ts.isCallExpression(node)) {
      const callee = this.refs.exact(node.expression);
      if (callee?.symbol?.kind === 'entry') {
        const checkpoint = this.checkpoint();
        node.typeArguments?.forEach(this.visit);
        // Enum members passed directly are mapped by the call, through its target parameter.
        const reporting = new Map<ts.Expression, string>();
        for (const a of node.arguments) {
          const before = { diagnostics: this.diagnostics.length, leftovers: this.leftovers.size };
          if (!this.enumReference(a)) this.visit(a);
          if (this.diagnostics.length > before.diagnostics || this.leftovers.size > before.leftovers) reporting.set(a, this.edits.textOf(a.getStart(this.sourceFile), a.end));
        }
        const argumentsReported = this.diagnostics.length > checkpoint.diagnostics || this.leftovers.size > checkpoint.leftovers.size;
        let failure = this.portCall(node, callee);
        if (!failure && argumentsReported && this.vanishedCalls.has(node)) {
          // The call vanishes with its arguments: what porting them reported (a constant nested in
          // a buffer, `new Int32Array([CUBLAS_OP_T])`) no longer applies.
          this.restore(checkpoint);
          failure = this.portCall(node, callee);
        } else if (!failure && reporting.size > 0) {
          // Arguments the lowering does not write (XDNN's VectorParam offsets of an attention that
          // ports to one cuDNN graph) take what porting them reported with them: the call is
          // ported again without visiting them, so their diagnostics, comments, imports and
          // source names kept for them are never made.
          const dropped = [...reporting].filter(([a, text]) => this.loweredWithout(a, text)).map(([a]) => a);
          if (dropped.length > 0) {
            const again = (skip: readonly ts.Expression[]) => {
              this.restore(checkpoint);
              node.typeArguments?.forEach(this.visit);
              for (const a of node.arguments) if (!skip.includes(a) && !this.enumReference(a)) this.visit(a);
              return this.portCall(node, callee);
            };
            failure = again(dropped);
            // Ported without them, the lowering must still leave them out (no source name of theirs written); else as before.
            if (failure || dropped.some((a) => !this.loweredWithout(a, a.getText(this.sourceFile)))) failure = again([]);
          }
        }
        if (failure) {
          this.callTargets.set(node, null);
          this.restore(checkpoint);
          this.keepAsWritten(node);
          for (const d of failure) this.report(node, d);
        }
        return;
      }
      this.routeStatusVariable(node);
    }
    if (ts.isIdentifier(node)) {
      const ref = this.refs.resolve(node);
      if (ref) this.portReference(ref);
      return;
    }
    if (ts.isNumericLiteral(node)) {
      this.portStatusLiteral(node);
      return;
    }
    if (ts.isPropertyAccessExpression(node)) this.portMember(node);
    ts.forEachChild(node, this.visit);
  };

  /**
   * cudnn-frontend graphs (the source facade's `fe`, or its namespace on a backend with the graph
   * API itself): kept on a target with the graph API, else (from CUDA) ported whole through the
   * Invocation IR.
   */
  private portGraphs(): void {
    const { from, to, catalog } = this.options;
    if (from === to) return;
    const names = new Set(from === 'cuda' ? ['fe'] : ['fe', frontendBinding(catalog, from)]);
    const fe = this.bindings.imports.filter((i) => i.backend === from).flatMap((i) => i.specifiers).find((s) => names.has(s.imported));
    if (!fe) return;
    if (this.keepGraphs(fe.local)) return;
    if (from !== 'cuda') return;
    const result = portFrontendGraphs({
      sourceFile: this.sourceFile,
      fe: fe.local,
      catalog: this.options.catalog,
      target: this.options.to,
      context: this.context,
      lowerers: this.options.lowerers,
      lowerContext: this.lowerContext({ kind: 'named' }, undefined, undefined),
    });
    for (const e of result.edits) {
      if (this.isSuppressed(e.statement)) continue;
      this.rewrittenStatements.add(e.statement);
      if (e.text === '') this.removeStatement(e.statement, e.withLeadingComments);
      else this.edits.replace(e.statement.getStart(this.sourceFile), e.statement.end, e.text);
    }
    for (const r of result.rewrites) this.record(r.node, 'call', r.from, r.to);
    for (const d of result.diagnostics) this.report(d.node, d.diagnostic);
  }

  /**
   * Between backends that both have the graph API the graphs are kept: the source binding (`fe`,
   * `mcdnn_frontend`) becomes the target's and the names it spells otherwise are renamed
   * (structural/dnn/frontend-namespace.ts).
   */
  private keepGraphs(fe: string): boolean {
    const port = portFrontendNamespace({ sourceFile: this.sourceFile, fe, catalog: this.options.catalog, source: this.options.from, target: this.options.to });
    if (!port) return false;
    for (const use of port.uses) {
      if (this.isSuppressed(use)) {
        this.leftovers.add(fe);
        continue;
      }
      // The walk leaves the use alone: it is no name of the source catalog (OB1010 otherwise).
      this.rewrittenStatements.add(use);
      this.edits.replace(use.getStart(this.sourceFile), use.end, this.names.value(port.binding, { kind: 'named' }, fe));
    }
    for (const r of port.renames) {
      if (this.isSuppressed(r.node)) continue;
      this.edits.replace(r.node.getStart(this.sourceFile), r.node.end, r.to);
      this.record(r.node, 'type', r.from, [r.to]);
    }
    for (const s of port.statements) {
      if (this.isSuppressed(s.statement)) continue;
      this.rewrittenStatements.add(s.statement);
      this.edits.replace(s.statement.getStart(this.sourceFile), s.statement.end, s.text);
      this.record(s.statement, 'call', s.from, [s.to]);
    }
    for (const d of port.diagnostics) this.report(d.node, d.diagnostic);
    this.ported = true;
    return true;
  }

  /**
   * Targets that need a device before the communicator id (HcclGetRootInfo): the first device
   * selection, already ported, moves up to before the id's statement where that is provably the
   * same program; elsewhere the id's call gets OB1031 (structural/runtime/device-before-unique-id.ts).
   */
  private applyDeviceOrder(plans: readonly DeviceOrderPlan[]): void {
    for (const plan of plans) {
      if (plan.kind === 'blocked') {
        this.report(plan.uniqueId.node, plan.diagnostic);
        continue;
      }
      const start = plan.statement.getStart(this.sourceFile);
      const moved = this.edits.textOf(start, plan.statement.end);
      this.removeStatement(plan.statement);
      const at = plan.before.getStart(this.sourceFile);
      this.edits.insert(at, `${moved}${newlineOf(this.text)}${lineIndent(this.text, at)}`);
      this.report(plan.statement, plan.diagnostic);
      this.ported = true;
    }
  }

  /**
   * Operations spelled as several statements (lift/statement-groups.ts): the statements around
   * each anchor call that ports vanish before the walk; the walk ports the anchor call.
   */
  private portStatementGroups(): void {
    for (const reader of this.options.lifters.groupReaders(this.options.from)) {
      const statements = reader.absorbed({
        sourceFile: this.sourceFile,
        catalog: this.options.catalog,
        target: this.options.to,
        context: this.context,
        ports: (call) => this.portsOnTrial(call),
        suppressed: (node) => this.isSuppressed(node),
      });
      for (const statement of statements) {
        this.rewrittenStatements.add(statement);
        this.commentWriter.removeAbove(statement);
        this.removeStatement(statement);
        this.ported = true;
      }
      this.context.absorb(statements);
    }
  }

  /** Whether a facade call lifts and lowers to the target; names issued on the way are given back. */
  private portsOnTrial(node: ts.CallExpression): boolean {
    return this.lowerOnTrial(node, () => true) ?? false;
  }

  /** `use` of a facade call's lowering to the target, on trial (names issued on the way are given back). */
  private lowerOnTrial<T>(node: ts.CallExpression, use: (lowering: Lowering) => T): T | undefined {
    const callee = this.refs.exact(node.expression);
    if (callee?.symbol?.kind !== 'entry') return undefined;
    const entry = callee.symbol.entry;
    const hasTemplate = (entry.spec.template?.length ?? 0) > 0;
    const call: SourceCall = {
      node,
      backend: this.options.from,
      entry,
      args: node.arguments.slice(hasTemplate ? 1 : 0).map((a, i) => this.argument(a, i)),
      ...(hasTemplate && node.arguments[0] ? { template: this.argument(node.arguments[0], -1) } : {}),
    };
    return this.onTrial(() => {
      const lifted = this.options.lifters.lift(call, { catalog: this.options.catalog, target: this.options.to, context: this.context, enumReference: (n) => this.enumReference(n) });
      if (!lifted.ok) return undefined;
      const lowered = this.options.lowerers.lower(lifted.invocation, this.lowerContext(this.styleOf(callee), this.originOf(callee), node));
      return lowered.ok ? use(lowered.lowering) : undefined;
    });
  }

  /** Runs a trial lowering: the target names and file functions it asked for are forgotten after it. */
  private onTrial<T>(trial: () => T): T {
    const names = this.names.mark();
    const functions = this.functions.mark();
    try {
      return trial();
    } finally {
      this.functions.rollback(functions);
      this.names.rollback(names);
    }
  }

  /** Removes a statement, with its line when nothing else is on it. */
  private removeStatement(statement: ts.Node, withLeadingComments = false): void {
    const text = this.text;
    const comments = withLeadingComments ? ts.getLeadingCommentRanges(text, statement.pos) : undefined;
    const start = comments?.length ? comments[0].pos : statement.getStart(this.sourceFile);
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    let end = statement.end;
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    if (text.slice(lineStart, start).trim() === '' && (end === text.length || text[end] === '\n' || text[end] === '\r')) {
      if (text[end] === '\r') end++;
      if (text[end] === '\n') end++;
      // A removed declaration takes one of the blank lines around it.
      if (withLeadingComments && /^\r?\n/.test(text.slice(end)) && /(^|\n)\r?\n$/.test(text.slice(0, lineStart))) end += text[end] === '\r' ? 2 : 1;
      this.edits.replace(lineStart, end, '');
    } else this.edits.replace(start, end, '');
  }

  /** Writes what a registered prelude puts before a statement (a wait), or reports why it cannot. */
  private precedeStatement(statement: ts.Statement): void {
    if (this.isSuppressed(statement)) return;
    const prelude = this.options.lowerers.precedesStatement(statement, this.lowerContext({ kind: 'named' }, undefined, undefined));
    if (!prelude) return;
    if ('diagnostic' in prelude) return this.report(prelude.node, prelude.diagnostic);
    const start = statement.getStart(this.sourceFile);
    const indent = lineIndent(this.text, start);
    this.edits.insert(start, `${prelude.text.split('\n').join(`${newlineOf(this.text)}${indent}`)}${newlineOf(this.text)}${indent}`);
    this.record(statement, 'call', prelude.from, prelude.to);
    this.ported = true;
  }

  /** Removes a statement a registered dropper says only serves calls lowered away. */
  private dropStatement(statement: ts.Statement): boolean {
    if (this.isSuppressed(statement)) return false;
    const rewritten = this.options.lowerers.rewritesStatement(statement, this.lowerContext({ kind: 'named' }, undefined, undefined));
    if (rewritten) {
      const start = statement.getStart(this.sourceFile);
      const indent = lineIndent(this.text, start);
      this.edits.replace(start, statement.end, rewritten.text.split('\n').join(`${newlineOf(this.text)}${indent}`));
      this.record(statement, 'call', rewritten.from, rewritten.to);
      return true;
    }
    const dropped = this.options.lowerers.dropsStatement(statement, this.lowerContext({ kind: 'named' }, undefined, undefined));
    if (dropped === undefined) return false;
    this.removeStatement(statement);
    this.record(statement, 'call', dropped, []);
    return true;
  }

  /**
   * Removes `const v = ref<T>();` when T is a source facade type and a registered dropper says
   * every use of `v` is lowered away (a descriptor the target does not have).
   */
  private dropDeclaration(statement: ts.VariableStatement): boolean {
    const declarations = statement.declarationList.declarations;
    if (declarations.length !== 1 || this.isSuppressed(statement)) return false;
    const [d] = declarations;
    const init = d.initializer;
    if (!ts.isIdentifier(d.name) || !init || !ts.isCallExpression(init) || init.arguments.length > 0 || init.typeArguments?.length !== 1) return false;
    if (this.refs.exact(init.expression)?.symbol?.kind !== 'host') return false;
    const typeArgument = init.typeArguments[0];
    if (!ts.isTypeReferenceNode(typeArgument) || !ts.isIdentifier(typeArgument.typeName) || !this.refs.resolve(typeArgument.typeName)) return false;
    const ctx = this.lowerContext({ kind: 'named' }, undefined, init);
    if (!this.options.lowerers.dropsDeclaration(d.name.text, d, ctx)) return false;
    this.removeStatement(statement);
    this.record(statement, 'call', d.name.text, []);
    return true;
  }

  private lowerContext(style: ReferenceStyle, origin: string | undefined, node: ts.CallExpression | undefined): LowerContext {
    return {
      catalog: this.options.catalog,
      target: this.options.to,
      names: this.names,
      style,
      origin,
      fresh: this.fresh,
      context: this.context,
      layout: node ? callLayoutOf(node, this.sourceFile) : SINGLE_LINE,
      functions: this.functions,
      heldStatus: (call) => this.heldStatuses.get(call),
      statusTypeOf: (node) => this.retypedHelperParam(node),
    };
  }

  /** The type a retyped status helper's parameter takes, where `node` names it in the helper's own body. */
  private retypedHelperParam(node: ts.Node): EnumRecord | undefined {
    if (!ts.isIdentifier(node) || this.retypedHelpers.size === 0) return undefined;
    let fn: ts.Node | undefined = node.parent;
    while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
    const helper = fn ? this.statusHelpers().all().find((h) => h.declaration === fn && h.param === node.text) : undefined;
    return helper ? this.retypedHelpers.get(helper.name) : undefined;
  }

  private isSuppressed(node: ts.Node): boolean {
    if (this.suppressed.isEmpty) return false;
    return this.suppressed.has(this.sourceFile.getLineAndCharacterOfPosition(node.getStart(this.sourceFile)).line);
  }

  private styleOf(ref: FacadeReference): ReferenceStyle {
    return { kind: ref.style };
  }

  private originOf(ref: FacadeReference): string | undefined {
    return ref.style === 'named' ? ref.local : undefined;
  }

  private place(node: ts.Node, diagnostic: PendingDiagnostic): PortDiagnostic {
    const { line, column } = positionOf(this.sourceFile, node);
    return placeDiagnostic(diagnostic, line, column);
  }

  private report(node: ts.Node, diagnostic: PendingDiagnostic): void {
    const placed = this.place(node, diagnostic);
    this.diagnostics.push(placed);
    if (this.options.comments && placed.severity !== 'info' && !this.isSuppressed(node)) this.commentWriter.add(node, placed);
  }

  private record(node: ts.Node, kind: PortRewrite['kind'], from: string, to: readonly string[]): void {
    const { line, column } = positionOf(this.sourceFile, node);
    this.rewrites.push({ line, column, kind, from, to });
    this.ported = true;
  }

  // ---- calls ----------------------------------------------------------------------------

  /** The lowering of the last call ported (set by portCall). */
  private lastLowering: Lowering | undefined;

  /**
   * Whether the last lowering leaves argument `node` out: neither its ported text nor any source
   * facade name in it is written (a part of it written as source text would need its names).
   */
  private loweredWithout(node: ts.Expression, text: string): boolean {
    const written = this.lastLowering ? loweringText(this.lastLowering) : '';
    if (written.includes(text)) return false;
    const words = new Set(written.split(/[^\w$]+/));
    let named = false;
    const visit = (n: ts.Node): void => {
      if (named) return;
      if (ts.isIdentifier(n) && words.has(n.text) && this.refs.resolve(n)) named = true;
      ts.forEachChild(n, visit);
    };
    visit(node);
    return !named;
  }

  private checkpoint() {
    return {
      edits: this.edits.mark(),
      names: this.names.mark(),
      functions: this.functions.mark(),
      comments: this.commentWriter.mark(),
      rewrites: this.rewrites.length,
      diagnostics: this.diagnostics.length,
      unknown: new Set(this.reportedUnknown),
      leftovers: new Set(this.leftovers),
    };
  }

  private restore(c: ReturnType<FilePorter['checkpoint']>): void {
    this.edits.rollback(c.edits);
    this.functions.rollback(c.functions);
    this.names.rollback(c.names);
    this.commentWriter.rollback(c.comments);
    this.rewrites.length = c.rewrites;
    this.diagnostics.length = c.diagnostics;
    this.reportedUnknown.clear();
    for (const u of c.unknown) this.reportedUnknown.add(u);
    this.leftovers.clear();
    for (const l of c.leftovers) this.leftovers.add(l);
    this.ported = this.rewrites.length > 0;
  }

  /** Every source facade name inside `node` stays imported from the source facade. */
  private keepAsWritten(node: ts.Node): void {
    const visit = (n: ts.Node): void => {
      if (ts.isIdentifier(n)) {
        const ref = this.refs.resolve(n);
        if (ref) this.leftovers.add(ref.local);
      }
      ts.forEachChild(n, visit);
    };
    visit(node);
  }

  /** Ports a facade call; returns why not when it cannot (the caller leaves it as written). */
  private portCall(node: ts.CallExpression, callee: FacadeReference): readonly PendingDiagnostic[] | undefined {
    if (callee.symbol?.kind !== 'entry') return [];
    const entry = callee.symbol.entry;
    if (this.isSuppressed(node)) return [];
    const hasTemplate = (entry.spec.template?.length ?? 0) > 0;
    const argNodes = node.arguments.slice(hasTemplate ? 1 : 0);
    const call: SourceCall = {
      node,
      backend: this.options.from,
      entry,
      args: argNodes.map((a, i) => this.argument(a, i)),
      ...(hasTemplate && node.arguments[0] ? { template: this.argument(node.arguments[0], -1) } : {}),
    };
    const liftContext: LiftContext = {
      catalog: this.options.catalog,
      target: this.options.to,
      context: this.context,
      enumReference: (n) => this.enumReference(n),
    };
    const lifted = this.options.lifters.lift(call, liftContext);
    if (!lifted.ok) return lifted.diagnostics;
    const lowerContext = this.lowerContext(this.styleOf(callee), this.originOf(callee), node);
    const lowered = this.options.lowerers.lower(lifted.invocation, lowerContext);
    if (!lowered.ok) return lowered.diagnostics;
    const route = this.statusRoute(node);
    const placed = placeLowering(
      node,
      lowered.lowering,
      this.edits,
      this.sourceFile,
      (c) => this.refs.exact(c.expression)?.symbol?.kind === 'entry',
      () => this.fresh.fresh('status'),
      route?.helperFor,
      this.messageReadsStatus(node, lowered.lowering),
    );
    if (!placed.ok) return [pending('OB1017', { symbol: entry.spec.symbol, reason: placed.reason }, entry.spec.symbol)];
    const held = placed.heldIn !== undefined ? this.statusesWritten(lowered.lowering).call : undefined;
    if (held && placed.heldIn !== undefined) this.heldStatuses.set(node, { text: placed.heldIn, status: held });
    else this.heldStatuses.delete(node);
    this.lastLowering = lowered.lowering;
    this.record(node, 'call', entry.spec.symbol, lowered.lowering.targetSymbols);
    if (lowered.lowering.vanishes) this.vanishedCalls.add(node);
    const last = lowered.lowering.targetSymbols[lowered.lowering.targetSymbols.length - 1];
    this.callTargets.set(node, (last !== undefined ? this.options.catalog.entry(this.options.to, last) : undefined) ?? null);
    // The source's null guard (`aclGetRecentErrMsg() ?? ''`) has nothing to guard where no function written may return null.
    const neverNull = (symbol: string) => {
      const target = this.options.catalog.entry(this.options.to, symbol);
      return target !== undefined && !target.spec.returnsNull;
    };
    if (entry.spec.returnsNull && !lowered.lowering.vanishes && lowered.lowering.targetSymbols.length > 0 && lowered.lowering.targetSymbols.every(neverNull)) dropNullGuard(node, this.edits, this.sourceFile);
    const placedDiagnostics = lowered.lowering.diagnostics.map((d) => this.place(node, d));
    if (this.options.comments) {
      const keep = new Set(placedDiagnostics.filter((d) => d.severity !== 'info').map(commentText));
      this.commentWriter.removeStale(node, entry.spec.symbol, keep);
    }
    for (const d of lowered.lowering.diagnostics) this.report(node, d);
    for (const d of route?.mismatches.values() ?? []) this.report(node, d);
    const finalHelper = lowered.lowering.vanishes ? undefined : route?.helperFor(lowered.lowering.call);
    const helper = this.statusHelperHazard(node, entry, lowered.lowering.targetSymbols, finalHelper);
    if (helper) this.report(node, helper);
    return undefined;
  }

  /**
   * Whether the `if` testing this call (`if (call !== SUCCESS) throw new Error(recentMessage())`)
   * asks, in its branch, for the message of the status it tested: a source message call that
   * lifts with this call as its `tested` status (aclnn-lift/tested-status-error.ts), where the
   * target has a code-to-string function for the status the lowering writes. Then the call's
   * status is kept in a variable, so the message can be that status's.
   */
  private messageReadsStatus(node: ts.CallExpression, lowering: Lowering): boolean {
    const test = testingIf(node);
    if (!test || lowering.vanishes) return false;
    const status = this.statusesWritten(lowering).call;
    if (!status || !errorStringEntry(this.options.catalog, status)) return false;
    let reads = false;
    const visit = (n: ts.Node): void => {
      if (reads || ts.isFunctionLike(n)) return;
      if (ts.isCallExpression(n) && n.arguments.length === 0) {
        const symbol = this.refs.exact(n.expression)?.symbol;
        if (symbol?.kind === 'entry') {
          const lifted = this.options.lifters.lift(
            { node: n, backend: this.options.from, entry: symbol.entry, args: [] },
            { catalog: this.options.catalog, target: this.options.to, context: this.context, enumReference: (e) => this.enumReference(e) },
          );
          reads = lifted.ok && lifted.invocation.kind === 'primitive' && lifted.invocation.args.get('tested')?.node === node;
          if (reads) return;
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(test.thenStatement);
    return reads;
  }

  /**
   * Where a call's status goes to a status helper of the file (context/status-helpers.ts): for
   * each status the lowering writes (the call's, and those of prelude statements that go to the
   * same helper), the helper of the same shape for that status's type on the target when the
   * helper's own parameter type is another library's status; where the file has none and the two
   * libraries' successes are not the same number, OB1033 (collected in `mismatches`).
   */
  private statusRoute(node: ts.CallExpression): { helperFor: (status: string) => string | undefined; mismatches: Map<string, PendingDiagnostic> } | undefined {
    const parent = node.parent;
    if (!ts.isCallExpression(parent) || this.refs.exact(parent.expression)) return undefined;
    const index = parent.arguments.indexOf(node);
    if (index < 0) return undefined;
    const helpers = this.statusHelpers();
    const helper = helpers.calledAt(parent.expression, index);
    if (!helper) return undefined;
    const helperStatus = this.helperStatus(helper);
    if (!helperStatus) return undefined;
    const mismatches = new Map<string, PendingDiagnostic>();
    const helperFor = (statusText: string): string | undefined => {
      const written = this.writtenStatus(statusText);
      const status = written?.status;
      if (!written || !status || sameEnum(helperStatus, status)) return undefined;
      const other = this.helperOf(helper, status);
      if (other) return other;
      const mismatch = this.statusMismatch(written.symbol, status, helper, helperStatus);
      if (mismatch) mismatches.set(written.symbol, mismatch);
      return undefined;
    };
    return { helperFor, mismatches };
  }

  /** The helper of `helper`'s shape for `status`: a sibling the file declares, or a copy the port writes. */
  private helperOf(helper: StatusHelper, status: EnumRecord): string | undefined {
    const sibling = this.statusHelpers().sibling(helper, (other) => sameEnum(this.helperStatus(other), status));
    if (sibling) return sibling.name;
    const copy = this.helperCopies.get(copyKey(helper.name, status));
    if (!copy) return undefined;
    this.usedCopies.add(copyKey(helper.name, status));
    return copy.name;
  }

  /**
   * A status variable passed to a status helper (`check(gemmStatus, 'gemm')`): where the
   * variable's status type (as planned for it) is not the helper's, the call goes to the helper
   * of its type, or is reported (OB1033) when there is none.
   */
  private routeStatusVariable(node: ts.CallExpression): void {
    const callee = node.expression;
    if (!ts.isIdentifier(callee) || this.refs.exact(callee) || this.isSuppressed(node)) return;
    node.arguments.forEach((argument, index) => {
      const helper = this.statusHelpers().calledAt(callee, index);
      const plan = helper ? this.statusVariablePlan(argument) : undefined;
      const helperStatus = helper ? this.helperStatus(helper) : undefined;
      if (!helper || !plan || !helperStatus || sameEnum(helperStatus, plan.kept)) return;
      const other = this.helperOf(helper, plan.kept);
      if (other) {
        this.edits.replace(callee.getStart(this.sourceFile), callee.end, other);
        this.ported = true;
        return;
      }
      const mismatch = this.statusMismatch(plan.variable.name, plan.kept, helper, helperStatus);
      if (mismatch) this.report(argument, mismatch);
    });
  }

  /**
   * Whether the file can name a source status enum at all (a named import of one, or a namespace
   * import of the source facade): a status helper's parameter must, so without that the file has
   * none and is not scanned for them.
   */
  private namesStatusEnum(): boolean {
    const { from, catalog } = this.options;
    if ([...this.bindings.namespaces.values()].includes(from)) return true;
    const index = facadeIndex(catalog, from);
    for (const b of this.bindings.named.values()) {
      if (b.backend !== from) continue;
      const symbol = index.resolve([b.imported])?.symbol;
      if (symbol?.kind === 'enum' && isStatusEnum(symbol.enum)) return true;
    }
    return false;
  }

  private statusHelpers(): StatusHelpers {
    this.statusHelperIndex ??= new StatusHelpers(this.namesStatusEnum() ? this.sourceFile : NO_STATEMENTS, (name) => {
      const symbol = this.refs.exact(name)?.symbol;
      return symbol?.kind === 'enum' && isStatusEnum(symbol.enum) ? symbol.enum : undefined;
    });
    return this.statusHelperIndex;
  }

  /** The target status enum a status helper takes: its declared type ported, or the type it was given. */
  private helperStatus(helper: StatusHelper): EnumRecord | undefined {
    return this.retypedHelpers.get(helper.name) ?? correspondingEnum(this.options.catalog, helper.status, this.options.to);
  }

  /**
   * Before the walk: which target status type each status helper takes
   * (context/status-helper-types.ts), from the status each call passed to it becomes (lowered on
   * trial). Nothing to do, and no trial, when the file has no status helper.
   */
  private planStatusHelpers(): void {
    const { catalog, to } = this.options;
    if (to === this.options.from) return;
    const all = this.statusHelpers().all();
    const mapped = new Map(all.map((h) => [h.name, correspondingEnum(catalog, h.status, to)]));
    // Helpers whose type may change: every one whose declared type ports to a status enum.
    const typed = new Set(all.filter((h) => mapped.get(h.name)).map((h) => h.name));
    if (typed.size === 0) return;
    const received = new Map<string, EnumRecord[]>();
    const reaching = new Map<string, ReceivedStatus[]>();
    const visit = (node: ts.Node): void => {
      // Statements a group reader removed (the rest of an XDNN chain) pass no status on.
      if (this.rewrittenStatements.has(node)) return;
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && typed.has(node.expression.text) && !this.isSuppressed(node)) {
        const name = node.expression.text;
        const helper = all.find((h) => h.name === name);
        const argument = helper ? node.arguments[helper.index] : undefined;
        const source = argument && ts.isCallExpression(argument) ? this.refs.exact(argument.expression)?.symbol : undefined;
        if (helper && argument && ts.isCallExpression(argument) && source?.kind === 'entry') {
          const declared = statusEnumOf(catalog, source.entry) === helper.status;
          const statuses = this.lowerOnTrial(argument, (lowering) => (lowering.vanishes ? undefined : this.statusesWritten(lowering)));
          if (statuses?.call && declared) received.set(helper.name, [...(received.get(helper.name) ?? []), statuses.call]);
          for (const status of statuses?.all ?? []) reaching.set(helper.name, [...(reaching.get(helper.name) ?? []), { status, declared }]);
        }
        // A status variable passed on counts as the status type planned for it.
        const plan = helper && argument ? this.statusVariablePlan(argument) : undefined;
        if (helper && plan) {
          const declared = plan.variable.status === helper.status;
          if (declared) received.set(helper.name, [...(received.get(helper.name) ?? []), plan.kept]);
          reaching.set(helper.name, [...(reaching.get(helper.name) ?? []), { status: plan.kept, declared }]);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(this.sourceFile);
    this.retypedHelpers = helperStatusTypes(all, (h) => mapped.get(h.name), (h) => received.get(h.name) ?? []);
    const success = (e: EnumRecord) => e.spec.members.find((m) => m.meaning === 'status.success')?.value;
    this.helperCopies = planStatusHelperCopies({
      helpers: all.filter((h) => typed.has(h.name)),
      typeOf: (h) => this.helperStatus(h),
      received: (h) => reaching.get(h.name) ?? [],
      sameSuccess: (a, b) => success(a) !== undefined && success(a) !== null && success(a) === success(b),
      copyable: (h, status) => this.copyable(h, status),
      fresh: (base) => this.fresh.fresh(base),
      libraries: statusLibraryWords(catalog),
    });
  }

  /** The statuses a lowering writes that go where the call's status goes: the call's, and those of its status statements. */
  private statusesWritten(lowering: Lowering): { call: EnumRecord | undefined; all: EnumRecord[] } {
    const all: EnumRecord[] = [];
    const each = (statements: readonly PreludeStatement[] | undefined): void => {
      for (const p of statements ?? []) {
        if (p.body) each(p.body);
        else if (p.status) {
          const status = this.writtenStatus(p.text)?.status;
          if (status) all.push(status);
        }
      }
    };
    each(lowering.prelude);
    const call = this.writtenStatus(lowering.call)?.status;
    if (call) all.push(call);
    each(lowering.epilogue);
    return { call, all };
  }

  /**
   * Whether a status helper judges a status only by comparing it with its own status enum's
   * members; besides, it may hand the status to the calls `passesOn` says yes to.
   */
  private judgesByMember(helper: StatusHelper, passesOn: (call: ts.CallExpression) => boolean = () => false): boolean {
    const own = (node: ts.Node) => {
      const symbol = this.refs.exact(node)?.symbol;
      return symbol?.kind === 'enum-member' && symbol.enum === helper.status;
    };
    return judgesByMember(helper, own, passesOn);
  }

  /**
   * How a copy of `helper` for `status` writes `call` (context/status-helper-copies.ts,
   * copyMessage), where `call` asks a source message function for the text of the helper's
   * status parameter (`cublasGetStatusString(status)`); undefined for any other call, or where
   * the target has no message for `status` that keeps the helper's.
   */
  private copyMessageOf(helper: StatusHelper, call: ts.CallExpression, status: EnumRecord): CopyMessage | undefined {
    const symbol = this.refs.exact(call.expression)?.symbol;
    if (symbol?.kind !== 'entry' || symbol.entry.spec.template?.length) return undefined;
    const { binds, params } = symbol.entry.spec;
    if (!('primitive' in binds) || binds.primitive !== 'error.string') return undefined;
    let argument: ts.Expression | undefined = call.arguments[params.findIndex((p) => p.role === 'error')];
    while (argument && ts.isParenthesizedExpression(argument)) argument = argument.expression;
    if (!argument || !ts.isIdentifier(argument) || argument.text !== helper.param || call.arguments.length !== 1) return undefined;
    const ported = () => this.lowerOnTrial(call, (l) => (l.prelude.length === 0 && !l.epilogue?.length && !l.vanishes ? l.targetSymbols : undefined));
    return copyMessage(this.options.catalog, this.options.to, status, ported);
  }

  /**
   * Whether a status helper can be copied for another status type: it judges a status only by
   * comparing it with its own status enum's members (none of them inside a call, whose ported
   * text is the call's), asks for its text only where the target has a message for the copy's
   * status (copyMessageOf), and is a function declaration or the one declaration of a statement.
   */
  private copyable(helper: StatusHelper, status: EnumRecord): boolean {
    const ownMember = (node: ts.Node) => {
      const symbol = this.refs.exact(node)?.symbol;
      return symbol?.kind === 'enum-member' && symbol.enum === helper.status ? symbol.member : undefined;
    };
    if (!this.judgesByMember(helper, (call) => this.copyMessageOf(helper, call, status) !== undefined) || !this.helperStatement(helper)) return false;
    let fits = true;
    const visit = (node: ts.Node, inCall: boolean): void => {
      const member = ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) ? ownMember(node) : undefined;
      if (member) {
        fits &&= !inCall && member.meaning !== undefined && memberByMeaning(status, member.meaning, { enum: helper.status, member: member.name }) !== undefined;
        return;
      }
      ts.forEachChild(node, (child) => visit(child, inCall || ts.isCallExpression(node) || ts.isNewExpression(node)));
    };
    if (helper.declaration.body) visit(helper.declaration.body, false);
    return fits;
  }

  /** The statement that declares a helper, with the name it declares. */
  private helperStatement(helper: StatusHelper): { statement: ts.Statement; name: ts.Identifier } | undefined {
    const d = helper.declaration;
    if (ts.isFunctionDeclaration(d)) return d.name && (ts.isSourceFile(d.parent) || ts.isBlock(d.parent)) ? { statement: d, name: d.name } : undefined;
    const variable = d.parent;
    const list = variable?.parent;
    const statement = list?.parent;
    if (!ts.isVariableDeclaration(variable) || !ts.isIdentifier(variable.name) || !ts.isVariableDeclarationList(list) || list.declarations.length !== 1) return undefined;
    if (!ts.isVariableStatement(statement) || !(ts.isSourceFile(statement.parent) || ts.isBlock(statement.parent))) return undefined;
    return { statement, name: variable.name };
  }

  /**
   * After the walk: a retyped helper's parameter gets its new type, and the members of its
   * declared status enum in its body (`status !== CNNL_STATUS_SUCCESS`) the new enum's member
   * of the same meaning.
   */
  private retypeStatusHelpers(): void {
    for (const helper of this.statusHelpers().all()) {
      const status = this.retypedHelpers.get(helper.name);
      if (!status) continue;
      this.retypeStatusType(helper.type, helper.status, status);
      if (helper.declaration.body) this.retypeStatusMembers(helper.declaration.body, helper.status, status);
    }
  }

  /**
   * After the walk: each copy a status was routed to, written after its helper (the helper as
   * ported, under its own name, with the status type and its members those of the copy's
   * status); where the helper's text cannot be taken apart, the statuses stay with the helper
   * and OB1033 says so.
   */
  private writeStatusHelperCopies(): void {
    const applied = this.edits.applied();
    for (const [key, copy] of this.helperCopies) {
      const place = this.usedCopies.has(key) ? this.helperStatement(copy.helper) : undefined;
      if (!place) continue;
      const { helper, status } = copy;
      const typeRef = this.refs.exact(helper.type.typeName);
      const replacements: CopyReplacement[] = [
        { start: place.name.getStart(this.sourceFile), end: place.name.end, text: copy.name },
        {
          start: helper.type.typeName.getStart(this.sourceFile),
          end: helper.type.typeName.end,
          text: this.names.type(status.spec.name, typeRef ? this.styleOf(typeRef) : { kind: 'named' }, typeRef ? this.originOf(typeRef) : undefined),
        },
      ];
      // What the copy's own calls say (an unconfirmed message function), reported once it is written.
      const notes: [ts.Node, PendingDiagnostic][] = [];
      const visit = (node: ts.Node): void => {
        const message = ts.isCallExpression(node) ? this.copyMessageOf(helper, node, status) : undefined;
        if (ts.isCallExpression(node) && message?.kind === 'call') {
          // The copy's status has its own code-to-string function on the target: the call asks it.
          const callee = this.refs.exact(node.expression)!;
          const argument = node.arguments[0];
          const text = `${this.names.value(message.entry.spec.symbol, this.styleOf(callee), this.originOf(callee))}(${this.edits.textOf(argument.getStart(this.sourceFile), argument.end)})`;
          replacements.push({ start: node.getStart(this.sourceFile), end: node.end, text });
          const { symbol: targetSymbol, confidence } = message.entry.spec;
          const symbol = callee.symbol?.kind === 'entry' ? callee.symbol.entry.spec.symbol : targetSymbol;
          if (confidence !== 'confirmed') notes.push([node, pending('OB1012', { symbol, targetSymbol, confidence }, symbol)]);
          return;
        }
        const ref = ts.isIdentifier(node) ? this.refs.resolve(node) : undefined;
        const symbol = ref?.symbol;
        if (ref && symbol?.kind === 'enum-member' && symbol.enum === helper.status) {
          // copyable() made sure every member has one.
          const member = memberByMeaning(status, symbol.member.meaning ?? '', { enum: helper.status, member: symbol.member.name });
          if (member) replacements.push({ start: ref.node.getStart(this.sourceFile), end: ref.node.end, text: this.names.member(status.spec.name, member.name, this.styleOf(ref), this.originOf(ref)) });
          return;
        }
        ts.forEachChild(node, visit);
      };
      if (helper.declaration.body) visit(helper.declaration.body);
      const start = place.statement.getStart(this.sourceFile);
      const text = copyText(start, place.statement.end, replacements, (a, b) => this.edits.textOf(a, b), applied);
      if (text === undefined) {
        // copyable() keeps this from happening; should another edit still cover the helper, say what is missing.
        const consequence = `the port sends those statuses to \`${copy.name}()\` but could not write it; write it as \`${helper.name}\` for ${status.spec.name}`;
        this.report(place.name, pending('OB1033', { targetSymbol: copy.name, status: status.spec.name, helper: helper.name, param: helper.param, helperStatus: this.helperStatus(helper)?.spec.name ?? helper.status.spec.name, consequence }, helper.name));
        continue;
      }
      const nl = newlineOf(this.text);
      this.edits.insert(place.statement.end, `${nl}${nl}${lineIndent(this.text, start)}${text}`);
      for (const [node, note] of notes) this.report(node, note);
    }
  }

  /**
   * Before the walk: the status-naming functions an earlier port wrote into the file
   * (structural/runtime/status-name-function.ts: its mark in the doc comment, one parameter of a
   * source status type). Each stands for the message of that status, so where the message of the
   * CUDA status it corresponds to ports to the target as one expression (`cudnnGetErrorString` on
   * CUDA, `aclGetRecentErrMsg` on CANN), the function goes and its calls are ported as that
   * message; otherwise it is ported as any code.
   */
  private planWrittenStatusNames(): void {
    const { catalog } = this.options;
    for (const statement of this.sourceFile.statements) {
      if (!ts.isFunctionDeclaration(statement) || !statement.name || statement.parameters.length !== 1 || this.isSuppressed(statement)) continue;
      const docs = ts.getLeadingCommentRanges(this.text, statement.getFullStart()) ?? [];
      if (!docs.some((c) => this.text.slice(c.pos, c.end).includes(STATUS_NAME_MARK))) continue;
      const type = statement.parameters[0].type;
      const symbol = type && ts.isTypeReferenceNode(type) ? this.refs.exact(type.typeName)?.symbol : undefined;
      if (symbol?.kind !== 'enum' || !isStatusEnum(symbol.enum)) continue;
      const cudaStatus = correspondingEnum(catalog, symbol.enum, 'cuda');
      const message = cudaStatus ? errorStringEntry(catalog, cudaStatus) : undefined;
      if (!message) continue;
      const ports = this.onTrial(() => {
        const lowered = this.options.lowerers.lower(this.statusMessage(message, { text: 'status', pure: true }), this.lowerContext({ kind: 'named' }, undefined, undefined));
        return lowered.ok && lowered.lowering.prelude.length === 0 && !lowered.lowering.epilogue?.length && !lowered.lowering.vanishes;
      });
      if (!ports) continue;
      this.writtenStatusNames.set(statement.name.text, message);
      this.removeStatement(statement, true);
      this.rewrittenStatements.add(statement);
      this.record(statement, 'call', statement.name.text, []);
    }
  }

  /** The CUDA status message `message` (cudnnGetErrorString) of `status`, as an invocation. */
  private statusMessage(message: EntryRecord, status: Expr): Invocation {
    return { kind: 'primitive', primitive: 'error.string', args: new Map([['error', status]]), enums: new Map(), origin: { backend: message.backend, entry: message, symbol: message.spec.symbol } };
  }

  /** A call of a status-naming function an earlier port wrote, ported as the CUDA message it stands for. */
  private portStatusNameCall(node: ts.CallExpression, named: EntryRecord): readonly PendingDiagnostic[] | undefined {
    // A helper's parameter retyped on CUDA (an XDNN helper whose calls are all cuBLAS's) takes its own type's message.
    const retyped = this.options.to === 'cuda' && node.arguments[0] ? this.retypedHelperParam(node.arguments[0]) : undefined;
    const message = (retyped && errorStringEntry(this.options.catalog, retyped)) || named;
    const lowered = this.options.lowerers.lower(this.statusMessage(message, this.argument(node.arguments[0], 0)), this.lowerContext({ kind: 'named' }, undefined, node));
    if (!lowered.ok) return lowered.diagnostics;
    const placed = placeLowering(node, lowered.lowering, this.edits, this.sourceFile);
    if (!placed.ok) return [pending('OB1017', { symbol: message.spec.symbol, reason: placed.reason }, message.spec.symbol)];
    this.record(node, 'call', message.spec.symbol, lowered.lowering.targetSymbols);
    if (this.options.comments) {
      // The earlier port's warning about its function (`xdnnStatusName` answers …) goes with it.
      const keep = new Set(lowered.lowering.diagnostics.map((d) => this.place(node, d)).filter((d) => d.severity !== 'info').map(commentText));
      this.commentWriter.removeStale(node, (node.expression as ts.Identifier).text, keep);
    }
    for (const d of lowered.lowering.diagnostics) this.report(node, d);
    return undefined;
  }

  /**
   * After the walk and the imports: the functions lowerings asked for (emit/file-functions.ts),
   * after the last import (declarations are hoisted; the imports they use come first).
   */
  private writeFileFunctions(): void {
    const functions = this.functions.all();
    if (functions.length === 0) return;
    const nl = newlineOf(this.text);
    const imports = this.sourceFile.statements.filter(ts.isImportDeclaration);
    const last = imports[imports.length - 1];
    const text = functions.map((f) => f.text.split('\n').join(nl)).join(`${nl}${nl}`);
    if (last) this.edits.insert(last.end, `${nl}${nl}${text}`);
    else this.edits.insert(0, `${text}${nl}${nl}`);
  }

  /**
   * Before the walk: the target status type each status variable takes
   * (context/status-variables.ts), from the status each call assigned to it becomes (lowered on
   * trial); the calls of another library's status than the one it keeps are reported after the walk.
   */
  private statusVariablePlans(): ReadonlyMap<string, StatusVariablePlan> {
    if (this.variablePlans) return this.variablePlans;
    this.variablePlans = new Map();
    const { catalog, to, from } = this.options;
    // A status variable's declared type names a source status enum, as a helper's parameter does.
    if (to === from || !this.namesStatusEnum()) return this.variablePlans;
    const removed = (node: ts.Node) => {
      for (let n: ts.Node | undefined = node; n; n = n.parent) if (this.rewrittenStatements.has(n)) return true;
      return false;
    };
    const variables = statusVariables(this.sourceFile, (name) => {
      const symbol = this.refs.exact(name)?.symbol;
      return symbol?.kind === 'enum' && isStatusEnum(symbol.enum) ? symbol.enum : undefined;
    });
    for (const variable of variables) {
      const mapped = correspondingEnum(catalog, variable.status, to);
      if (!mapped) continue;
      const written: StatusVariablePlan['written'][number][] = [];
      for (const call of variable.assigned) {
        const source = this.refs.exact(call.expression)?.symbol;
        if (source?.kind !== 'entry' || this.isSuppressed(call) || removed(call)) continue;
        const status = this.lowerOnTrial(call, (lowering) => (lowering.vanishes ? undefined : this.writtenStatus(lowering.call)));
        if (status) written.push({ call, ...status, declared: statusEnumOf(catalog, source.entry) === variable.status });
      }
      const kept = variableStatusType(mapped, written.filter((w) => w.declared).map((w) => w.status));
      this.variablePlans.set(variable.name, { variable, mapped, kept, written });
    }
    return this.variablePlans;
  }

  /** The plan of the status variable an expression names (`status`, `(status)`), if any. */
  private statusVariablePlan(expression: ts.Expression): StatusVariablePlan | undefined {
    let e = expression;
    while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
    return ts.isIdentifier(e) ? this.statusVariablePlans().get(e.text) : undefined;
  }

  private planStatusVariables(): void {
    for (const { variable, mapped, kept, written } of this.statusVariablePlans().values()) {
      if (kept !== mapped) {
        // Written when the walk reaches them, so that a statement rewritten around them (a lowering's prelude) keeps them.
        this.statusRetypes.set(variable.type, () => this.retypeStatusType(variable.type, variable.status, kept));
        for (const expression of variable.related) {
          const ref = this.refs.exact(expression);
          if (ref?.symbol?.kind === 'enum-member' && ref.symbol.enum === variable.status) this.statusRetypes.set(expression, () => this.retypeStatusMembers(expression, variable.status, kept));
        }
      }
      for (const w of written) if (!sameStatus(w.status, kept)) this.strayStatuses.push({ call: w.call, status: w.status, symbol: w.symbol, variable, kept });
    }
  }

  /**
   * Before the walk: `number` annotations that hold a status (context/number-statuses.ts). Where
   * the target exports the status as a name, the annotation takes the target status type when it
   * holds nothing but statuses of that type and is used only as a status; else OB1035. Targets
   * that number their statuses keep the annotation.
   */
  private planNumberStatuses(): void {
    const { catalog, to, from } = this.options;
    if (to === from) return;
    const sourceStatus = (e: ts.Expression): { call: ts.CallExpression; entry: EntryRecord } | { member: EnumRecord; meaning: string | undefined } | undefined => {
      const symbol = this.refs.exact(ts.isCallExpression(e) ? e.expression : e)?.symbol;
      if (ts.isCallExpression(e)) return symbol?.kind === 'entry' && statusEnumOf(catalog, symbol.entry) ? { call: e, entry: symbol.entry } : undefined;
      return symbol?.kind === 'enum-member' && isStatusEnum(symbol.enum) ? { member: symbol.enum, meaning: symbol.member.meaning } : undefined;
    };
    const holders = numberStatusHolders(this.sourceFile, {
      holdsStatus: (e) => sourceStatus(e) !== undefined,
      acceptsStatus: (call, index) => this.refs.exact(call.expression)?.symbol?.kind === 'entry' || this.statusHelpers().calledAt(call.expression, index) !== undefined,
    });
    const named = (e: EnumRecord) => e.spec.members.some((m) => m.value === null);
    for (const holder of holders) {
      if (this.isSuppressed(holder.type)) continue;
      // A helper's status parameter also receives the status statements a lowering writes before the call (placeLowering).
      const calls: { call: ts.CallExpression; written: WrittenStatus | undefined; before: readonly EnumRecord[] }[] = [];
      const members: { node: ts.Expression; status: EnumRecord; meaning: string | undefined }[] = [];
      let other: ts.Expression | undefined;
      for (const value of holder.values) {
        const status = sourceStatus(value);
        if (status && 'call' in status) {
          const lowered = this.lowerOnTrial(status.call, (l) => (l.vanishes ? undefined : { written: this.writtenStatus(l.call), all: holder.parameterOf ? this.statusesWritten(l).all : [] }));
          calls.push({ call: status.call, written: lowered?.written, before: lowered?.all ?? [] });
        }
        else if (status) members.push({ node: value, status: status.member, meaning: status.meaning });
        else other ??= value;
      }
      const received = calls.flatMap((c) => [...(c.written ? [c.written] : []), ...c.before.map((status) => ({ status, symbol: status.spec.name }))]);
      const targets = received.filter((r, i) => received.findIndex((o) => sameStatus(o.status, r.status)) === i);
      const kept = targets[0]?.status ?? (members[0] && correspondingEnum(catalog, members[0].status, to));
      // Only a status the target names leaves the annotation wrong.
      if (!kept || !(targets.some((t) => named(t.status)) || (targets.length === 0 && named(kept)))) continue;
      const text = (n: ts.Node) => `\`${n.getText(this.sourceFile).replace(/\s+/g, ' ')}\``;
      const unported = calls.find((c) => !c.written);
      const unmatched = [...members.map((m) => ({ node: m.node, meaning: m.meaning })), ...holder.related.map((r) => ({ node: r, meaning: this.statusMeaning(r) }))].find(
        (m) => m.meaning === undefined || !memberByMeaning(kept, m.meaning),
      );
      const reason = other
        ? `it also holds ${text(other)}, which is no status`
        : targets.length > 1
          ? `it holds the statuses of two libraries (${targets.map((t) => t.status.spec.name).join(', ')})`
          : unported
            ? `${text(unported.call.expression)} is not ported here`
            : unmatched
              ? `it is compared with ${text(unmatched.node)}, which is no ${kept.spec.name}`
              : holder.blocked?.why;
      const shown = targets.find((t) => named(t.status)) ?? targets[0];
      if (reason) {
        const holderText = holder.kind === 'return' ? `the result of \`${holder.name}\`` : `\`${holder.name}\``;
        this.report(holder.type, pending('OB1035', { holder: holderText, targetSymbol: shown?.symbol ?? kept.spec.name, target: to, status: kept.spec.name, reason }, holder.name));
        continue;
      }
      const styleRef = calls[0] ? this.refs.exact(calls[0].call.expression) : undefined;
      this.statusRetypes.set(holder.type, () => {
        const style: ReferenceStyle = styleRef ? this.styleOf(styleRef) : { kind: 'named' };
        this.edits.replace(holder.type.getStart(this.sourceFile), holder.type.end, this.names.type(kept.spec.name, style, styleRef ? this.originOf(styleRef) : undefined));
        this.record(holder.type, 'type', 'number', [kept.spec.name]);
      });
      // Constants of another status than the kept one (as a status variable's, status-variables.ts).
      for (const node of [...members.map((m) => m.node), ...holder.related]) {
        const symbol = this.refs.exact(node)?.symbol;
        if (symbol?.kind === 'enum-member' && !sameStatus(correspondingEnum(catalog, symbol.enum, to) ?? symbol.enum, kept)) {
          this.statusRetypes.set(node, () => this.retypeStatusMembers(node, symbol.enum, kept));
        }
      }
      if (holder.parameterOf) {
        const indices = this.retypedNumberParams.get(holder.parameterOf.name) ?? new Set<number>();
        this.retypedNumberParams.set(holder.parameterOf.name, indices.add(holder.parameterOf.index));
      }
    }
  }

  /** The meaning of a source status constant (`CUBLAS_STATUS_SUCCESS` → status.success), or undefined for anything else. */
  private statusMeaning(node: ts.Expression): string | undefined {
    const symbol = this.refs.exact(node)?.symbol;
    return symbol?.kind === 'enum-member' && isStatusEnum(symbol.enum) ? symbol.member.meaning : undefined;
  }

  /** After the walk: OB1034 for the calls of another library's status than their status variable keeps. */
  private reportStrayStatuses(): void {
    for (const { call, status, symbol, variable, kept } of this.strayStatuses) {
      const consequence = this.successConsequence(status, kept);
      if (consequence) this.report(call, pending('OB1034', { targetSymbol: symbol, status: status.spec.name, variable: variable.name, kept: kept.spec.name, consequence }, symbol));
    }
  }

  /** A status type annotation written as another target status type. */
  private retypeStatusType(typeNode: ts.TypeReferenceNode, declared: EnumRecord, status: EnumRecord): void {
    const typeName = typeNode.typeName;
    const typeRef = this.refs.exact(typeName);
    const style: ReferenceStyle = typeRef ? this.styleOf(typeRef) : { kind: 'named' };
    this.edits.replace(typeName.getStart(this.sourceFile), typeName.end, this.names.type(status.spec.name, style, typeRef ? this.originOf(typeRef) : undefined));
    this.record(typeName, 'type', declared.spec.name, [status.spec.name]);
  }

  /** The members of the declared status enum under `root` written as the new enum's member of the same meaning. */
  private retypeStatusMembers(root: ts.Node, declared: EnumRecord, status: EnumRecord): void {
    const visit = (node: ts.Node): void => {
      const ref = ts.isIdentifier(node) ? this.refs.resolve(node) : undefined;
      const symbol = ref?.symbol;
      if (ref && symbol?.kind === 'enum-member' && symbol.enum === declared && symbol.member.meaning) {
        const member = memberByMeaning(status, symbol.member.meaning, { enum: declared, member: symbol.member.name });
        if (member) {
          this.edits.replace(ref.node.getStart(this.sourceFile), ref.node.end, this.names.member(status.spec.name, member.name, this.styleOf(ref), this.originOf(ref)));
          this.record(ref.node, 'enum', symbol.member.name, [member.name]);
        }
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(root);
  }

  /** OB1033 unless both successes are the same confirmed number (then the helper judges right). */
  private statusMismatch(targetSymbol: string, status: EnumRecord, helper: StatusHelper, helperStatus: EnumRecord): PendingDiagnostic | undefined {
    const consequence = this.successConsequence(status, helperStatus);
    if (!consequence) return undefined;
    return pending(
      'OB1033',
      { targetSymbol, status: status.spec.name, helper: helper.name, param: helper.param, helperStatus: helperStatus.spec.name, consequence },
      targetSymbol,
    );
  }

  /** Why a success of `status` compared with `expected`'s success is taken for a failure; undefined when both are the same confirmed number. */
  private successConsequence(status: EnumRecord, expected: EnumRecord): string | undefined {
    const success = (e: EnumRecord) => e.spec.members.find((m) => m.meaning === 'status.success');
    const own = success(status);
    const theirs = success(expected);
    if (!own || !theirs) return undefined;
    if (own.value !== null && own.value === theirs.value) return undefined;
    return own.value === null || theirs.value === null
      ? `${this.options.to} exports ${own.value === null ? `\`${own.name}\`` : `\`${theirs.name}\``} as a name, so a success compared with \`${theirs.name}\` is taken for a failure`
      : `\`${own.name}\` is ${own.value} and \`${theirs.name}\` ${theirs.value}, so a success is taken for a failure`;
  }

  /** The status type of a status a lowering writes (emit/written-status.ts), or undefined. */
  private writtenStatus(text: string): WrittenStatus | undefined {
    return writtenStatus(text, this.options.catalog, (written) => {
      const path = this.names.facadePathOf(written);
      if (!path) return undefined;
      this.targetIndex ??= facadeIndex(this.options.catalog, this.options.to);
      const resolved = this.targetIndex.resolve(path);
      return resolved && resolved.length === path.length ? resolved.symbol : undefined;
    });
  }

  /**
   * A status passed straight to a helper (`check(cudaMalloc(p, n))`) whose success the target
   * does not number: helpers usually compare with CUDA's 0, which no longer means success.
   */
  private statusHelperHazard(node: ts.CallExpression, source: EntryRecord, targetSymbols: readonly string[], routedHelper: string | undefined): PendingDiagnostic | undefined {
    const parent = node.parent;
    if (!ts.isCallExpression(parent) || !parent.arguments.includes(node) || this.refs.exact(parent.expression)) return undefined;
    const catalog = this.options.catalog;
    const target = catalog.entry(this.options.to, targetSymbols[targetSymbols.length - 1]);
    const sourceSuccess = statusEnumOf(catalog, source)?.spec.members.find((m) => m.meaning === 'status.success');
    const targetSuccess = target ? statusEnumOf(catalog, target)?.spec.members.find((m) => m.meaning === 'status.success') : undefined;
    if (!sourceSuccess || sourceSuccess.value === null || !targetSuccess || targetSuccess.value !== null) return undefined;
    // A `number` parameter the port types with this status judges it by name (planNumberStatuses).
    if (ts.isIdentifier(parent.expression) && this.retypedNumberParams.get(parent.expression.text)?.has(parent.arguments.indexOf(node))) return undefined;
    // A status helper typed for this status that compares it with its enum's members judges by name.
    const name = routedHelper ?? (ts.isIdentifier(parent.expression) ? parent.expression.text : undefined);
    const copy = [...this.helperCopies.values()].find((c) => c.name === name);
    const helper = copy?.helper ?? this.statusHelpers().all().find((h) => h.name === name && h.index === parent.arguments.indexOf(node));
    const helperType = copy?.status ?? (helper ? this.helperStatus(helper) : undefined);
    const status = statusEnumOf(catalog, target!);
    if (helper && helperType && status && helperType.backend === status.backend && helperType.spec.name === status.spec.name && this.judgesByMember(helper, (call) => this.refs.exact(call.expression)?.symbol?.kind === 'entry')) return undefined;
    return pending(
      'OB1018',
      { targetSymbol: target!.spec.symbol, helper: routedHelper ?? parent.expression.getText(this.sourceFile), target: this.options.to, member: targetSuccess.name, value: String(sourceSuccess.value) },
      source.spec.symbol,
    );
  }

  /** Comments around a call argument: on the lines before it, and after it on its line. */
  private argumentComments(node: ts.Expression): ArgumentComments | undefined {
    const text = this.text;
    const leadingRanges = ts.getLeadingCommentRanges(text, node.pos) ?? [];
    // A comment on the previous argument's line (after its comma) belongs to that argument.
    const previousLineEnd = text.indexOf('\n', node.pos);
    const leading = leadingRanges.filter((r) => previousLineEnd >= 0 && r.pos > previousLineEnd).map((r) => text.slice(r.pos, r.end));
    const trailingRanges = [...(ts.getTrailingCommentRanges(text, node.end) ?? [])];
    const comma = /^\s*,/.exec(text.slice(node.end));
    if (comma && !text.slice(node.end, node.end + comma[0].length).includes('\n')) {
      for (const r of ts.getTrailingCommentRanges(text, node.end + comma[0].length) ?? []) trailingRanges.push(r);
    }
    const trailing = trailingRanges.map((r) => text.slice(r.pos, r.end));
    return leading.length || trailing.length ? { leading, trailing } : undefined;
  }

  /** A call argument as an IR expression: rewritten text, comments, purity, constant value, order. */
  private argument(node: ts.Expression, order: number): Expr {
    const start = node.getStart(this.sourceFile);
    const text = this.edits.textOf(start, node.end);
    const comments = this.argumentComments(node);
    const value = this.evaluator.evaluate(node);
    const ref = this.refs.exact(node);
    const possibleMeanings = value ? undefined : this.possibleMeanings(node, 0);
    return {
      text,
      ...(comments ? { comments } : {}),
      node,
      pure: isPure(node),
      ...(value ? { value } : {}),
      ...(possibleMeanings ? { possibleMeanings } : {}),
      ...(order >= 0 ? { order } : {}),
      ...(ref?.style === 'named' ? { origin: ref.local } : {}),
    };
  }

  /** The meanings a value built only from facade enum members can take (see Expr.possibleMeanings). */
  private possibleMeanings(node: ts.Expression, depth: number): string[] | undefined {
    if (depth > 8) return undefined;
    const direct = this.enumReference(node);
    if (direct) return direct.member.meaning ? [direct.member.meaning] : undefined;
    if (ts.isParenthesizedExpression(node)) return this.possibleMeanings(node.expression, depth + 1);
    if (ts.isConditionalExpression(node)) {
      const a = this.possibleMeanings(node.whenTrue, depth + 1);
      const b = this.possibleMeanings(node.whenFalse, depth + 1);
      return a && b ? [...new Set([...a, ...b])] : undefined;
    }
    if (ts.isIdentifier(node)) {
      const initializer = variableInitializer(node);
      return initializer ? this.possibleMeanings(initializer, depth + 1) : undefined;
    }
    return undefined;
  }

  /** A facade call with its entry, for the static context (set-calls). */
  private resolveCall(call: ts.CallExpression): ResolvedCall | undefined {
    const cached = this.resolvedCalls.get(call);
    if (cached !== undefined) return cached ?? undefined;
    const ref = this.refs.exact(call.expression);
    let resolved: ResolvedCall | undefined;
    if (ref?.symbol?.kind === 'entry') {
      const entry = ref.symbol.entry;
      const hasTemplate = (entry.spec.template?.length ?? 0) > 0;
      resolved = { node: call, backend: ref.backend, entry, args: call.arguments.slice(hasTemplate ? 1 : 0) };
    }
    this.resolvedCalls.set(call, resolved ?? null);
    return resolved;
  }

  // ---- enum members and types -------------------------------------------------------------

  private enumReference(node: ts.Expression): { enum: EnumRecord; member: EnumMember } | undefined {
    const ref = this.refs.exact(node);
    return ref?.symbol?.kind === 'enum-member' ? { enum: ref.symbol.enum, member: ref.symbol.member } : undefined;
  }

  private enumValue(node: ts.Expression): ConstantValue | undefined {
    const e = this.enumReference(node);
    if (!e) return undefined;
    return { kind: 'enum', backend: e.enum.backend, enumName: e.enum.spec.name, member: e.member.name, value: e.member.value, ...(e.member.meaning ? { meaning: e.member.meaning } : {}) };
  }

  private portReference(ref: FacadeReference): void {
    const symbol = ref.symbol;
    if (this.isSuppressed(ref.node)) {
      this.leftovers.add(ref.local);
      return;
    }
    if (!symbol) {
      this.leftovers.add(ref.local);
      const name = ref.path.length > 0 ? ref.path.join('.') : `* as ${ref.local}`;
      if (ref.path.length === 0) this.report(ref.node, pending('OB1009', { symbol: name }, name));
      else if (!this.reportedUnknown.has(name)) {
        this.reportedUnknown.add(name);
        this.report(ref.node, pending('OB1010', { name, backend: ref.backend }, name));
      }
      return;
    }
    switch (symbol.kind) {
      case 'host':
        if (ref.style === 'namespace') {
          this.edits.replace(ref.node.getStart(this.sourceFile), ref.node.end, `${this.names.namespace()}.${ref.path.join('.')}`);
        }
        return;
      case 'entry':
        this.leftovers.add(ref.local);
        this.report(ref.node, pending('OB1009', { symbol: symbol.entry.spec.symbol }, symbol.entry.spec.symbol));
        return;
      case 'enum-member':
        return this.portEnumMember(ref, symbol.enum, symbol.member);
      case 'enum':
      case 'type':
        return this.portType(ref, symbol.kind === 'enum' ? symbol.enum : symbol.type);
    }
  }

  /**
   * An enum member outside a ported call's arguments. A status compared with a facade call
   * (`cudaMalloc(...) !== cudaSuccess`, or a variable initialised with one) maps into the
   * status enum of that call's target; anything else into the corresponding enum.
   */
  private portEnumMember(ref: FacadeReference, source: EnumRecord, member: EnumMember): void {
    const catalog = this.options.catalog;
    const to = this.options.to;
    if (!member.meaning) {
      this.leftovers.add(ref.local);
      this.report(ref.node, pending('OB1006', { member: member.name, meaning: 'no meaning tag in the catalog', target: to, where: '' }, member.name));
      return;
    }
    let targetEnum: EnumRecord | undefined;
    if (member.meaning.startsWith('status.')) {
      const call = this.comparedCall(ref.node);
      if (call) {
        // The status of a call left as written stays a source status; the call has its diagnostic.
        // A call that vanished was written as a success the corresponding status enum names (below).
        const done = this.callTargets.get(call.node);
        const vanished = this.vanishedCalls.has(call.node);
        if (done === null && !vanished) {
          this.leftovers.add(ref.local);
          return;
        }
        const target = done ?? (vanished ? undefined : chooseTarget(catalog, call.entry, to).candidates[0]);
        if (target) targetEnum = statusEnumOf(catalog, target);
      }
    }
    // A structural module may know what this reference stands for better than the enum's
    // correspondence does (a helper parameter that means another enum on the target).
    const substitute = targetEnum ? undefined : this.options.lowerers.substituteEnum(ref.node, { enumName: source.spec.name, member: member.name }, this.lowerContext({ kind: 'named' }, undefined, undefined));
    targetEnum ??= correspondingEnum(catalog, source, to);
    const targetMember = targetEnum ? memberByMeaning(targetEnum, member.meaning, { enum: source, member: member.name }) : undefined;
    if (substitute?.member) {
      const text = this.names.member(substitute.enumName, substitute.member, this.styleOf(ref), this.originOf(ref));
      this.edits.replace(ref.node.getStart(this.sourceFile), ref.node.end, text);
      this.record(ref.node, 'enum', member.name, [substitute.member]);
      return;
    }
    if (!targetEnum || !targetMember) {
      this.leftovers.add(ref.local);
      this.report(ref.node, pending('OB1006', { member: member.name, meaning: member.meaning, target: to, where: '' }, member.name));
      return;
    }
    const text = this.names.member(targetEnum.spec.name, targetMember.name, this.styleOf(ref), this.originOf(ref));
    this.edits.replace(ref.node.getStart(this.sourceFile), ref.node.end, text);
    this.record(ref.node, 'enum', member.name, [targetMember.name]);
  }

  /**
   * A number compared with a facade call's status (`cudaMalloc(p, n) !== 0`, or through the
   * variable it initialised) means a member of the source status enum; where the target call's
   * status enum gives that meaning another number (or an unconfirmed one), the number becomes the
   * target member. Where the numbers agree the code is left as written.
   */
  private portStatusLiteral(literal: ts.NumericLiteral): void {
    const call = this.comparedCall(literal);
    if (!call || this.isSuppressed(literal)) return;
    const done = this.callTargets.get(call.node);
    if (done === null) return;
    const catalog = this.options.catalog;
    const target = done ?? chooseTarget(catalog, call.entry, this.options.to).candidates[0];
    const sourceEnum = statusEnumOf(catalog, call.entry);
    const targetEnum = target ? statusEnumOf(catalog, target) : undefined;
    const member = sourceEnum ? memberByValue(sourceEnum, Number(literal.text)) : undefined;
    if (!sourceEnum || !targetEnum || !member?.meaning) return;
    const targetMember = memberByMeaning(targetEnum, member.meaning, { enum: sourceEnum, member: member.name });
    if (!targetMember || targetMember.value === Number(literal.text)) return;
    const callee = this.refs.exact(call.node.expression);
    const text = this.names.member(targetEnum.spec.name, targetMember.name, { kind: callee?.style ?? 'named' }, callee ? this.originOf(callee) : undefined);
    this.edits.replace(literal.getStart(this.sourceFile), literal.end, text);
    this.record(literal, 'enum', `${literal.text} (${member.name})`, [targetMember.name]);
  }

  /** The facade call a status is compared with: directly, or through a variable it initialised. */
  private comparedCall(node: ts.Node): ResolvedCall | undefined {
    let n: ts.Node = node;
    while (n.parent && ts.isParenthesizedExpression(n.parent)) n = n.parent;
    const parent = n.parent;
    if (!parent || !ts.isBinaryExpression(parent) || !EQUALITY.has(parent.operatorToken.kind)) return undefined;
    let other: ts.Expression = parent.left === n ? parent.right : parent.left;
    while (ts.isParenthesizedExpression(other)) other = other.expression;
    if (ts.isCallExpression(other)) return this.resolveCall(other);
    if (ts.isIdentifier(other)) {
      const initializer = variableInitializer(other);
      if (initializer && ts.isCallExpression(initializer)) return this.resolveCall(initializer);
    }
    return undefined;
  }

  /**
   * `id.internal` where `id` statically holds a source facade type that ports to another type:
   * the member with the same catalog meaning on the target type (`cnclCliqueId.bytes`).
   */
  private portMember(access: ts.PropertyAccessExpression): void {
    if (this.refs.exact(access) || this.isSuppressed(access)) return;
    const source = declaredFacadeType(access.expression, (name) => this.facadeTypeNamed(name));
    if (!source) return;
    const mapped = correspondingType(this.options.catalog, source, this.options.to);
    if (mapped?.kind !== 'type') return;
    const member = access.name.text;
    const found = correspondingMember(source, mapped.type, member);
    const from = `${source.spec.name}.${member}`;
    if (found.kind === 'missing') {
      this.report(access.name, pending('OB1030', { type: source.spec.name, member, targetType: mapped.type.spec.name, reason: found.reason }, from));
      return;
    }
    const to = `${mapped.type.spec.name}.${found.kind === 'renamed' ? found.name : member}`;
    if (found.confidence && found.confidence !== 'confirmed') {
      this.report(access.name, pending('OB1012', { symbol: from, targetSymbol: to, confidence: found.confidence }, from));
    }
    if (found.kind !== 'renamed') return;
    this.edits.replace(access.name.getStart(this.sourceFile), access.name.end, found.name);
    this.record(access.name, 'type', from, [to]);
  }

  /** The catalog type a type name or constructor expression names in the source facade. */
  private facadeTypeNamed(name: ts.Node): TypeRecord | undefined {
    const symbol = this.refs.exact(name)?.symbol;
    return symbol?.kind === 'type' ? symbol.type : undefined;
  }

  private portType(ref: FacadeReference, source: { backend: BackendId; spec: { name: string } }): void {
    const catalog = this.options.catalog;
    const record = catalog.backend(source.backend).enums.get(source.spec.name) ?? catalog.backend(source.backend).types.get(source.spec.name);
    const substitute = this.options.lowerers.substituteEnum(ref.node, { enumName: source.spec.name }, this.lowerContext({ kind: 'named' }, undefined, undefined));
    const mapped = record && !substitute ? correspondingType(catalog, record, this.options.to) : undefined;
    if (substitute) {
      const text = ref.inType ? this.names.type(substitute.enumName, this.styleOf(ref), this.originOf(ref)) : this.names.value(substitute.enumName, this.styleOf(ref), this.originOf(ref));
      this.edits.replace(ref.node.getStart(this.sourceFile), ref.node.end, text);
      this.record(ref.node, 'type', source.spec.name, [substitute.enumName]);
      return;
    }
    if (!mapped) {
      this.leftovers.add(ref.local);
      this.report(ref.node, pending('OB1008', { type: source.spec.name, target: this.options.to }, source.spec.name));
      return;
    }
    const name = mapped.kind === 'enum' ? mapped.enum.spec.name : mapped.type.spec.name;
    const text = ref.inType ? this.names.type(name, this.styleOf(ref), this.originOf(ref)) : this.names.value(name, this.styleOf(ref), this.originOf(ref));
    this.edits.replace(ref.node.getStart(this.sourceFile), ref.node.end, text);
    this.record(ref.node, 'type', source.spec.name, [name]);
  }
}

/** An empty file: the status helpers of a file that cannot name a status enum. */
const NO_STATEMENTS = ts.createSourceFile('empty.ts', '', ts.ScriptTarget.Latest, true);

/** A statement directly in a statement list (one that can be removed on its own). */
function isListedStatement(node: ts.Node): node is ts.Statement {
  const p = node.parent;
  return Boolean(p && (ts.isBlock(p) || ts.isSourceFile(p) || ts.isModuleBlock(p) || ts.isCaseClause(p) || ts.isDefaultClause(p)) && ts.isStatement(node));
}

/** The initializer of the variable an identifier names (nearest declaration in enclosing blocks). */
function variableInitializer(identifier: ts.Identifier): ts.Expression | undefined {
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    const statements = ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isModuleBlock(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope) ? scope.statements : undefined;
    if (!statements) continue;
    for (const statement of statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === identifier.text) return d.initializer;
      }
    }
  }
  return undefined;
}

/**
 * Every statement and call a lowering writes, as one text. A vanishing call's text (the success
 * value, written and imported only where it is used) is not read.
 */
function loweringText(lowering: Lowering): string {
  const statements = (list: readonly PreludeStatement[] | undefined): string[] => (list ?? []).flatMap((p) => [p.text, ...statements(p.body)]);
  return [...statements(lowering.prelude), ...(lowering.vanishes ? [] : [lowering.call]), ...statements(lowering.epilogue)].join('\n');
}
