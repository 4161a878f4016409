/**
 * Rotary position embedding (ops-transformer): aclnnRotaryPositionEmbedding (mode 0 half /
 * rotate_half, mode 1 interleave) and aclnnApplyRotaryPosEmb (half mode, in place on query and
 * key). CANN takes cos and sin at full head size D, broadcast against x, and computes
 * y = x * cos + rotate(x) * sin. When cos and sin repeat each angle as standard RoPE tables do
 * (halves equal in mode 0, pairs equal in mode 1), that is exactly the canonical RotaryEmbedding
 * with R/2-wide caches, and it runs as that operator. Arbitrary tables (the vendor sample's
 * random data) have no RotaryEmbedding form; they run as the formula itself with canonical
 * Neg, Concat, Mul and Add. Modes 2 (quarter) and 3 (interleave-half) have no ONNX counterpart
 * and are not simulated.
 */
import type { NumericProfile } from '../../runtime/numerics/numeric-profile.js';
import { Tensor } from '../../runtime/tensor.js';
import type { DevicePtr } from '../sim/device-memory.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { DeviceOperand } from '../sim/launch-op.js';
import type { Ref } from '../sim/ref.js';
import type { aclrtStream } from './acl-stream.js';
import type { AclTensor } from './acl-tensor.js';
import { broadcastOf, FLOATS, requireDType, requireRank, requireSameDType, requireShape, tensorArg } from './aclnn-args.js';
import { execute, prepare, type AclnnPlan, type AclOpExecutor, type RunContext } from './aclnn-executor.js';
import { broadcastOperand, launch, operand, restrided } from './aclnn-launch.js';
import { cannProfile } from './aclnn-plan.js';
import type { aclnnStatus } from './constants.generated.js';

type WorkspaceSize = Ref<number>;
type Executor = Ref<AclOpExecutor>;

function validate(x: AclTensor, cos: AclTensor, sin: AclTensor, mode: number, out: AclTensor, xName: string): void {
  requireRank(x, xName, [3, 4]);
  requireDType(x, xName, FLOATS);
  requireSameDType(x, xName, cos, 'cos');
  requireSameDType(x, xName, sin, 'sin');
  requireSameDType(x, xName, out, 'out');
  if (![0, 1].includes(mode)) {
    throw new DeviceFault(mode === 2 || mode === 3 ? 'not-supported' : 'invalid-value', `mode ${mode}: only 0 (half) and 1 (interleave) are simulated on Atlas A2/A3 (modes 2 and 3 have no ONNX counterpart)`);
  }
  if (cos.viewDims.join() !== sin.viewDims.join()) throw new DeviceFault('invalid-value', `cos [${cos.viewDims.join(', ')}] and sin [${sin.viewDims.join(', ')}] must have the same shape`);
  const D = x.viewDims[x.rank - 1];
  if (D % 2 !== 0 || D >= 896) throw new DeviceFault('invalid-value', `the head size D = ${D} must be even and below 896`);
  if (cos.rank !== x.rank || cos.viewDims[cos.rank - 1] !== D) throw new DeviceFault('invalid-value', `cos [${cos.viewDims.join(', ')}] must have x's rank and D = ${D} last`);
  const shape = broadcastOf([x.viewDims, cos.viewDims], 'cos and sin against x');
  if (shape.join() !== x.viewDims.join()) throw new DeviceFault('invalid-value', `cos [${cos.viewDims.join(', ')}] does not broadcast to x [${x.viewDims.join(', ')}]`);
  requireShape(out, 'out', x.viewDims);
}

/** Views as 4-D: a 3-D (T, N, D) tensor gains a leading 1. */
function as4d(o: DeviceOperand): DeviceOperand {
  const v = o.view;
  return v.rank === 4 ? o : restrided(o, [1, ...v.shape], [0, ...v.strides]);
}

/** Whether every rotation pair of the table shares one angle value (halves or neighbours equal). */
function repeatsAngles(table: Tensor, interleaved: boolean): boolean {
  const D = table.shape[table.rank - 1];
  const values = table.contiguous().toFloat64();
  for (let base = 0; base < values.length; base += D) {
    for (let i = 0; i < D / 2; i++) {
      const a = interleaved ? values[base + 2 * i] : values[base + i];
      const b = interleaved ? values[base + 2 * i + 1] : values[base + i + D / 2];
      if (!Object.is(a, b)) return false;
    }
  }
  return true;
}

/** The RotaryEmbedding form: head axis = the last of axes 0..2 over which the tables are constant. */
function asRotaryEmbedding(run: RunContext, x: DeviceOperand, cos: DeviceOperand, sin: DeviceOperand, out: DeviceOperand, mode: number, profile: NumericProfile): boolean {
  const tableShape = cos.view.shape;
  const head = [2, 1, 0].find((a) => tableShape[a] === 1);
  if (head === undefined) return false;
  if (!repeatsAngles(cos.view, mode === 1) || !repeatsAngles(sin.view, mode === 1)) return false;
  const [a, b] = [0, 1, 2].filter((i) => i !== head);
  const perm = [a, head, b, 3];
  const shape = x.view.shape;
  const D = shape[3];
  const cache = (t: DeviceOperand): DeviceOperand => {
    const full = broadcastOperand(t, shape);
    const s = full.view.strides;
    const half = mode === 1 ? [s[a] ?? 0, s[b], 2 * s[3]] : [s[a], s[b], s[3]];
    return restrided(full, [shape[a], shape[b], D / 2], half);
  };
  const permuted = (o: DeviceOperand) => restrided(o, perm.map((p) => o.view.shape[p]), perm.map((p) => o.view.strides[p]));
  launch(run, {
    op: 'RotaryEmbedding',
    inputs: [permuted(x), cache(cos), cache(sin)],
    attributes: { interleaved: mode },
    outputs: [permuted(out)],
    profile,
  });
  return true;
}

/** y = x * cos + rotate(x) * sin with canonical operators, for any tables. */
function asFormula(run: RunContext, x: DeviceOperand, cos: DeviceOperand, sin: DeviceOperand, out: DeviceOperand, mode: number, profile: NumericProfile): void {
  const v = x.view;
  const lead = v.shape.slice(0, -1);
  const leadStrides = v.strides.slice(0, -1);
  const D = v.shape[v.rank - 1];
  const s = v.strides[v.rank - 1];
  let rotated: Tensor;
  if (mode === 0) {
    const first = restrided(x, [...lead, D / 2], [...leadStrides, s]);
    const second = new Tensor(v.storage, v.dtype, [...lead, D / 2], [...leadStrides, s], v.offset + (D / 2) * s);
    const negated = launch(run, { op: 'Neg', inputs: [second], outputs: [undefined], profile, reads: [x] }).results[0];
    rotated = launch(run, { op: 'Concat', inputs: [negated, first], attributes: { axis: -1 }, outputs: [undefined], profile }).results[0];
  } else {
    const even = restrided(x, [...lead, D / 2, 1], [...leadStrides, 2 * s, s]);
    const odd = new Tensor(v.storage, v.dtype, [...lead, D / 2, 1], [...leadStrides, 2 * s, s], v.offset + s);
    const negated = launch(run, { op: 'Neg', inputs: [odd], outputs: [undefined], profile, reads: [x] }).results[0];
    const pairs = launch(run, { op: 'Concat', inputs: [negated, even], attributes: { axis: -1 }, outputs: [undefined], profile }).results[0];
    rotated = pairs.reshape(v.shape);
  }
  const direct = launch(run, { op: 'Mul', inputs: [x, cos], outputs: [undefined], profile }).results[0];
  const turned = launch(run, { op: 'Mul', inputs: [rotated, sin], outputs: [undefined], profile }).results[0];
  launch(run, { op: 'Add', inputs: [direct, turned], outputs: [out], profile });
}

function rope(run: RunContext, x: AclTensor, cos: AclTensor, sin: AclTensor, mode: number, out: AclTensor, profile: NumericProfile): void {
  const xs = as4d(operand(run, x));
  const cs = as4d(operand(run, cos));
  const ss = as4d(operand(run, sin));
  const os = as4d(operand(run, out));
  if (!asRotaryEmbedding(run, xs, cs, ss, os, mode, profile)) asFormula(run, xs, cs, ss, os, mode, profile);
}

export function aclnnRotaryPositionEmbeddingGetWorkspaceSize(x: AclTensor, cos: AclTensor, sin: AclTensor, mode: number, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnRotaryPositionEmbeddingGetWorkspaceSize', workspaceSize, executor, (): AclnnPlan => {
    const input = tensorArg(x, 'x');
    const c = tensorArg(cos, 'cos');
    const s = tensorArg(sin, 'sin');
    const o = tensorArg(out, 'out');
    validate(input, c, s, mode, o, 'x');
    const profile = cannProfile();
    return { workspaceSize: 0, uses: [input, c, s, o], run: (run) => rope(run, input, c, s, mode, o, profile) };
  });
}
export function aclnnRotaryPositionEmbedding(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnRotaryPositionEmbedding', workspace, workspaceSize, executor, stream);
}

/**
 * Half-mode rotation of query and key in place. The integer layout codes were not transcribed:
 * the layout argument is checked to be an integer and the sequence / head axes are read from
 * how cos and sin broadcast, which is layout-independent for the computation.
 */
export function aclnnApplyRotaryPosEmbGetWorkspaceSize(queryRef: AclTensor, keyRef: AclTensor, cos: AclTensor, sin: AclTensor, layout: number, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnApplyRotaryPosEmbGetWorkspaceSize', workspaceSize, executor, (): AclnnPlan => {
    const q = tensorArg(queryRef, 'queryRef');
    const k = tensorArg(keyRef, 'keyRef');
    const c = tensorArg(cos, 'cos');
    const s = tensorArg(sin, 'sin');
    if (!Number.isInteger(layout)) throw new DeviceFault('invalid-value', `layout must be an integer code, got ${layout}`);
    validate(q, c, s, 0, q, 'queryRef');
    validate(k, c, s, 0, k, 'keyRef');
    const profile = cannProfile();
    return {
      workspaceSize: 0,
      uses: [q, k, c, s],
      run: (run) => {
        rope(run, q, c, s, 0, q, profile);
        rope(run, k, c, s, 0, k, profile);
      },
    };
  });
}
export function aclnnApplyRotaryPosEmb(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnApplyRotaryPosEmb', workspace, workspaceSize, executor, stream);
}
