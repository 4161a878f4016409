/**
 * The statements a CNNL call is written with, as Cambricon's framework adapters (Paddle's
 * MLUCnnl, DIOPI) write them by hand: one tensor descriptor per operand
 * (`cnnlCreateTensorDescriptor`, then `cnnlSetTensorDescriptor` with the layout, data type and
 * dims, or `cnnlSetTensorDescriptorEx` when the view is strided), op descriptors created and
 * set, the workspace queried and allocated only when non-zero, the op on the handle's queue,
 * and afterwards the workspace freed (once the queue has run the op) and the descriptors
 * destroyed.
 */
import type { Expr } from '../../ir/expr.js';
import type { DTypeExpr, TensorExpr } from '../../ir/invocation.js';
import type { LowerContext, PreludeStatement } from '../../lower/lowerer.js';
import { memberByMeaning } from '../../mapping/enum-mapping.js';
import { isContiguous } from '../blas/column-major-views.js';
import { isContiguous as isPackedNchw } from '../dnn/cudnn-descriptors.js';

/** A row-major view the CNNL lowerers describe: dims outermost first, strides in elements. */
export interface CnnlView {
  readonly ptr: Expr;
  readonly dims: readonly Expr[];
  readonly strides: readonly Expr[];
  readonly dtype?: DTypeExpr;
}

export function numberOf(e: Expr | undefined): number | undefined {
  const v = e?.value;
  return v?.kind === 'number' ? v.value : undefined;
}

/** Whether two expressions are the same value: the same text or the same constant. */
export function sameValue(a: Expr, b: Expr): boolean {
  const [x, y] = [numberOf(a), numberOf(b)];
  return a.text === b.text || (x !== undefined && x === y);
}

/**
 * Packed row-major: each stride is the product of the inner dims (size-1 dims' strides do not
 * matter), written innermost first (the column-major views) or outermost first (the cuDNN
 * descriptors' `C * H * W`, or grouped otherwise: `C * (H * W)`).
 */
export function isPacked(view: Pick<CnnlView, 'dims' | 'strides'>): boolean {
  const relevant = view.dims.map((d, i) => [d, view.strides[i]] as const).filter(([d]) => numberOf(d) !== 1);
  return isContiguous({ dims: relevant.map(([d]) => d), strides: relevant.map(([, s]) => s) }) || isPackedNchw({ ptr: { text: '', pure: true }, dims: view.dims, strides: view.strides });
}

export class CnnlStatements {
  readonly prelude: PreludeStatement[] = [];
  readonly epilogue: PreludeStatement[] = [];
  readonly symbols: string[] = [];

  constructor(private readonly ctx: LowerContext) {}

  /** A reference to a target export, recorded for the rewrite list. */
  value(name: string): string {
    if (!this.symbols.includes(name) && /^cn/.test(name)) this.symbols.push(name);
    return this.ctx.names.value(name, this.ctx.style, this.ctx.origin);
  }

  /** A type reference; generated, so it is imported with `type` on its own. */
  type(name: string): string {
    return this.ctx.names.type(name, this.ctx.style, undefined);
  }

  fresh(base: string): string {
    return this.ctx.fresh.fresh(base);
  }

  /** The cnnlDataType_t member for a dtype meaning, or undefined when CNNL has none. */
  dataType(dtype: DTypeExpr | undefined): string | undefined {
    const e = this.ctx.catalog.backend('cambricon').enums.get('cnnlDataType_t');
    const member = dtype?.meaning && e ? memberByMeaning(e, dtype.meaning) : undefined;
    return member ? this.value(member.name) : undefined;
  }

  push(text: string, declares = false, status = false): void {
    this.prelude.push({ text, declares, ...(status ? { status } : {}) });
  }

  /**
   * A tensor descriptor for a view: `CNNL_LAYOUT_ARRAY` (or the given layout) with the dims, and
   * the strides only when the view is not packed. Destroyed after the op.
   */
  tensor(base: string, view: Pick<CnnlView, 'dims' | 'strides'>, dataType: string, layout = 'CNNL_LAYOUT_ARRAY'): string {
    const name = this.fresh(`${base}Desc`);
    const list = (es: readonly Expr[]) => `[${es.map((e) => e.text).join(', ')}]`;
    this.push(`const ${name} = ${this.value('ref')}<${this.type('cnnlTensorDescriptor_t')}>()`, true);
    this.push(`${this.value('cnnlCreateTensorDescriptor')}(${name})`);
    const head = `${name}.value, ${this.value(layout)}, ${dataType}, ${view.dims.length}, ${list(view.dims)}`;
    if (view.strides.length === 0 || isPacked(view)) this.push(`${this.value('cnnlSetTensorDescriptor')}(${head})`);
    else this.push(`${this.value('cnnlSetTensorDescriptorEx')}(${head}, ${list(view.strides)})`);
    this.epilogue.push({ text: `${this.value('cnnlDestroyTensorDescriptor')}(${name}.value)`, declares: false });
    return `${name}.value`;
  }

  /** An op descriptor: `const d = ref<T>(); create(d);` then the set-calls; destroyed after the op. */
  descriptor(base: string, type: string, create: string, destroy: string, sets: readonly string[]): string {
    const name = this.fresh(base);
    this.push(`const ${name} = ${this.value('ref')}<${this.type(type)}>()`, true);
    this.push(`${this.value(create)}(${name})`);
    for (const set of sets) this.push(set.replaceAll('$', `${name}.value`));
    this.epilogue.push({ text: `${this.value(destroy)}(${name}.value)`, declares: false });
    return `${name}.value`;
  }

  /**
   * A workspace whose size `query` writes into the `ref(0)` it is given (`$` in the query text):
   * allocated only when non-zero, freed once `queue` has run the op. Returns the pointer and size
   * expressions for the op's arguments.
   */
  workspace(base: string, query: (size: string) => string, queue: string): { ptr: string; size: string } {
    const size = this.fresh(`${base}WorkspaceSize`);
    const workspace = this.fresh(`${base}Workspace`);
    const ref = this.value('ref');
    this.push(`const ${size} = ${ref}(0)`, true);
    this.push(query(size), false, true);
    this.push(`const ${workspace} = ${ref}<${this.type('DevicePtr')}>()`, true);
    this.push(`if (${size}.value > 0) ${this.value('cnrtMalloc')}(${workspace}, ${size}.value)`);
    this.epilogue.unshift({ text: `if (${size}.value > 0) { ${this.value('cnrtQueueSync')}(${queue}); ${this.value('cnrtFree')}(${workspace}.value); }`, declares: false });
    return { ptr: `${size}.value > 0 ? ${workspace}.value : null`, size: `${size}.value` };
  }

  /**
   * The queue the op runs on, for the workspace release: the stream the source named, else the
   * one the handle carries (`cnnlGetQueue`).
   */
  queue(stream: Expr | undefined, handle: string): string {
    if (stream) return stream.text;
    const name = this.fresh('queue');
    this.push(`const ${name} = ${this.value('ref')}<${this.type('cnrtQueue_t')}>(null)`, true);
    this.push(`${this.value('cnnlGetQueue')}(${handle}, ${name})`);
    return `${name}.value`;
  }

  /**
   * Source expressions with side effects are evaluated once each, first, in source order, into
   * constants: the statements below use some twice and in another order.
   */
  hoistImpure(exprs: readonly Expr[], nameOf: (e: Expr) => string): Map<Expr, Expr> {
    const impure = [...new Set(exprs.filter((e) => !e.pure))].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    const replaced = new Map<Expr, Expr>();
    for (const e of impure) {
      const name = this.fresh(nameOf(e));
      this.push(`const ${name} = ${e.text}`, true);
      replaced.set(e, { text: name, pure: true, ...(e.value ? { value: e.value } : {}), ...(e.order !== undefined ? { order: e.order } : {}) });
    }
    return replaced;
  }
}

/** A tensor with its expressions replaced (hoisted ones by their constants). */
export function substituteView(t: TensorExpr, replaced: ReadonlyMap<Expr, Expr>): TensorExpr {
  const r = (e: Expr) => replaced.get(e) ?? e;
  return { ...t, ptr: r(t.ptr), ...(t.offset ? { offset: r(t.offset) } : {}), ...(t.dims ? { dims: t.dims.map(r) } : {}), ...(t.strides ? { strides: t.strides.map(r) } : {}) };
}
