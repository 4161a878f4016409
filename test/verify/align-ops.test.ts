import { describe, expect, it } from 'vitest';
import { alignOps, type AlignItem, type AlignedUnit } from '../../src/verify/align-ops.js';
import { opClass, opFamily } from '../../src/verify/op-equivalence.js';

/** An aligned call: operator, output shape and the golden "value" (equal values agree). */
interface Call {
  readonly op: string;
  readonly shape?: string;
  readonly value: string;
  readonly attributes?: Record<string, unknown>;
  readonly inputs?: number;
}

function item(c: Call): AlignItem {
  return { cls: opClass({ op: c.op, attributes: c.attributes ?? {}, inputCount: c.inputs ?? 2 }), family: opFamily(c.op), shape: c.shape ?? '4x4' };
}

function align(original: Call[], ported: Call[], maxCells?: number): AlignedUnit[] {
  return alignOps(original.map(item), ported.map(item), { agree: (i, j) => original[i].value === ported[j].value, maxCells });
}

function summary(units: AlignedUnit[]): string[] {
  return units.map((u) => `${u.kind}${u.confirmed ? '' : '?'} ${u.original.join(',')}>${u.ported.join(',')}`);
}

describe('op equivalence', () => {
  it('puts a Gemm with alpha 1 and no C (or beta 0) in MatMul class, others stay Gemm', () => {
    expect(opClass({ op: 'Gemm', attributes: { alpha: 1, beta: 0 }, inputCount: 3 })).toBe('MatMul');
    expect(opClass({ op: 'Gemm', attributes: { transA: 1 }, inputCount: 2 })).toBe('MatMul');
    expect(opClass({ op: 'Gemm', attributes: {}, inputCount: 3 })).toBe('Gemm');
    expect(opClass({ op: 'Gemm', attributes: { alpha: 2 }, inputCount: 2 })).toBe('Gemm');
    expect(opFamily('Gemm')).toBe(opFamily('MatMul'));
  });
});

describe('alignOps', () => {
  it('matches identical call sequences one to one, value-confirmed', () => {
    const calls: Call[] = [{ op: 'MatMul', value: 'a' }, { op: 'Add', value: 'b' }, { op: 'Softmax', value: 'c' }];
    expect(summary(align(calls, calls))).toEqual(['match 0>0', 'match 1>1', 'match 2>2']);
  });

  it('matches MatMul with a Gemm of beta 0', () => {
    const o: Call[] = [{ op: 'Gemm', value: 'p', attributes: { beta: 0 }, inputs: 3 }];
    expect(summary(align(o, [{ op: 'MatMul', value: 'p' }]))).toEqual(['match 0>0']);
    // Even when the values disagree (a bug), the two are paired structurally and then compared.
    expect(summary(align(o, [{ op: 'MatMul', value: 'q' }]))).toEqual(['match? 0>0']);
  });

  it('matches one fused call with the several calls it became (Gemm+bias+GELU ⇔ MatMul, Add, Gelu)', () => {
    const o: Call[] = [{ op: 'Add', value: 'x' }, { op: 'Gemm', value: 'g', inputs: 3 }, { op: 'Softmax', value: 's' }];
    const p: Call[] = [{ op: 'Add', value: 'x' }, { op: 'MatMul', value: 'm' }, { op: 'Add', value: 'mb' }, { op: 'Gelu', value: 'g' }, { op: 'Softmax', value: 's' }];
    expect(summary(align(o, p))).toEqual(['match 0>0', 'fused 1>1,2,3', 'match 2>4']);
    // And the other way round: several original calls fused into one ported call.
    expect(summary(align(p, o))).toEqual(['match 0>0', 'fused 1,2,3>1', 'match 4>2']);
  });

  it('prefers the finest value-confirmed matching ([Gemm, Gelu] ⇔ [MatMul, Add, Gelu])', () => {
    const o: Call[] = [{ op: 'Gemm', value: 'mb', inputs: 3 }, { op: 'Gelu', value: 'g' }];
    const p: Call[] = [{ op: 'MatMul', value: 'm' }, { op: 'Add', value: 'mb' }, { op: 'Gelu', value: 'g' }];
    expect(summary(align(o, p))).toEqual(['fused 0>0,1', 'match 1>2']);
  });

  it('keeps a fused unit when a bug makes the values disagree, if the families say so', () => {
    const o: Call[] = [{ op: 'Gemm', value: 'mb', inputs: 3 }, { op: 'Gelu', value: 'g' }];
    const p: Call[] = [{ op: 'MatMul', value: 'm' }, { op: 'Add', value: 'WRONG' }, { op: 'Gelu', value: 'WRONG2' }];
    expect(summary(align(o, p))).toEqual(['fused? 0>0,1', 'match? 1>2']);
  });

  it('reports a call missing on one side as unmatched, placed where it would have run', () => {
    const o: Call[] = [{ op: 'MatMul', value: 'a' }, { op: 'Gelu', value: 'b' }, { op: 'Softmax', value: 'c' }];
    const p: Call[] = [{ op: 'MatMul', value: 'a' }, { op: 'Softmax', value: 'c2' }];
    expect(summary(align(o, p))).toEqual(['match 0>0', 'unmatched? 1>', 'match? 2>1']);
    expect(summary(align(p, o))).toEqual(['match 0>0', 'unmatched? >1', 'match? 1>2']);
  });

  it('pairs calls the port reordered when their golden values agree', () => {
    const o: Call[] = [{ op: 'Add', value: 'a' }, { op: 'Add', value: 'b' }, { op: 'Relu', value: 'c' }];
    const p: Call[] = [{ op: 'Add', value: 'b' }, { op: 'Add', value: 'a' }, { op: 'Relu', value: 'c' }];
    const units = align(o, p);
    // One of the two Adds is matched in order, the other out of order; both by value.
    expect(units.map((u) => u.kind).sort()).toEqual(['match', 'match', 'reordered']);
    for (const u of units) expect(o[u.original[0]].value).toBe(p[u.ported[0]].value);
    // Rows follow the port's order.
    expect(units.map((u) => u.ported[0])).toEqual([0, 1, 2]);
  });

  it('compares an unmatched run between matches through its final result when the values or families agree', () => {
    const o: Call[] = [{ op: 'Add', value: 'a' }, { op: 'Relu', value: 'r' }, { op: 'Tanh', value: 't' }, { op: 'Softmax', value: 's' }];
    const p: Call[] = [{ op: 'Add', value: 'a' }, { op: 'Sigmoid', value: 'x' }, { op: 'Cast', value: 'y' }, { op: 'Exp', value: 't' }, { op: 'Softmax', value: 's' }];
    const noFusion = (u: Call[], v: Call[]) => alignOps(u.map(item), v.map(item), { agree: (i, j) => u[i].value === v[j].value, maxFusion: 1 });
    expect(summary(noFusion(o, p))).toEqual(['match 0>0', 'region 1,2>1,2,3', 'match 3>4']);
    // With fusion allowed, the same run is one fused unit: Tanh's value is the run's result.
    expect(summary(align(o, p))).toEqual(['match 0>0', 'unmatched? 1>', 'fused 2>1,2,3', 'match 3>4']);
  });

  it('leaves runs unmatched when nothing ties them together', () => {
    const o: Call[] = [{ op: 'Relu', value: 'r', shape: '3' }];
    const p: Call[] = [{ op: 'Tanh', value: 't', shape: '5' }];
    expect(summary(align(o, p))).toEqual(['unmatched? 0>', 'unmatched? >0']);
  });

  it('falls back to a windowed greedy alignment for very long traces', () => {
    const o: Call[] = [{ op: 'MatMul', value: 'a' }, { op: 'Gelu', value: 'b' }, { op: 'Softmax', value: 'c' }];
    const p: Call[] = [{ op: 'MatMul', value: 'a' }, { op: 'Softmax', value: 'c' }];
    expect(summary(align(o, p, 1))).toEqual(['match 0>0', 'unmatched? 1>', 'match 2>1']);
  });
  it('pairs intermediate steps the original records no output for with the same operators of the port, in order', () => {
    // cuBLAS axpy's unstored alpha·x (Mul) then Add, against xpu::scale into a scratch buffer then xpu::add.
    const original: Call[] = [{ op: 'Mul', shape: '', value: '-' }, { op: 'Add', value: 'y' }];
    const ported: Call[] = [{ op: 'Mul', value: 'ax' }, { op: 'Add', value: 'y' }];
    expect(summary(align(original, ported))).toEqual(['match? 0>0', 'match 1>1']);
    // A port call of another class stays unmatched.
    expect(summary(align(original, [{ op: 'Sub', value: 'ax' }, { op: 'Add', value: 'y' }]))).toEqual(['unmatched? 0>', 'unmatched? >0', 'match 1>1']);
  });

  it('pairs a batched call with the per-batch calls that tile it, on either side, and only with as many as its leading dim', () => {
    const tiledItems = (u: Call[]) => u.map(item);
    const batched: Call[] = [{ op: 'MatMul', value: 'all', shape: '3x4x4' }];
    const perBatch: Call[] = [0, 1, 2].map((k) => ({ op: 'Gemm', value: `b${k}`, shape: '4x4', attributes: { beta: 0 } }));
    const agreeTiled = (): boolean => true;
    const units = alignOps(tiledItems(perBatch), tiledItems(batched), { agree: () => false, agreeTiled });
    expect(units).toEqual([{ kind: 'fused', original: [0, 1, 2], ported: [0], confirmed: true, tiled: 'original' }]);
    const reverse = alignOps(tiledItems(batched), tiledItems(perBatch), { agree: () => false, agreeTiled });
    expect(reverse).toEqual([{ kind: 'fused', original: [0], ported: [0, 1, 2], confirmed: true, tiled: 'ported' }]);
    // Two per-batch calls do not tile a batch of three.
    expect(summary(alignOps(tiledItems(perBatch.slice(0, 2)), tiledItems(batched), { agree: () => false, agreeTiled }))).toEqual(['unmatched? 0>', 'unmatched? 1>', 'unmatched? >0']);
  });

  it('tiles per-batch Gemms that carry alpha by a batched MatMul (alpha applied as a blend) only when the values confirm it', () => {
    // cublasSgemmStridedBatched with alpha = 1/√d traces one Gemm (alpha 0.25) per matrix;
    // cnnlBatchMatMulBCast_v2 traces one MatMul whose alpha is a blend on storing: other classes, one family.
    const perBatch: Call[] = [0, 1, 2].map((k) => ({ op: 'Gemm', value: `b${k}`, shape: '4x4', attributes: { alpha: 0.25, beta: 0 } }));
    const batched: Call[] = [{ op: 'MatMul', value: 'all', shape: '3x4x4' }];
    expect(item(perBatch[0]).cls).not.toBe(item(batched[0]).cls);
    const confirmed = alignOps(perBatch.map(item), batched.map(item), { agree: () => false, agreeTiled: () => true });
    expect(confirmed).toEqual([{ kind: 'fused', original: [0, 1, 2], ported: [0], confirmed: true, tiled: 'original' }]);
    expect(summary(alignOps(batched.map(item), perBatch.map(item), { agree: () => false, agreeTiled: () => true }))).toEqual(['fused 0>0,1,2']);
    // Unconfirmed values: no tiling across classes (nor within one).
    expect(summary(alignOps(perBatch.map(item), batched.map(item), { agree: () => false, agreeTiled: () => false }))).toEqual(['unmatched? 0>', 'unmatched? 1>', 'unmatched? 2>', 'unmatched? >0']);
    // Another family does not tile a batched product, nor does a run mixing classes.
    const adds: Call[] = [0, 1, 2].map((k) => ({ op: 'Add', value: `a${k}`, shape: '4x4' }));
    expect(summary(alignOps(adds.map(item), batched.map(item), { agree: () => false, agreeTiled: () => true }))).toEqual(['unmatched? 0>', 'unmatched? 1>', 'unmatched? 2>', 'unmatched? >0']);
    const mixed: Call[] = [perBatch[0], { op: 'MatMul', value: 'm', shape: '4x4' }, perBatch[2]];
    expect(summary(alignOps(mixed.map(item), batched.map(item), { agree: () => false, agreeTiled: () => true })).some((u) => u.startsWith('fused'))).toBe(false);
  });

  it('pairs a single call with a contained chain that ends in the same element count under another shape, only when the values agree', () => {
    // cudnn graph Add on [2, 16, 4, 16] (bf16 result) ⇔ xpu::add on the flat float32 buffer, then a narrowing xpu::cast.
    const o: AlignItem[] = [{ cls: 'Add', family: 'Add', shape: '2x16x4x16', size: 2048 }];
    const p: AlignItem[] = [
      { cls: 'Add', family: 'Add', shape: '2048', size: 2048 },
      { cls: 'Cast', family: 'Cast', shape: '2048', size: 2048 },
    ];
    expect(summary(alignOps(o, p, { agree: () => true, chain: () => 'contained' }))).toEqual(['fused 0>0,1']);
    expect(summary(alignOps(p, o, { agree: () => true, chain: () => 'contained' }))).toEqual(['fused 0,1>0']);
    // Unconfirmed, a reshaped chain is not a unit (same shapes would still pair by family).
    expect(summary(alignOps(o, p, { agree: () => false, chain: () => 'contained' })).some((u) => u.startsWith('fused'))).toBe(false);
    // Nor when an intermediate escapes, nor when the element counts differ.
    expect(summary(alignOps(o, p, { agree: () => true, chain: () => 'escapes' })).some((u) => u.startsWith('fused'))).toBe(false);
    const longer = p.map((x) => ({ ...x, shape: '4096', size: 4096 }));
    expect(summary(alignOps(o, longer, { agree: () => true, chain: () => 'contained' })).some((u) => u.startsWith('fused'))).toBe(false);
  });

  it('groups a transparent call with the matched call after it, and launches of one vendor call with their matched neighbour', () => {
    const o: AlignItem[] = [{ cls: 'Add', family: 'Add', shape: '4' }];
    const p: AlignItem[] = [
      { cls: 'Mul', family: 'Mul', shape: '', transparent: true, call: 'inplaceAdd@1' },
      { cls: 'Add', family: 'Add', shape: '4', call: 'inplaceAdd@1' },
      { cls: 'ReduceMean', family: 'ReduceMean', shape: '2', call: 'inplaceAdd@1' },
      { cls: 'Relu', family: 'Relu', shape: '4', call: 'relu@2' },
    ];
    const units = alignOps(o, p, { agree: () => true });
    expect(units).toEqual([
      { kind: 'match', original: [0], ported: [1], confirmed: true, absorbed: { original: [], ported: [0, 2] } },
      { kind: 'unmatched', original: [], ported: [3], confirmed: false },
    ]);
  });

  it('groups layout transposes with the matched call beside them (the one after first)', () => {
    // A CNNL batch norm on NCHW data: transposed to NHWC, normalised, transposed back; then a ReLU.
    const o: AlignItem[] = [{ cls: 'BatchNormalization', family: 'BatchNormalization', shape: '2x3x4x4' }, { cls: 'Relu', family: 'Relu', shape: '2x3x4x4' }];
    const p: AlignItem[] = [
      { cls: 'Transpose', family: 'Transpose', shape: '2x4x4x3', layout: true },
      { cls: 'BatchNormalization', family: 'BatchNormalization', shape: '2x3x4x4' },
      { cls: 'Transpose', family: 'Transpose', shape: '2x3x4x4', layout: true },
      { cls: 'Relu', family: 'Relu', shape: '2x3x4x4' },
    ];
    expect(alignOps(o, p, { agree: (i, j) => i === 0 ? j === 1 : j === 3 })).toEqual([
      { kind: 'match', original: [0], ported: [1], confirmed: true, absorbed: { original: [], ported: [0] } },
      { kind: 'match', original: [1], ported: [3], confirmed: true, absorbed: { original: [], ported: [2] } },
    ]);
    // With no matched call after it, the transpose back goes with the call before.
    expect(alignOps(o.slice(0, 1), p.slice(0, 3), { agree: (i, j) => j === 1 })).toEqual([
      { kind: 'match', original: [0], ported: [1], confirmed: true, absorbed: { original: [], ported: [0, 2] } },
    ]);
  });

  it('pairs element-wise calls of one class by element count when their libraries shape them differently', () => {
    const o: AlignItem[] = [{ cls: 'Relu', family: 'Relu', shape: '2x16x16x16', elementwise: true, size: 8192 }];
    expect(alignOps(o, [{ cls: 'Relu', family: 'Relu', shape: '8192', elementwise: true, size: 8192 }], { agree: () => true })).toEqual([{ kind: 'match', original: [0], ported: [0], confirmed: true }]);
    // Not other calls, and not a different count.
    expect(alignOps(o, [{ cls: 'Relu', family: 'Relu', shape: '4096', elementwise: true, size: 4096 }], { agree: () => false }).map((u) => u.kind)).not.toContain('match');
    const softmax: AlignItem = { cls: 'Softmax', family: 'Softmax', shape: '2x16' };
    expect(alignOps([softmax], [{ ...softmax, shape: '32' }], { agree: () => false }).map((u) => u.kind)).not.toContain('match');
  });
});
