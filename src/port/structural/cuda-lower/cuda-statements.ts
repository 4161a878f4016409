/**
 * The statements of one CUDA lowering, written as CUDA code does it by hand: a library handle
 * created (and bound to the stream) when the source had none (ops of one block on one stream
 * then share the first one's: emit/shared-handles.ts), descriptors created and set before
 * the call and destroyed after it, sub-buffers as `ptr.plus(bytes)`. Names are fresh; target names
 * are imported through TargetNames; the setup calls' statuses go where the source status went
 * when that statement can be repeated (`check(call, 'what')`), as the run's does.
 */
import { ITEM_SIZE } from '../../../runtime/dtype.js';
import type { Expr } from '../../ir/expr.js';
import { operand } from '../../ir/expr.js';
import type { DTypeExpr, TensorExpr } from '../../ir/invocation.js';
import type { LowerContext, Lowering, PreludeStatement } from '../../lower/lowerer.js';
import { memberByMeaning } from '../../mapping/enum-mapping.js';

export type ViewTensor = TensorExpr & { readonly dims: readonly Expr[]; readonly strides: readonly Expr[]; readonly dtype: DTypeExpr };

/** Whether a tensor has dims, strides and a known dtype. */
export function isView(t: TensorExpr | undefined): t is ViewTensor {
  return Boolean(t?.dims && t.strides && t.dtype?.meaning && t.dims.length === t.strides.length);
}

const PRIMITIVE_TYPES = new Set(['number', 'bigint', 'boolean', 'string']);

export function numberOf(e: Expr | undefined): number | undefined {
  return e?.value?.kind === 'number' ? e.value.value : undefined;
}

/** `1` written or known. */
export function isOne(e: Expr): boolean {
  return numberOf(e) === 1 || e.text === '1';
}

/** Same buffer, offset, dims and strides (as written). */
export function sameView(a: TensorExpr, b: TensorExpr): boolean {
  const list = (x: readonly Expr[] | undefined) => (x ?? []).map((e) => e.text).join(',');
  return a.ptr.text === b.ptr.text && (a.offset?.text ?? '0') === (b.offset?.text ?? '0') && list(a.dims) === list(b.dims) && list(a.strides) === list(b.strides);
}

/** `dLogits.value` → `logits`, for names derived from a pointer. */
export function stemOf(ptr: Expr, fallback: string): string {
  const m = /^([A-Za-z_$][\w$]*)(\.value)?$/.exec(ptr.text);
  if (!m) return fallback;
  return /^d[A-Z]/.test(m[1]) ? m[1][1].toLowerCase() + m[1].slice(2) : m[1];
}

export class CudaStatements {
  readonly prelude: PreludeStatement[] = [];
  readonly epilogue: PreludeStatement[] = [];
  readonly symbols: string[] = [];

  constructor(private readonly ctx: LowerContext) {}

  /** A target value name (function, constant), recorded as written when it is a call. */
  value(name: string): string {
    return this.ctx.names.value(name, this.ctx.style, this.ctx.origin);
  }

  type(name: string): string {
    return this.ctx.names.type(name, this.ctx.style, undefined);
  }

  fresh(base: string): string {
    return this.ctx.fresh.fresh(base);
  }

  /**
   * The member of a CUDA enum with a meaning (`dtype.float32` in cudnnDataType_t → CUDNN_DATA_FLOAT),
   * written through the names (a CUDA-compatible target spells it its way).
   */
  member(enumName: string, meaning: string): string | undefined {
    const e = this.ctx.catalog.backend('cuda').enums.get(enumName);
    const m = e ? memberByMeaning(e, meaning) : undefined;
    return m ? this.ctx.names.member(enumName, m.name, this.ctx.style, this.ctx.origin) : undefined;
  }

  /** A call statement before the run; `status` when its status joins the run's check. */
  before(symbol: string, args: readonly string[], status = true): void {
    this.prelude.push({ text: `${this.value(symbol)}(${args.join(', ')})`, declares: false, status });
    this.symbols.push(symbol);
  }

  /** A call after the run; the epilogue runs in the reverse order of these (last made, first released). */
  after(symbol: string, args: readonly string[]): void {
    this.epilogue.push({ text: `${this.value(symbol)}(${args.join(', ')})`, declares: false });
    this.symbols.push(symbol);
  }

  /** `const name = ref<T>();` */
  declareRef(base: string, type: string): string {
    const name = this.fresh(base);
    // A TypeScript primitive (a size) is no facade type: importing it would shadow the language's.
    const written = PRIMITIVE_TYPES.has(type) ? type : this.type(type);
    this.prelude.push({ text: `const ${name} = ${this.value('ref')}<${written}>()`, declares: true });
    return name;
  }

  /** The device address of a view's first element: the pointer, or `ptr.plus(offset · item size)`. */
  address(view: TensorExpr): string | undefined {
    if (!view.offset || numberOf(view.offset) === 0) return view.ptr.text;
    const size = view.dtype?.dtype ? ITEM_SIZE[view.dtype.dtype] : undefined;
    if (!size) return undefined;
    const known = numberOf(view.offset);
    return `${operand(view.ptr.text)}.plus(${known !== undefined ? String(known * size) : `${operand(view.offset.text)} * ${size}`})`;
  }

  lowering(call: string, symbol: string): Lowering {
    return { prelude: this.prelude, call, epilogue: [...this.epilogue].reverse(), targetSymbols: [...this.symbols, symbol], diagnostics: [] };
  }
}
