/**
 * Lifters turn a source call into an Invocation. The generic lifter reads the catalog's
 * parameter roles; calling conventions data cannot express (column-major cuBLAS with leading
 * dimensions, descriptor-based cuDNN/CNNL, aclnn's two-phase calls, XDNN templates,
 * cudnn-frontend graphs) get small named lifters registered by backend and library or symbol.
 * A lifter may decline a call (`undefined`) so the next one is tried.
 */
import type { Catalog, EntryRecord, EnumRecord } from '../../catalog/catalog.js';
import type { BackendId } from '../../catalog/vocabulary.js';
import type { StaticContext } from '../context/static-context.js';
import type { PendingDiagnostic } from '../diagnostics/port-diagnostics.js';
import type { Expr } from '../ir/expr.js';
import type { Invocation } from '../ir/invocation.js';
import type { EnumMember } from '../mapping/facade-index.js';
import type { ts } from '../syntax/typescript.js';
import type { StatementGroupReader } from './statement-groups.js';

/** A facade call as the porter sees it. */
export interface SourceCall {
  readonly node: ts.CallExpression;
  readonly backend: BackendId;
  readonly entry: EntryRecord;
  /** Arguments in catalog parameter order (a C++ template array excluded), texts already rewritten. */
  readonly args: readonly Expr[];
  /** The leading template-argument array of a C++ template call. */
  readonly template?: Expr;
}

export interface LiftContext {
  readonly catalog: Catalog;
  readonly target: BackendId;
  readonly context: StaticContext;
  /** The facade enum member an expression names directly (`cudaMemcpyHostToDevice`, `cuda.ncclSum`). */
  enumReference(node: ts.Expression): { enum: EnumRecord; member: EnumMember } | undefined;
}

export type LiftResult = { readonly ok: true; readonly invocation: Invocation } | { readonly ok: false; readonly diagnostics: readonly PendingDiagnostic[] };

export interface Lifter {
  readonly name: string;
  lift(call: SourceCall, ctx: LiftContext): LiftResult | undefined;
}

export interface LifterKey {
  readonly backend: BackendId;
  /** Catalog symbol (`cublasSgemm`), or all symbols of a library (`cublas`), or the whole backend. */
  readonly symbol?: string;
  readonly library?: string;
}

export class LifterRegistry {
  private readonly bySymbol = new Map<string, Lifter[]>();
  private readonly byLibrary = new Map<string, Lifter[]>();
  private readonly byBackend = new Map<string, Lifter[]>();

  private readonly groupReadersByBackend = new Map<BackendId, StatementGroupReader[]>();

  constructor(private readonly fallback: Lifter) {}

  /** A reader of operations spelled as several statements in `backend` code (statement-groups.ts). */
  registerGroupReader(key: { readonly backend: BackendId }, reader: StatementGroupReader): this {
    this.groupReadersByBackend.set(key.backend, [...(this.groupReadersByBackend.get(key.backend) ?? []), reader]);
    return this;
  }

  groupReaders(backend: BackendId): readonly StatementGroupReader[] {
    return this.groupReadersByBackend.get(backend) ?? [];
  }

  register(key: LifterKey, lifter: Lifter): this {
    const [map, k] = key.symbol ? [this.bySymbol, `${key.backend}\u0000${key.symbol}`] : key.library ? [this.byLibrary, `${key.backend}\u0000${key.library}`] : [this.byBackend, key.backend];
    map.set(k, [...(map.get(k) ?? []), lifter]);
    return this;
  }

  /** Lifters to try for a call, most specific first, the generic lifter last. */
  lifters(call: SourceCall): Lifter[] {
    return [
      ...(this.bySymbol.get(`${call.backend}\u0000${call.entry.spec.symbol}`) ?? []),
      ...(this.byLibrary.get(`${call.backend}\u0000${call.entry.library}`) ?? []),
      ...(this.byBackend.get(call.backend) ?? []),
      this.fallback,
    ];
  }

  lift(call: SourceCall, ctx: LiftContext): LiftResult {
    for (const lifter of this.lifters(call)) {
      const result = lifter.lift(call, ctx);
      if (result) return result;
    }
    throw new Error(`no lifter answered ${call.backend}:${call.entry.spec.symbol}`);
  }
}
