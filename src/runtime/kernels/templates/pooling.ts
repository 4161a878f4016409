/**
 * What MaxPool and AveragePool share: their window and `data_format` attributes, and the
 * channels-first plan of one call (X as N·C planes, the window geometry and its tap table).
 * Each pool then only says what it does with the input elements of one window.
 */
import { OpError } from '../../../errors.js';
import type { AttributeReader } from '../../attribute-reader.js';
import { shapeSize } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { channelsFirstView, channelsLastView, readDataFormat, type DataFormat } from './channels-last.js';
import { poolWindowGeometry, readWindowAttributes, tapTable, type WindowAttributes, type WindowGeometry } from './sliding-window.js';

export interface PoolAttributes {
  readonly window: WindowAttributes;
  readonly dataFormat: DataFormat;
}

/** The window attributes (with ceil_mode; kernel_shape required) and data_format of a pool. */
export function readPoolAttributes(op: string, reader: AttributeReader): PoolAttributes {
  const window = readWindowAttributes(reader, { ceilMode: true });
  const dataFormat = readDataFormat(reader);
  if (!window.kernelShape) throw new OpError(op, "attribute 'kernel_shape' is required");
  return { window, dataFormat };
}

export interface PoolPlan {
  readonly nhwc: boolean;
  readonly geometry: WindowGeometry;
  readonly batch: number;
  readonly channels: number;
  /** N·C: every (sample, channel) plane is pooled on its own. */
  readonly planes: number;
  /** Elements of one input plane, and output positions of one output plane. */
  readonly inputSize: number;
  readonly positions: number;
  readonly taps: number;
  /** X decoded channels-first, row-major: plane p starts at p·inputSize. */
  readonly values: Float64Array;
  /** Entry t·positions + o: the input element tap t of output o reads, -1 in padding (`tapTable`). */
  readonly table: Int32Array;
}

/** Validates a pool's input X (either data format) and lays out the call channels-first. */
export function planPool(op: string, xIn: Tensor, attributes: PoolAttributes): PoolPlan {
  const nhwc = attributes.dataFormat === 'NHWC';
  const x = nhwc && xIn.rank >= 3 ? channelsFirstView(xIn) : xIn;
  const geometry = poolWindowGeometry(op, x, attributes.window);
  const [batch, channels] = x.shape;
  return {
    nhwc,
    geometry,
    batch,
    channels,
    planes: batch * channels,
    inputSize: shapeSize(geometry.input),
    positions: shapeSize(geometry.output),
    taps: shapeSize(geometry.kernel),
    values: x.toFloat64(),
    table: tapTable(geometry),
  };
}

/** The (N, C, out...) shape of a pool's channels-first results. */
export function poolOutputShape(plan: PoolPlan): number[] {
  return [plan.batch, plan.channels, ...plan.geometry.output];
}

/** A channels-first result in the call's data format. */
export function inDataFormat(plan: PoolPlan, t: Tensor): Tensor {
  return plan.nhwc ? channelsLastView(t).contiguous() : t;
}
