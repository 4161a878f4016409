/**
 * cuDNN descriptors on Kunlun: XDNN has none (shapes and modes are arguments of each call), so
 * the descriptor create / set / destroy calls and algorithm queries disappear — but only when
 * every use of their variable disappears or is an argument of a compute call that ports to XDNN
 * (its lift and `planXdnn` succeed); otherwise the whole family stays as written
 * (dnn/cudnn-lifecycle.ts's rule, with XDNN's plan). The variable's `ref<T>()` declaration goes
 * with them. cuBLASLt's set-up is the shared blas/cublaslt-setup.ts's.
 *
 * A query's result count is what code checks afterwards (`if (found.value === 0)`): XDNN picks
 * its kernel inside each call, so one algorithm is always available — `returnAlgoCount.value = 1`
 * stands for the query.
 */
import type { Catalog } from '../../../catalog/catalog.js';
import type { BackendId } from '../../../catalog/vocabulary.js';
import { variableName, type ResolvedCall, type StaticContext } from '../../context/static-context.js';
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { Invocation } from '../../ir/invocation.js';
import type { LiftContext } from '../../lift/lifter.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import type { ts } from '../../syntax/typescript.js';
import { whyVariableStays } from '../dnn/cudnn-lifecycle.js';
import { outputDimAssignments } from '../dnn/conv-output-dims.js';
import { PLAN_QUERIES, whyQueryStays } from '../dnn/conv-workspace-slice.js';
import { liftCudnn, sourceCallOf } from '../dnn/cudnn-lifter.js';
import { xdnnConvPorts } from './conv-plan.js';
import { planXdnn } from './xdnn-plan.js';
import { vanishingCall } from '../../lower/vanishing-call.js';
import { xdnnSuccess } from './xdnn-success.js';

/** The primitives of descriptor life cycles that vanish on Kunlun. */
export const DESCRIPTOR_PRIMITIVES = ['descriptor.create', 'descriptor.set', 'descriptor.destroy', 'algorithm.query'] as const;
const DESCRIPTOR_LIBRARIES = new Set(['cudnn']);
const OBJECT_ROLES = ['out-descriptor', 'descriptor'];
/** The descriptor arguments of a query. */
const QUERY_ROLES = ['descriptor', 'desc:A', 'desc:B', 'desc:C', 'desc:Y', 'config'];

function isDescriptorCall(call: ResolvedCall): boolean {
  const binds = call.entry.spec.binds;
  return DESCRIPTOR_LIBRARIES.has(call.entry.library) && 'primitive' in binds && (DESCRIPTOR_PRIMITIVES as readonly string[]).includes(binds.primitive);
}

/** Whether a compute call lifts from its cuDNN descriptors and plans to one XDNN call. */
function computePorts(call: ResolvedCall, catalog: Catalog, target: BackendId, context: StaticContext): boolean {
  const liftContext: LiftContext = { catalog, target, context, enumReference: () => undefined };
  const lifted = liftCudnn(sourceCallOf(call, liftContext), liftContext);
  return lifted?.ok === true && planXdnn(lifted.value)?.ok === true;
}

function isQuery(call: ResolvedCall): boolean {
  const binds = call.entry.spec.binds;
  return 'primitive' in binds && binds.primitive === 'algorithm.query';
}

/**
 * Why a descriptor variable stays. A heuristic query goes only when all its descriptors go, so a
 * query met while judging one of them is judged by the others (one level deep: their own queries
 * are taken to go).
 */
function stays(name: string, declaration: ts.Node | undefined, catalog: Catalog, target: BackendId, context: StaticContext, nested = false): string | undefined {
  return whyVariableStays(name, declaration, catalog, target, context, (call) => {
    // cuDNN's convolution queries: host arithmetic, or a plan that vanishes (conv-queries.ts).
    if (outputDimAssignments(call, context).ok) return true;
    if ((PLAN_QUERIES as readonly string[]).includes(call.entry.spec.symbol)) return whyQueryStays(call, catalog, target, context, xdnnConvPorts) === undefined;
    if (isQuery(call) && DESCRIPTOR_LIBRARIES.has(call.entry.library)) {
      if (nested) return true;
      const others = QUERY_ROLES.map((role) => context.argumentFor(call, role)).map((a) => (a ? variableName(a) : undefined));
      return others.every((other) => other === undefined || other === name || stays(other, undefined, catalog, target, context, true) === undefined);
    }
    return isDescriptorCall(call) || (DESCRIPTOR_LIBRARIES.has(call.entry.library) && computePorts(call, catalog, target, context));
  });
}

export const xdnnDescriptorLifecycleLowerer: Lowerer = {
  name: 'cuDNN descriptors vanish on XDNN',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    if (invocation.kind !== 'primitive' || !DESCRIPTOR_LIBRARIES.has(invocation.origin.entry.library)) return undefined;
    if (!(DESCRIPTOR_PRIMITIVES as readonly string[]).includes(invocation.primitive)) return undefined;
    const symbol = invocation.origin.symbol;
    const query = invocation.primitive === 'algorithm.query';
    const objects = (query ? QUERY_ROLES : OBJECT_ROLES).map((r) => invocation.args.get(r)).filter((e) => e !== undefined);
    const names = objects.map((o) => (o.node ? variableName(o.node) : undefined));
    if (names.length === 0 || names.some((n) => !n)) return undefined; // nothing to follow: the catalog's own answer (its gap note) stands
    for (const name of names) {
      const why = stays(name!, undefined, ctx.catalog, ctx.target, ctx.context);
      if (why) return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason: `${ctx.target} has no descriptor objects, and ${why}` }, symbol)] };
    }
    const prelude = [];
    if (query) {
      const count = invocation.args.get('count-out');
      if (!count || !/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(count.text)) return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason: `the result count \`${count?.text ?? '?'}\` is not a variable` }, symbol)] };
      prelude.push({ text: `${count.text}.value = 1`, declares: false });
    }
    return vanishingCall(ctx, xdnnSuccess, { prelude });
  },
};

/** Whether a `const v = ref<T>()` declaration goes with the calls of its descriptor variable. */
export function dropsDescriptorDeclaration(name: string, declaration: ts.VariableDeclaration, ctx: LowerContext): boolean {
  const uses = ctx.context.allCalls().filter((c) => c.args.some((a) => variableName(a) === name));
  return uses.some((c) => isDescriptorCall(c) && c.entry.spec.binds && 'primitive' in c.entry.spec.binds && c.entry.spec.binds.primitive !== 'algorithm.query') && stays(name, declaration, ctx.catalog, ctx.target, ctx.context) === undefined;
}
