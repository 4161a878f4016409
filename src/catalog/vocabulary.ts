/**
 * The fixed vocabularies of the catalog: backends, statuses, confidence levels, runtime
 * primitives, operator categories and parameter roles. Schemas validate against these, and
 * the porter, facades and coverage reports switch on them, so they live in one place.
 */

export const BACKENDS = ['cuda', 'cann', 'kunlun', 'cambricon', 'musa', 'maca', 'thead'] as const;
export type BackendId = (typeof BACKENDS)[number];
export const TARGET_BACKENDS: readonly BackendId[] = BACKENDS.filter((b) => b !== 'cuda');

export const BACKEND_NAMES: Readonly<Record<BackendId, string>> = {
  cuda: 'NVIDIA CUDA',
  cann: 'Huawei Ascend CANN',
  kunlun: 'Baidu Kunlunxin XPU',
  cambricon: 'Cambricon MLU',
  musa: 'Moore Threads MUSA',
  maca: 'MetaX MACA',
  thead: 'Alibaba T-Head PPU',
};

/**
 * How a vendor symbol answers its binding:
 * - native: one call does it (an aclnn GetWorkspaceSize + run pair counts as one call);
 * - composite: several target calls are needed;
 * - partial: works, but some dtypes / attributes / modes are missing (listed in `unsupported`);
 * - unsupported: the target has no way to do it;
 * - unknown: we could not find out.
 */
export const STATUSES = ['native', 'composite', 'partial', 'unsupported', 'unknown'] as const;
export type Status = (typeof STATUSES)[number];

/** Best first: used to pick the best answer when several entries answer one CUDA symbol. */
export const STATUS_RANK: Readonly<Record<Status, number>> = {
  native: 0,
  composite: 1,
  partial: 2,
  unsupported: 3,
  unknown: 4,
};

/**
 * confirmed: read in a vendor header, vendor doc or vendor-maintained code;
 * inferred: derived from a confirmed fact (naming rule, argument order seen in real use);
 * unconfirmed: a claim we could not check. Never present these as fact.
 */
export const CONFIDENCES = ['confirmed', 'inferred', 'unconfirmed'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const OPERATOR_CATEGORIES = [
  'elementwise',
  'matrix',
  'convolution',
  'normalization',
  'reduction',
  'data-movement',
  'collective',
  'random',
] as const;
export type OperatorCategory = (typeof OPERATOR_CATEGORIES)[number];

/** Runtime primitives a vendor call can bind to when it is not an operator. */
export const PRIMITIVES = [
  'runtime.init',
  'runtime.finalize',
  'runtime.version',
  'device.count',
  'device.set',
  'device.get',
  'device.reset',
  'device.synchronize',
  'device.properties',
  'error.string',
  'error.name',
  'error.last',
  'memory.alloc',
  'memory.free',
  'memory.alloc-host',
  'memory.free-host',
  'memory.info',
  'copy.sync',
  'copy.async',
  'copy.2d',
  'memset.sync',
  'memset.async',
  'stream.create',
  'stream.destroy',
  'stream.synchronize',
  'stream.wait-event',
  'stream.query',
  'event.create',
  'event.destroy',
  'event.record',
  'event.synchronize',
  'event.elapsed',
  'event.query',
  'handle.create',
  'handle.destroy',
  'handle.set-stream',
  'handle.get-stream',
  'handle.set-math-mode',
  'handle.get-math-mode',
  'descriptor.create',
  'descriptor.set',
  'descriptor.get',
  'descriptor.destroy',
  'tensor.create',
  'tensor.destroy',
  'workspace.query',
  'algorithm.query',
  'executor.run',
  'executor.destroy',
  'graph.create',
  'graph.tensor',
  'graph.build',
  'graph.workspace',
  'graph.execute',
  'communicator.unique-id',
  'communicator.init',
  'communicator.destroy',
  'communicator.rank',
  'communicator.size',
  'communicator.barrier',
  'p2p.send',
  'p2p.recv',
  'group.start',
  'group.end',
  'rng.create',
  'rng.destroy',
  'rng.seed',
  'rng.offset',
  'rng.set-stream',
  'context.create',
  'context.destroy',
  'context.set-stream',
] as const;
export type Primitive = (typeof PRIMITIVES)[number];

/** Categories of opaque C types. */
export const TYPE_KINDS = [
  'stream',
  'event',
  'handle',
  'descriptor',
  'communicator',
  'unique-id',
  'tensor',
  'scalar',
  'array',
  'executor',
  'generator',
  'context',
  'graph',
  'status',
  'dtype',
  'plan',
  'pointer',
] as const;
export type TypeKind = (typeof TYPE_KINDS)[number];

/**
 * Parameter roles say what an argument *means*, so the porter can move arguments between
 * signatures (reorder, insert, drop) by meaning rather than by position. A role is either one
 * of the fixed names below or `<kind>:<name>` where kind links the parameter to the bound
 * operator: `input:A`, `output:Y`, `attr:transA`, `dim:M`, `ld:A`, `batch-stride:A`, `desc:A`
 * (the descriptor describing operator tensor A), `scale:A` (quantisation max pointer),
 * `dtype:A` (the element type of tensor A), `aux:<name>` (an extra output a vendor call
 * returns that the canonical operator does not define, e.g. aclnnRmsNorm's rstd — facades
 * compute it, verify ignores it).
 */
export const FIXED_ROLES = [
  'handle',
  'out-handle',
  'stream',
  'out-stream',
  'event',
  'out-event',
  'start-event',
  'end-event',
  'elapsed-ms',
  'descriptor',
  'out-descriptor',
  'dst',
  'src',
  'bytes',
  'dst-capacity',
  'count',
  'byte-value',
  'copy-kind',
  'ptr',
  'out-ptr',
  'alloc-policy',
  'flags',
  'device',
  'out-device',
  'out-count',
  'error',
  'workspace',
  'workspace-size',
  'out-workspace-size',
  'executor',
  'out-executor',
  'algorithm',
  'out-algorithm',
  'math-mode',
  'compute-type',
  'dtype',
  'layout',
  'comm',
  'out-comm',
  'unique-id',
  'out-unique-id',
  'rank',
  'nranks',
  'root',
  'peer',
  'reduce-op',
  'send',
  'recv',
  'generator',
  'out-generator',
  'rng-type',
  'seed',
  'offset',
  'context',
  'out-context',
  'graph',
  'variant-pack',
  'config',
  'version',
  'out-value',
  'dims',
  'ndims',
  'strides',
  'format',
  'storage-dims',
  'nan-propagation',
  'mode',
  'count-out',
  'priority',
  'timeout',
  'reserved',
  // Blend factors of cuDNN-style calls (out = alpha * op(in) + beta * out): not operator attributes.
  'blend-alpha',
  'blend-beta',
] as const;

/** `dtype:A` is the element-type argument of operator tensor A (cublasGemmEx Atype, Btype, Ctype). */
export const ROLE_KINDS = ['input', 'output', 'attr', 'dim', 'ld', 'batch-stride', 'desc', 'scale', 'dtype', 'aux'] as const;

const ROLE_PATTERN = new RegExp(`^(${ROLE_KINDS.join('|')}):[A-Za-z_][A-Za-z0-9_.]*$`);

export function isValidRole(role: string): boolean {
  return (FIXED_ROLES as readonly string[]).includes(role) || ROLE_PATTERN.test(role);
}

/** Semantic tags on enum members, so enums are mapped by meaning and not by number. */
export const MEANING_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/;
