/**
 * The statements an aclnn call is written with, as an engineer writes them by hand: one
 * aclCreateTensor per operand (shape and strides arrays, ND format, the storage it spans, the
 * device pointer), aclCreateScalar for host scalars, the first phase with a workspace size and
 * an executor, the workspace allocated only when the size is non-zero, the run on the stream,
 * and afterwards the tensors and scalars destroyed and the workspace freed (after the stream
 * has finished with it).
 */
import type { Expr } from '../../ir/expr.js';
import type { DTypeExpr, TensorExpr } from '../../ir/invocation.js';

/** A tensor with its expressions replaced (hoisted ones by their constants). */
export function substitute(t: TensorExpr, replaced: ReadonlyMap<Expr, Expr>): TensorExpr {
  const r = (e: Expr) => replaced.get(e) ?? e;
  return { ...t, ptr: r(t.ptr), ...(t.offset ? { offset: r(t.offset) } : {}), ...(t.dims ? { dims: t.dims.map(r) } : {}), ...(t.strides ? { strides: t.strides.map(r) } : {}) };
}
import type { LowerContext, PreludeStatement } from '../../lower/lowerer.js';
import { memberByMeaning } from '../../mapping/enum-mapping.js';
import { storageExtent } from './column-major-views.js';

export class AclnnStatements {
  readonly prelude: PreludeStatement[] = [];
  readonly epilogue: PreludeStatement[] = [];
  readonly symbols: string[] = [];

  constructor(private readonly ctx: LowerContext) {}

  /** A reference to a target export, recorded for the rewrite list. */
  value(name: string): string {
    if (!this.symbols.includes(name) && /^acl/.test(name)) this.symbols.push(name);
    return this.ctx.names.value(name, this.ctx.style, this.ctx.origin);
  }

  /** A type reference; generated, so it is imported with `type` on its own (no source import it replaces). */
  type(name: string): string {
    return this.ctx.names.type(name, this.ctx.style, undefined);
  }

  /** The aclDataType member for a dtype meaning, or undefined when CANN has none. */
  dataType(dtype: DTypeExpr | undefined): string | undefined {
    const e = this.ctx.catalog.backend('cann').enums.get('aclDataType');
    const member = dtype?.meaning && e ? memberByMeaning(e, dtype.meaning) : undefined;
    return member ? this.value(member.name) : undefined;
  }

  /**
   * `const name = aclCreateTensor(dims, rank, dtype, strides, offset, ACL_FORMAT_ND, [extent], 1, ptr)!`:
   * a failed creation (null) makes the first phase return its error status, where the source status goes.
   */
  tensor(base: string, t: TensorExpr, dataType: string): string {
    const name = this.ctx.fresh.fresh(base);
    const dims = t.dims!;
    const extent = storageExtent({ dims, strides: t.strides! }, t.offset);
    const list = (es: readonly Expr[]) => `[${es.map((e) => e.text).join(', ')}]`;
    this.prelude.push({
      text: `const ${name} = ${this.value('aclCreateTensor')}(${list(dims)}, ${dims.length}, ${dataType}, ${list(t.strides!)}, ${t.offset?.text ?? '0'}, ${this.value('ACL_FORMAT_ND')}, [${extent.text}], 1, ${t.ptr.text})!`,
      declares: true,
    });
    this.epilogue.push({ text: `${this.value('aclDestroyTensor')}(${name})`, declares: false });
    return name;
  }

  /** `const name = aclCreateScalar(value, dtype)`. */
  scalar(base: string, value: Expr, dataType: string): string {
    const name = this.ctx.fresh.fresh(base);
    this.prelude.push({ text: `const ${name} = ${this.value('aclCreateScalar')}(${value.text}, ${dataType})!`, declares: true });
    this.epilogue.push({ text: `${this.value('aclDestroyScalar')}(${name})`, declares: false });
    return name;
  }

  /**
   * Source expressions with side effects (calls) are evaluated once each, first, in their
   * source order, into constants: the statements below use some twice and in another order.
   * Returns the replacement of each hoisted expression.
   */
  hoistImpure(exprs: readonly Expr[], nameOf: (e: Expr) => string): Map<Expr, Expr> {
    const impure = [...new Set(exprs.filter((e) => !e.pure))].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    const replaced = new Map<Expr, Expr>();
    for (const e of impure) {
      const name = this.ctx.fresh.fresh(nameOf(e));
      this.prelude.push({ text: `const ${name} = ${e.text}`, declares: true });
      replaced.set(e, { text: name, pure: true, ...(e.value ? { value: e.value } : {}), ...(e.order !== undefined ? { order: e.order } : {}) });
    }
    return replaced;
  }

  /**
   * The stream of the run: the one set on the source handle, else asked from the handle the
   * source handle became (cublasHandle_t → aclblasHandle_t carries the stream it was given).
   */
  stream(stream: Expr | undefined, handle: Expr | undefined): string | undefined {
    if (stream) return stream.text;
    if (!handle) return undefined;
    const name = this.ctx.fresh.fresh('stream');
    this.prelude.push({ text: `const ${name} = ${this.value('ref')}<${this.type('aclrtStream')}>(null)`, declares: true });
    this.prelude.push({ text: `${this.value('aclblasGetStream')}(${handle.text}, ${name})`, declares: false });
    return `${name}.value`;
  }

  /**
   * The two phases of `op`: `opGetWorkspaceSize(...args, size, executor)` (its status checked
   * where the source status is), the workspace when non-zero, and returns the run call.
   */
  twoPhase(op: string, args: readonly string[], stream: string): string {
    const base = op.replace(/^aclnn/, '');
    const stem = base.charAt(0).toLowerCase() + base.slice(1);
    const size = this.ctx.fresh.fresh(`${stem}WorkspaceSize`);
    const executor = this.ctx.fresh.fresh(`${stem}Executor`);
    const workspace = this.ctx.fresh.fresh(`${stem}Workspace`);
    const ref = this.value('ref');
    this.prelude.push({ text: `const ${size} = ${ref}(0)`, declares: true });
    this.prelude.push({ text: `const ${executor} = ${ref}<${this.type('aclOpExecutor')}>()`, declares: true });
    this.prelude.push({ text: `${this.value(`${op}GetWorkspaceSize`)}(${[...args, size, executor].join(', ')})`, declares: false, status: true });
    this.prelude.push({ text: `const ${workspace} = ${ref}<${this.type('DevicePtr')}>()`, declares: true });
    this.prelude.push({
      text: `if (${size}.value > 0) ${this.value('aclrtMalloc')}(${workspace}, ${size}.value, ${this.value('ACL_MEM_MALLOC_HUGE_FIRST')})`,
      declares: false,
    });
    // The workspace is in use until the stream has run the operator.
    this.epilogue.unshift({
      text: `if (${size}.value > 0) { ${this.value('aclrtSynchronizeStream')}(${stream}); ${this.value('aclrtFree')}(${workspace}.value); }`,
      declares: false,
    });
    return `${this.value(op)}(${size}.value > 0 ? ${workspace}.value : null, ${size}.value, ${executor}.value, ${stream})`;
  }
}
