/**
 * Canonical operators with tensor views (from the cuDNN descriptor lifter) → CNNL calls with
 * their own descriptors (cnnl-statements.ts). Each plan states what it needs of the invocation
 * and is a pure function, so the descriptor calls can ask whether every use of a descriptor
 * ports (absorbed-descriptors.ts):
 *
 * - Softmax / LogSoftmax over `axis` of a packed view → cnnlSoftmaxForward over the 3-D view
 *   [outer, axis, inner] in CNNL_SOFTMAX_MODE_MEDIUM_DIMENSION (CNNL softmax takes 3-D tensors;
 *   the mode names dim 1), ACCURATE or LOG; alpha / beta blend as in cuDNN.
 * - Add from cudnnAddTensor (C = alpha·A + beta·C) → cnnlOpTensor ADD with a := C scaled by
 *   beta, b := A scaled by alpha, into C, broadcasting A.
 * - LayerNormalization / RMSNormalization (one-node cudnn-frontend graphs) → cnnlLayerNormForward /
 *   cnnlRmsNormForward over dims [axis, rank), scale (and bias) with the normalized shape, the
 *   workspace from cnnlGetLayerNormOpWorkspaceSize / cnnlGetRmsNormOpWorkspaceSize; a TRAINING
 *   layer norm's Mean / InvStdDev as saved_mean / saved_rstd (savedStatistics), none otherwise.
 * - Relu / Sigmoid / Tanh / Elu from cudnnActivationForward → cnnlActivationForward with an
 *   activation descriptor of the same mode (coef for ELU's alpha), alpha / beta as given.
 *
 * - Conv, BatchNormalization, MaxPool / AveragePool → cnnlConvolutionForward,
 *   cnnlBatchNormForwardInference, cnnlPoolingForward (conv-plan.ts, batch-norm.ts, pool.ts; NHWC staging in
 *   conv-channels-last.ts).
 *
 * The blend factors of CNNL's softmax and activation are cuDNN's (y = alpha·op(x) + beta·y), so
 * they pass unchanged.
 */
import type { Catalog } from '../../../catalog/catalog.js';
import { pending } from '../../diagnostics/port-diagnostics.js';
import { memberByMeaning } from '../../mapping/enum-mapping.js';
import { generated, type Expr } from '../../ir/expr.js';
import type { Invocation, OpInvocation, TensorExpr } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { product } from '../dnn/cudnn-descriptors.js';
import { planCnnlBatchNorm } from './batch-norm.js';
import { CnnlStatements, isPacked, numberOf, type CnnlView } from './cnnl-statements.js';
import { planCnnlConv } from './conv-plan.js';
import { packedPermutation, sameView } from './dense-view.js';
import { planCnnlPool } from './pool.js';

/** Writes the statements before the op and returns the op call. */
export type Emit = (s: CnnlStatements, handle: string, dataType: string) => string;

export type DnnPlan = { readonly ok: true; readonly emit: Emit; readonly dtype: TensorExpr['dtype'] } | { readonly ok: false; readonly reason: string };

type Viewed = TensorExpr & { dims: readonly Expr[]; strides: readonly Expr[] };

function viewed(t: TensorExpr | undefined): t is Viewed {
  return Boolean(t?.dims && t.strides);
}

function only(map: ReadonlyMap<string, TensorExpr>, name: string): Viewed | undefined {
  const t = map.size === 1 ? map.get(name) : undefined;
  return viewed(t) ? t : undefined;
}

function view(t: Viewed, dims?: readonly Expr[]): CnnlView {
  return { ptr: t.ptr, dims: dims ?? t.dims, strides: t.strides, ...(t.dtype ? { dtype: t.dtype } : {}) };
}

/** The cuDNN blend factors as CNNL scaling arguments (null where cuDNN's value is the default). */
function blend(invocation: OpInvocation): { alpha: string; beta: string } | string {
  const alpha = invocation.args.get('alpha');
  const beta = invocation.args.get('beta');
  for (const [name, e] of [['alpha', alpha], ['beta', beta]] as const) if (e && !e.pure) return `${name} \`${e.text}\` has side effects`;
  return { alpha: alpha?.text ?? '1', beta: beta?.text ?? '0' };
}

const ACTIVATIONS: Readonly<Record<string, { mode: string; input: string; output: string; coef?: string }>> = {
  Relu: { mode: 'CNNL_ACTIVATION_RELU', input: 'X', output: 'Y' },
  Sigmoid: { mode: 'CNNL_ACTIVATION_SIGMOID', input: 'X', output: 'Y' },
  Tanh: { mode: 'CNNL_ACTIVATION_TANH', input: 'input', output: 'output' },
  Elu: { mode: 'CNNL_ACTIVATION_ELU', input: 'X', output: 'Y', coef: 'alpha' },
};

function packedOnly(...views: Viewed[]): string | undefined {
  const loose = views.find((v) => !isPacked(v));
  return loose ? `a tensor (\`${loose.ptr.text}\`) is strided; this port describes packed tensors only` : undefined;
}

/**
 * The views an element-wise operation runs on: its own when packed; when input and output share
 * a strided view that covers a packed buffer exactly, that buffer's packed view for both
 * (dense-view.ts: the element at each address is still computed from the one at that address).
 */
function elementwiseViews(x: Viewed, y: Viewed): { x: CnnlView; y: CnnlView } | string {
  if (isPacked(x) && isPacked(y)) return { x: view(x), y: view(y) };
  const dense = sameView(x, y) ? packedPermutation(x) : undefined;
  if (!dense) return `${packedOnly(x, y)}, or one strided view input and output share that covers a packed buffer exactly`;
  const packed = (t: Viewed): CnnlView => ({ ...view(t, dense), strides: [] });
  return { x: packed(x), y: packed(y) };
}

/**
 * C = A + B / A · B with no blend factors (cudnnOpTensor's out-of-place ADD / MUL) →
 * cnnlOpTensor with alpha1 = alpha2 = 1, beta = 0 and its workspace; B broadcasts where its dims are 1.
 */
function planPlainBinary(invocation: OpInvocation): DnnPlan | undefined {
  const { operator, inputs, outputs } = invocation;
  const [a, b, c] = [inputs.get('A'), inputs.get('B'), only(outputs, 'C')];
  if (!viewed(a) || !viewed(b) || !c || inputs.size !== 2 || [...invocation.args.keys()].some((k) => k !== 'handle')) return undefined;
  const loose = packedOnly(a, b, c);
  if (loose) return { ok: false, reason: loose };
  if (a.dims.length !== c.dims.length || b.dims.length !== c.dims.length) return { ok: false, reason: `the tensors have ranks ${a.dims.length}, ${b.dims.length} and ${c.dims.length}` };
  const op = operator === 'Add' ? 'CNNL_OP_TENSOR_ADD' : 'CNNL_OP_TENSOR_MUL';
  return {
    ok: true,
    dtype: c.dtype,
    emit: (s, handle, dataType) => {
      const aDesc = s.tensor('a', view(a), dataType);
      const bDesc = s.tensor('b', view(b), dataType);
      const cDesc = s.tensor('c', view(c), dataType);
      const desc = s.descriptor(operator === 'Add' ? 'addDesc' : 'mulDesc', 'cnnlOpTensorDescriptor_t', 'cnnlCreateOpTensorDescriptor', 'cnnlDestroyOpTensorDescriptor', [
        `${s.value('cnnlSetOpTensorDescriptor')}($, ${s.value(op)}, ${s.value(c.dtype?.dtype === 'float64' ? 'CNNL_DTYPE_DOUBLE' : 'CNNL_DTYPE_FLOAT')}, ${s.value('CNNL_PROPAGATE_NAN')})`,
      ]);
      const queue = s.queue(undefined, handle);
      const ws = s.workspace(operator === 'Add' ? 'add' : 'mul', (size) => `${s.value('cnnlGetOpTensorWorkspaceSize')}(${handle}, ${aDesc}, ${bDesc}, ${cDesc}, ${size})`, queue);
      return `${s.value('cnnlOpTensor')}(${handle}, ${desc}, 1, ${aDesc}, ${a.ptr.text}, 1, ${bDesc}, ${b.ptr.text}, ${ws.ptr}, ${ws.size}, 0, ${cDesc}, ${c.ptr.text})`;
    },
  };
}

/** The CNNL call for an operator invocation, or why it has none; undefined when not ours. */
export function planCnnlDnn(invocation: Invocation, catalog?: Catalog): DnnPlan | undefined {
  if (invocation.kind !== 'operator') return undefined;
  const { operator, inputs, outputs, attributes } = invocation;
  if (![...inputs.values(), ...outputs.values()].every(viewed)) return undefined; // another lowerer's
  switch (operator) {
    case 'Conv':
      return planCnnlConv(invocation);
    case 'BatchNormalization':
      return planCnnlBatchNorm(invocation);
    case 'MaxPool':
    case 'AveragePool':
      return planCnnlPool(invocation);
    case 'Cast': {
      // cudnnTransformTensor into another element type over one view → cnnlCastDataType.
      const x = only(inputs, 'input');
      const y = only(outputs, 'output');
      if (!x || !y || invocation.origin.symbol !== 'cudnnTransformTensor' || !catalog) return undefined;
      const loose = packedOnly(x, y);
      if (loose) return { ok: false, reason: loose };
      const [from, to] = [x.dtype?.meaning ?? '?', y.dtype?.meaning ?? '?'];
      const cnnl = catalog.backend('cambricon');
      const castEnum = cnnl.enums.get('cnnlCastDataType_t');
      const member = castEnum && memberByMeaning(castEnum, `cast.${from.replace('dtype.', '')}-to-${to.replace('dtype.', '')}`);
      if (!member) return { ok: false, reason: `CNNL has no cast from ${from.replace('dtype.', '')} to ${to.replace('dtype.', '')} in the catalog (cnnlCastDataType_t)` };
      return {
        ok: true,
        dtype: x.dtype,
        emit: (s, handle) => {
          const [xType, yType] = [s.dataType(x.dtype), s.dataType(y.dtype)];
          const xDesc = s.tensor('x', view(x), xType!);
          const yDesc = s.tensor('y', view(y), yType!);
          return `${s.value('cnnlCastDataType')}(${handle}, ${xDesc}, ${x.ptr.text}, ${s.value(member.name)}, ${yDesc}, ${y.ptr.text})`;
        },
      };
    }
    case 'Softmax':
    case 'LogSoftmax': {
      const x = only(inputs, 'input');
      const y = only(outputs, 'output');
      const axis = numberOf(attributes.get('axis')?.expr);
      if (!x || !y || axis === undefined) return undefined;
      const b = blend(invocation);
      if (typeof b === 'string') return { ok: false, reason: b };
      const loose = packedOnly(x, y);
      if (loose) return { ok: false, reason: loose };
      const at = axis < 0 ? axis + x.dims.length : axis;
      // [outer, axis, inner]: CNNL softmax runs over dim 1 of a 3-D view in MEDIUM_DIMENSION mode.
      const three = [product(x.dims.slice(0, at)), x.dims[at], product(x.dims.slice(at + 1))];
      const algorithm = operator === 'Softmax' ? 'CNNL_SOFTMAX_ACCURATE' : 'CNNL_SOFTMAX_LOG';
      return {
        ok: true,
        dtype: x.dtype,
        emit: (s, handle, dataType) => {
          const xDesc = s.tensor('x', { dims: three, strides: [] as Expr[] }, dataType);
          const yDesc = x.ptr.text === y.ptr.text ? xDesc : s.tensor('y', { dims: three, strides: [] as Expr[] }, dataType);
          return `${s.value('cnnlSoftmaxForward')}(${handle}, ${s.value(algorithm)}, ${s.value('CNNL_SOFTMAX_MODE_MEDIUM_DIMENSION')}, ${b.alpha}, ${xDesc}, ${x.ptr.text}, ${b.beta}, ${yDesc}, ${y.ptr.text})`;
        },
      };
    }
    case 'Add':
    case 'Mul': {
      const plain = planPlainBinary(invocation);
      if (plain || operator === 'Mul') return plain;
      const acc = inputs.get('A');
      const addend = inputs.get('B');
      const c = only(outputs, 'C');
      if (!viewed(acc) || !viewed(addend) || !c || inputs.size !== 2 || acc.ptr.text !== c.ptr.text || !invocation.args.has('beta')) return undefined;
      const b = blend(invocation);
      if (typeof b === 'string') return { ok: false, reason: b };
      const loose = packedOnly(acc, addend);
      if (loose) return { ok: false, reason: loose };
      if (acc.dims.length !== addend.dims.length) return { ok: false, reason: `the tensors have ranks ${acc.dims.length} and ${addend.dims.length}` };
      return {
        ok: true,
        dtype: c.dtype,
        emit: (s, handle, dataType) => {
          const cDesc = s.tensor('c', view(c), dataType);
          const aDesc = s.tensor('a', view(addend), dataType);
          const add = s.descriptor('addDesc', 'cnnlOpTensorDescriptor_t', 'cnnlCreateOpTensorDescriptor', 'cnnlDestroyOpTensorDescriptor', [
            `${s.value('cnnlSetOpTensorDescriptor')}($, ${s.value('CNNL_OP_TENSOR_ADD')}, ${s.value(c.dtype?.dtype === 'float64' ? 'CNNL_DTYPE_DOUBLE' : 'CNNL_DTYPE_FLOAT')}, ${s.value('CNNL_PROPAGATE_NAN')})`,
          ]);
          const queue = s.queue(undefined, handle);
          const ws = s.workspace('add', (size) => `${s.value('cnnlGetOpTensorWorkspaceSize')}(${handle}, ${cDesc}, ${aDesc}, ${cDesc}, ${size})`, queue);
          // C = beta·C + alpha·A: the old C is input a (scaled by beta), the broadcast A is input b.
          return `${s.value('cnnlOpTensor')}(${handle}, ${add}, ${b.beta}, ${cDesc}, ${c.ptr.text}, ${b.alpha}, ${aDesc}, ${addend.ptr.text}, ${ws.ptr}, ${ws.size}, 0, ${cDesc}, ${c.ptr.text})`;
        },
      };
    }
    case 'LayerNormalization':
    case 'RMSNormalization': {
      const x = inputs.get('X');
      const scale = inputs.get(operator === 'LayerNormalization' ? 'Scale' : 'scale');
      const bias = inputs.get('B');
      const y = outputs.get('Y');
      const [mean, invStdDev] = [outputs.get('Mean'), outputs.get('InvStdDev')];
      if (!viewed(y) || outputs.size !== 1 + (mean ? 1 : 0) + (invStdDev ? 1 : 0)) return undefined;
      const axis = numberOf(attributes.get('axis')?.expr);
      const epsilon = attributes.get('epsilon')?.expr;
      if (!viewed(x) || !viewed(scale) || (bias && !viewed(bias)) || !y || axis === undefined || !epsilon) return undefined;
      if (!epsilon.pure) return { ok: false, reason: `epsilon \`${epsilon.text}\` has side effects` };
      const loose = packedOnly(x, scale, y, ...(bias && viewed(bias) ? [bias] : []));
      if (loose) return { ok: false, reason: loose };
      if (operator === 'RMSNormalization' && bias) return { ok: false, reason: 'an RMS norm bias is not ported' };
      const at = axis < 0 ? axis + x.dims.length : axis;
      const statistics = savedStatistics(operator, mean, invStdDev);
      if (typeof statistics === 'string') return { ok: false, reason: statistics };
      // CNNL's statistics have X's dims before the axis and 1 after it (one float32 per row).
      const one = generated('1', { kind: 'number', value: 1 });
      const statsDims = [...x.dims.slice(0, at), ...x.dims.slice(at).map(() => one)];
      // Scale (and bias) have the normalized shape, dims [axis, rank) of X.
      const normalized = x.dims.slice(at);
      return {
        ok: true,
        dtype: x.dtype,
        emit: (s, handle, dataType) => {
          const xDesc = s.tensor('x', view(x), dataType);
          const yDesc = x.ptr.text === y.ptr.text ? xDesc : s.tensor('y', view(y), dataType);
          const scaleDesc = s.tensor('scale', { dims: normalized, strides: [] as Expr[] }, dataType);
          const queue = s.queue(undefined, handle);
          if (operator === 'LayerNormalization') {
            const ws = s.workspace('layerNorm', (size) => `${s.value('cnnlGetLayerNormOpWorkspaceSize')}(${handle}, ${at}, ${xDesc}, ${size})`, queue);
            const b = bias && viewed(bias) ? bias.ptr.text : 'null';
            const saved = statistics ? `${s.tensor('statistics', { dims: statsDims, strides: [] as Expr[] }, s.value('CNNL_DTYPE_FLOAT'))}, ${statistics.mean.ptr.text}, ${statistics.invStdDev.ptr.text}` : 'null, null, null';
            return `${s.value('cnnlLayerNormForward')}(${handle}, ${xDesc}, ${x.ptr.text}, ${at}, ${scaleDesc}, ${(scale as Viewed).ptr.text}, ${b}, ${epsilon.text}, ${ws.ptr}, ${ws.size}, ${yDesc}, ${y.ptr.text}, ${saved})`;
          }
          const ws = s.workspace('rmsNorm', (size) => `${s.value('cnnlGetRmsNormOpWorkspaceSize')}(${handle}, ${at}, ${xDesc}, ${size})`, queue);
          return `${s.value('cnnlRmsNormForward')}(${handle}, ${at}, ${xDesc}, ${x.ptr.text}, ${scaleDesc}, ${(scale as Viewed).ptr.text}, null, ${epsilon.text}, ${ws.ptr}, ${ws.size}, ${yDesc}, ${y.ptr.text}, null, null)`;
        },
      };
    }
    default: {
      const activation = ACTIVATIONS[operator];
      if (!activation) return undefined;
      const x = only(inputs, activation.input);
      const y = only(outputs, activation.output);
      if (!x || !y) return undefined;
      const b = blend(invocation);
      if (typeof b === 'string') return { ok: false, reason: b };
      const elementwise = elementwiseViews(x, y);
      if (typeof elementwise === 'string') return { ok: false, reason: elementwise };
      const coef = activation.coef ? attributes.get(activation.coef)?.expr : generated('0', { kind: 'number', value: 0 });
      if (!coef?.pure) return { ok: false, reason: `the activation coefficient \`${coef?.text ?? '?'}\` is not known` };
      return {
        ok: true,
        dtype: x.dtype,
        emit: (s, handle, dataType) => {
          const xDesc = s.tensor('x', elementwise.x, dataType);
          const yDesc = x.ptr.text === y.ptr.text ? xDesc : s.tensor('y', elementwise.y, dataType);
          const act = s.descriptor('activationDesc', 'cnnlActivationDescriptor_t', 'cnnlCreateActivationDescriptor', 'cnnlDestroyActivationDescriptor', [
            `${s.value('cnnlSetActivationDescriptor')}($, ${s.value(activation.mode)}, ${s.value('CNNL_PROPAGATE_NAN')}, ${coef.text})`,
          ]);
          return `${s.value('cnnlActivationForward')}(${handle}, ${act}, ${b.alpha}, ${xDesc}, ${x.ptr.text}, ${b.beta}, ${yDesc}, ${y.ptr.text})`;
        },
      };
    }
  }
}

/**
 * The TRAINING statistics a norm writes besides Y (cudnn-frontend MEAN / INV_VARIANCE), or why
 * CNNL cannot write them: cnnlLayerNormForward's saved_mean and saved_rstd are the row mean and
 * 1/√(var + eps), the mean and rstd DIOPI's layer norm passes straight through (cuDNN's MEAN and
 * INV_VARIANCE); both are written, as packed float32. What cnnlRmsNormForward's saved_rms holds is
 * not confirmed, so an RMS norm's InvStdDev is declined.
 */
function savedStatistics(operator: string, mean: TensorExpr | undefined, invStdDev: TensorExpr | undefined): { mean: Viewed; invStdDev: Viewed } | string | undefined {
  if (!mean && !invStdDev) return undefined;
  if (operator !== 'LayerNormalization') return `the TRAINING statistics (${mean ? 'Mean, ' : ''}InvStdDev) the program reads are not ported to CNNL (what cnnlRmsNormForward's saved_rms holds is not confirmed)`;
  if (!viewed(mean) || !viewed(invStdDev)) return `the program reads only ${mean ? 'Mean' : 'InvStdDev'} of the TRAINING statistics, and cnnlLayerNormForward writes both through one descriptor`;
  const loose = [mean, invStdDev].find((t) => !isPacked(t) || t.dtype?.dtype !== 'float32');
  if (loose) return `the statistics \`${loose.ptr.text}\` are not packed float32`;
  return { mean, invStdDev };
}

/**
 * A handle made for one call on `queue`: created and bound to the queue before it, destroyed
 * after it once the queue has run it (whether cnnlDestroy waits for the queue is not documented).
 */
function ownHandle(s: CnnlStatements, queue: string): string {
  const handle = s.fresh('cnnlHandle');
  s.push(`const ${handle} = ${s.value('ref')}<${s.type('cnnlHandle_t')}>()`, true);
  s.push(`${s.value('cnnlCreate')}(${handle})`, false, true);
  s.push(`${s.value('cnnlSetQueue')}(${handle}.value, ${queue})`, false, true);
  s.epilogue.push({ text: `${s.value('cnrtQueueSync')}(${queue})`, declares: false }, { text: `${s.value('cnnlDestroy')}(${handle}.value)`, declares: false });
  return `${handle}.value`;
}

export const cnnlDnnLowerer: Lowerer = {
  name: 'CNNL calls with their own descriptors',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    const plan = planCnnlDnn(invocation, ctx.catalog);
    if (!plan || invocation.kind !== 'operator') return undefined;
    const symbol = invocation.origin.symbol;
    const decline = (reason: string): LowerResult => ({ ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] });
    if (!plan.ok) return decline(plan.reason);
    const handle = invocation.args.get('handle');
    const stream = invocation.stream;
    // A call on a stream without a handle (aclnn) gets a handle of its own, bound to that queue.
    if (!handle && (!stream || /^(null|undefined|0)$/.test(stream.text))) return decline('the call has neither a handle nor a stream to make a CNNL handle for');
    if (!handle && !stream!.pure) return decline(`the stream \`${stream!.text}\` has side effects, and the CNNL statements use it more than once`);
    if (handle && !handle.pure) return decline(`the handle \`${handle.text}\` has side effects`);
    const impure = [...invocation.inputs.values(), ...invocation.outputs.values()].find((t) => !t.ptr.pure);
    if (impure) return decline(`the pointer \`${impure.ptr.text}\` has side effects, and the CNNL statements use it more than once`);
    const s = new CnnlStatements(ctx);
    const dataType = s.dataType(plan.dtype);
    if (!dataType) return decline(`CNNL has no cnnlDataType_t for ${plan.dtype?.meaning ?? 'the element type'}`);
    const handleText = handle ? handle.text : ownHandle(s, stream!.text);
    const call = plan.emit(s, handleText, dataType);
    return { ok: true, lowering: { prelude: s.prelude, call, epilogue: s.epilogue, targetSymbols: s.symbols, diagnostics: [] } };
  },
};

/** The operators cnnlDnnLowerer serves (one registration each). */
export const CNNL_DNN_OPERATORS = ['Softmax', 'LogSoftmax', 'Add', 'Mul', 'Cast', 'LayerNormalization', 'RMSNormalization', 'Conv', 'BatchNormalization', 'MaxPool', 'AveragePool', ...Object.keys(ACTIVATIONS)] as const;
