/**
 * Source descriptors that the self-contained CNNL calls replace. A cuDNN compute call ported to
 * CNNL describes its own operands (cnnl-statements.ts), so the source's descriptor calls —
 * cuDNN's tensor / filter / activation / pooling / convolution descriptors — disappear with
 * their `const d = ref<…>()` declarations, but only when every use of the descriptor variable is
 * one of those calls or a compute call that ports (dnn/descriptor-absorption.ts, shared with the
 * muDNN activation descriptors; whyVariableStays, shared with the CANN modules). Otherwise the whole family stays as written with OB1019 naming the use that holds it,
 * so a file never keeps a compute call whose descriptors were ported away. Library handles stay:
 * CNNL has one (`cnnlCreate`, `cnnlSetQueue`), and the generic lowerer renames them. cuBLASLt's
 * set-up is the shared blas/cublaslt-setup.ts's.
 */
import type { Catalog } from '../../../catalog/catalog.js';
import type { BackendId } from '../../../catalog/vocabulary.js';
import type { ResolvedCall, StaticContext } from '../../context/static-context.js';
import type { LiftContext } from '../../lift/lifter.js';
import type { DeclarationDropper, Lowerer } from '../../lower/lowerer.js';
import { outputDimAssignments } from '../dnn/conv-output-dims.js';
import { PLAN_QUERIES, whyQueryStays } from '../dnn/conv-workspace-slice.js';
import { liftCudnn, sourceCallOf } from '../dnn/cudnn-lifter.js';
import { absorbedDeclarationDropper, absorbedDescriptorLowerer as sharedAbsorbedDescriptorLowerer, type DescriptorAbsorption } from '../dnn/descriptor-absorption.js';
import { planCnnlDnn } from './cnnl-dnn.js';
import { cnnlConvPorts } from './conv-plan.js';

/** The primitives of the descriptor calls that vanish. */
export const ABSORBED_PRIMITIVES = ['descriptor.create', 'descriptor.set', 'descriptor.destroy'] as const;

const LIBRARIES = new Set(['cudnn']);

/** Whether a compute call ports to CNNL structurally (the same lift and plan as the walk's). */
function computePorts(call: ResolvedCall, catalog: Catalog, target: BackendId, context: StaticContext): boolean {
  const liftContext: LiftContext = { catalog, target, context, enumReference: () => undefined };
  const source = sourceCallOf(call, liftContext);
  const lifted = call.entry.library === 'cudnn' ? liftCudnn(source, liftContext) : undefined;
  return lifted?.ok === true && planCnnlDnn(lifted.value, catalog)?.ok === true;
}

/** The family the CNNL calls absorb (the machinery is shared: dnn/descriptor-absorption.ts). */
const CNNL_ABSORPTION: DescriptorAbsorption = {
  replacedBy: 'the ones each CNNL call makes',
  isDescriptorCall: (entry) => {
    const binds = entry.spec.binds;
    return LIBRARIES.has(entry.library) && 'primitive' in binds && (ABSORBED_PRIMITIVES as readonly string[]).includes(binds.primitive);
  },
  // cuDNN's convolution queries go too: as host arithmetic, or with a plan that vanishes (conv-queries.ts).
  absorbs: (call, catalog, target, context) =>
    outputDimAssignments(call, context).ok ||
    ((PLAN_QUERIES as readonly string[]).includes(call.entry.spec.symbol) && whyQueryStays(call, catalog, target, context, cnnlConvPorts) === undefined) ||
    computePorts(call, catalog, target, context),
  success: 'CNNL_STATUS_SUCCESS',
};

export const absorbedDescriptorLowerer: Lowerer = sharedAbsorbedDescriptorLowerer(CNNL_ABSORPTION);

/** Whether a `const d = ref<T>()` declaration goes with the descriptor calls of its variable. */
export const dropsAbsorbedDeclaration: DeclarationDropper = absorbedDeclarationDropper(CNNL_ABSORPTION);
