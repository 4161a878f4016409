/**
 * Which traced operator calls may stand for the same mathematical value, for alignment:
 *
 * - an operator's class is its canonical id, except that a Gemm with alpha = 1 and no C
 *   (or beta = 0) is a plain matrix product and joins MatMul's class: its result is A'·B'
 *   exactly as MatMul's is (the transposes only say how the operands are stored);
 * - its family groups classes one fused vendor call may start or end with (MatMul and Gemm
 *   are the matrix family), used to accept a one-to-many match no value confirms.
 *
 * These only propose pairs. A pair is compared as the same value either because its golden
 * results agree, or because the in-order expansion model of a port holds (docs/verify.md).
 */
export interface OpCall {
  readonly op: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  /** Number of inputs traced (0 when inputs were not traced). */
  readonly inputCount: number;
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

/** A Gemm that computes a plain product (no alpha scaling, no C term). */
export function isPlainProduct(call: OpCall): boolean {
  if (call.op !== 'Gemm') return call.op === 'MatMul';
  const alpha = num(call.attributes.alpha, 1);
  const beta = num(call.attributes.beta, 1);
  const hasC = call.inputCount >= 3;
  return alpha === 1 && (!hasC || beta === 0);
}

export function opClass(call: OpCall): string {
  return isPlainProduct(call) ? 'MatMul' : call.op;
}

const FAMILIES: Readonly<Record<string, string>> = { MatMul: 'matrix', Gemm: 'matrix' };

export function opFamily(op: string): string {
  return FAMILIES[op] ?? op;
}
