/**
 * cuDNN activation descriptors on MUSA: muDNN has no activation-forward call, so each ported
 * cudnnActivationForward makes its own unary descriptor (mudnn-compute.ts), and the source's
 * activation descriptor — create, set, destroy and its declaration — goes when every use of it
 * ports (dnn/descriptor-absorption.ts); otherwise the family stays with OB1019.
 */
import type { Catalog } from '../../../catalog/catalog.js';
import type { BackendId } from '../../../catalog/vocabulary.js';
import type { ResolvedCall, StaticContext } from '../../context/static-context.js';
import type { LiftContext } from '../../lift/lifter.js';
import { liftCudnn, sourceCallOf } from '../dnn/cudnn-lifter.js';
import type { DescriptorAbsorption } from '../dnn/descriptor-absorption.js';
import { isCudnnNamedLibrary } from './cudnn-named-sources.js';
import { planMudnn } from './mudnn-compute.js';

const ACTIVATION_DESCRIPTOR_CALLS = new Set(['cudnnCreateActivationDescriptor', 'cudnnSetActivationDescriptor', 'cudnnDestroyActivationDescriptor']);

/** Whether an activation call ports to mudnnUnary (the same lift and plan as the walk's). */
function activationPorts(call: ResolvedCall, catalog: Catalog, target: BackendId, context: StaticContext): boolean {
  if (call.entry.spec.symbol !== 'cudnnActivationForward') return false;
  const liftContext: LiftContext = { catalog, target, context, enumReference: () => undefined };
  const lifted = liftCudnn(sourceCallOf(call, liftContext), liftContext);
  return lifted?.ok === true && planMudnn(lifted.value, catalog)?.ok === true;
}

export const ACTIVATION_ABSORPTION: DescriptorAbsorption = {
  replacedBy: 'the unary descriptor each mudnnUnary call makes',
  isDescriptorCall: (entry) => isCudnnNamedLibrary(entry.library) && ACTIVATION_DESCRIPTOR_CALLS.has(entry.spec.symbol),
  absorbs: activationPorts,
  success: 'MUDNN_STATUS_SUCCESS',
};
