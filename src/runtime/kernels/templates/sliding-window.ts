/**
 * Sliding-window geometry shared by Conv, MaxPool and AveragePool: the ONNX attributes
 * (kernel_shape, strides, dilations, pads, auto_pad, ceil_mode), the output spatial shape they
 * give, and a tap table saying which input element every kernel tap of every output position
 * reads. Written once so the three operators agree on every padding and rounding rule.
 */
import { OpError, formatShape } from '../../../errors.js';
import type { AttributeReader } from '../../attribute-reader.js';
import { shapeSize } from '../../shape.js';
import type { Tensor } from '../../tensor.js';

export const AUTO_PADS = ['NOTSET', 'SAME_UPPER', 'SAME_LOWER', 'VALID'] as const;
export type AutoPad = (typeof AUTO_PADS)[number];

export interface WindowAttributes {
  readonly autoPad: AutoPad;
  /** Absent: taken from the weights (Conv) — pools require it. */
  readonly kernelShape: readonly number[] | undefined;
  readonly strides: readonly number[] | undefined;
  readonly dilations: readonly number[] | undefined;
  /** ONNX order [x1_begin, x2_begin, ..., x1_end, x2_end, ...]. */
  readonly pads: readonly number[] | undefined;
  readonly ceilMode: boolean;
}

/** Reads the window attributes under their ONNX names (`ceil_mode` only where the op has it). */
export function readWindowAttributes(reader: AttributeReader, options: { readonly ceilMode: boolean }): WindowAttributes {
  return {
    autoPad: reader.string('auto_pad', 'NOTSET', AUTO_PADS),
    kernelShape: reader.ints('kernel_shape'),
    strides: reader.ints('strides'),
    dilations: reader.ints('dilations'),
    pads: reader.ints('pads'),
    ceilMode: options.ceilMode ? reader.bool('ceil_mode', false) : false,
  };
}

export interface WindowGeometry {
  readonly input: readonly number[];
  readonly kernel: readonly number[];
  readonly strides: readonly number[];
  readonly dilations: readonly number[];
  readonly padsBegin: readonly number[];
  readonly padsEnd: readonly number[];
  readonly output: readonly number[];
}

/**
 * Resolves strides, dilations and pads (explicit or auto_pad) and the output spatial shape:
 * - explicit pads: floor((in + pads - dk) / s) + 1, or ceil(...) + 1 with ceil_mode, where a
 *   last window that would start in the right padding is dropped (dk = (k - 1)·d + 1);
 * - VALID: no padding, floor((in - dk) / s) + 1 (the ONNX formulas for both ceil_mode values);
 * - SAME_UPPER / SAME_LOWER: ceil(in / s) outputs, total padding max(0, (out - 1)·s + dk - in)
 *   split evenly, the odd element at the end (UPPER) or the beginning (LOWER).
 */
export function windowGeometry(op: string, attrs: WindowAttributes, input: readonly number[], kernel: readonly number[]): WindowGeometry {
  const rank = input.length;
  const list = (name: string, value: readonly number[] | undefined, length: number, fallback: number, min: number): number[] => {
    if (value === undefined) return new Array<number>(length).fill(fallback);
    if (value.length !== length) {
      throw new OpError(op, `attribute '${name}' has ${value.length} values ${formatShape(value)}; expected ${length} for ${rank} spatial dimension${rank === 1 ? '' : 's'}`);
    }
    if (value.some((v) => v < min)) throw new OpError(op, `attribute '${name}' ${formatShape(value)} must be >= ${min}`);
    return [...value];
  };
  const strides = list('strides', attrs.strides, rank, 1, 1);
  const dilations = list('dilations', attrs.dilations, rank, 1, 1);
  const padsBegin = new Array<number>(rank).fill(0);
  const padsEnd = new Array<number>(rank).fill(0);
  const output = new Array<number>(rank).fill(0);
  if (attrs.pads !== undefined && attrs.autoPad !== 'NOTSET') {
    throw new OpError(op, `'pads' ${formatShape(attrs.pads)} cannot be combined with auto_pad='${attrs.autoPad}'`, {
      fix: "drop 'pads', or set auto_pad to 'NOTSET'",
    });
  }
  const pads = attrs.autoPad === 'NOTSET' ? list('pads', attrs.pads, 2 * rank, 0, 0) : undefined;
  for (let i = 0; i < rank; i++) {
    const extent = (kernel[i] - 1) * dilations[i] + 1;
    const s = strides[i];
    let out: number;
    if (pads) {
      padsBegin[i] = pads[i];
      padsEnd[i] = pads[i + rank];
      const span = input[i] + padsBegin[i] + padsEnd[i] - extent;
      out = (attrs.ceilMode ? Math.ceil(span / s) : Math.floor(span / s)) + 1;
      if (attrs.ceilMode && out > 0 && (out - 1) * s >= input[i] + padsBegin[i]) out--;
    } else if (attrs.autoPad === 'VALID') {
      out = Math.floor((input[i] - extent) / s) + 1;
    } else {
      out = Math.ceil(input[i] / s);
      const total = Math.max(0, (out - 1) * s + extent - input[i]);
      const half = Math.floor(total / 2);
      padsBegin[i] = attrs.autoPad === 'SAME_UPPER' ? half : total - half;
      padsEnd[i] = total - padsBegin[i];
    }
    if (out < 0) {
      throw new OpError(
        op,
        `kernel extent ${extent} (kernel ${kernel[i]}, dilation ${dilations[i]}) exceeds the padded input ` +
          `${input[i] + padsBegin[i] + padsEnd[i]} along spatial axis ${i} of input spatial shape ${formatShape(input)}`,
      );
    }
    output[i] = Math.max(0, out);
  }
  return { input: [...input], kernel: [...kernel], strides, dilations, padsBegin, padsEnd, output };
}

/**
 * Validates a pooling input (rank >= 3, one kernel size per spatial axis, only N or C empty)
 * and resolves its window geometry.
 */
export function poolWindowGeometry(op: string, x: Tensor, window: WindowAttributes): WindowGeometry {
  const kernel = window.kernelShape ?? [];
  if (x.rank < 3) throw new OpError(op, `X ${formatShape(x.shape)} must have rank >= 3 (N, C and at least one spatial axis)`);
  const spatial = x.shape.slice(2);
  if (kernel.length !== spatial.length || kernel.some((k) => k < 1)) {
    throw new OpError(op, `kernel_shape ${formatShape(kernel)} must hold one positive size per spatial axis of X ${formatShape(x.shape)}`);
  }
  if (spatial.some((d) => d === 0)) {
    throw new OpError(op, `X ${formatShape(x.shape)} has an empty spatial axis; only N or C may be 0`);
  }
  const g = windowGeometry(op, window, spatial, kernel);
  requirePadsInsideKernel(op, g);
  return g;
}

/** A window with dilation can skip every input element; there is no maximum or mean to take. */
export function emptyWindowError(op: string, g: WindowGeometry, position: number): OpError {
  return new OpError(
    op,
    `the window of output position ${position} reads no input element (input ${formatShape(g.input)}, kernel ${formatShape(g.kernel)}, ` +
      `dilations ${formatShape(g.dilations)}, pads ${formatShape([...g.padsBegin, ...g.padsEnd])})`,
    { fix: 'reduce the padding or the dilation' },
  );
}

/** Pools reject padding as wide as the kernel: such windows could lie entirely in padding. */
function requirePadsInsideKernel(op: string, g: WindowGeometry): void {
  g.kernel.forEach((k, i) => {
    const extent = (k - 1) * g.dilations[i] + 1;
    if (g.padsBegin[i] >= extent || g.padsEnd[i] >= extent) {
      throw new OpError(
        op,
        `pads (${g.padsBegin[i]}, ${g.padsEnd[i]}) along spatial axis ${i} must be smaller than the kernel extent ${extent}`,
      );
    }
  });
}

/**
 * For kernel tap t (row-major over the kernel) and output position o (row-major over the
 * output), entry t·L + o is the row-major index into the input's spatial block of the element
 * read, or -1 where the tap falls into padding or past the input.
 */
export function tapTable(g: WindowGeometry): Int32Array {
  const rank = g.input.length;
  const taps = shapeSize(g.kernel);
  const positions = shapeSize(g.output);
  const table = new Int32Array(taps * positions);
  // Per axis: the input coordinate of tap t at output o, or -1.
  const axisCoordinates = g.input.map((size, i) => {
    const coords = new Int32Array(g.kernel[i] * g.output[i]);
    for (let t = 0; t < g.kernel[i]; t++) {
      for (let o = 0; o < g.output[i]; o++) {
        const x = o * g.strides[i] - g.padsBegin[i] + t * g.dilations[i];
        coords[t * g.output[i] + o] = x >= 0 && x < size ? x : -1;
      }
    }
    return coords;
  });
  const tap = new Array<number>(rank).fill(0);
  const out = new Array<number>(rank).fill(0);
  for (let t = 0; t < taps; t++) {
    out.fill(0);
    for (let o = 0; o < positions; o++) {
      let index = 0;
      for (let i = 0; i < rank; i++) {
        const x = axisCoordinates[i][tap[i] * g.output[i] + out[i]];
        if (x < 0) {
          index = -1;
          break;
        }
        index = index * g.input[i] + x;
      }
      table[t * positions + o] = index;
      increment(out, g.output);
    }
    increment(tap, g.kernel);
  }
  return table;
}

/**
 * Per output position, how many kernel taps lie inside the padded input [-pad_begin,
 * in + pad_end) — AveragePool's divisor with count_include_pad (ceil_mode windows that run past
 * the end padding do not count the overhang).
 */
export function paddedTapCounts(g: WindowGeometry): Float64Array {
  const rank = g.input.length;
  const perAxis = g.input.map((size, i) => {
    const counts = new Float64Array(g.output[i]);
    for (let o = 0; o < g.output[i]; o++) {
      let count = 0;
      for (let t = 0; t < g.kernel[i]; t++) {
        const x = o * g.strides[i] - g.padsBegin[i] + t * g.dilations[i];
        if (x >= -g.padsBegin[i] && x < size + g.padsEnd[i]) count++;
      }
      counts[o] = count;
    }
    return counts;
  });
  const positions = shapeSize(g.output);
  const result = new Float64Array(positions);
  const out = new Array<number>(rank).fill(0);
  for (let o = 0; o < positions; o++) {
    let count = 1;
    for (let i = 0; i < rank; i++) count *= perAxis[i][out[i]];
    result[o] = count;
    increment(out, g.output);
  }
  return result;
}

/** Advances a row-major multi-index (last axis fastest). */
function increment(index: number[], shape: readonly number[]): void {
  for (let i = index.length - 1; i >= 0; i--) {
    if (++index[i] < shape[i]) return;
    index[i] = 0;
  }
}
