/**
 * Plans for pointwise aclnn operators: unary activations and math, binary arithmetic with
 * broadcasting and torch-style dtype promotion, tensor-scalar variants (aclScalar), the
 * `alpha` scaling of Add/Sub (out = self + alpha * other, torch semantics) and in-place forms.
 * The arithmetic itself is always the canonical operator, run by launchOp; operands of another
 * dtype are converted with Cast first, as the aclnn kernels do internally.
 */
import type { DType } from '../../runtime/dtype.js';
import { isFloatDType } from '../../runtime/dtype.js';
import type { RawAttributes } from '../../runtime/kernel.js';
import type { NumericProfile } from '../../runtime/numerics/numeric-profile.js';
import { Tensor } from '../../runtime/tensor.js';
import type { DeviceOperand } from '../sim/launch-op.js';
import type { AclScalar, AclTensor } from './acl-tensor.js';
import { broadcastOf, requireShape } from './aclnn-args.js';
import type { AclnnPlan, RunContext } from './aclnn-executor.js';
import { castTo, launch, operand } from './aclnn-launch.js';
import { promoteTypes, promoteWithScalar, requireCastable, requireOperatorDType, requireOperatorSupports } from './aclnn-plan.js';

/** A device operand converted to `dtype` when it differs (the original stays in the race checks). */
function inDType(run: RunContext, o: DeviceOperand, dtype: DType, profile: NumericProfile, reads: DeviceOperand[]): DeviceOperand | Tensor {
  if (o.view.dtype === dtype) return o;
  reads.push(o);
  return castTo(run, o.view, dtype, profile);
}

function scalarIn(s: AclScalar, dtype: DType): Tensor {
  return Tensor.fromNumbers([s.number], [], dtype);
}

export function unaryPlan(op: string, self: AclTensor, out: AclTensor, profile: NumericProfile, attributes: RawAttributes = {}): AclnnPlan {
  requireOperatorDType(op, self, 'self');
  requireShape(out, 'out', self.viewDims);
  requireCastable(self.dtype, out, 'out');
  return {
    workspaceSize: 0,
    uses: [self, out],
    run: (run) => {
      launch(run, { op, inputs: [operand(run, self)], attributes, outputs: [operand(run, out)], profile });
    },
  };
}

export interface BinaryOptions {
  /** out = self op (alpha * other) when alpha is given and not 1. */
  readonly alpha?: AclScalar;
  /** Always apply the alpha multiplication (the in-place Add binds Mul then Add). */
  readonly alwaysScale?: boolean;
  /** Integer operands are divided as floats (torch true division). */
  readonly trueDivide?: boolean;
}

export function binaryPlan(op: string, self: AclTensor, other: AclTensor | AclScalar, out: AclTensor, profile: NumericProfile, options: BinaryOptions = {}): AclnnPlan {
  const otherIsTensor = 'viewDims' in other;
  let compute = otherIsTensor ? promoteTypes(self.dtype, other.dtype) : promoteWithScalar(self.dtype, other.value.dtype);
  if (options.alpha && !isFloatDType(compute) && isFloatDType(options.alpha.value.dtype)) {
    compute = promoteWithScalar(compute, options.alpha.value.dtype);
  }
  if (options.trueDivide && !isFloatDType(compute)) compute = 'float32';
  const shape = otherIsTensor ? broadcastOf([self.viewDims, other.viewDims], `${op} of self and other`) : [...self.viewDims];
  requireShape(out, 'out', shape);
  requireCastable(compute, out, 'out');
  requireOperatorSupports(op, compute, 'the promoted type of self and other');
  const scale = options.alpha && (options.alwaysScale || options.alpha.number !== 1) ? options.alpha : undefined;
  return {
    workspaceSize: 0,
    uses: otherIsTensor ? [self, other, out] : [self, out],
    run: (run) => {
      const reads: DeviceOperand[] = [];
      const a = inDType(run, operand(run, self), compute, profile, reads);
      let b: DeviceOperand | Tensor = otherIsTensor ? inDType(run, operand(run, other), compute, profile, reads) : scalarIn(other, compute);
      if (scale) {
        b = launch(run, { op: 'Mul', inputs: [b, scalarIn(scale, compute)], outputs: [undefined], profile, reads }).results[0];
      }
      launch(run, { op, inputs: [a, b], outputs: [operand(run, out)], profile, reads });
    },
  };
}

export function castPlan(self: AclTensor, dtype: DType, out: AclTensor, profile: NumericProfile): AclnnPlan {
  requireOperatorDType('Cast', self, 'self');
  requireShape(out, 'out', self.viewDims);
  return {
    workspaceSize: 0,
    uses: [self, out],
    run: (run) => {
      launch(run, { op: 'Cast', inputs: [operand(run, self)], attributes: { to: dtype }, outputs: [operand(run, out)], profile });
    },
  };
}
