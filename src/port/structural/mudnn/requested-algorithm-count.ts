/**
 * cudnnGetConvolutionForwardAlgorithm_v7's `requestedAlgoCount` is commonly
 * CUDNN_CONVOLUTION_FWD_ALGO_COUNT, the number of cuDNN's algorithms, not an algorithm. muDNN's
 * count constant is not known (the catalog's mudnnConvolutionFwdAlgo_t has no member of that
 * meaning), so the argument is written as the number the source passed (cuDNN's value, 8): it is
 * the capacity of `perfResults`, and the query returns at most as many results as muDNN has
 * algorithms (`returnedAlgoCount`), so asking for 8 asks for all of them as the source did. The
 * rest of the call ports by role (a cuDNN-shaped muDNN call). From T-Head, whose catalog gives
 * acdnn's members no numbers, the number is CUDA's for the member of the same meaning (acdnn keeps
 * cuDNN's names and values by the compatibility claim, unconfirmed); it only sizes the query.
 */
import type { Invocation } from '../../ir/invocation.js';
import { generated } from '../../ir/expr.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { roleLowerer } from '../../lower/role-lowerer.js';
import { musaMember } from './mudnn-statements.js';
import { correspondingEnum, memberByMeaning } from '../../mapping/enum-mapping.js';

export const requestedAlgorithmCountLowerer: Lowerer = {
  name: 'a cuDNN algorithm count as its number',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    if (invocation.kind !== 'primitive') return undefined;
    const count = invocation.enums.get('count');
    if (!count || !count.meaning.endsWith('.count') || musaMember(ctx.catalog, count.enumName.replace(/^cudnn/, 'mudnn'), count.meaning)) return undefined;
    const sourceEnum = ctx.catalog.backend(invocation.origin.backend).enums.get(count.enumName);
    let value = sourceEnum?.spec.members.find((m) => m.name === count.member)?.value;
    if (typeof value !== 'number' && sourceEnum && invocation.origin.backend === 'thead') {
      const cudaEnum = correspondingEnum(ctx.catalog, sourceEnum, 'cuda');
      value = cudaEnum ? memberByMeaning(cudaEnum, count.meaning)?.value : undefined;
    }
    if (typeof value !== 'number') return undefined;
    const args = new Map(invocation.args);
    args.set('count', generated(String(value), { kind: 'number', value }));
    const enums = new Map(invocation.enums);
    enums.delete('count');
    return roleLowerer.lower({ ...invocation, args, enums }, ctx);
  },
};
