/**
 * `cublasLtMatmulAlgoGetHeuristic` → `cnnlGetMatMulAlgoHeuristic` for the same problem. Its
 * descriptors vanish (absorbed-descriptors.ts) and the cublasLtMatmul they serve becomes a
 * self-contained cnnlMatMul_v2 that queries its own algorithm, but the program still reads what
 * the query returned (`if (count.value === 0) throw …`). So the query stays a real query: the
 * next cublasLtMatmul with the same matmul descriptor and layouts is lifted and planned as the
 * matmul lowering plans it, its CNNL descriptors are made, and CNNL's heuristic writes the
 * number of algorithms it found into the source's `returnAlgoCount`. The result array gets CNNL
 * result objects only inside the port (cuBLASLt's `heuristicResultsArray` is not filled: its one
 * reader, the `algo` argument of cublasLtMatmul, is replaced by the matmul's own query).
 */
import type { Catalog } from '../../../catalog/catalog.js';
import type { BackendId } from '../../../catalog/vocabulary.js';
import { variableName, type ResolvedCall, type StaticContext } from '../../context/static-context.js';
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { Invocation, OpInvocation } from '../../ir/invocation.js';
import type { LiftContext } from '../../lift/lifter.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { cublasLtLifter } from '../blas/cublaslt-lifter.js';
import { sourceCallOf } from '../dnn/cudnn-lifter.js';
import { describeMatMul, planCnnlMatMul, type MatMulPlan } from './cnnl-matmul.js';
import { CnnlStatements } from './cnnl-statements.js';

const SAME = ['descriptor', 'desc:A', 'desc:B', 'desc:C', 'desc:Y'] as const;

type Served = { readonly ok: true; readonly invocation: OpInvocation; readonly plan: MatMulPlan } | { readonly ok: false; readonly reason: string };

/**
 * The cublasLtMatmul a heuristic query serves (the next one with the same matmul descriptor and
 * layouts), lifted and planned as the matmul lowering does, or why there is none that ports.
 */
export function servedMatmul(query: ResolvedCall, catalog: Catalog, target: BackendId, context: StaticContext): Served {
  const sourceFile = context.sourceFile;
  const names = SAME.map((role) => context.argumentFor(query, role)).map((n) => (n ? variableName(n) : undefined));
  if (names.some((n) => !n)) return { ok: false, reason: 'its descriptors or layouts are not plain variables' };
  const matmul = context
    .allCalls()
    .find(
      (c) =>
        c.entry.spec.symbol === 'cublasLtMatmul' &&
        c.node.getStart(sourceFile) > query.node.getStart(sourceFile) &&
        SAME.every((role, i) => {
          const arg = context.argumentFor(c, role);
          return arg !== undefined && variableName(arg) === names[i];
        }),
    );
  if (!matmul) return { ok: false, reason: 'no cublasLtMatmul with the same descriptor and layouts follows it' };
  const liftContext: LiftContext = { catalog, target, context, enumReference: () => undefined };
  const lifted = cublasLtLifter.lift(sourceCallOf(matmul, liftContext), liftContext);
  if (!lifted?.ok || lifted.invocation.kind !== 'operator') return { ok: false, reason: 'the cublasLtMatmul it serves does not port' };
  const plan = planCnnlMatMul(lifted.invocation);
  if (!plan?.ok) return { ok: false, reason: `the cublasLtMatmul it serves does not port${plan && !plan.ok ? `: ${plan.reason}` : ''}` };
  return { ok: true, invocation: lifted.invocation, plan: plan.value };
}

export const cnnlMatMulHeuristicLowerer: Lowerer = {
  name: 'cnnlGetMatMulAlgoHeuristic for the matmul a cuBLASLt heuristic query serves',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    if (invocation.kind !== 'primitive' || invocation.origin.symbol !== 'cublasLtMatmulAlgoGetHeuristic') return undefined;
    const symbol = invocation.origin.symbol;
    const decline = (reason: string): LowerResult => ({ ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] });
    const [handle, requested, count] = [invocation.args.get('handle'), invocation.args.get('count'), invocation.args.get('count-out')];
    const anchor = invocation.args.get('descriptor')?.node;
    const query = anchor ? ctx.context.allCalls().find((c) => c.node === anchor.parent) : undefined;
    if (!handle || !requested || !count || !query) return decline('its handle, count or descriptor are not plain arguments');
    const served = servedMatmul(query, ctx.catalog, ctx.target, ctx.context);
    if (!served.ok) return decline(served.reason);
    for (const e of [handle, requested, count]) if (!e.pure) return decline(`\`${e.text}\` has side effects`);
    const s = new CnnlStatements(ctx);
    const dataType = s.dataType(served.plan.d.dtype);
    if (!dataType) return decline('CNNL has no cnnlDataType_t for the element type');
    const d = describeMatMul(s, served.plan, served.invocation, dataType, (v) => v);
    const call = `${s.value('cnnlGetMatMulAlgoHeuristic')}(${handle.text}, ${d.matmul}, ${d.aDesc}, ${d.bDesc}, ${d.dDesc}, ${d.dDesc}, null, ${requested.text}, ${d.heuristic}, ${count.text})`;
    return { ok: true, lowering: { prelude: s.prelude, call, epilogue: s.epilogue, targetSymbols: s.symbols, diagnostics: [] } };
  },
};
