/** aclnn elementwise, activation and cast operators against float64 arithmetic. */
import { describe, expect, it } from 'vitest';
import * as cann from '../../../src/backends/cann/index.js';
import { float16BitsToNumber, numberToFloat16Bits } from '../../../src/runtime/numerics/half-bits.js';
import type { Ref } from '../../../src/backends/sim/ref.js';
import { withCann } from './harness.js';

describe('aclnn elementwise arithmetic', () => {
  it('Add scales other by alpha and broadcasts; the trace records the canonical operators and the call site', () =>
    withCann((s) => {
      const a = s.dev(Float32Array.of(1, 2, 3, 4, 5, 6), [2, 3]);
      const b = s.dev(Float32Array.of(10, 20, 30), [3]);
      const out = s.dev(new Float32Array(6), [2, 3]);
      const alpha = cann.aclCreateScalar(2, cann.ACL_FLOAT)!;
      expect(s.twoPhase((ws, ex) => cann.aclnnAddGetWorkspaceSize(a.t, b.t, alpha, out.t, ws, ex), cann.aclnnAdd).ran).toBe(0);
      expect(Array.from(s.read(out.ptr, 6))).toEqual([21, 42, 63, 24, 45, 66]);
      const ops = s.process.tracer.records.filter((r) => r.kind === 'op');
      expect(ops.map((r) => `${r.symbol}:${r.op}`)).toEqual(['aclnnAdd:Mul', 'aclnnAdd:Add']);
      expect(ops[1].site?.file).toMatch(/harness\.ts$/);
    }));

  it('InplaceAdd is selfRef + alpha·other (Mul then Add); InplaceMuls scales in place', () =>
    withCann((s) => {
      const y = s.dev(Float32Array.of(1, 1, 1), [3]);
      const x = s.dev(Float32Array.of(1, 2, 3), [3]);
      const alpha = cann.aclCreateScalar(0.5, cann.ACL_FLOAT)!;
      s.twoPhase((ws, ex) => cann.aclnnInplaceAddGetWorkspaceSize(y.t, x.t, alpha, ws, ex), cann.aclnnInplaceAdd);
      s.twoPhase((ws, ex) => cann.aclnnInplaceMulsGetWorkspaceSize(y.t, cann.aclCreateScalar(4, cann.ACL_FLOAT)!, ws, ex), cann.aclnnInplaceMuls);
      expect(Array.from(s.read(y.ptr, 3))).toEqual([6, 8, 10]);
      expect(s.process.tracer.records.filter((r) => r.kind === 'op').map((r) => r.op)).toEqual(['Mul', 'Add', 'Mul']);
    }));

  it('promotes dtypes as torch does: FLOAT16 with FLOAT32 computes in FLOAT32; integer division is true division', () =>
    withCann((s) => {
      const half = s.dev(Uint16Array.from([1.5, 2.25], numberToFloat16Bits), [2], cann.ACL_FLOAT16);
      const single = s.dev(Float32Array.of(0.1, 0.2), [2]);
      const out = s.dev(new Float32Array(2), [2]);
      s.twoPhase((ws, ex) => cann.aclnnMulGetWorkspaceSize(half.t, single.t, out.t, ws, ex), cann.aclnnMul);
      expect(Array.from(s.read(out.ptr, 2))).toEqual([Math.fround(1.5 * Math.fround(0.1)), Math.fround(2.25 * Math.fround(0.2))]);
      const i = s.dev(Int32Array.of(7, -7), [2], cann.ACL_INT32);
      const j = s.dev(Int32Array.of(2, 2), [2], cann.ACL_INT32);
      const q = s.dev(new Float32Array(2), [2]);
      s.twoPhase((ws, ex) => cann.aclnnDivGetWorkspaceSize(i.t, j.t, q.t, ws, ex), cann.aclnnDiv);
      expect(Array.from(s.read(q.ptr, 2))).toEqual([3.5, -3.5]);
      // A float result cannot be written into an integer out (torch's rule).
      const intOut = s.dev(new Int32Array(2), [2], cann.ACL_INT32);
      expect(s.twoPhase((ws, ex) => cann.aclnnDivGetWorkspaceSize(i.t, j.t, intOut.t, ws, ex), cann.aclnnDiv).prepared).toBe(cann.ACLNN_ERR_PARAM_INVALID);
    }));

  it('tensor-scalar forms (Adds, Subs, Muls, Divs) and Maximum / Minimum', () =>
    withCann((s) => {
      const x = s.dev(Float32Array.of(1, -2, 3), [3]);
      const out = s.dev(new Float32Array(3), [3]);
      const three = cann.aclCreateScalar(3, cann.ACL_FLOAT)!;
      const one = cann.aclCreateScalar(1, cann.ACL_FLOAT)!;
      const check = (prepare: (ws: Ref<number>, ex: Ref<cann.aclOpExecutor>) => number, run: typeof cann.aclnnAdds, expected: number[]) => {
        expect(s.twoPhase(prepare, run).ran).toBe(0);
        expect(Array.from(s.read(out.ptr, 3))).toEqual(expected);
      };
      check((ws, ex) => cann.aclnnAddsGetWorkspaceSize(x.t, three, one, out.t, ws, ex), cann.aclnnAdds, [4, 1, 6]);
      check((ws, ex) => cann.aclnnSubsGetWorkspaceSize(x.t, three, three, out.t, ws, ex), cann.aclnnSubs, [-8, -11, -6]);
      check((ws, ex) => cann.aclnnMulsGetWorkspaceSize(x.t, three, out.t, ws, ex), cann.aclnnMuls, [3, -6, 9]);
      check((ws, ex) => cann.aclnnDivsGetWorkspaceSize(x.t, three, out.t, ws, ex), cann.aclnnDivs, [1 / 3, -2 / 3, 1].map(Math.fround));
      const y = s.dev(Float32Array.of(0, 0, 5), [3]);
      check((ws, ex) => cann.aclnnMaximumGetWorkspaceSize(x.t, y.t, out.t, ws, ex), cann.aclnnMaximum, [1, 0, 5]);
      check((ws, ex) => cann.aclnnMinimumGetWorkspaceSize(x.t, y.t, out.t, ws, ex), cann.aclnnMinimum, [0, -2, 3]);
      const sub = s.dev(Float32Array.of(1, 1, 1), [3]);
      check((ws, ex) => cann.aclnnSubGetWorkspaceSize(x.t, sub.t, three, out.t, ws, ex), cann.aclnnSub, [-2, -5, 0]);
    }));

  it('Exp, Sqrt, Rsqrt and Cast (truncating into integers, rounding into FLOAT16)', () =>
    withCann((s) => {
      const x = s.dev(Float32Array.of(0.25, 4, 2.75), [3]);
      const out = s.dev(new Float32Array(3), [3]);
      s.twoPhase((ws, ex) => cann.aclnnExpGetWorkspaceSize(x.t, out.t, ws, ex), cann.aclnnExp);
      // float32 exp of exact inputs: within one float32 ulp of the float64 value.
      Array.from(s.read(out.ptr, 3)).forEach((v, i) => expect(Math.abs(v - Math.exp([0.25, 4, 2.75][i]))).toBeLessThanOrEqual(2 ** -23 * Math.exp([0.25, 4, 2.75][i])));
      s.twoPhase((ws, ex) => cann.aclnnSqrtGetWorkspaceSize(x.t, out.t, ws, ex), cann.aclnnSqrt);
      expect(Array.from(s.read(out.ptr, 3)).slice(0, 2)).toEqual([0.5, 2]);
      s.twoPhase((ws, ex) => cann.aclnnRsqrtGetWorkspaceSize(x.t, out.t, ws, ex), cann.aclnnRsqrt);
      expect(Array.from(s.read(out.ptr, 3)).slice(0, 2)).toEqual([2, 0.5]);
      const ints = s.dev(new Int32Array(3), [3], cann.ACL_INT32);
      s.twoPhase((ws, ex) => cann.aclnnCastGetWorkspaceSize(x.t, cann.ACL_INT32, ints.t, ws, ex), cann.aclnnCast);
      expect(Array.from(s.read(ints.ptr, 3, Int32Array))).toEqual([0, 4, 2]);
      const half = s.dev(new Uint16Array(3), [3], cann.ACL_FLOAT16);
      s.twoPhase((ws, ex) => cann.aclnnCastGetWorkspaceSize(x.t, cann.ACL_FLOAT16, half.t, ws, ex), cann.aclnnCast);
      expect(Array.from(s.read(half.ptr, 3, Uint16Array), float16BitsToNumber)).toEqual([0.25, 4, 2.75]);
      expect(s.twoPhase((ws, ex) => cann.aclnnCastGetWorkspaceSize(x.t, cann.ACL_FLOAT16, ints.t, ws, ex), cann.aclnnCast).prepared).toBe(cann.ACLNN_ERR_PARAM_INVALID);
    }));
});

describe('aclnn activations', () => {
  it('Relu, Sigmoid, Silu and Tanh compute their definitions; Gelu takes FLOAT32/16/BF16 only; GeluV2 checks approximate', () =>
    withCann((s) => {
      const xs = [-2, -0.5, 0, 1.5];
      const x = s.dev(Float32Array.from(xs), [4]);
      const out = s.dev(new Float32Array(4), [4]);
      const defs: [typeof cann.aclnnReluGetWorkspaceSize, typeof cann.aclnnRelu, (v: number) => number][] = [
        [cann.aclnnReluGetWorkspaceSize, cann.aclnnRelu, (v) => Math.max(0, v)],
        [cann.aclnnSigmoidGetWorkspaceSize, cann.aclnnSigmoid, (v) => 1 / (1 + Math.exp(-v))],
        [cann.aclnnSiluGetWorkspaceSize, cann.aclnnSilu, (v) => v / (1 + Math.exp(-v))],
        [cann.aclnnTanhGetWorkspaceSize, cann.aclnnTanh, Math.tanh],
      ];
      for (const [prepare, run, f] of defs) {
        expect(s.twoPhase((ws, ex) => prepare(x.t, out.t, ws, ex), run).ran).toBe(0);
        // float32 results of float64 formulas: two float32 ulps.
        Array.from(s.read(out.ptr, 4)).forEach((v, i) => expect(Math.abs(v - f(xs[i]))).toBeLessThanOrEqual(2 * 2 ** -24 * Math.abs(f(xs[i])) + 1e-45));
      }
      const d = s.dev(new Float64Array(4), [4], cann.ACL_DOUBLE);
      expect(s.twoPhase((ws, ex) => cann.aclnnGeluGetWorkspaceSize(d.t, d.t, ws, ex), cann.aclnnGelu).prepared).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(s.twoPhase((ws, ex) => cann.aclnnGeluV2GetWorkspaceSize(x.t, 2, out.t, ws, ex), cann.aclnnGeluV2).prepared).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(cann.aclGetRecentErrMsg()).toMatch(/approximate must be 0 \(none, exact erf\) or 1 \(tanh\)/);
      // aclnnGelu runs under profile cann.aclnn-gelu, the trace says so.
      s.twoPhase((ws, ex) => cann.aclnnGeluGetWorkspaceSize(x.t, out.t, ws, ex), cann.aclnnGelu);
      const gelu = s.process.tracer.records.filter((r) => r.op === 'Gelu').at(-1);
      expect(gelu?.profile).toBe('cann.aclnn-gelu');
      expect(gelu?.attributes).toEqual({ approximate: 'tanh' });
    }));
});
