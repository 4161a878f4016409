/**
 * The learned parameters of normalisation kernels (scale, bias, running statistics), read
 * in the layout each operator defines, with errors that name the tensor, both shapes and
 * the shape that would fit.
 */
import { OpError, formatShape } from '../../../errors.js';
import { shapeSize } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { readBroadcast } from './elementwise.js';

/**
 * `t` unidirectionally broadcast to `xShape` (LayerNormalization and RMSNormalization
 * scale / bias), decoded row-major. `normalizedShape` is suggested when it does not fit.
 */
export function readBroadcastParameter(
  op: string,
  t: Tensor,
  name: string,
  xShape: readonly number[],
  normalizedShape: readonly number[],
): Float64Array {
  const offset = xShape.length - t.rank;
  const fits = offset >= 0 && t.shape.every((d, i) => d === 1 || d === xShape[offset + i]);
  if (!fits) {
    throw new OpError(
      op,
      `input '${name}' has shape ${formatShape(t.shape)}, which does not broadcast to X's shape ${formatShape(xShape)}`,
      { fix: `give '${name}' the normalized shape ${formatShape(normalizedShape)} (or a shape broadcastable to X)` },
    );
  }
  return readBroadcast(t, xShape, op);
}

/** A per-channel parameter: a 1-D tensor of `channels` values (BatchNormalization, GroupNormalization). */
export function readChannelParameter(op: string, t: Tensor, name: string, channels: number, xShape: readonly number[]): Float64Array {
  if (t.rank !== 1 || t.shape[0] !== channels) {
    throw new OpError(
      op,
      `input '${name}' has shape ${formatShape(t.shape)}; X of shape ${formatShape(xShape)} has C = ${channels} channels, so '${name}' must have shape [${channels}]`,
    );
  }
  return t.toFloat64();
}

/** Shape of the per-lane statistics: X's shape with the normalised axes set to 1. */
export function reducedShape(xShape: readonly number[], axis: number): number[] {
  return xShape.map((d, i) => (i < axis ? d : 1));
}

/** Number of lanes and elements per lane when normalising the axes from `axis` on. */
export function laneLayout(xShape: readonly number[], axis: number): { lanes: number; laneSize: number } {
  return { lanes: shapeSize(xShape.slice(0, axis)), laneSize: shapeSize(xShape.slice(axis)) };
}
