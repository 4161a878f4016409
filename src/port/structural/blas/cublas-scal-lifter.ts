/**
 * `cublasSscal(handle, n, alpha, x, incx)` (x := alpha·x in place) lifted to Mul with A := x and
 * C := x as 1-D views with their increment, and B := alpha, a host scalar (layout `host`), for
 * targets whose scaling call takes them that way (XDNN's `xpu::scale`; CNNL's cnnlOpTensor MUL by
 * the scalar copied to the device, cnnl/cnnl-scal.ts). The stream is the one the handle was
 * given. Only for Kunlun and Cambricon; elsewhere the generic role path answers.
 */
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { OpInvocation, TensorExpr } from '../../ir/invocation.js';
import type { LiftResult, Lifter } from '../../lift/lifter.js';
import { roleLifter } from '../../lift/role-lifter.js';
import { vector } from './column-major-views.js';

const SCAL_TARGETS: ReadonlySet<string> = new Set(['kunlun', 'cambricon']);

export const cublasScalLifter: Lifter = {
  name: 'cuBLAS scal → Mul by a host scalar',
  lift(call, ctx): LiftResult | undefined {
    if (call.entry.spec.symbol !== 'cublasSscal' || !SCAL_TARGETS.has(ctx.target)) return undefined;
    const generic = roleLifter.lift(call, ctx);
    if (!generic?.ok || generic.invocation.kind !== 'operator') return generic;
    const g = generic.invocation;
    const [n, inc, x, alpha] = [g.args.get('count'), g.args.get('ld:C'), g.outputs.get('C'), g.inputs.get('B')];
    const symbol = call.entry.spec.symbol;
    if (!n || !inc || !x || !alpha) return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason: 'an operand or size is missing from the call' }, symbol)] };
    const step = inc.value?.kind === 'number' ? inc.value.value : undefined;
    if (step !== undefined && step < 1) return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason: `\`incx\` is ${step}, which a strided view cannot express` }, symbol)] };
    const v = vector(n, inc);
    const dtype = { meaning: 'dtype.float32', dtype: 'float32' as const };
    const view: TensorExpr = { ptr: x.ptr, dims: v.dims, strides: v.strides, layout: 'row-major', dtype };
    const handle = g.args.get('handle');
    const set = handle?.node ? ctx.context.lastSetCall(handle.node, call.node, { symbols: ['cublasSetStream'], role: 'handle' }) : undefined;
    const stream = set ? ctx.context.argumentFor(set, 'stream') : undefined;
    const invocation: OpInvocation = {
      ...g,
      inputs: new Map([['A', view], ['B', { ptr: alpha.ptr, dims: [], strides: [], layout: 'host', dtype }]]),
      outputs: new Map([['C', view]]),
      args: new Map(handle ? [['handle', handle]] : []),
      ...(stream ? { stream: { text: stream.getText(), node: stream, pure: true } } : {}),
    };
    return { ok: true, invocation };
  },
};
