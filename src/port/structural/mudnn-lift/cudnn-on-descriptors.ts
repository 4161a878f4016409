/**
 * Canonical operators lifted from muDNN (mudnn-run-lifter.ts) → legacy cuDNN calls on the
 * source's own handle and tensor descriptors (muDNN's are cuDNN's objects under muDNN names: the
 * rename ports them, cudnn-setters.ts their setters), as CUDA code writes them; the inverse of
 * structural/mudnn/mudnn-compute.ts. What cuDNN's call needs and muDNN's did not have is written
 * as the computation muDNN did (no blend: alpha 1, beta 0):
 *
 * - Add (C = A + B) → cudnnAddTensor(h, 1, bDesc, B, 1, cDesc, C) when C is A (or B, the sum
 *   commutes); otherwise cudnnOpTensor with an ADD op-tensor descriptor made around the call
 *   (compute type float, double for double data; NaN propagated).
 * - Softmax / LogSoftmax over axis 1 of a 4-D descriptor → cudnnSoftmaxForward(h, ACCURATE | LOG,
 *   CHANNEL, 1, xDesc, x, 0, yDesc, y).
 * - Relu / Sigmoid / Tanh → cudnnActivationForward with an activation descriptor made around the
 *   call (NaN propagated, coefficient 0).
 * - BatchNormalization → cudnnBatchNormalizationForwardInference(h, SPATIAL, 1, 0, …) when the
 *   scale, bias, mean and variance share one descriptor (cuDNN takes one).
 * - MaxPool → cudnnPoolingForward on the source's pooling descriptor.
 *
 * A softmax over another axis or rank, parameter descriptors that differ and broadcast shapes
 * cudnnAddTensor rejects are left to the CUDA lowerers over tensor views (cuda-lower/), which
 * describe the views themselves or say why not. Other operators are not taken.
 */
import type { Expr } from '../../ir/expr.js';
import type { Invocation, OpInvocation, TensorExpr } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { declineOn } from '../cuda-lower/cublas-lowerers.js';
import { CudaStatements } from '../cuda-lower/cuda-statements.js';
import { activationDescriptor } from '../cuda-lower/cudnn-lowerers.js';

type Described = TensorExpr & { readonly descriptor: Expr };

const numberOf = (e: Expr | undefined) => (e?.value?.kind === 'number' ? e.value.value : undefined);

function described(t: TensorExpr | undefined): t is Described {
  return Boolean(t?.descriptor);
}

/** The same tensor: pointer and descriptor written alike. */
function sameTensor(a: Described, b: Described): boolean {
  return a.ptr.text === b.ptr.text && a.descriptor.text === b.descriptor.text && (a.offset?.text ?? '0') === (b.offset?.text ?? '0');
}

const ACTIVATIONS: Readonly<Record<string, { input: string; output: string; mode: string }>> = {
  Relu: { input: 'X', output: 'Y', mode: 'activation.relu' },
  Sigmoid: { input: 'X', output: 'Y', mode: 'activation.sigmoid' },
  Tanh: { input: 'input', output: 'output', mode: 'activation.tanh' },
};

function tensorsOf(invocation: OpInvocation, inputs: readonly string[], outputs: readonly string[]): Described[] | undefined {
  const found = [...inputs.map((n) => invocation.inputs.get(n)), ...outputs.map((n) => invocation.outputs.get(n))];
  return found.every(described) ? found : undefined;
}

/** Why cudnnAddTensor cannot broadcast `b` into `c` (each dim of b is 1 or c's), when the dims say so. */
function broadcastProblem(b: TensorExpr, c: TensorExpr): string | undefined {
  const bd = b.dims ?? [];
  const cd = c.dims ?? [];
  if (bd.length !== cd.length) return `the added tensor is ${bd.length}-D and the sum ${cd.length}-D; cudnnAddTensor broadcasts dims of equal rank`;
  for (let i = 0; i < bd.length; i++) {
    const [x, y] = [numberOf(bd[i]), numberOf(cd[i])];
    if (x !== undefined && x !== 1 && y !== undefined && x !== y) return `dim ${i} of the added tensor is ${x} and of the sum ${y}; cudnnAddTensor broadcasts only dims of 1`;
  }
  return undefined;
}

function lowerOn(invocation: OpInvocation, ctx: LowerContext): LowerResult | undefined {
  const handle = invocation.args.get('handle');
  if (!handle) return undefined;
  const fail = (reason: string) => declineOn(invocation, ctx, reason);
  const s = new CudaStatements(ctx);
  const done = (symbol: string, args: readonly string[]): LowerResult => ({ ok: true, lowering: s.lowering(`${s.value(symbol)}(${args.join(', ')})`, symbol) });
  switch (invocation.operator) {
    case 'Add': {
      const found = tensorsOf(invocation, ['A', 'B'], ['C']);
      if (!found) return undefined;
      const [a, b, c] = found;
      const inPlace = sameTensor(a, c) ? b : sameTensor(b, c) ? a : undefined;
      if (inPlace) {
        if (broadcastProblem(inPlace, c)) return undefined; // the view lowerer says why
        return done('cudnnAddTensor', [handle.text, '1', inPlace.descriptor.text, inPlace.ptr.text, '1', c.descriptor.text, c.ptr.text]);
      }
      if (!handle.pure) return fail(`the handle \`${handle.text}\` has side effects`);
      const op = s.member('cudnnOpTensorOp_t', 'op-tensor.add');
      const compute = s.member('cudnnDataType_t', a.dtype?.meaning === 'dtype.float64' ? 'dtype.float64' : 'dtype.float32');
      const nan = s.member('cudnnNanPropagation_t', 'nan.propagate');
      if (!op || !compute || !nan) return fail('the CUDA catalog lacks the op-tensor enums');
      const desc = s.declareRef('addDesc', 'cudnnOpTensorDescriptor_t');
      s.before('cudnnCreateOpTensorDescriptor', [desc]);
      s.before('cudnnSetOpTensorDescriptor', [`${desc}.value`, op, compute, nan]);
      s.after('cudnnDestroyOpTensorDescriptor', [`${desc}.value`]);
      return done('cudnnOpTensor', [handle.text, `${desc}.value`, '1', a.descriptor.text, a.ptr.text, '1', b.descriptor.text, b.ptr.text, '0', c.descriptor.text, c.ptr.text]);
    }
    case 'Softmax':
    case 'LogSoftmax': {
      const found = tensorsOf(invocation, ['input'], ['output']);
      if (!found) return undefined;
      const [x, y] = found;
      const rank = x.dims?.length;
      let axis = numberOf(invocation.attributes.get('axis')?.expr);
      if (axis !== undefined && rank !== undefined && axis < 0) axis += rank;
      // cuDNN's CHANNEL mode normalises dim 1 of a 4-D descriptor; other views are the view lowerer's (its own descriptors).
      if (axis !== 1 || rank !== 4 || y.dims?.length !== 4) return undefined;
      const algo = s.member('cudnnSoftmaxAlgorithm_t', invocation.operator === 'LogSoftmax' ? 'softmax.log' : 'softmax.accurate');
      const mode = s.member('cudnnSoftmaxMode_t', 'softmax-mode.channel');
      if (!algo || !mode) return fail('the CUDA catalog lacks the softmax enums');
      return done('cudnnSoftmaxForward', [handle.text, algo, mode, '1', x.descriptor.text, x.ptr.text, '0', y.descriptor.text, y.ptr.text]);
    }
    case 'BatchNormalization': {
      const found = tensorsOf(invocation, ['X', 'scale', 'B', 'input_mean', 'input_var'], ['Y']);
      if (!found) return undefined;
      const [x, scale, bias, mean, variance, y] = found;
      const parameters = [scale, bias, mean, variance];
      // cuDNN takes one descriptor for all four: different ones are the view lowerer's (it describes them itself).
      if (new Set(parameters.map((p) => p.descriptor.text)).size > 1) return undefined;
      const epsilon = invocation.attributes.get('epsilon')?.expr;
      if (!epsilon?.pure) return fail('epsilon is missing or has side effects');
      const mode = s.member('cudnnBatchNormMode_t', 'batchnorm.spatial');
      if (!mode) return fail('the CUDA catalog lacks CUDNN_BATCHNORM_SPATIAL');
      return done('cudnnBatchNormalizationForwardInference', [handle.text, mode, '1', '0', x.descriptor.text, x.ptr.text, y.descriptor.text, y.ptr.text, scale.descriptor.text, ...parameters.map((p) => p.ptr.text), epsilon.text]);
    }
    case 'MaxPool': {
      const found = tensorsOf(invocation, ['X'], ['Y']);
      const pooling = invocation.args.get('poolingDesc');
      if (!found || !pooling) return undefined;
      const [x, y] = found;
      return done('cudnnPoolingForward', [handle.text, pooling.text, '1', x.descriptor.text, x.ptr.text, '0', y.descriptor.text, y.ptr.text]);
    }
    default: {
      const spec = ACTIVATIONS[invocation.operator];
      const found = spec ? tensorsOf(invocation, [spec.input], [spec.output]) : undefined;
      if (!spec || !found) return undefined;
      const [x, y] = found;
      const desc = activationDescriptor(s, invocation.operator, spec.mode);
      if (!desc) return fail('the CUDA catalog lacks the activation enums');
      return done('cudnnActivationForward', [handle.text, desc, '1', x.descriptor.text, x.ptr.text, '0', y.descriptor.text, y.ptr.text]);
    }
  }
}

export const cudnnOnDescriptorsLowerer: Lowerer = {
  name: 'legacy cuDNN on the source descriptors (from muDNN)',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    if (invocation.kind !== 'operator' || invocation.origin.backend !== 'musa' || invocation.origin.entry.library !== 'mudnn') return undefined;
    // The descriptors are used as written: a sub-buffer offset has no place in them.
    if ([...invocation.inputs.values(), ...invocation.outputs.values()].some((t) => t.offset && numberOf(t.offset) !== 0)) return undefined;
    return lowerOn(invocation, ctx);
  },
};

/** The operators cudnnOnDescriptorsLowerer serves (one registration each). */
export const CUDNN_ON_DESCRIPTORS_OPERATORS = ['Add', 'Softmax', 'LogSoftmax', 'BatchNormalization', 'MaxPool', ...Object.keys(ACTIVATIONS)] as const;
