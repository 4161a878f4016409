/**
 * Canonical operators with tensor views → CANN aclnn two-phase calls (aclnn-two-phase.ts).
 * Each lowering states what it needs of the invocation (`planAclnn`); what aclnn cannot express
 * (an output scale alpha ≠ 1, blending into the old output beta ≠ 0, Add with beta ≠ 1) is
 * declined with OB1019 rather than ported wrongly. The plan is a pure function, so the lowering
 * of descriptor and handle calls can ask whether every use of a descriptor ports.
 */
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { Expr } from '../../ir/expr.js';
import type { Invocation, OpInvocation, TensorExpr } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { describable, lowerAclnn, type AclnnArgument, type AclnnCall } from './aclnn-two-phase.js';

export type Plan = { readonly ok: true; readonly call: AclnnCall } | { readonly ok: false; readonly reason: string };

function numberOf(e: Expr | undefined): number | undefined {
  return e?.value?.kind === 'number' ? e.value.value : undefined;
}

/** y = alpha·op(x) + beta·y is op(x) only for alpha = 1 and beta = 0 (cuDNN's blend arguments). */
function plainResult(invocation: OpInvocation): string | undefined {
  const alpha = invocation.args.get('alpha');
  const beta = invocation.args.get('beta');
  if (alpha && numberOf(alpha) !== 1) return `alpha is \`${alpha.text}\`, not the constant 1 (aclnn has no output scale)`;
  if (beta && numberOf(beta) !== 0) return `beta is \`${beta.text}\`, not the constant 0 (aclnn overwrites the output)`;
  return undefined;
}

function only(map: ReadonlyMap<string, TensorExpr>, name: string): TensorExpr | undefined {
  return map.size === 1 ? map.get(name) : undefined;
}

const UNARY: Readonly<Record<string, { op: string; input: string; output: string }>> = {
  Relu: { op: 'aclnnRelu', input: 'X', output: 'Y' },
  Sigmoid: { op: 'aclnnSigmoid', input: 'X', output: 'Y' },
  Tanh: { op: 'aclnnTanh', input: 'input', output: 'output' },
  Silu: { op: 'aclnnSilu', input: 'X', output: 'Y' },
};

/** The aclnn call for an operator invocation, or why it has none; undefined when not ours. */
export function planAclnn(invocation: Invocation): Plan | undefined {
  if (invocation.kind !== 'operator') return undefined;
  const { operator, inputs, outputs, attributes } = invocation;
  const views = [...inputs.values(), ...outputs.values()];
  if (!views.every(describable)) return undefined; // not a tensor-view invocation: another lowerer's
  switch (operator) {
    case 'Softmax':
    case 'LogSoftmax': {
      const x = only(inputs, 'input');
      const y = only(outputs, 'output');
      const axis = attributes.get('axis')?.expr;
      if (!x || !y || !axis) return undefined;
      const blend = plainResult(invocation);
      if (blend) return { ok: false, reason: blend };
      return { ok: true, call: { op: operator === 'Softmax' ? 'aclnnSoftmax' : 'aclnnLogSoftmax', args: [{ kind: 'tensor', name: 'self', view: x }, { kind: 'text', text: axis.text }, { kind: 'tensor', name: 'out', view: y }] } };
    }
    case 'Add': {
      const a = inputs.get('A');
      const b = inputs.get('B');
      const c = only(outputs, 'C');
      if (!a || !b || !c || inputs.size !== 2) return undefined;
      const alpha = invocation.args.get('alpha');
      const beta = invocation.args.get('beta');
      if (!alpha && !beta && a.ptr.text !== c.ptr.text) {
        // A plain C = A + B (a frontend pointwise ADD).
        return { ok: true, call: { op: 'aclnnAdd', args: [{ kind: 'tensor', name: 'self', view: a }, { kind: 'tensor', name: 'other', view: b }, { kind: 'scalar', name: 'alpha', value: { text: '1', pure: true }, dtypeMeaning: 'dtype.float32' }, { kind: 'tensor', name: 'out', view: c }] } };
      }
      // C = alpha·B + beta·C with A the old C: in place, beta must be 1.
      if (a.ptr.text !== c.ptr.text) return undefined;
      if (beta && numberOf(beta) !== 1) return { ok: false, reason: `beta is \`${beta.text}\`, not the constant 1 (aclnnInplaceAdd adds to the output as it is)` };
      if (alpha && !alpha.pure) return { ok: false, reason: `alpha \`${alpha.text}\` has side effects` };
      return {
        ok: true,
        call: {
          op: 'aclnnInplaceAdd',
          args: [
            { kind: 'tensor', name: 'selfRef', view: a },
            { kind: 'tensor', name: 'other', view: b },
            { kind: 'scalar', name: 'alpha', value: alpha ?? { text: '1', pure: true }, dtypeMeaning: 'dtype.float32' },
          ],
        },
      };
    }
    case 'Mul':
    case 'Div':
    case 'Sub': {
      const a = inputs.get('A');
      const b = inputs.get('B');
      const c = only(outputs, 'C');
      if (!a || !b || !c || inputs.size !== 2 || [...invocation.args.keys()].some((k) => k !== 'handle')) return undefined;
      const alpha: AclnnArgument[] = operator === 'Sub' ? [{ kind: 'scalar', name: 'alpha', value: { text: '1', pure: true }, dtypeMeaning: 'dtype.float32' }] : [];
      return { ok: true, call: { op: `aclnn${operator}`, args: [{ kind: 'tensor', name: 'self', view: a }, { kind: 'tensor', name: 'other', view: b }, ...alpha, { kind: 'tensor', name: 'out', view: c }] } };
    }
    case 'MaxPool': {
      const x = only(inputs, 'X');
      const y = only(outputs, 'Y');
      const list = (name: string) => attributes.get(name)?.expr.text.replace(/^\[|\]$/g, '').split(', ');
      const [kernel, pads, strides] = [list('kernel_shape'), list('pads'), list('strides')];
      if (!x || !y || !kernel || !pads || !strides || x.dims!.length !== 4) return undefined;
      const blend = plainResult(invocation);
      if (blend) return { ok: false, reason: blend };
      return {
        ok: true,
        call: {
          op: 'aclnnMaxPool',
          args: [
            { kind: 'tensor', name: 'self', view: x, format: 'NCHW' },
            { kind: 'ints', name: 'kernelShape', values: kernel },
            { kind: 'ints', name: 'strides', values: strides },
            { kind: 'text', text: '0' }, // autoPad: explicit pads
            { kind: 'ints', name: 'pads', values: pads },
            { kind: 'ints', name: 'dilations', values: ['1', '1'] },
            { kind: 'text', text: '0' }, // ceilMode: floor, as cuDNN's legacy pooling
            { kind: 'tensor', name: 'out', view: y, format: 'NCHW' },
          ],
        },
      };
    }
    case 'AveragePool':
      return only(inputs, 'X') && only(outputs, 'Y') ? { ok: false, reason: 'average pooling is not ported to aclnnAvgPool2d yet (its cubeMathType and padding form are not written by this port)' } : undefined;
    case 'BatchNormalization': {
      const x = inputs.get('X');
      const y = only(outputs, 'Y');
      const [scale, bias, mean, variance] = ['scale', 'B', 'input_mean', 'input_var'].map((n) => inputs.get(n));
      const epsilon = attributes.get('epsilon')?.expr;
      if (!x || !y || !scale || !bias || !mean || !variance || !epsilon) return undefined;
      const blend = plainResult(invocation);
      if (blend) return { ok: false, reason: blend };
      return {
        ok: true,
        call: {
          op: 'aclnnBatchNorm',
          args: [
            { kind: 'tensor', name: 'input', view: x, format: 'NCHW' },
            { kind: 'tensor', name: 'weight', view: scale },
            { kind: 'tensor', name: 'bias', view: bias },
            { kind: 'tensor', name: 'runningMean', view: mean },
            { kind: 'tensor', name: 'runningVar', view: variance },
            { kind: 'text', text: 'false' }, // training: inference with the running statistics
            { kind: 'text', text: '0' }, // momentum: unused in inference
            { kind: 'text', text: epsilon.text },
            { kind: 'tensor', name: 'output', view: y, format: 'NCHW' },
            { kind: 'text', text: 'null' },
            { kind: 'text', text: 'null' },
          ],
        },
      };
    }
    case 'LayerNormalization':
    case 'RMSNormalization': {
      const x = inputs.get('X');
      const scale = inputs.get(operator === 'LayerNormalization' ? 'Scale' : 'scale');
      const bias = inputs.get('B');
      // The statistics (a TRAINING frontend norm's MEAN / INV_VARIANCE) are aclnn's meanOut / rstdOut.
      const [mean, invStdDev] = [outputs.get('Mean'), outputs.get('InvStdDev')];
      const y = [...outputs.keys()].every((k) => k === 'Y' || k === 'InvStdDev' || (k === 'Mean' && operator === 'LayerNormalization')) ? outputs.get('Y') : undefined;
      const axis = numberOf(attributes.get('axis')?.expr);
      const epsilon = attributes.get('epsilon')?.expr;
      if (!x || !scale || !y || axis === undefined || !epsilon) return undefined;
      const rank = x.dims!.length;
      const at = axis < 0 ? axis + rank : axis;
      if (operator === 'LayerNormalization') {
        return {
          ok: true,
          call: {
            op: 'aclnnLayerNorm',
            args: [
              { kind: 'tensor', name: 'input', view: x },
              { kind: 'ints', name: 'normalizedShape', values: x.dims!.slice(at).map((d) => d.text) },
              { kind: 'tensor', name: 'weight', view: scale },
              bias ? { kind: 'tensor', name: 'bias', view: bias } : { kind: 'text', text: 'null' },
              { kind: 'text', text: epsilon.text },
              { kind: 'tensor', name: 'out', view: y },
              mean ? { kind: 'tensor', name: 'meanOut', view: mean } : { kind: 'text', text: 'null' },
              invStdDev ? { kind: 'tensor', name: 'rstdOut', view: invStdDev } : { kind: 'text', text: 'null' },
            ],
          },
        };
      }
      // aclnnRmsNorm always writes the inverse RMS (float32, the normalized dims as 1): into InvStdDev, or a scratch.
      const rstdDims = x.dims!.map((d, i) => (i < at ? d.text : '1'));
      return {
        ok: true,
        call: {
          op: 'aclnnRmsNorm',
          args: [
            { kind: 'tensor', name: 'x', view: x },
            { kind: 'tensor', name: 'gamma', view: scale },
            { kind: 'text', text: epsilon.text },
            { kind: 'tensor', name: 'y', view: y },
            invStdDev ? { kind: 'tensor', name: 'rstd', view: invStdDev } : { kind: 'scratch', name: 'rstd', dims: rstdDims, dtypeMeaning: 'dtype.float32', elementBytes: 4 },
          ],
        },
      };
    }
    case 'Gelu': {
      // aclnnGelu is always the tanh form (catalog, profile cann.aclnn-gelu); aclnnGeluV2 takes approximate 0 = none (erf), 1 = tanh.
      const x = only(inputs, 'X');
      const y = only(outputs, 'Y');
      const approximate = attributes.get('approximate');
      const form = approximate?.meaning ?? (approximate?.expr.value?.kind === 'string' ? approximate.expr.value.value : approximate ? undefined : 'none');
      if (!x || !y || attributes.has('activation')) return undefined;
      if (form !== 'none' && form !== 'tanh') return { ok: false, reason: `the GELU approximation \`${approximate!.expr.text}\` is neither 'none' nor 'tanh'` };
      const blend = plainResult(invocation);
      if (blend) return { ok: false, reason: blend };
      if (form === 'tanh') return { ok: true, call: { op: 'aclnnGelu', args: [{ kind: 'tensor', name: 'self', view: x }, { kind: 'tensor', name: 'out', view: y }] } };
      return { ok: true, call: { op: 'aclnnGeluV2', args: [{ kind: 'tensor', name: 'x', view: x }, { kind: 'text', text: '0' }, { kind: 'tensor', name: 'y', view: y }] } };
    }
    default: {
      const unary = UNARY[operator];
      if (!unary) return undefined;
      const x = only(inputs, unary.input);
      const y = only(outputs, unary.output);
      if (!x || !y) return undefined;
      const blend = plainResult(invocation);
      if (blend) return { ok: false, reason: blend };
      return { ok: true, call: { op: unary.op, args: [{ kind: 'tensor', name: 'self', view: x }, { kind: 'tensor', name: 'out', view: y }] } };
    }
  }
}

/** A lowerer from a planner of aclnn calls: the plan's call written two-phase, or OB1019 with why not. */
export function aclnnPlanLowerer(name: string, planOf: (invocation: Invocation) => Plan | undefined): Lowerer {
  return {
    name,
    lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
      const plan = planOf(invocation);
      if (!plan) return undefined;
      const symbol = invocation.origin.symbol;
      if (!plan.ok) return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason: plan.reason }, symbol)] };
      const lowering = lowerAclnn(plan.call, invocation.kind === 'operator' ? invocation.stream : undefined, ctx);
      if ('error' in lowering) return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason: lowering.error }, symbol)] };
      return { ok: true, lowering };
    },
  };
}

export const aclnnLowerer: Lowerer = aclnnPlanLowerer('aclnn two-phase', planAclnn);

/** The operators aclnnLowerer serves (one registration each). */
export const ACLNN_OPERATORS = ['Softmax', 'LogSoftmax', 'Add', 'Mul', 'Sub', 'Div', 'LayerNormalization', 'RMSNormalization', 'MaxPool', 'AveragePool', 'BatchNormalization', 'Gelu', ...Object.keys(UNARY)] as const;
