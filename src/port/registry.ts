/**
 * The lifters and lowerers `port` uses. The generic role-based pair answers every call the
 * catalog's roles can express; structural modules for other calling conventions are added here,
 * one line each: `lifters.register({ backend: 'cuda', library: 'cublas' }, cublasGemmLifter)`,
 * `lowerers.register({ target: 'cann', binding: 'operator:Gemm' }, aclnnMatmulLowerer)`.
 * Lowerers registered for one binding are tried in order; each declines what is not its own.
 */
import { BACKENDS } from '../catalog/vocabulary.js';
import { LifterRegistry } from './lift/lifter.js';
import { roleLifter } from './lift/role-lifter.js';
import { spelledFor } from './lower/cuda-compatible.js';
import { unloweredViewsLowerer } from './lower/unlowered-views.js';
import { LowererRegistry, type Lowerer } from './lower/lowerer.js';
import { roleLowerer } from './lower/role-lowerer.js';
import { aclnnAxpyLowerer, aclnnDotLowerer, aclnnGemmLowerer, gemmPortsToAclnn } from './structural/blas/aclnn-blas-lowerers.js';
import { cublasLifter } from './structural/blas/cublas-lifter.js';
import { cublasScalLifter } from './structural/blas/cublas-scal-lifter.js';
import { cublasLtLifter } from './structural/blas/cublaslt-lifter.js';
import { cublasLtSetup } from './structural/blas/cublaslt-setup.js';
import { registerComputeTypeAsDataType } from './structural/compat/compute-type-as-data-type.js';
import { registerEnumAttributeBuffers } from './structural/compat/enum-attribute-buffers.js';
import { aclnnGroupReader } from './structural/aclnn-lift/aclnn-groups.js';
import { aclnnLifter } from './structural/aclnn-lift/aclnn-lifter.js';
import { testedStatusErrorLifter } from './structural/aclnn-lift/tested-status-error.js';
import { cnnlGroupReader } from './structural/cnnl-lift/cnnl-groups.js';
import { cnnlLifter } from './structural/cnnl-lift/cnnl-lifter.js';
import { cnnlHandleAsCublas } from './structural/cnnl-lift/handle-library.js';
import { cublasAxpyLowerer, cublasDotLowerer, cublasGemmLowerer } from './structural/cuda-lower/cublas-lowerers.js';
import { CUDNN_LEGACY_OPERATORS, cudnnLegacyLowerer } from './structural/cuda-lower/cudnn-lowerers.js';
import { FRONTEND_GRAPH_OPERATORS, frontendGraphLowerer } from './structural/cuda-lower/frontend-graph-lowerer.js';
import { implicitFinalizeLowerer } from './structural/cuda-lower/implicit-finalize.js';
import { statusErrorStringLowerer } from './structural/cuda-lower/status-error-string.js';
import { cublasScalLowerer } from './structural/cuda-lower/cublas-scal-lowerer.js';
import { registerCudnnLifters, registerDnnLowerers } from './structural/dnn/register.js';
import { registerCnnlLowerers } from './structural/cnnl/register.js';
import { activationAsEpilogue } from './structural/blas/activation-parameter-epilogue.js';
import { registerMudnnLifters, registerMudnnLowerers } from './structural/mudnn/register.js';
import { registerMudnnLiftLifters, registerMudnnLiftLowerers } from './structural/mudnn-lift/register.js';
import { aclInitLowerer, implicitInitLowerer } from './structural/runtime/acl-init.js';
import { cnclInitCommsLifter } from './structural/runtime/cncl-init-comms-lifter.js';
import { cnclInitCommsLowerer } from './structural/runtime/cncl-init-comms-lowerer.js';
import { currentDeviceInitLowerer, dropsCurrentDeviceRead } from './structural/runtime/current-device-read.js';
import { statusNameLowerer } from './structural/runtime/status-name-function.js';
import { registerXdnnLowerers } from './structural/xdnn/register.js';
import { xdnnContextRewriter } from './structural/xdnn-lift/xdnn-contexts.js';
import { defaultStreamWaitRewriter } from './structural/xdnn-lift/default-stream-wait.js';
import { xdnnLifter } from './structural/xdnn-lift/xdnn-lifter.js';
import { xdnnChainReader } from './structural/xdnn-lift/xdnn-chains.js';

export function defaultLifters(): LifterRegistry {
  const lifters = new LifterRegistry(roleLifter)
    .register({ backend: 'cuda', library: 'cublas' }, cublasLifter)
    .register({ backend: 'cuda', symbol: 'cublasLtMatmul' }, cublasLtLifter)
    .register({ backend: 'cuda', symbol: 'cublasSscal' }, cublasScalLifter)
    .register({ backend: 'cann', library: 'aclnn' }, aclnnLifter)
    .register({ backend: 'cann', symbol: 'aclGetRecentErrMsg' }, testedStatusErrorLifter)
    .register({ backend: 'cambricon', symbol: 'cnclInitComms' }, cnclInitCommsLifter)
    .register({ backend: 'kunlun', library: 'xdnn' }, xdnnLifter)
    .register({ backend: 'cambricon', library: 'cnnl' }, cnnlLifter)
    .registerGroupReader({ backend: 'cambricon' }, cnnlGroupReader)
    .registerGroupReader({ backend: 'cann' }, aclnnGroupReader)
    .registerGroupReader({ backend: 'kunlun' }, xdnnChainReader);
  registerCudnnLifters(lifters);
  registerMudnnLifters(lifters);
  registerMudnnLiftLifters(lifters);
  return lifters;
}

export function defaultLowerers(): LowererRegistry {
  const lowerers = new LowererRegistry(roleLowerer)
    .register({ target: 'cann', binding: 'operator:Gemm' }, aclnnGemmLowerer)
    .register({ target: 'cann', binding: 'operator:Add' }, aclnnAxpyLowerer)
    .register({ target: 'cann', binding: 'operator:MatMul' }, aclnnDotLowerer)
    // aclblasLt answers the calls that stay, so only the dropper.
    .registerStatementDropper('cann', cublasLtSetup({ matmulPorts: gemmPortsToAclnn, handleGoes: true }).dropper);
  registerDnnLowerers(lowerers);
  registerEnumAttributeBuffers(lowerers);
  registerComputeTypeAsDataType(lowerers);
  registerCnnlLowerers(lowerers);
  registerXdnnLowerers(lowerers);
  registerMudnnLowerers(lowerers);
  registerMudnnLiftLowerers(lowerers);
  lowerers.register({ target: 'cann', binding: 'primitive:device.set' }, aclInitLowerer);
  lowerers.register({ target: 'cuda', binding: 'primitive:runtime.init' }, implicitInitLowerer);
  lowerers.register({ target: 'cambricon', binding: 'primitive:communicator.init' }, cnclInitCommsLowerer);
  lowerers.register({ target: 'cuda', binding: 'primitive:communicator.init' }, currentDeviceInitLowerer);
  lowerers.registerStatementDropper('cuda', dropsCurrentDeviceRead);
  lowerers.registerStatementRewriter('cuda', xdnnContextRewriter);
  lowerers.registerStatementRewriter('cuda', defaultStreamWaitRewriter);
  lowerers.registerEnumSubstitute('cuda', activationAsEpilogue);
  lowerers.registerEnumSubstitute('cuda', cnnlHandleAsCublas);
  lowerers.register({ target: 'cuda', binding: 'primitive:runtime.finalize' }, implicitFinalizeLowerer);
  lowerers.register({ target: 'cuda', binding: 'primitive:error.string' }, statusErrorStringLowerer);
  lowerers.register({ target: 'cuda', binding: 'operator:Gemm' }, cublasGemmLowerer);
  lowerers.register({ target: 'cuda', binding: 'operator:MatMul' }, cublasDotLowerer);
  lowerers.register({ target: 'cuda', binding: 'operator:Add' }, cublasAxpyLowerer);
  lowerers.register({ target: 'cuda', binding: 'operator:Mul' }, cublasScalLowerer);
  for (const operator of CUDNN_LEGACY_OPERATORS) lowerers.register({ target: 'cuda', binding: `operator:${operator}` }, cudnnLegacyLowerer);
  for (const operator of FRONTEND_GRAPH_OPERATORS) lowerers.register({ target: 'cuda', binding: `operator:${operator}` }, frontendGraphLowerer);
  // CUDA-compatible targets write the CUDA lowerings with their own names (MUSA: cuBLAS's only; muDNN is no cuDNN).
  const cublasLowerers = new Set<Lowerer>([cublasGemmLowerer, cublasDotLowerer, cublasAxpyLowerer, cublasScalLowerer]);
  lowerers.registerReuse('maca', 'cuda', (l) => spelledFor(l, 'maca'));
  lowerers.registerReuse('thead', 'cuda', (l) => spelledFor(l, 'thead'));
  lowerers.registerReuse('musa', 'cuda', (l) => spelledFor(l, 'musa'), (l) => cublasLowerers.has(l));
  for (const target of BACKENDS) lowerers.register({ target }, unloweredViewsLowerer);
  // After each target's own: a status-naming function only where the target has no status-to-string call.
  for (const target of BACKENDS) lowerers.register({ target, binding: 'primitive:error.string' }, statusNameLowerer);
  // Their runtimes rename CUDA's one for one (no init or finalize call in the catalog): start-up and tear-down are implicit as on CUDA (inferred).
  for (const target of ['maca', 'thead'] as const) {
    lowerers.register({ target, binding: 'primitive:runtime.init' }, spelledFor(implicitInitLowerer, target));
    lowerers.register({ target, binding: 'primitive:runtime.finalize' }, spelledFor(implicitFinalizeLowerer, target));
  }
  return lowerers;
}
