/**
 * Writes one aclnn operator call the way CANN's doc samples do: an aclCreateTensor per tensor
 * view (shape, strides in elements, data type, format, device address), the first phase
 * `aclnnXxxGetWorkspaceSize(..., workspaceSize, executor)`, the workspace allocated when it is not
 * empty, the second phase `aclnnXxx(workspace, workspaceSize, executor, stream)`, then the tensors
 * (and scalars) destroyed and the workspace freed. The second phase is the lowering's call, so
 * its status is what the source call returned; the first phase's status goes where the source
 * status went when that statement can be repeated (`check(call, 'what')`).
 */
import type { EnumRecord } from '../../../catalog/catalog.js';
import { operand, type Expr } from '../../ir/expr.js';
import type { TensorExpr } from '../../ir/invocation.js';
import type { LowerContext, Lowering } from '../../lower/lowerer.js';
import { memberByMeaning } from '../../mapping/enum-mapping.js';
import { AclnnStatements } from '../blas/aclnn-statements.js';
import { isContiguous } from './cudnn-descriptors.js';

/** A GetWorkspaceSize argument: a tensor view, a host scalar, an int array, or plain text. */
export type AclnnArgument =
  | { readonly kind: 'tensor'; readonly name: string; readonly view: TensorExpr; readonly format?: 'ND' | 'NCHW' }
  | { readonly kind: 'scalar'; readonly name: string; readonly value: Expr; readonly dtypeMeaning: string }
  | { readonly kind: 'ints'; readonly name: string; readonly values: readonly string[] }
  | { readonly kind: 'text'; readonly text: string }
  /** A member of a target enum by meaning (`cubeMathType` `math.hf32` → USE_HF32), imported. */
  | { readonly kind: 'enum'; readonly enumName: string; readonly meaning: string }
  /** An output the target needs and the source does not have (aclnnRmsNorm's rstd): a packed temporary. */
  | { readonly kind: 'scratch'; readonly name: string; readonly dims: readonly string[]; readonly dtypeMeaning: string; readonly elementBytes: number };

export interface AclnnCall {
  /** The second-phase symbol (`aclnnSoftmax`); the first phase is `<op>GetWorkspaceSize`. */
  readonly op: string;
  readonly args: readonly AclnnArgument[];
}

function targetEnum(ctx: LowerContext, name: string): EnumRecord {
  const e = ctx.catalog.backend(ctx.target).enums.get(name);
  if (!e) throw new Error(`the ${ctx.target} catalog has no enum ${name}`);
  return e;
}

/** The target member for a meaning (`dtype.float32` → ACL_FLOAT), or undefined. */
export function memberFor(ctx: LowerContext, enumName: string, meaning: string): string | undefined {
  const member = memberByMeaning(targetEnum(ctx, enumName), meaning);
  return member ? ctx.names.value(member.name, ctx.style, ctx.origin) : undefined;
}

function list(items: readonly string[]): string {
  return `[${items.join(', ')}]`;
}

/** `1 + (d0 - 1)·s0 + …`: the elements a strided view spans. */
function extent(view: TensorExpr): string {
  const dims = view.dims ?? [];
  const strides = view.strides ?? [];
  const numbers = [...dims, ...strides].map((e) => (e.value?.kind === 'number' ? e.value.value : undefined));
  if (numbers.every((n) => n !== undefined)) {
    return String(1 + dims.reduce((acc, _, i) => acc + (numbers[i]! - 1) * numbers[dims.length + i]!, 0));
  }
  return ['1', ...dims.map((d, i) => `(${d.text} - 1) * ${operand(strides[i].text)}`)].join(' + ');
}

/** Whether every tensor has what aclCreateTensor needs. */
export function describable(view: TensorExpr | undefined): view is TensorExpr & { dims: readonly Expr[]; strides: readonly Expr[] } {
  return Boolean(view?.dims && view.strides && view.dtype?.meaning && view.dims.length === view.strides.length);
}

/** `dLogits.value` → `logitsTensor`; the parameter name when the pointer is not a plain variable. */
function tensorName(ptr: Expr, fallback: string): string {
  const m = /^([A-Za-z_$][\w$]*)(\.value)?$/.exec(ptr.text);
  if (!m) return `${fallback}Tensor`;
  const stem = /^d[A-Z]/.test(m[1]) ? m[1][1].toLowerCase() + m[1].slice(2) : m[1];
  return `${stem}Tensor`;
}

export function lowerAclnn(call: AclnnCall, stream: Expr | undefined, ctx: LowerContext): Lowering | { readonly error: string } {
  const v = (name: string) => ctx.names.value(name, ctx.style, ctx.origin);
  // Types are imported on their own (`type aclOpExecutor`), not after the call they came with.
  const t = (name: string) => ctx.names.type(name, ctx.style, undefined);
  // Operands, the two phases, the workspace and the releases, as every aclnn lowering writes them.
  const phases = new AclnnStatements(ctx);
  const { prelude, epilogue } = phases;
  const symbols: string[] = [];
  const tensors = new Map<string, string>();
  const texts: string[] = [];
  for (const a of call.args) {
    if (a.kind === 'text') {
      texts.push(a.text);
      continue;
    }
    if (a.kind === 'enum') {
      const member = memberFor(ctx, a.enumName, a.meaning);
      if (!member) return { error: `${ctx.target} has no ${a.enumName} member for ${a.meaning}` };
      texts.push(member);
      continue;
    }
    if (a.kind === 'scalar') {
      const dtype = memberFor(ctx, 'aclDataType', a.dtypeMeaning);
      if (!dtype) return { error: `${ctx.target} has no data type for ${a.dtypeMeaning}` };
      const name = phases.scalar(a.name, a.value, dtype);
      symbols.push('aclCreateScalar');
      texts.push(name);
      continue;
    }
    if (a.kind === 'scratch') {
      const dtype = memberFor(ctx, 'aclDataType', a.dtypeMeaning);
      const format = memberFor(ctx, 'aclFormat', 'layout.nd');
      if (!dtype || !format) return { error: `${ctx.target} has no data type for ${a.dtypeMeaning}` };
      const buffer = ctx.fresh.fresh(a.name);
      const name = ctx.fresh.fresh(`${a.name}Tensor`);
      const strides = a.dims.map((_, i) => a.dims.slice(i + 1).filter((d) => d !== '1').join(' * ') || '1');
      const count = a.dims.filter((d) => d !== '1').join(' * ') || '1';
      prelude.push({ text: `const ${buffer} = ${v('ref')}<${t('DevicePtr')}>()`, declares: true });
      prelude.push({ text: `${v('aclrtMalloc')}(${buffer}, ${count} * ${a.elementBytes}, ${v('ACL_MEM_MALLOC_HUGE_FIRST')})`, declares: false });
      prelude.push({ text: `const ${name} = ${v('aclCreateTensor')}(${list(a.dims)}, ${a.dims.length}, ${dtype}, ${list(strides)}, 0, ${format}, ${list(a.dims)}, ${a.dims.length}, ${buffer}.value)!`, declares: true });
      epilogue.push({ text: `${v('aclDestroyTensor')}(${name})`, declares: false }, { text: `${v('aclrtFree')}(${buffer}.value)`, declares: false });
      symbols.push('aclCreateTensor');
      texts.push(name);
      continue;
    }
    if (a.kind === 'ints') {
      const name = ctx.fresh.fresh(a.name);
      prelude.push({ text: `const ${name} = ${v('aclCreateIntArray')}(${list(a.values)}, ${a.values.length})!`, declares: true });
      epilogue.push({ text: `${v('aclDestroyIntArray')}(${name})`, declares: false });
      symbols.push('aclCreateIntArray');
      texts.push(name);
      continue;
    }
    const view = a.view;
    if (!describable(view)) return { error: `the tensor ${a.name} has no shape, strides or data type the port can see` };
    const dims = view.dims.map((d) => d.text);
    const strides = view.strides.map((s) => s.text);
    const key = `${view.ptr.text}\u0000${dims.join(',')}\u0000${strides.join(',')}`;
    let name = tensors.get(key);
    if (!name) {
      const dtype = memberFor(ctx, 'aclDataType', view.dtype!.meaning!);
      if (!dtype) return { error: `${ctx.target} has no data type for ${view.dtype!.meaning}` };
      const format = memberFor(ctx, 'aclFormat', a.format === 'NCHW' ? 'layout.nchw' : 'layout.nd');
      if (!format) return { error: `${ctx.target} has no tensor format for ${a.format ?? 'ND'}` };
      const storage = isContiguous(view) ? dims : [extent(view)];
      name = ctx.fresh.fresh(tensorName(view.ptr, a.name));
      tensors.set(key, name);
      prelude.push({
        text: `const ${name} = ${v('aclCreateTensor')}(${list(dims)}, ${dims.length}, ${dtype}, ${list(strides)}, 0, ${format}, ${list(storage)}, ${storage.length}, ${view.ptr.text})!`,
        declares: true,
      });
      epilogue.push({ text: `${v('aclDestroyTensor')}(${name})`, declares: false });
      symbols.push('aclCreateTensor');
    }
    texts.push(name);
  }
  const run = phases.twoPhase(call.op, texts, stream?.text ?? 'null');
  return {
    prelude,
    call: run,
    epilogue,
    // The run call last: its status is the source call's.
    targetSymbols: [...symbols, `${call.op}GetWorkspaceSize`, 'aclrtMalloc', 'aclDestroyTensor', 'aclrtSynchronizeStream', 'aclrtFree', call.op],
    diagnostics: [],
  };
}

