/**
 * The message of a tested status on CUDA (lifted by aclnn-lift/tested-status-error.ts): each CUDA
 * library has its own code-to-string function, so the one whose error parameter is the CUDA enum
 * corresponding to the compared success member's enum is written (`ACLNN_SUCCESS` → cudnnStatus_t
 * → `cudnnGetErrorString(status)`, `ACL_SUCCESS` → cudaError_t → `cudaGetErrorString(status)`).
 * Without a function for that family the generic lowerer answers.
 *
 * Without a status (the source's most recent error message, read where no status variable says
 * which error it is: `if (aclnnX(…) !== ACLNN_SUCCESS) throw new Error(aclGetRecentErrMsg())`),
 * CUDA's nearest is the thread's last runtime error, `cudaGetErrorString(cudaGetLastError())`;
 * a library's status is not among those, so the port warns (OB1011).
 */
import type { Catalog, EntryRecord, EnumRecord } from '../../../catalog/catalog.js';
import { pending } from '../../diagnostics/port-diagnostics.js';
import { stripCType, correspondingEnum } from '../../mapping/enum-mapping.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';

/** The backend's code-to-string function for statuses of `status` (its one parameter is one), if the catalog has one. */
export function errorStringEntry(catalog: Catalog, status: EnumRecord): EntryRecord | undefined {
  return [...catalog.backend(status.backend).entries.values()].find((e) => {
    const binds = e.spec.binds;
    const param = e.spec.params.find((p) => p.role === 'error');
    return 'primitive' in binds && binds.primitive === 'error.string' && e.spec.params.length === 1 && param !== undefined && stripCType(param.type) === status.spec.name;
  });
}

function lastRuntimeError(symbol: string, ctx: LowerContext): LowerResult | undefined {
  if (!ctx.catalog.entry(ctx.target, 'cudaGetLastError') || !ctx.catalog.entry(ctx.target, 'cudaGetErrorString')) return undefined;
  const name = (s: string) => ctx.names.value(s, ctx.style, ctx.origin);
  return {
    ok: true,
    lowering: {
      prelude: [],
      call: `${name('cudaGetErrorString')}(${name('cudaGetLastError')}())`,
      targetSymbols: ['cudaGetErrorString', 'cudaGetLastError'],
      diagnostics: [pending('OB1011', { targetSymbol: 'cudaGetErrorString(cudaGetLastError())', symbol, unsupported: "the message of a library's failure: the status is not kept (the call is tested in place), and CUDA's last error is the runtime's" }, symbol)],
    },
  };
}

export const statusErrorStringLowerer: Lowerer = {
  name: 'the error string of the tested status family',
  lower(invocation, ctx) {
    if (invocation.kind !== 'primitive' || invocation.primitive !== 'error.string') return undefined;
    const status = invocation.args.get('error');
    const family = invocation.enums.get('error');
    if (invocation.origin.backend === ctx.target) return undefined;
    if (!status && invocation.origin.entry.spec.params.length === 0) return lastRuntimeError(invocation.origin.symbol, ctx);
    if (!status || !family) return undefined;
    const source = ctx.catalog.backend(invocation.origin.backend).enums.get(family.enumName);
    const target = source ? correspondingEnum(ctx.catalog, source, ctx.target) : undefined;
    if (!target) return undefined;
    const entry = errorStringEntry(ctx.catalog, target);
    if (!entry) return undefined;
    const symbol = entry.spec.symbol;
    return { ok: true, lowering: { prelude: [], call: `${ctx.names.value(symbol, ctx.style, ctx.origin)}(${status.text})`, targetSymbols: [symbol], diagnostics: [] } };
  },
};
