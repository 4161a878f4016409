/**
 * Lowerers turn an Invocation into target code. The generic lowerer fills the target entry's
 * parameters by role; structural lowerers for calling conventions data cannot express are
 * registered by target backend and operator or primitive. A lowerer may decline
 * (`undefined`) so the next one is tried; the generic lowerer always answers.
 */
import type { Catalog, EnumRecord } from '../../catalog/catalog.js';
import type { BackendId } from '../../catalog/vocabulary.js';
import type { FreshNames } from '../context/fresh-names.js';
import type { StaticContext } from '../context/static-context.js';
import type { PendingDiagnostic } from '../diagnostics/port-diagnostics.js';
import type { CallLayout } from '../emit/call-text.js';
import type { FileFunctions } from '../emit/file-functions.js';
import type { ReferenceStyle, TargetNames } from '../emit/target-names.js';
import type { Invocation } from '../ir/invocation.js';
import type { ts } from '../syntax/typescript.js';

export interface PreludeStatement {
  /** Statement text without the trailing semicolon. */
  readonly text: string;
  /** Whether it declares a name (then it cannot become part of a comma expression). */
  readonly declares: boolean;
  /**
   * Whether its value is a status of the same family as the call's (the first phase of a
   * two-phase call): where the source call's status goes to a statement that can be repeated
   * (`check(call, 'what');`), this statement's status goes there too.
   */
  readonly status?: boolean;
  /**
   * Statements that `text` (a statement head such as `if (cond)`) runs as its block; their
   * `status` is honoured as at the top level. Such a statement `declares` (it is no expression).
   */
  readonly body?: readonly PreludeStatement[];
}

export interface Lowering {
  /** Statements that run before the call: hoisted arguments, companion calls. */
  readonly prelude: readonly PreludeStatement[];
  /** The final call; its value is the status the source call returned. */
  readonly call: string;
  /** Target symbols written, in order (catalog spelling). */
  readonly targetSymbols: readonly string[];
  /** Warnings and notes about a successful lowering. */
  readonly diagnostics: readonly PendingDiagnostic[];
  /** Statements that run after the call (releasing what the prelude made); the call's status is kept. */
  readonly epilogue?: readonly PreludeStatement[];
  /**
   * The call has nothing to do on the target (a handle or descriptor call where the target has
   * none): a statement that only passes its status on (`check(call, 'what');`) is removed;
   * elsewhere `call` (the target's success status) stands in for it. A prelude stays in its
   * place (a shape query answered by host arithmetic: `outH.value = H + 2 * pad - kH + 1;`).
   */
  readonly vanishes?: boolean;
}

export type LowerResult = { readonly ok: true; readonly lowering: Lowering } | { readonly ok: false; readonly diagnostics: readonly PendingDiagnostic[] };

/**
 * What lowerers use of TargetNames. A CUDA-compatible target reusing a CUDA lowerer gives it one
 * that spells CUDA names the target's way (cuda-compatible.ts).
 */
export type TargetNameWriter = Pick<TargetNames, 'value' | 'type' | 'member' | 'mark' | 'rollback'>;

export interface LowerContext {
  readonly catalog: Catalog;
  readonly target: BackendId;
  readonly names: TargetNameWriter;
  /** How the source call referred to the facade (named import or namespace member). */
  readonly style: ReferenceStyle;
  /** The source import local the rewrite comes from (orders the new imports). */
  readonly origin: string | undefined;
  readonly fresh: FreshNames;
  readonly context: StaticContext;
  readonly layout: CallLayout;
  /** Functions written once per file (emit/file-functions.ts); absent where a lowering cannot add any. */
  readonly functions?: FileFunctions;
  /**
   * The variable holding, in the output, the status of a source call already ported and tested
   * by an `if` (`const status_1 = …; if (status_1 !== SUCCESS) …`), with its status type.
   */
  readonly heldStatus?: (call: ts.Node) => { readonly text: string; readonly status: EnumRecord } | undefined;
  /**
   * The target status type of a status expression whose type the port chose rather than ported
   * (a status helper's parameter, retyped for the statuses its calls return:
   * context/status-helper-types.ts); undefined where the type is the declared one ported.
   */
  readonly statusTypeOf?: (node: ts.Node) => EnumRecord | undefined;
}

export interface Lowerer {
  readonly name: string;
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined;
}

export interface LowererKey {
  readonly target: BackendId;
  /** `operator:Gemm`, `primitive:copy.sync`, or all invocations for the target. */
  readonly binding?: string;
}

/**
 * Says whether a variable declaration (`const xDesc = ref<cudnnTensorDescriptor_t>();`) goes
 * away on the target because every use of the variable is lowered away (descriptors and handles
 * a target does not have).
 */
export type DeclarationDropper = (name: string, declaration: ts.VariableDeclaration, ctx: LowerContext) => boolean;

/**
 * Says whether a whole statement goes away on the target because it only serves calls that are
 * lowered away (a cuBLASLt set-up call, the declaration of its descriptor, the check of its
 * heuristic's result count); returns what goes (for the rewrite list), or undefined.
 */
export type StatementDropper = (statement: ts.Statement, ctx: LowerContext) => string | undefined;

/**
 * Rewrites a whole statement that is not (only) a facade call the walk can port: an assignment
 * that stores what the source returns and the target writes through an out-parameter
 * (`h.value = xpu.create_context()` → `cublasCreate(h)`), a method call on a source object
 * (`h.value.set_stream(s)`), a declaration whose type depends on the object's uses. Returns the
 * replacement (statements separated by newlines, each without indentation), what it replaces
 * and the target symbols it writes; undefined leaves the statement to the walk.
 */
export type StatementRewriter = (statement: ts.Statement, ctx: LowerContext) => { readonly from: string; readonly text: string; readonly to: readonly string[] } | undefined;

/**
 * Statements written before a statement the walk still ports (a wait the target needs where the
 * source's ordering was implicit), or a diagnostic on `node` when what to write is not in sight.
 */
export type StatementPrelude = (statement: ts.Statement, ctx: LowerContext) => { readonly from: string; readonly text: string; readonly to: readonly string[] } | { readonly diagnostic: PendingDiagnostic; readonly node: ts.Node } | undefined;

/**
 * Where the target has no enum corresponding to a source enum (OB1008 / OB1006), a structural
 * module may know which target enum a particular reference stands for (a cuBLASLt epilogue
 * parameter that only selects an activation becomes the target's activation mode). Given the
 * reference (a type annotation or a member), answers the target enum and, for a member, the
 * target member's name; undefined leaves the reference to the catalog.
 */
export type EnumSubstitute = (reference: ts.Node, source: { readonly enumName: string; readonly member?: string }, ctx: LowerContext) => { readonly enumName: string; readonly member?: string } | undefined;

interface Reuse {
  readonly from: BackendId;
  readonly adapt: (lowerer: Lowerer) => Lowerer;
  readonly serves: (lowerer: Lowerer) => boolean;
  readonly adapted: Map<Lowerer, Lowerer>;
}

/** Statement hooks registered per target, asked in registration order: the first answer wins. */
class StatementHooks<H extends (statement: ts.Statement, ctx: LowerContext) => unknown> {
  private readonly byTarget = new Map<string, H[]>();

  add(target: BackendId, hook: H): void {
    this.byTarget.set(target, [...(this.byTarget.get(target) ?? []), hook]);
  }

  has(target: BackendId): boolean {
    return (this.byTarget.get(target)?.length ?? 0) > 0;
  }

  first(statement: ts.Statement, ctx: LowerContext): Exclude<ReturnType<H>, undefined> | undefined {
    for (const hook of this.byTarget.get(ctx.target) ?? []) {
      const answer = hook(statement, ctx);
      if (answer !== undefined) return answer as Exclude<ReturnType<H>, undefined>;
    }
    return undefined;
  }
}

export class LowererRegistry {
  private readonly enumSubstitutes = new Map<string, EnumSubstitute[]>();

  registerEnumSubstitute(target: BackendId, substitute: EnumSubstitute): this {
    this.enumSubstitutes.set(target, [...(this.enumSubstitutes.get(target) ?? []), substitute]);
    return this;
  }

  /** The target enum (and member) a registered module gives a reference, or undefined. */
  substituteEnum(reference: ts.Node, source: { readonly enumName: string; readonly member?: string }, ctx: LowerContext): { readonly enumName: string; readonly member?: string } | undefined {
    for (const s of this.enumSubstitutes.get(ctx.target) ?? []) {
      const found = s(reference, source, ctx);
      if (found) return found;
    }
    return undefined;
  }

  private readonly byBinding = new Map<string, Lowerer[]>();
  private readonly byTarget = new Map<string, Lowerer[]>();
  private readonly droppers = new Map<string, DeclarationDropper[]>();
  private readonly statementDroppers = new StatementHooks<StatementDropper>();
  private readonly statementRewriters = new StatementHooks<StatementRewriter>();
  private readonly statementPreludes = new StatementHooks<StatementPrelude>();

  registerStatementDropper(target: BackendId, dropper: StatementDropper): this {
    this.statementDroppers.add(target, dropper);
    return this;
  }

  /** What a registered dropper removes with `statement`, or undefined when it stays. */
  dropsStatement(statement: ts.Statement, ctx: LowerContext): string | undefined {
    return this.statementDroppers.first(statement, ctx);
  }

  /** Whether any statement dropper or rewriter is registered for the target (the walk asks only then). */
  dropsStatements(target: BackendId): boolean {
    return this.statementDroppers.has(target) || this.statementRewriters.has(target) || this.statementPreludes.has(target);
  }

  registerStatementPrelude(target: BackendId, prelude: StatementPrelude): this {
    this.statementPreludes.add(target, prelude);
    return this;
  }

  /** What a registered prelude writes before `statement` (or says instead), or undefined. */
  precedesStatement(statement: ts.Statement, ctx: LowerContext): ReturnType<StatementPrelude> {
    return this.statementPreludes.first(statement, ctx);
  }

  registerStatementRewriter(target: BackendId, rewriter: StatementRewriter): this {
    this.statementRewriters.add(target, rewriter);
    return this;
  }

  /** The replacement a registered rewriter writes for `statement`, or undefined when it stays. */
  rewritesStatement(statement: ts.Statement, ctx: LowerContext): ReturnType<StatementRewriter> {
    return this.statementRewriters.first(statement, ctx);
  }

  registerDeclarationDropper(target: BackendId, dropper: DeclarationDropper): this {
    this.droppers.set(target, [...(this.droppers.get(target) ?? []), dropper]);
    return this;
  }

  dropsDeclaration(name: string, declaration: ts.VariableDeclaration, ctx: LowerContext): boolean {
    return (this.droppers.get(ctx.target) ?? []).some((d) => d(name, declaration, ctx));
  }

  constructor(private readonly fallback: Lowerer) {}

  register(key: LowererKey, lowerer: Lowerer): this {
    const [map, k] = key.binding ? [this.byBinding, `${key.target}\u0000${key.binding}`] : [this.byTarget, key.target];
    map.set(k, [...(map.get(k) ?? []), lowerer]);
    return this;
  }

  private readonly reuses = new Map<BackendId, Reuse[]>();

  /**
   * Operator lowerers registered for `from` also serve `target`, adapted (a CUDA-compatible
   * target writes the CUDA lowerers' code with its own names), after the target's own lowerers
   * for the operator; `serves` picks which (MUSA takes cuBLAS's, not cuDNN's).
   */
  registerReuse(target: BackendId, from: BackendId, adapt: (lowerer: Lowerer) => Lowerer, serves: (lowerer: Lowerer) => boolean = () => true): this {
    this.reuses.set(target, [...(this.reuses.get(target) ?? []), { from, adapt, serves, adapted: new Map() }]);
    return this;
  }

  private reused(target: BackendId, binding: string): Lowerer[] {
    if (!binding.startsWith('operator:')) return [];
    return (this.reuses.get(target) ?? []).flatMap((r) =>
      (this.byBinding.get(`${r.from}\u0000${binding}`) ?? []).filter(r.serves).map((l) => {
        let adapted = r.adapted.get(l);
        if (!adapted) r.adapted.set(l, (adapted = r.adapt(l)));
        return adapted;
      }),
    );
  }

  lowerers(invocation: Invocation, target: BackendId): Lowerer[] {
    const binding = invocation.kind === 'primitive' ? `primitive:${invocation.primitive}` : `operator:${invocation.operator}`;
    return [...(this.byBinding.get(`${target}\u0000${binding}`) ?? []), ...this.reused(target, binding), ...(this.byTarget.get(target) ?? []), this.fallback];
  }

  lower(invocation: Invocation, ctx: LowerContext): LowerResult {
    for (const lowerer of this.lowerers(invocation, ctx.target)) {
      const result = lowerer.lower(invocation, ctx);
      if (result) return result;
    }
    throw new Error(`no lowerer answered ${invocation.origin.symbol} for ${ctx.target}`);
  }
}
