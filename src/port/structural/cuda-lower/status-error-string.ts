/**
 * The message of a tested status on CUDA (lifted by aclnn-lift/tested-status-error.ts): each CUDA
 * library has its own code-to-string function, so the one whose error parameter is the CUDA enum
 * corresponding to the compared success member's enum is written (`ACLNN_SUCCESS` → cudnnStatus_t
 * → `cudnnGetErrorString(status)`, `ACL_SUCCESS` → cudaError_t → `cudaGetErrorString(status)`).
 * Without a function for that family the generic lowerer answers.
 *
 * A call tested in place (`if (aclnnX(…) !== ACLNN_SUCCESS) throw new Error(aclGetRecentErrMsg())`)
 * has its status kept in a variable before the `if` by the port (`const status_1 = …;`): the
 * message is that status's, by the function of the status type the lowering wrote
 * (`cudnnGetErrorString(status_1)`, `cublasGetStatusString(status_1)`).
 *
 * A status helper's parameter the port retyped (`checkCublas(status: cnnlStatus_t, …)` whose calls
 * all become cuBLAS's, typed `cublasStatus_t` on CUDA) takes the function of its new type
 * (`cublasGetStatusString(status)`), not that of the type its declared one ports to.
 *
 * Without a status (a message read where no test says which error it is), CUDA's nearest is the
 * thread's last runtime error, `cudaGetErrorString(cudaGetLastError())`; a library's status is
 * not among those, so the port warns (OB1011).
 */
import { pending } from '../../diagnostics/port-diagnostics.js';
import { correspondingEnum } from '../../mapping/enum-mapping.js';
import { errorStringEntry } from '../../mapping/error-string-entry.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';

const UNNAMED_STATUS = "the message of a library's failure: the tested call's status is not kept where the message can name it (or its library has no code-to-string function in the catalog), and CUDA's last error is the runtime's";
const NO_STATUS = "the message of the most recent failure: no test says which status it is, and CUDA's last error is the runtime's only";

function lastRuntimeError(symbol: string, ctx: LowerContext, tested: boolean): LowerResult | undefined {
  if (!ctx.catalog.entry(ctx.target, 'cudaGetLastError') || !ctx.catalog.entry(ctx.target, 'cudaGetErrorString')) return undefined;
  const name = (s: string) => ctx.names.value(s, ctx.style, ctx.origin);
  return {
    ok: true,
    lowering: {
      prelude: [],
      call: `${name('cudaGetErrorString')}(${name('cudaGetLastError')}())`,
      targetSymbols: ['cudaGetErrorString', 'cudaGetLastError'],
      diagnostics: [pending('OB1011', { targetSymbol: 'cudaGetErrorString(cudaGetLastError())', symbol, unsupported: tested ? UNNAMED_STATUS : NO_STATUS }, symbol)],
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
    const tested = invocation.args.get('tested');
    const held = !status && tested?.node ? ctx.heldStatus?.(tested.node) : undefined;
    const heldEntry = held ? errorStringEntry(ctx.catalog, held.status) : undefined;
    if (held && heldEntry) {
      // The tested call's status, held in a variable before the `if`: its own library's message.
      const symbol = heldEntry.spec.symbol;
      return { ok: true, lowering: { prelude: [], call: `${ctx.names.value(symbol, ctx.style, ctx.origin)}(${held.text})`, targetSymbols: [symbol], diagnostics: [] } };
    }
    if (!status && invocation.origin.entry.spec.params.length === 0) return lastRuntimeError(invocation.origin.symbol, ctx, tested !== undefined);
    // A status helper's parameter the port retyped (a CNNL helper all of whose calls become cuBLAS's): that type's function.
    const chosen = status?.node ? ctx.statusTypeOf?.(status.node) : undefined;
    const chosenEntry = chosen ? errorStringEntry(ctx.catalog, chosen) : undefined;
    if (status && chosenEntry) {
      const symbol = chosenEntry.spec.symbol;
      return { ok: true, lowering: { prelude: [], call: `${ctx.names.value(symbol, ctx.style, ctx.origin)}(${status.text})`, targetSymbols: [symbol], diagnostics: [] } };
    }
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
