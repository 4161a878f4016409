/**
 * Pieces every aclnn operator's first phase shares: the numeric profile a call runs under
 * (the backend default, an entry's own profile, or a knob such as cubeMathType, all from
 * profiles/cann.yaml), dtype promotion as torch defines it (the aclnn elementwise docs follow
 * torch's type-promotion rules), the operator's supported dtypes from its catalog spec, and the
 * workspace size model.
 */
import { loadCatalog } from '../../catalog/load-catalog.js';
import type { DType } from '../../runtime/dtype.js';
import { isFloatDType, isIntDType } from '../../runtime/dtype.js';
import type { NumericProfile } from '../../runtime/numerics/numeric-profile.js';
import { DeviceFault } from '../sim/device-fault.js';
import { callProfile, type KnobSetting } from '../sim/call-profile.js';
import { dataTypeName } from './acl-dtype.js';
import type { AclTensor } from './acl-tensor.js';

export function cannProfile(settings: readonly KnobSetting[] = []): NumericProfile {
  return callProfile('cann', settings);
}

/** The profile an entry names (e.g. aclnnGelu's cann.aclnn-gelu), else the default. */
export function entryProfile(symbol: string): NumericProfile {
  const catalog = loadCatalog();
  const id = catalog.entry('cann', symbol)?.spec.profile;
  return id ? catalog.profile(id) : cannProfile();
}

/** The dtypes a canonical operator's first input accepts (operators/<Op>.yaml). */
export function operatorDTypes(op: string): readonly DType[] {
  return (loadCatalog().operator(op)?.spec.inputs[0]?.dtypes ?? []) as readonly DType[];
}

export function requireOperatorDType(op: string, t: AclTensor, name: string): void {
  requireOperatorSupports(op, t.dtype, `${name} (${dataTypeName(t.dataType)})`);
}

export function requireOperatorSupports(op: string, dtype: DType, what: string): void {
  const allowed = operatorDTypes(op);
  if (allowed.length && !allowed.includes(dtype)) {
    throw new DeviceFault('invalid-value', `${what} is ${dtype}, which ${op} does not support (supported: ${allowed.join(', ')})`);
  }
}

const FLOAT_RANK: Readonly<Record<string, number>> = { float16: 1, bfloat16: 1, float32: 2, float64: 3 };
const INT_RANK: Readonly<Record<string, number>> = { bool: 0, uint8: 1, int8: 1, int16: 2, int32: 3, int64: 4 };

/** torch.result_type of two tensors (without scalars). */
export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  if (isFloatDType(a) && isFloatDType(b)) {
    if (FLOAT_RANK[a] === FLOAT_RANK[b]) return 'float32'; // float16 with bfloat16
    return FLOAT_RANK[a] > FLOAT_RANK[b] ? a : b;
  }
  if (isFloatDType(a)) return a;
  if (isFloatDType(b)) return b;
  if (a === 'bool') return b;
  if (b === 'bool') return a;
  if ((a === 'uint8' && b === 'int8') || (a === 'int8' && b === 'uint8')) return 'int16';
  return INT_RANK[a] >= INT_RANK[b] ? a : b;
}

/** A tensor with a scalar: the scalar only matters when it is of a higher category (bool < int < float). */
export function promoteWithScalar(tensor: DType, scalar: DType): DType {
  const category = (d: DType): number => (d === 'bool' ? 0 : isIntDType(d) ? 1 : 2);
  if (category(scalar) <= category(tensor)) return tensor;
  return category(scalar) === 2 ? 'float32' : 'int64';
}

/** torch's rule for writing a result into `out`: no float into an integer, nothing non-bool into bool. */
export function requireCastable(result: DType, out: AclTensor, name: string): void {
  const ok = out.dtype === result || (out.dtype !== 'bool' && (isFloatDType(out.dtype) || !isFloatDType(result)));
  if (!ok) throw new DeviceFault('invalid-value', `the result type ${result} cannot be written into ${name} of type ${dataTypeName(out.dataType)}`);
}

const WORKSPACE_ALIGN = 32;

/**
 * Workspace size model (docs/backends/cann.md): ops whose kernels keep cross-core float32
 * partials (matrix products, reductions, normalisations, attention) ask for one float32 per
 * partial, rounded up to 32 bytes; elementwise, data-movement and random ops ask for none. Real
 * CANN sizes depend on the tiling and the SoC; programs must allocate what the call returns.
 */
export function floatPartials(count: number): number {
  if (count <= 0) return 0;
  return Math.ceil((count * 4) / WORKSPACE_ALIGN) * WORKSPACE_ALIGN;
}
