/**
 * The `data_format` extension of Conv, MaxPool and AveragePool (not in ONNX): NCHW (default)
 * or NHWC, i.e. channels first or last for any number of spatial axes. Kernels compute in
 * channels-first order and convert at the boundary with views, so both layouts share every
 * line of arithmetic and NHWC results equal transposed NCHW results exactly.
 */
import type { AttributeReader } from '../../attribute-reader.js';
import type { Tensor } from '../../tensor.js';

export const DATA_FORMATS = ['NCHW', 'NHWC'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

export function readDataFormat(reader: AttributeReader): DataFormat {
  return reader.string('data_format', 'NCHW', DATA_FORMATS);
}

/** (N, D1..Dn, C) as a (N, C, D1..Dn) view; no copy. */
export function channelsFirstView(t: Tensor): Tensor {
  const rank = t.rank;
  return t.permute([0, rank - 1, ...Array.from({ length: rank - 2 }, (_, i) => i + 1)]);
}

/** (N, C, D1..Dn) as a (N, D1..Dn, C) view; no copy. */
export function channelsLastView(t: Tensor): Tensor {
  const rank = t.rank;
  return t.permute([0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2), 1]);
}
