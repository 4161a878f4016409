/**
 * cubeMathType, the per-call precision knob of the Cube-unit ops (aclnnMatmul docs, the
 * convolution doc and profiles/cann.yaml): 0 KEEP_DTYPE, 1 ALLOW_FP32_DOWN_PRECISION, 2 USE_FP16,
 * 3 USE_HF32, 4 USE_FP32_ADD. The simulated device is an Atlas A2/A3 (profile cann.default), so
 * the A2/A3 rules apply: USE_FP16 is rejected for BFLOAT16 input, USE_HF32 for anything but
 * FLOAT32 on the matmuls, and KEEP_DTYPE for FLOAT32 convolution. The numeric effect of each
 * value comes from the catalog's knob table via callProfile.
 */
import type { DType } from '../../runtime/dtype.js';
import type { NumericProfile } from '../../runtime/numerics/numeric-profile.js';
import { DeviceFault } from '../sim/device-fault.js';
import { cannProfile } from './aclnn-plan.js';
import { ALLOW_FP32_DOWN_PRECISION, KEEP_DTYPE, USE_FP16, USE_FP32_ADD, USE_HF32 } from './constants.generated.js';

const NAMES: Readonly<Record<number, string>> = {
  [KEEP_DTYPE]: 'KEEP_DTYPE',
  [ALLOW_FP32_DOWN_PRECISION]: 'ALLOW_FP32_DOWN_PRECISION',
  [USE_FP16]: 'USE_FP16',
  [USE_HF32]: 'USE_HF32',
  [USE_FP32_ADD]: 'USE_FP32_ADD',
};

export type CubeUnitUse = 'matmul' | 'conv';

export function cubeMathProfile(symbol: string, cubeMathType: number, dtype: DType, use: CubeUnitUse): NumericProfile {
  const max = use === 'conv' ? USE_HF32 : USE_FP32_ADD;
  if (!Number.isInteger(cubeMathType) || cubeMathType < KEEP_DTYPE || cubeMathType > max) {
    throw new DeviceFault('invalid-value', `cubeMathType ${cubeMathType} is not one of ${Object.entries(NAMES).filter(([v]) => Number(v) <= max).map(([v, n]) => `${v} ${n}`).join(', ')}`);
  }
  if (cubeMathType === USE_FP16 && dtype === 'bfloat16') {
    throw new DeviceFault('invalid-value', 'cubeMathType USE_FP16 is not allowed with BFLOAT16 input (aclnn doc)');
  }
  if (use === 'matmul' && cubeMathType === USE_HF32 && dtype !== 'float32') {
    throw new DeviceFault('invalid-value', `cubeMathType USE_HF32 applies to FLOAT32 input only; the input is ${dtype}`);
  }
  if (use === 'conv' && cubeMathType === KEEP_DTYPE && dtype === 'float32') {
    throw new DeviceFault(
      'invalid-value',
      'cubeMathType KEEP_DTYPE is not supported for FLOAT32 convolution on Atlas A2/A3 (aclnnConvolution doc): use ALLOW_FP32_DOWN_PRECISION or USE_HF32 (HF32), or USE_FP16',
    );
  }
  return cannProfile([{ symbol, param: 'cubeMathType', value: cubeMathType }]);
}
