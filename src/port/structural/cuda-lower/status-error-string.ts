/**
 * The message of a tested status on CUDA (lifted by aclnn-lift/tested-status-error.ts): each CUDA
 * library has its own code-to-string function, so the one whose error parameter is the CUDA enum
 * corresponding to the compared success member's enum is written (`ACLNN_SUCCESS` → cudnnStatus_t
 * → `cudnnGetErrorString(status)`, `ACL_SUCCESS` → cudaError_t → `cudaGetErrorString(status)`).
 * Without a function for that family the generic lowerer answers.
 */
import { stripCType, correspondingEnum } from '../../mapping/enum-mapping.js';
import type { Lowerer } from '../../lower/lowerer.js';

export const statusErrorStringLowerer: Lowerer = {
  name: 'the error string of the tested status family',
  lower(invocation, ctx) {
    if (invocation.kind !== 'primitive' || invocation.primitive !== 'error.string') return undefined;
    const status = invocation.args.get('error');
    const family = invocation.enums.get('error');
    if (!status || !family || invocation.origin.backend === ctx.target) return undefined;
    const source = ctx.catalog.backend(invocation.origin.backend).enums.get(family.enumName);
    const target = source ? correspondingEnum(ctx.catalog, source, ctx.target) : undefined;
    if (!target) return undefined;
    const entry = [...ctx.catalog.backend(ctx.target).entries.values()].find((e) => {
      const binds = e.spec.binds;
      const param = e.spec.params.find((p) => p.role === 'error');
      return 'primitive' in binds && binds.primitive === 'error.string' && e.spec.params.length === 1 && param && stripCType(param.type) === target.spec.name;
    });
    if (!entry) return undefined;
    const symbol = entry.spec.symbol;
    return { ok: true, lowering: { prelude: [], call: `${ctx.names.value(symbol, ctx.style, ctx.origin)}(${status.text})`, targetSymbols: [symbol], diagnostics: [] } };
  },
};
