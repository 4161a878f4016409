/** Short labels shared by the text, Markdown and JUnit reporters. */
import type { DType } from '../runtime/dtype.js';
import type { CallRef, OpRow, ValueComparison } from './verify-report.js';

const DTYPE_SHORT: Readonly<Record<DType, string>> = {
  float64: 'f64',
  float32: 'f32',
  float16: 'f16',
  bfloat16: 'bf16',
  int64: 'i64',
  int32: 'i32',
  int16: 'i16',
  int8: 'i8',
  uint8: 'u8',
  bool: 'bool',
};

function join(calls: readonly CallRef[], pick: (c: CallRef) => string): string {
  return calls.length ? calls.map(pick).join('+') : '—';
}

/** "Gemm → MatMul", or "Softmax" when both sides are the same operator. */
export function opLabel(row: OpRow): string {
  const o = join(row.original, (c) => c.op);
  const p = join(row.ported, (c) => c.op);
  return o === p ? o : `${o} → ${p}`;
}

/** "refGemm → lowMatMul" (one symbol per vendor call: a fused call's records share theirs). */
export function symbolLabel(row: OpRow): string {
  const unique = (calls: readonly CallRef[]): string => (calls.length ? [...new Set(calls.map((c) => c.symbol))].join('+') : '—');
  return `${unique(row.original)} → ${unique(row.ported)}`;
}

export function shapeLabel(dtype: DType | null | undefined, shape: readonly number[] | null | undefined): string {
  if (!dtype || !shape) return '';
  return `${DTYPE_SHORT[dtype]}[${shape.join('×')}]`;
}

/** The compared value's dtype and shape (the port's), with the original's dtype when it differs. */
export function valueShapeLabel(c: ValueComparison | null, fallback?: CallRef): string {
  if (!c) return shapeLabel(fallback?.dtype, fallback?.shape);
  const main = shapeLabel(c.dtype, c.shape);
  return c.referenceDType !== c.dtype ? `${main} (orig ${DTYPE_SHORT[c.referenceDType]})` : main;
}
