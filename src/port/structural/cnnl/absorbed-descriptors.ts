/**
 * Source descriptors that the self-contained CNNL calls replace. A cuBLASLt matmul or a cuDNN
 * compute call ported to CNNL describes its own operands (cnnl-statements.ts), so the source's
 * descriptor calls — cuDNN's tensor / filter / activation / pooling / convolution descriptors,
 * cuBLASLt's matmul descriptor, matrix layouts, preference and heuristic query — disappear with
 * their `const d = ref<…>()` declarations, but only when every use of the descriptor variable is
 * one of those calls or a compute call that ports (dnn/descriptor-absorption.ts, shared with the
 * muDNN activation descriptors; whyVariableStays, shared with the CANN modules). Otherwise the whole family stays as written with OB1019 naming the use that holds it,
 * so a file never keeps a compute call whose descriptors were ported away. Library handles stay:
 * CNNL has one (`cnnlCreate`, `cnnlSetQueue`), and the generic lowerer renames them.
 */
import type { Catalog } from '../../../catalog/catalog.js';
import type { BackendId } from '../../../catalog/vocabulary.js';
import type { ResolvedCall, StaticContext } from '../../context/static-context.js';
import type { LiftContext } from '../../lift/lifter.js';
import type { DeclarationDropper, Lowerer } from '../../lower/lowerer.js';
import { cublasLtLifter } from '../blas/cublaslt-lifter.js';
import { liftCudnn, sourceCallOf } from '../dnn/cudnn-lifter.js';
import { absorbedDeclarationDropper, absorbedDescriptorLowerer as sharedAbsorbedDescriptorLowerer, type DescriptorAbsorption } from '../dnn/descriptor-absorption.js';
import { planCnnlDnn } from './cnnl-dnn.js';
import { planCnnlMatMul } from './cnnl-matmul.js';
import { servedMatmul } from './cnnl-matmul-heuristic.js';

/** The primitives of the descriptor calls that vanish (cuBLASLt's heuristic query with them). */
export const ABSORBED_PRIMITIVES = ['descriptor.create', 'descriptor.set', 'descriptor.destroy', 'algorithm.query'] as const;

const LIBRARIES = new Set(['cudnn', 'cublaslt']);

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

/** The family the CNNL calls absorb (the machinery is shared: dnn/descriptor-absorption.ts). */
const CNNL_ABSORPTION: DescriptorAbsorption = {
  replacedBy: 'the ones each CNNL call makes',
  // The heuristic query stays a query: it is absorbed only when it ports (cnnl-matmul-heuristic.ts).
  isDescriptorCall: (entry) => {
    const binds = entry.spec.binds;
    return LIBRARIES.has(entry.library) && 'primitive' in binds && (ABSORBED_PRIMITIVES as readonly string[]).includes(binds.primitive) && binds.primitive !== 'algorithm.query';
  },
  absorbs: computePorts,
  success: 'CNNL_STATUS_SUCCESS',
};

export const absorbedDescriptorLowerer: Lowerer = sharedAbsorbedDescriptorLowerer(CNNL_ABSORPTION);

/** Whether a `const d = ref<T>()` declaration goes with the descriptor calls of its variable. */
export const dropsAbsorbedDeclaration: DeclarationDropper = absorbedDeclarationDropper(CNNL_ABSORPTION);
