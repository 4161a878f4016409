/**
 * Canonical operators lifted from cuDNN's legacy compute calls (dnn/cudnn-lifter.ts) → muDNN's
 * own-shape calls, as the MUSA facade implements them (docs/backends/musa.md). The tensors keep
 * the source's descriptors (muDNN tensor descriptors are cuDNN's; their setters are ported by
 * mudnn-setters.ts); what cuDNN's call did not have — the op descriptor with the mode — is made
 * around the call (mudnn-statements.ts):
 *
 * - Add from cudnnAddTensor (C = alpha·A + beta·C) → mudnnBinary(handle, ADD, cDesc, C, cDesc, C,
 *   aDesc, A) when alpha = beta = 1 (muDNN's binary has no blend; its broadcasting is the
 *   canonical operator's in the facade); with alpha ≠ 1, beta 1 over packed float32 tensors of
 *   one shape → mublasSaxpy on a muBLAS handle made for the call (add-tensor-axpy.ts).
 * - Softmax / LogSoftmax over axis 1 of the 4-D (CHANNEL mode) view → mudnnSoftmaxForwardEx with a
 *   softmax descriptor (dim 1, MUDNN_SOFTMAX_ACCURATE, the mode of the operator) and the workspace
 *   mudnnGetSoftmaxForwardWorkspaceSize asks for, when alpha = 1 and beta = 0. cuDNN's FAST
 *   algorithm becomes the accurate one (the only muDNN algorithm; both compute the same softmax).
 * - Relu / Sigmoid / Tanh from cudnnActivationForward → mudnnUnary with a unary descriptor of the
 *   mode (MUDNN_PARAM_DATA_NONE parameters: these modes have none), alpha = 1, beta = 0.
 * - BatchNormalization (spatial, inference) → mudnnBatchNormForwardInference with a batch-norm
 *   descriptor (mode, epsilon, training false) and the source's one parameter descriptor for the
 *   mean, variance, scale and bias, alpha = 1, beta = 0.
 * - MaxPool / AveragePool from cudnnPoolingForward → mudnnPoolingForwardEx on the source's pooling descriptor
 *   (set by mudnnSetPoolingNdDescriptorEx), no indices output, alpha = 1, beta = 0.
 *
 * Anything else is declined with the reason (OB1019): blend factors muDNN cannot express or that
 * are not constants, INSTANCE-mode softmax (one axis of the 4-D descriptor cannot hold C·H·W),
 * ELU (muDNN's unary parameter semantics are undocumented), tensors without a source descriptor.
 */
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { Expr } from '../../ir/expr.js';
import type { Invocation, OpInvocation, TensorExpr } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { MudnnStatements, modeFor, musaMember, numberOf } from './mudnn-statements.js';
import type { Catalog } from '../../../catalog/catalog.js';
import { isCudnnNamedLibrary } from './cudnn-named-sources.js';
import { addTensorAxpy } from './add-tensor-axpy.js';

/** Writes the statements before the call and returns the call. */
type Emit = (s: MudnnStatements, handle: string) => string;

export type MudnnPlan = { readonly ok: true; readonly emit: Emit } | { readonly ok: false; readonly reason: string };

type Described = TensorExpr & { readonly descriptor: Expr };

function described(t: TensorExpr | undefined): t is Described {
  return Boolean(t?.descriptor);
}

/** The blend factors must be the constants muDNN's call computes with (it has none of its own). */
function blendIs(invocation: OpInvocation, alpha: number, beta: number, call: string): string | undefined {
  for (const [name, want] of [['alpha', alpha], ['beta', beta]] as const) {
    const e = invocation.args.get(name);
    const value = numberOf(e);
    if (value === undefined) return `${name} \`${e?.text ?? '?'}\` is not a constant, and ${call} has no blend factors (it computes with ${name} = ${want})`;
    if (value !== want) return `${name} is ${value}, and ${call} has no blend factors (it computes with ${name} = ${want})`;
  }
  return undefined;
}

const UNARY: Readonly<Record<string, { input: string; output: string }>> = {
  Relu: { input: 'X', output: 'Y' },
  Sigmoid: { input: 'X', output: 'Y' },
  Tanh: { input: 'input', output: 'output' },
};

function tensors(invocation: OpInvocation, input: string, output: string): { x: Described; y: Described } | string | undefined {
  const x = invocation.inputs.get(input);
  const y = invocation.outputs.get(output);
  if (!x || !y) return undefined;
  if (!described(x) || !described(y)) return 'a tensor has no source descriptor to describe it to muDNN';
  return { x, y };
}

/** The muDNN call for an operator invocation, or why it has none; undefined when not ours. */
export function planMudnn(invocation: Invocation, catalog: Catalog): MudnnPlan | undefined {
  if (invocation.kind !== 'operator' || !isCudnnNamedLibrary(invocation.origin.entry.library)) return undefined;
  const { operator, attributes } = invocation;
  const decline = (reason: string): MudnnPlan => ({ ok: false, reason });
  switch (operator) {
    case 'Add': {
      const acc = invocation.inputs.get('A');
      const addend = invocation.inputs.get('B');
      const c = invocation.outputs.get('C');
      if (!acc || !addend || !c || !invocation.args.has('beta')) return undefined;
      if (!described(acc) || !described(addend) || !described(c)) return decline('a tensor has no source descriptor to describe it to muDNN');
      const blend = blendIs(invocation, 1, 1, 'mudnnBinary');
      if (blend) {
        // y := alpha·x + y over packed tensors of one shape is muBLAS's axpy.
        const axpy = addTensorAxpy(invocation, addend, acc);
        if (typeof axpy === 'string') return decline(`${blend}; nor is it mublasSaxpy: ${axpy}`);
        return { ok: true, emit: (s) => axpy(s) };
      }
      const mode = modeFor(catalog, 'mudnnBinary', 'Add');
      if (!mode) return decline('the catalog lists no mudnnBinary mode for Add');
      return {
        ok: true,
        // C = C + A: the accumulator is input a and the output, the broadcast addend input b.
        emit: (s, handle) => {
          const none = s.value('MUDNN_PARAM_DATA_NONE');
          const d = s.descriptor('addDesc', 'mudnnBinaryDescriptor_t', 'mudnnCreateBinaryDescriptor', 'mudnnDestroyBinaryDescriptor', [
            `${s.value('mudnnSetBinaryDescriptor')}($, ${s.value(mode)}, ${none}, 0, ${none}, 0)`,
          ]);
          return `${s.value('mudnnBinary')}(${handle}, ${d}, ${c.descriptor.text}, ${c.ptr.text}, ${acc.descriptor.text}, ${acc.ptr.text}, ${addend.descriptor.text}, ${addend.ptr.text})`;
        },
      };
    }
    case 'Softmax':
    case 'LogSoftmax': {
      const t = tensors(invocation, 'input', 'output');
      if (typeof t !== 'object') return t === undefined ? undefined : decline(t);
      const axis = numberOf(attributes.get('axis')?.expr);
      if (t.x.dims?.length !== 4 || axis !== 1) return decline('an INSTANCE-mode softmax normalises over C·H·W, which one dim of the 4-D muDNN descriptor does not cover');
      const blend = blendIs(invocation, 1, 0, 'mudnnSoftmaxForwardEx');
      if (blend) return decline(blend);
      const mode = modeFor(catalog, 'mudnnSoftmaxForwardEx', operator);
      if (!mode) return decline(`the catalog lists no mudnnSoftmaxForwardEx mode for ${operator}`);
      return {
        ok: true,
        emit: (s, handle) => {
          const d = s.descriptor('softmaxDesc', 'mudnnSoftmaxDescriptor_t', 'mudnnCreateSoftmaxDescriptor', 'mudnnDestroySoftmaxDescriptor', [
            `${s.value('mudnnSetSoftmaxDescriptor')}($, ${axis}, ${s.value('MUDNN_SOFTMAX_ACCURATE')}, ${s.value(mode)})`,
          ]);
          const ws = s.workspace('softmax', (size) => `${s.value('mudnnGetSoftmaxForwardWorkspaceSize')}(${handle}, ${d}, ${t.x.descriptor.text}, ${t.y.descriptor.text}, ${size})`, invocation.stream);
          return `${s.value('mudnnSoftmaxForwardEx')}(${handle}, ${d}, ${t.x.descriptor.text}, ${t.x.ptr.text}, ${ws.ptr}, ${ws.size}, ${t.y.descriptor.text}, ${t.y.ptr.text})`;
        },
      };
    }
    case 'BatchNormalization': {
      const t = tensors(invocation, 'X', 'Y');
      if (typeof t !== 'object') return t === undefined ? undefined : decline(t);
      const parameters = ['input_mean', 'input_var', 'scale', 'B'].map((name) => invocation.inputs.get(name));
      if (!parameters.every(described)) return decline('a batch-norm parameter has no source descriptor');
      const epsilon = attributes.get('epsilon')?.expr;
      if (!epsilon?.pure) return decline(`epsilon \`${epsilon?.text ?? '?'}\` has side effects`);
      const blend = blendIs(invocation, 1, 0, 'mudnnBatchNormForwardInference');
      if (blend) return decline(blend);
      const mode = musaMember(catalog, 'mudnnBatchNormMode_t', 'batchnorm.spatial');
      if (!mode) return decline('musa has no spatial batch-norm mode in the catalog');
      return {
        ok: true,
        emit: (s, handle) => {
          const d = s.descriptor('batchNormDesc', 'mudnnBatchNormDescriptor_t', 'mudnnCreateBatchNormDescriptor', 'mudnnDestroyBatchNormDescriptor', [
            `${s.value('mudnnSetBatchNormDescriptor')}($, ${s.value(mode)}, ${epsilon.text}, false)`,
          ]);
          const params = parameters.map((p) => `${p.descriptor.text}, ${p.ptr.text}`).join(', ');
          return `${s.value('mudnnBatchNormForwardInference')}(${handle}, ${d}, ${t.y.descriptor.text}, ${t.y.ptr.text}, ${t.x.descriptor.text}, ${t.x.ptr.text}, ${params})`;
        },
      };
    }
    case 'MaxPool':
    case 'AveragePool': {
      // The pooling descriptor carries the mode (max, or average counting the padding or not).
      const t = tensors(invocation, 'X', 'Y');
      if (typeof t !== 'object') return t === undefined ? undefined : decline(t);
      const pooling = invocation.args.get('poolingDesc');
      if (!pooling) return decline('the pooling descriptor is not known');
      const blend = blendIs(invocation, 1, 0, 'mudnnPoolingForwardEx');
      if (blend) return decline(blend);
      // No indices: the facade (and this port) pass NULL, as inference does (docs/backends/musa.md).
      return { ok: true, emit: (s, handle) => `${s.value('mudnnPoolingForwardEx')}(${handle}, ${pooling.text}, ${t.y.descriptor.text}, ${t.y.ptr.text}, ${t.x.descriptor.text}, ${t.x.ptr.text}, null, null)` };
    }
    default: {
      const shape = UNARY[operator];
      if (!shape) return operator === 'Elu' ? decline("muDNN's unary ELU takes its alpha from the descriptor with undocumented semantics") : undefined;
      const t = tensors(invocation, shape.input, shape.output);
      if (typeof t !== 'object') return t === undefined ? undefined : decline(t);
      const blend = blendIs(invocation, 1, 0, 'mudnnUnary');
      if (blend) return decline(blend);
      const mode = modeFor(catalog, 'mudnnUnary', operator);
      if (!mode) return decline(`the catalog lists no mudnnUnary mode for ${operator}`);
      return {
        ok: true,
        emit: (s, handle) => {
          const none = s.value('MUDNN_PARAM_DATA_NONE');
          const d = s.descriptor('unaryDesc', 'mudnnUnaryDescriptor_t', 'mudnnCreateUnaryDescriptor', 'mudnnDestroyUnaryDescriptor', [
            `${s.value('mudnnSetUnaryDescriptor')}($, ${s.value(mode)}, ${none}, 0, ${none}, 0)`,
          ]);
          return `${s.value('mudnnUnary')}(${handle}, ${d}, ${t.y.descriptor.text}, ${t.y.ptr.text}, ${t.x.descriptor.text}, ${t.x.ptr.text})`;
        },
      };
    }
  }
}

export const mudnnComputeLowerer: Lowerer = {
  name: 'muDNN own-shape calls on the source descriptors',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    const plan = planMudnn(invocation, ctx.catalog);
    if (!plan || invocation.kind !== 'operator') return undefined;
    const symbol = invocation.origin.symbol;
    const decline = (reason: string): LowerResult => ({ ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] });
    if (!plan.ok) return decline(plan.reason);
    const handle = invocation.args.get('handle');
    if (!handle) return decline('the call has no handle');
    if (!handle.pure) return decline(`the handle \`${handle.text}\` has side effects, and the muDNN statements use it more than once`);
    // muDNN puts the output first: arguments with side effects would run in another order.
    const impure = [...invocation.inputs.values(), ...invocation.outputs.values()].flatMap((t) => [t.ptr, ...(t.descriptor ? [t.descriptor] : [])]).find((e) => !e.pure);
    if (impure) return decline(`\`${impure.text}\` has side effects, and muDNN takes the arguments in another order`);
    const s = new MudnnStatements(ctx);
    const call = plan.emit(s, handle.text);
    return { ok: true, lowering: { prelude: s.prelude, call, epilogue: s.epilogue, targetSymbols: s.symbols, diagnostics: [] } };
  },
};

/** The operators mudnnComputeLowerer serves (one registration each). */
export const MUDNN_COMPUTE_OPERATORS = ['Add', 'Softmax', 'LogSoftmax', 'BatchNormalization', 'MaxPool', 'AveragePool', 'Elu', ...Object.keys(UNARY)] as const;
