/**
 * Pad (ONNX Pad-25). `pads` (int64) lists the begin counts then the end counts for each axis
 * in `axes` (int32/int64, default all axes); negative counts crop. Modes:
 * - constant: the stored value of `constant_value` (same dtype, default 0 / false);
 * - edge: the nearest edge element;
 * - reflect: mirrored about the edge element (not repeating it), at most dim-1 per side,
 *   with at least 2 elements left after cropping — the limits ONNX Runtime and PyTorch apply;
 * - wrap: the axis seen as a torus, for any pad size. (ONNX Runtime reads zeros when a wrap
 *   pad exceeds the axis length; the spec's torus has no such limit.)
 * Cropping happens before padding, as in ONNX Runtime. Stored elements are copied exactly.
 */
import { OpError, formatShape } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import type { Tensor } from '../tensor.js';
import { normalizeAxesOf, readIntegerVector } from './templates/axis-inputs.js';
import { requireInput } from './templates/elementwise.js';
import { FILL, outerIndex } from './templates/outer-index.js';
import { readStoredScalar, zeroOf } from './templates/stored-elements.js';

const PAD_MODES = ['constant', 'reflect', 'edge', 'wrap'] as const;
type PadMode = (typeof PAD_MODES)[number];

const modulo = (a: number, n: number): number => ((a % n) + n) % n;

/** Source coordinate of every output coordinate along one axis (FILL for the constant). */
function padTable(data: Tensor, axis: number, before: number, after: number, mode: PadMode): Int32Array {
  const n = data.shape[axis];
  const length = n + before + after;
  const where = `axis ${axis} of data ${formatShape(data.shape)}`;
  if (length < 0) throw new OpError('Pad', `pads ${before} and ${after} would give ${where} a negative size ${length}`);
  const table = new Int32Array(length);
  // The part of the axis that survives cropping: [low, high).
  const low = Math.max(0, -before);
  const high = n - Math.max(0, -after);
  const kept = high - low;
  const pads = before > 0 || after > 0;
  if (mode !== 'constant' && pads && kept < (mode === 'reflect' ? 2 : 1)) {
    throw new OpError('Pad', `${mode} padding needs at least ${mode === 'reflect' ? 2 : 1} element(s) of ${where} after cropping, found ${Math.max(kept, 0)}`);
  }
  if (mode === 'reflect' && (before > kept - 1 || after > kept - 1)) {
    throw new OpError('Pad', `reflect pads (${before}, ${after}) exceed the maximum ${kept - 1} per side for ${where} (${kept} elements after cropping)`, {
      fix: `use pads of at most ${kept - 1}, or 'edge' / 'wrap' mode`,
    });
  }
  for (let o = 0; o < length; o++) {
    const i = o - before;
    if (i >= low && i < high) table[o] = i;
    else if (mode === 'constant') table[o] = FILL;
    else if (mode === 'edge') table[o] = i < low ? low : high - 1;
    else if (mode === 'wrap') table[o] = low + modulo(i - low, kept);
    else {
      const period = 2 * (kept - 1);
      const j = modulo(i - low, period);
      table[o] = low + (j < kept ? j : period - j);
    }
  }
  return table;
}

export const Pad = defineKernel({
  name: 'Pad',
  inputs: { min: 2, max: 4 },
  parseAttributes: (raw) => {
    const reader = new AttributeReader('Pad', raw);
    const mode = reader.string<PadMode>('mode', 'constant', PAD_MODES);
    reader.done();
    return { mode };
  },
  run: (inputs, { mode }) => {
    const data = requireInput('Pad', inputs, 0, 'data');
    const pads = readIntegerVector('Pad', requireInput('Pad', inputs, 1, 'pads'), 'pads');
    const axesInput = inputs[3];
    const axes = axesInput
      ? normalizeAxesOf('Pad', readIntegerVector('Pad', axesInput, 'axes', { dtypes: ['int64', 'int32'] }), data.shape)
      : data.shape.map((_, i) => i);
    if (pads.length !== 2 * axes.length) {
      throw new OpError('Pad', `pads [${pads.join(', ')}] must hold ${2 * axes.length} values (begin and end for each of ${axes.length} axes of data ${formatShape(data.shape)})`);
    }
    const fill = inputs[2] ? readStoredScalar('Pad', inputs[2], 'constant_value', data.dtype) : zeroOf(data.dtype);
    const tables = data.shape.map((_, axis) => {
      const k = axes.indexOf(axis);
      return padTable(data, axis, k >= 0 ? pads[k] : 0, k >= 0 ? pads[k + axes.length] : 0, mode);
    });
    return [outerIndex(data, tables, fill)];
  },
});
