/**
 * cudnnTransformTensor(handle, alpha, xDesc, x, beta, yDesc, y) → muDNN's permute on the same
 * descriptors: a permute descriptor is made around the call (mudnnCreatePermuteDescriptor /
 * mudnnDestroyPermuteDescriptor; torch_musa sets nothing on it) and
 * mudnnPermute(handle, permuteDesc, yDesc, y, xDesc, x) copies x into y, output first
 * (mappings/musa/mudnn.yaml, torch_musa Permute.h).
 *
 * muDNN's permute has no blend factors, so only alpha = 1, beta = 0 ports (y = x). That the
 * layout change comes from the two descriptors' strides, and that a change of data type between
 * them converts the elements, is the catalog's inference from cudnnTransformTensor (torch_musa
 * does not document it): the port says so (OB1012), whether the call permutes, casts or both.
 */
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { Invocation } from '../../ir/invocation.js';
import { roleView } from '../../ir/role-view.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { CUDNN_NAMED_BACKENDS } from './cudnn-named-sources.js';
import { MudnnStatements, numberOf } from './mudnn-statements.js';

const SYMBOL = 'cudnnTransformTensor';

export const transformTensorLowerer: Lowerer = {
  name: 'cudnnTransformTensor as mudnnPermute',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    if (invocation.origin.symbol !== SYMBOL || !CUDNN_NAMED_BACKENDS.includes(invocation.origin.backend)) return undefined;
    const decline = (reason: string): LowerResult => ({ ok: false, diagnostics: [pending('OB1019', { symbol: SYMBOL, target: ctx.target, reason }, SYMBOL)] });
    const view = roleView(invocation);
    const find = (...keys: string[]) => keys.map((k) => view.get(k as never)).find((e) => e !== undefined);
    const handle = find('handle');
    const alpha = find('blend-alpha', 'alpha');
    const beta = find('blend-beta', 'beta');
    const [xDesc, x, yDesc, y] = [find('desc:data', 'desc:input'), find('input:data', 'input:input'), find('desc:transposed', 'desc:output'), find('output:transposed', 'output:output')];
    if (!handle || !alpha || !beta || !xDesc || !x || !yDesc || !y) return undefined;
    for (const [name, e, want] of [['alpha', alpha, 1], ['beta', beta, 0]] as const) {
      const value = numberOf(e);
      if (value !== want) return decline(`${name} \`${e.text}\` is not ${want}, and mudnnPermute has no blend factors (it computes y = x)`);
    }
    // muDNN puts the output first, and the handle is used twice.
    const impure = [handle, xDesc, x, yDesc, y].find((e) => !e.pure);
    if (impure) return decline(`\`${impure.text}\` has side effects, and mudnnPermute takes the arguments in another order`);
    const s = new MudnnStatements(ctx);
    const d = s.descriptor('permuteDesc', 'mudnnPermuteDescriptor_t', 'mudnnCreatePermuteDescriptor', 'mudnnDestroyPermuteDescriptor', []);
    const call = `${s.value('mudnnPermute')}(${handle.text}, ${d}, ${yDesc.text}, ${y.text}, ${xDesc.text}, ${x.text})`;
    const note = pending(
      'OB1012',
      { symbol: SYMBOL, targetSymbol: 'mudnnPermute', confidence: "inferred (torch_musa sets nothing on the permute descriptor; that the descriptors' strides and data types decide the permutation and the conversion, as in cudnnTransformTensor, is not documented)" },
      SYMBOL,
    );
    return { ok: true, lowering: { prelude: s.prelude, call, epilogue: s.epilogue, targetSymbols: s.symbols, diagnostics: [note] } };
  },
};
