/**
 * XDNN fully connected layers on the canonical Gemm:
 *
 *   fc_fusion:  y = act(alpha·op(x)·op(w) + beta·y + bias)      (one Gemm)
 *   fc_batched: y_b = alpha·op(x_b)·op(w_b) + beta·y_b           (one Gemm per batch)
 *
 * Row-major with explicit leading dimensions (x is m×k, or k×m when x_trans; w is k×n, or
 * n×k when w_trans), read as strided views over device memory. The GEMM compute type is the
 * TGEMM template argument, applied through the catalog knob (profiles/kunlun.yaml): int16_t
 * quantises each operand to int16 with one abs-max scale per tensor.
 *
 * Max pointers (inferred; the quantisation scheme is not documented): with nullptr the scale
 * comes from the operand's own abs-max, which the runtime's quantiser computes; a given
 * x_maxptr / w_maxptr fixes the scale to that value. The facade does so without touching the
 * math: it appends k-slots holding the given maximum to op(x) (and zeros to op(w), or the
 * other way round), which makes the quantiser's per-tensor abs-max equal the given value and
 * adds exact zeros to every product. A maximum below the operand's real abs-max (the
 * hardware would saturate) is reported, and the real abs-max is used. y_maxptr receives
 * max|y| in its first float. fc_batched uses one maximum per operand across the batch (one
 * pointer per tensor), computed by the facade when the pointer is null.
 *
 * fc_fusion<float, int16_t, float, int16_t> (TW = int16_t) takes weights quantised ahead of
 * time with w_maxptr holding their maximum (Paddle-Lite's int16 path): they are dequantised by
 * glue operators and re-quantised exactly by the forced maximum.
 */
import type { DType } from '../../../runtime/dtype.js';
import { isQuantisedFormat } from '../../../runtime/kernels/templates/matrix-product.js';
import { Tensor } from '../../../runtime/tensor.js';
import { DeviceFault } from '../../sim/device-fault.js';
import type { DevicePtr } from '../../sim/device-memory.js';
import type { DeviceOperand } from '../../sim/launch-op.js';
import { loadCatalog } from '../../../catalog/load-catalog.js';
import type { Error_t, act_enum } from '../constants.generated.js';
import { KUNLUN } from '../kunlun-catalog.js';
import { activationStep, absMax, applyActivation, maxInput, maxOutput } from './activation.js';
import type { Activation_t, Context } from './context.js';
import { elementDType, templateTypes } from './template-args.js';
import { beginOp, deviceOperand, glue, launch, optionalOperand, requireCount, xdnnCall, type XdnnOp } from './xdnn-call.js';

const FC_FUSION = 'xpu::fc_fusion';
const FC_BATCHED = 'xpu::fc_batched';

/** TGEMM values the catalog knob lists for `symbol`. */
function gemmComputeTypes(symbol: string): string[] {
  const knob = loadCatalog()
    .knobsFor(KUNLUN, symbol)
    .find((k) => k.spec.param === 'TGEMM');
  return (knob?.spec.values ?? []).map((v) => String(v.value ?? v.member));
}

/** The fc_fusion entry's `unsupported` list: element type / TGEMM pairs Paddle declares unsupported. */
const UNSUPPORTED_FC_FUSION_TGEMM: Partial<Record<DType, readonly string[]>> = {
  bfloat16: ['int16_t', 'int32_t', 'int_with_ll_t', 'float16'],
  float16: ['int32_t', 'tfloat32'],
};

interface FcTypes {
  readonly dtype: DType;
  /** TX, or int16 for fc_fusion's weights quantised ahead of time. */
  readonly weightType: DType;
  readonly tgemm: string;
}

function fcTypes(symbol: string, templateArgs: unknown): FcTypes {
  const [TX, TW, TY, TGEMM] = templateTypes(symbol, templateArgs);
  const tx = elementDType(symbol, TX, 'TX');
  const ty = elementDType(symbol, TY, 'TY');
  const prequantised = symbol === FC_FUSION && TW === 'int16_t';
  const tw = prequantised ? 'int16' : elementDType(symbol, TW, 'TW');
  if ((tx !== tw && !prequantised) || tx !== ty) {
    throw new DeviceFault(
      'not-supported',
      `${symbol}<${TX}, ${TW}, ${TY}, ${TGEMM}>: mixed element types are not simulated (use TX = TW = TY${symbol === FC_FUSION ? ', or TW = int16_t for pre-quantised weights' : ''})`,
    );
  }
  const computeTypes = gemmComputeTypes(symbol);
  if (!computeTypes.includes(TGEMM)) {
    throw new DeviceFault('invalid-value', `${symbol}: TGEMM = '${TGEMM}' is not a GEMM compute type (${computeTypes.join(', ')})`);
  }
  if (symbol === FC_FUSION && UNSUPPORTED_FC_FUSION_TGEMM[tx]?.includes(TGEMM)) {
    throw new DeviceFault('not-supported', `${symbol}: TX = ${TX} with TGEMM = ${TGEMM} is not supported (Paddle declares this combination unsupported)`);
  }
  return { dtype: tx, weightType: tw, tgemm: TGEMM };
}

/** int16 quantisation levels: a pre-quantised weight q stands for q · w_max / 32767 (inferred, as for on-the-fly int16). */
const INT16_LEVELS = 32767;

/**
 * Pre-quantised int16 weights as real values (q · w_max / 32767, by glue operators) and the
 * maximum to force so that int16 GEMM re-quantisation recovers q exactly.
 */
function dequantisedWeights(op: XdnnOp, w: DeviceOperand, wMax: { value: number } | undefined, dtype: DType): { values: Tensor; max: ForcedMax } {
  if (!wMax) {
    throw new DeviceFault('invalid-value', 'TW = int16_t (pre-quantised weights) needs w_maxptr: the weights mean nothing without their maximum');
  }
  const [real] = glue(op, 'Cast', [w.view], { to: dtype });
  const [values] = glue(op, 'Mul', [real, Tensor.fromNumbers([wMax.value / INT16_LEVELS], [], dtype)]);
  // An ulp of rounding may lift max|q·s| above w_max; forcing the larger keeps every q exact.
  return { values, max: { value: Math.max(wMax.value, absMax(op, values).toFloat64()[0]) } };
}

/** Rows and columns of a row-major operand stored `trans`posed or not. */
function storedShape(trans: boolean, rows: number, cols: number): [number, number] {
  return trans ? [cols, rows] : [rows, cols];
}

function requireLeadingDimension(ld: unknown, name: string, rowLength: number, operand: string): number {
  const value = requireCount(ld, name);
  if (value < rowLength) {
    throw new DeviceFault('invalid-value', `${name} = ${value} is smaller than the row length ${rowLength} of ${operand} (row-major: ${name} >= columns as stored)`);
  }
  return value;
}

function reportUnderstatedMax(op: XdnnOp, name: string, given: number, actual: number): void {
  op.process.diagnostics.add({
    id: 'OB2013',
    message:
      `${name} holds ${given} but the operand's largest magnitude is ${actual}: XDNN would quantise with the given maximum ` +
      `and saturate larger values (undocumented); the simulation quantises with ${actual}. Refresh the max buffer (xpu::findmax) or pass nullptr`,
    backend: KUNLUN,
    symbol: op.call.symbol,
    site: op.call.site,
    rank: op.process.rank,
  });
}

/** One quantisation maximum to force on an operand: the value and where it came from. */
interface ForcedMax {
  readonly value: number;
}

/**
 * `view` with extra slices appended along `kAxis`, each zero except the first element, which
 * holds the marker (0 for a pure padding slice). Appending along k adds exact zero products.
 */
function withKSlots(op: XdnnOp, view: Tensor, kAxis: 0 | 1, markers: readonly number[]): Tensor {
  if (markers.length === 0) return view;
  const other = view.shape[1 - kAxis];
  const shape = kAxis === 0 ? [markers.length, other] : [other, markers.length];
  const values = new Float64Array(markers.length * other);
  markers.forEach((marker, slot) => {
    values[kAxis === 0 ? slot * other : slot] = marker;
  });
  return glue(op, 'Concat', [view, Tensor.fromNumbers(values, shape, view.dtype)], { axis: kAxis })[0];
}

interface GemmOperands {
  readonly a: DeviceOperand | Tensor;
  readonly b: DeviceOperand | Tensor;
}

/** op(x), op(w) for the Gemm: the device views, or copies with k-slots fixing the quantisation maxima. */
function gemmOperands(
  op: XdnnOp,
  x: DeviceOperand | Tensor,
  w: DeviceOperand | Tensor,
  xTrans: boolean,
  wTrans: boolean,
  xMax: ForcedMax | undefined,
  wMax: ForcedMax | undefined,
): GemmOperands {
  const xView = x instanceof Tensor ? x : x.view;
  const wView = w instanceof Tensor ? w : w.view;
  if ((!xMax && !wMax) || xView.size === 0 || wView.size === 0) return { a: x, b: w };
  const slots: ('x' | 'w')[] = [...(xMax ? ['x' as const] : []), ...(wMax ? ['w' as const] : [])];
  const a = withKSlots(op, xView, xTrans ? 0 : 1, slots.map((s) => (s === 'x' ? xMax!.value : 0)));
  const b = withKSlots(op, wView, wTrans ? 1 : 0, slots.map((s) => (s === 'w' ? wMax!.value : 0)));
  return { a, b };
}

/** The maximum to force for an operand: the given one (checked), or undefined to let the quantiser find it. */
function givenMax(op: XdnnOp, given: { value: number } | undefined, operand: Tensor, name: string): ForcedMax | undefined {
  if (!given) return undefined;
  const actual = absMax(op, operand).toFloat64()[0];
  if (actual > given.value) reportUnderstatedMax(op, name, given.value, actual);
  return { value: Math.max(given.value, actual) };
}

/** Whether this call's GEMM quantises its operands (never in golden mode, which is float64). */
function isQuantised(op: XdnnOp): boolean {
  return op.process.mode !== 'golden' && isQuantisedFormat(op.profile.matmul);
}

export function fc_fusion(
  templateArgs: readonly string[],
  ctx: Context,
  x: DevicePtr,
  w: DevicePtr,
  y: DevicePtr,
  m: number,
  n: number,
  k: number,
  x_trans: boolean,
  w_trans: boolean,
  x_maxptr: DevicePtr | null,
  w_maxptr: DevicePtr | null,
  y_maxptr: DevicePtr | null,
  ldx: number,
  ldw: number,
  ldy: number,
  alpha: number,
  beta: number,
  bias: DevicePtr | null,
  act: Activation_t | act_enum,
): Error_t {
  return xdnnCall(FC_FUSION, (call) => {
    const { dtype, weightType, tgemm } = fcTypes(FC_FUSION, templateArgs);
    const op = beginOp(call, ctx, [{ symbol: FC_FUSION, param: 'TGEMM', value: tgemm }]);
    const [M, N, K] = [requireCount(m, 'm'), requireCount(n, 'n'), requireCount(k, 'k')];
    const xShape = storedShape(Boolean(x_trans), M, K);
    const wShape = storedShape(Boolean(w_trans), K, N);
    const xs = deviceOperand(op, x, 'x', dtype, xShape, [requireLeadingDimension(ldx, 'ldx', xShape[1], 'x'), 1]);
    const wStored = deviceOperand(op, w, 'w', weightType, wShape, [requireLeadingDimension(ldw, 'ldw', wShape[1], 'w'), 1]);
    const ys = deviceOperand(op, y, 'y', dtype, [M, N], [requireLeadingDimension(ldy, 'ldy', N, 'y'), 1]);
    const biasOperand = optionalOperand(op, bias, 'bias', 'float32', [N]);
    const epilogue = activationStep(act);
    const xMaxIn = maxInput(op, x_maxptr, 'x_maxptr');
    const wMaxIn = maxInput(op, w_maxptr, 'w_maxptr');
    const yMax = maxOutput(op, y_maxptr, 'y_maxptr');

    const quantised = isQuantised(op);
    const prequantised = weightType !== dtype ? dequantisedWeights(op, wStored, wMaxIn, dtype) : undefined;
    const { a, b } = gemmOperands(
      op,
      xs,
      prequantised ? prequantised.values : wStored,
      Boolean(x_trans),
      Boolean(w_trans),
      quantised ? givenMax(op, xMaxIn, xs.view, 'x_maxptr') : undefined,
      quantised ? (prequantised?.max ?? givenMax(op, wMaxIn, wStored.view, 'w_maxptr')) : undefined,
    );
    // The float32 bias joins the Gemm as C when beta = 0 (a fused epilogue), else it is added after.
    const biasTensor = biasOperand ? (dtype === 'float32' ? biasOperand.view : glue(op, 'Cast', [biasOperand.view], { to: dtype })[0]) : undefined;
    const blendY = beta !== 0;
    const c = blendY ? ys : biasTensor;
    const reads = [xs, wStored, xMaxIn?.operand, wMaxIn?.operand, biasOperand].filter((r): r is DeviceOperand => r !== undefined);
    launch(
      op,
      'Gemm',
      [a, b, c],
      { alpha, beta: blendY ? beta : 1, transA: x_trans ? 1 : 0, transB: w_trans ? 1 : 0 },
      [ys, yMax],
      {
        reads,
        flops: 2 * M * N * K,
        finish: ([result]) => {
          const biased = blendY && biasTensor ? glue(op, 'Add', [result, biasTensor])[0] : result;
          const out = applyActivation(op, epilogue, biased);
          return yMax ? [out, absMax(op, out)] : [out];
        },
      },
    );
  });
}

export function fc_batched(
  templateArgs: readonly string[],
  ctx: Context,
  bs: number,
  x_trans: boolean,
  w_trans: boolean,
  m: number,
  n: number,
  k: number,
  alpha: number,
  x: DevicePtr,
  stride_x: number,
  w: DevicePtr,
  stride_w: number,
  beta: number,
  y: DevicePtr,
  stride_y: number,
  x_maxptr: DevicePtr | null = null,
  w_maxptr: DevicePtr | null = null,
): Error_t {
  return xdnnCall(FC_BATCHED, (call) => {
    const { dtype, tgemm } = fcTypes(FC_BATCHED, templateArgs);
    const op = beginOp(call, ctx, [{ symbol: FC_BATCHED, param: 'TGEMM', value: tgemm }]);
    const [B, M, N, K] = [requireCount(bs, 'bs'), requireCount(m, 'm'), requireCount(n, 'n'), requireCount(k, 'k')];
    const xShape = storedShape(Boolean(x_trans), M, K);
    const wShape = storedShape(Boolean(w_trans), K, N);
    const sx = batchStride(stride_x, 'stride_x', M * K);
    const sw = batchStride(stride_w, 'stride_w', K * N);
    const sy = batchStride(stride_y, 'stride_y', M * N);
    // Whole batched operands, bounds-checked at once and used for the per-tensor maxima.
    const xAll = deviceOperand(op, x, 'x', dtype, [B, ...xShape], [sx, xShape[1], 1]);
    const wAll = deviceOperand(op, w, 'w', dtype, [B, ...wShape], [sw, wShape[1], 1]);
    const yAll = deviceOperand(op, y, 'y', dtype, [B, M, N], [sy, N, 1]);
    const xMaxIn = maxInput(op, x_maxptr, 'x_maxptr');
    const wMaxIn = maxInput(op, w_maxptr, 'w_maxptr');
    const quantised = isQuantised(op) && B > 0;
    const xMax = quantised ? (givenMax(op, xMaxIn, xAll.view, 'x_maxptr') ?? { value: absMax(op, xAll.view).toFloat64()[0] }) : undefined;
    const wMax = quantised ? (givenMax(op, wMaxIn, wAll.view, 'w_maxptr') ?? { value: absMax(op, wAll.view).toFloat64()[0] }) : undefined;
    const item = xAll.view.itemSize;
    const maxReads = [xMaxIn?.operand, wMaxIn?.operand].filter((r): r is DeviceOperand => r !== undefined);
    for (let batch = 0; batch < B; batch++) {
      const xs = deviceOperand(op, xAll.ptr.plus(batch * sx * item), 'x', dtype, xShape);
      const ws = deviceOperand(op, wAll.ptr.plus(batch * sw * item), 'w', dtype, wShape);
      const ys = deviceOperand(op, yAll.ptr.plus(batch * sy * item), 'y', dtype, [M, N]);
      const { a, b } = gemmOperands(op, xs, ws, Boolean(x_trans), Boolean(w_trans), xMax, wMax);
      launch(
        op,
        'Gemm',
        [a, b, beta !== 0 ? ys : undefined],
        { alpha, beta, transA: x_trans ? 1 : 0, transB: w_trans ? 1 : 0 },
        [ys],
        { reads: [xs, ws, ...maxReads], flops: 2 * M * N * K },
      );
    }
  });
}

/** A batch stride: packed matrices that do not overlap; 0 (broadcasting) is not supported. */
function batchStride(value: unknown, name: string, matrixSize: number): number {
  const stride = requireCount(value, name);
  if (stride === 0 && matrixSize > 0) {
    throw new DeviceFault('not-supported', `${name} = 0 (one matrix broadcast over the batch) is not supported by fc_batched; expand it first (Paddle uses xpu::broadcast)`);
  }
  if (stride < matrixSize) {
    throw new DeviceFault('invalid-value', `${name} = ${stride} is smaller than one packed matrix (${matrixSize} elements): batches would overlap`);
  }
  return stride;
}
