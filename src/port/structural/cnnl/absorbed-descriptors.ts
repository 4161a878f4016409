/**
 * Source descriptors that the self-contained CNNL calls replace. A cuBLASLt matmul or a cuDNN
 * compute call ported to CNNL describes its own operands (cnnl-statements.ts), so the source's
 * descriptor calls — cuDNN's tensor / filter / activation / pooling / convolution descriptors,
 * cuBLASLt's matmul descriptor, matrix layouts, preference and heuristic query — disappear with
 * their `const d = ref<…>()` declarations, but only when every use of the descriptor variable is
 * one of those calls or a compute call that ports (whyVariableStays, shared with the CANN
 * modules). Otherwise the whole family stays as written with OB1019 naming the use that holds it,
 * so a file never keeps a compute call whose descriptors were ported away. Library handles stay:
 * CNNL has one (`cnnlCreate`, `cnnlSetQueue`), and the generic lowerer renames them.
 */
import type { Catalog } from '../../../catalog/catalog.js';
import type { BackendId } from '../../../catalog/vocabulary.js';
import { variableName, type ResolvedCall, type StaticContext } from '../../context/static-context.js';
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { Invocation } from '../../ir/invocation.js';
import type { LiftContext } from '../../lift/lifter.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import type { ts } from '../../syntax/typescript.js';
import { cublasLtLifter } from '../blas/cublaslt-lifter.js';
import { outputDimAssignments } from '../dnn/conv-output-dims.js';
import { PLAN_QUERIES, whyQueryStays } from '../dnn/conv-workspace-slice.js';
import { whyVariableStays } from '../dnn/cudnn-lifecycle.js';
import { liftCudnn, sourceCallOf } from '../dnn/cudnn-lifter.js';
import { planCnnlDnn } from './cnnl-dnn.js';
import { planCnnlMatMul } from './cnnl-matmul.js';
import { cnnlConvPorts } from './conv-plan.js';
import { servedMatmul } from './cnnl-matmul-heuristic.js';

/** The primitives of the descriptor calls that vanish (cuBLASLt's heuristic query with them). */
export const ABSORBED_PRIMITIVES = ['descriptor.create', 'descriptor.set', 'descriptor.destroy', 'algorithm.query'] as const;

const LIBRARIES = new Set(['cudnn', 'cublaslt']);

function isDescriptorCall(call: ResolvedCall): boolean {
  const binds = call.entry.spec.binds;
  return LIBRARIES.has(call.entry.library) && 'primitive' in binds && (ABSORBED_PRIMITIVES as readonly string[]).includes(binds.primitive);
}

function isQuery(call: ResolvedCall): boolean {
  const binds = call.entry.spec.binds;
  return 'primitive' in binds && binds.primitive === 'algorithm.query';
}

/** Whether a compute call ports to CNNL structurally (the same lift and plan as the walk's). */
function computePorts(call: ResolvedCall, catalog: Catalog, target: BackendId, context: StaticContext): boolean {
  if (call.entry.spec.symbol === 'cublasLtMatmulAlgoGetHeuristic') return servedMatmul(call, catalog, target, context).ok;
  const liftContext: LiftContext = { catalog, target, context, enumReference: () => undefined };
  const source = sourceCallOf(call, liftContext);
  if (call.entry.spec.symbol === 'cublasLtMatmul') {
    const lifted = cublasLtLifter.lift(source, liftContext);
    return lifted?.ok === true && planCnnlMatMul(lifted.invocation)?.ok === true;
  }
  const lifted = call.entry.library === 'cudnn' ? liftCudnn(source, liftContext) : undefined;
  return lifted?.ok === true && planCnnlDnn(lifted.value)?.ok === true;
}

function whyStays(name: string, declaration: ts.Node | undefined, catalog: Catalog, target: BackendId, context: StaticContext): string | undefined {
  // The heuristic query stays a query: it is absorbed only when it ports (cnnl-matmul-heuristic.ts).
  // cuDNN's convolution queries: host arithmetic, or a plan that vanishes (conv-queries.ts).
  const convQueryGoes = (call: ResolvedCall) =>
    outputDimAssignments(call, context).ok || ((PLAN_QUERIES as readonly string[]).includes(call.entry.spec.symbol) && whyQueryStays(call, catalog, target, context, cnnlConvPorts) === undefined);
  const absorbs = (call: ResolvedCall) => (isDescriptorCall(call) && !isQuery(call)) || convQueryGoes(call) || computePorts(call, catalog, target, context);
  return whyVariableStays(name, declaration, catalog, target, context, absorbs);
}

/** The descriptor variables a descriptor call creates, sets, destroys or queries with. */
function descriptorVariables(invocation: Invocation): string[] {
  const names: string[] = [];
  for (const [role, e] of invocation.args) {
    if (!(role === 'out-descriptor' || role === 'descriptor' || role.startsWith('desc:') || role === 'config') || !e.node) continue;
    const name = variableName(e.node);
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

export const absorbedDescriptorLowerer: Lowerer = {
  name: 'cuDNN / cuBLASLt descriptors absorbed by CNNL calls',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    if (invocation.kind !== 'primitive' || !LIBRARIES.has(invocation.origin.entry.library)) return undefined;
    // The heuristic query stays a query (cnnl-matmul-heuristic.ts): the program reads its count.
    if (!(ABSORBED_PRIMITIVES as readonly string[]).includes(invocation.primitive) || invocation.primitive === 'algorithm.query') return undefined;
    const symbol = invocation.origin.symbol;
    const names = descriptorVariables(invocation);
    if (names.length === 0) return undefined; // nothing to follow: the catalog's own answer stands
    for (const name of names) {
      const stays = whyStays(name, undefined, ctx.catalog, ctx.target, ctx.context);
      if (stays) return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason: `its descriptors are replaced by the ones each CNNL call makes, and ${stays}` }, symbol)] };
    }
    let success: string | undefined;
    return {
      ok: true,
      lowering: {
        prelude: [],
        get call() {
          // Written only where the status is used in an expression (imports follow what is written).
          success ??= ctx.names.value('CNNL_STATUS_SUCCESS', ctx.style, ctx.origin);
          return success;
        },
        targetSymbols: [],
        diagnostics: [],
        vanishes: true,
      },
    };
  },
};

/** Whether a `const d = ref<T>()` declaration goes with the descriptor calls of its variable. */
export function dropsAbsorbedDeclaration(name: string, declaration: ts.VariableDeclaration, ctx: LowerContext): boolean {
  const uses = ctx.context.allCalls().filter((c) => c.args.some((a) => variableName(a) === name));
  const creates = uses.some((c) => isDescriptorCall(c) && 'primitive' in c.entry.spec.binds && c.entry.spec.binds.primitive === 'descriptor.create');
  return creates && whyStays(name, declaration, ctx.catalog, ctx.target, ctx.context) === undefined;
}
