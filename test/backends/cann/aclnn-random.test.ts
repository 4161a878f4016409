/**
 * aclnn random operators: determinism per seed, the documented identities (p = 0, inference),
 * GenMask + DoMask agreeing with Dropout, and the Philox offset passed through to the
 * canonical operators' offset attribute.
 */
import { describe, expect, it } from 'vitest';
import * as cann from '../../../src/backends/cann/index.js';
import { withCann, type Session } from './harness.js';

const COUNT = 64;

function dropout(s: Session, x: Float32Array, p: number, train: boolean, seed: number, offset = 0) {
  const input = s.dev(x, [COUNT]);
  const out = s.dev(new Float32Array(COUNT), [COUNT]);
  const mask = s.dev(new Uint8Array(COUNT / 8), [COUNT / 8], cann.ACL_UINT8);
  const { prepared, ran } = s.twoPhase((ws, ex) => cann.aclnnDropoutGetWorkspaceSize(input.t, p, train, seed, offset, out.t, mask.t, ws, ex), cann.aclnnDropout);
  return { status: prepared || ran, out: prepared ? new Float32Array(0) : s.read(out.ptr, COUNT), mask: prepared ? new Uint8Array(0) : s.read(mask.ptr, COUNT / 8, Uint8Array) };
}

describe('aclnn random operators', () => {
  it('Dropout: same seed same mask, kept elements scaled by 1/(1-p), inference and p = 0 are the identity', () =>
    withCann((s) => {
      const x = Float32Array.from({ length: COUNT }, (_, i) => i + 1);
      const a = dropout(s, x, 0.25, true, 7);
      const b = dropout(s, x, 0.25, true, 7);
      const c = dropout(s, x, 0.25, true, 8);
      expect(Array.from(a.out)).toEqual(Array.from(b.out));
      expect(Array.from(a.out)).not.toEqual(Array.from(c.out));
      a.out.forEach((y, i) => {
        const kept = (a.mask[i >> 3] >> (i & 7)) & 1;
        expect(y).toBe(kept ? Math.fround(x[i] / 0.75) : 0);
      });
      const keptCount = Array.from(a.out).filter((y) => y !== 0).length;
      // 64 Bernoulli(0.75) draws: 48 expected, standard deviation ~3.5.
      expect(keptCount).toBeGreaterThan(32);
      expect(keptCount).toBeLessThan(62);
      expect(Array.from(dropout(s, x, 0.25, false, 7).out)).toEqual(Array.from(x));
      expect(Array.from(dropout(s, x, 0, true, 7).out)).toEqual(Array.from(x));
      // Offset 8 continues the offset-0 stream: the mask of elements 8.. is byte 1.. of the whole.
      const shifted = dropout(s, x, 0.25, true, 7, 8);
      expect(shifted.status).toBe(cann.ACLNN_SUCCESS);
      const longer = dropout(s, Float32Array.from({ length: COUNT }, (_, i) => i + 1), 0.25, true, 7);
      expect(Array.from(shifted.mask.subarray(0, COUNT / 8 - 1))).toEqual(Array.from(longer.mask.subarray(1)));
      expect(Array.from(shifted.mask)).not.toEqual(Array.from(a.mask));
      expect(dropout(s, x, 0.25, true, 7, -4).status).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(cann.aclGetRecentErrMsg()).toMatch(/offset must be a non-negative integer, got -4/);
    }));

  it('DropoutGenMask then DropoutDoMask give what Dropout gives for the same seed', () =>
    withCann((s) => {
      const x = Float32Array.from({ length: COUNT }, (_, i) => i - 10);
      const whole = dropout(s, x, 0.5, true, 3);
      const mask = s.dev(new Uint8Array(COUNT / 8), [COUNT / 8], cann.ACL_UINT8);
      const shape = cann.aclCreateIntArray([COUNT], 1)!;
      expect(s.twoPhase((ws, ex) => cann.aclnnDropoutGenMaskGetWorkspaceSize(shape, 0.5, 3, 0, mask.t, ws, ex), cann.aclnnDropoutGenMask).ran).toBe(0);
      expect(Array.from(s.read(mask.ptr, COUNT / 8, Uint8Array))).toEqual(Array.from(whole.mask));
      const out = s.dev(new Float32Array(COUNT), [COUNT]);
      expect(s.twoPhase((ws, ex) => cann.aclnnDropoutDoMaskGetWorkspaceSize(s.dev(x, [COUNT]).t, mask.t, 0.5, out.t, ws, ex), cann.aclnnDropoutDoMask).ran).toBe(0);
      expect(Array.from(s.read(out.ptr, COUNT))).toEqual(Array.from(whole.out));
      const small = s.dev(new Uint8Array(2), [2], cann.ACL_UINT8);
      expect(s.twoPhase((ws, ex) => cann.aclnnDropoutGenMaskGetWorkspaceSize(shape, 0.5, 3, 0, small.t, ws, ex), cann.aclnnDropoutGenMask).prepared).toBe(cann.ACLNN_ERR_PARAM_INVALID);
    }));

  it('InplaceNormal and InplaceUniform fill deterministically with the requested moments and range', () =>
    withCann((s) => {
      const n = 4096;
      const t = s.dev(new Float32Array(n), [n]);
      s.twoPhase((ws, ex) => cann.aclnnInplaceNormalGetWorkspaceSize(t.t, 2, 0.5, 11, 0, ws, ex), cann.aclnnInplaceNormal);
      const first = s.read(t.ptr, n);
      s.twoPhase((ws, ex) => cann.aclnnInplaceNormalGetWorkspaceSize(t.t, 2, 0.5, 11, 0, ws, ex), cann.aclnnInplaceNormal);
      expect(Array.from(s.read(t.ptr, n))).toEqual(Array.from(first));
      const mean = first.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(first.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
      // Sample mean of 4096 N(2, 0.5²) draws: standard error 0.008; allow 5 of them.
      expect(Math.abs(mean - 2)).toBeLessThan(0.04);
      expect(Math.abs(sd - 0.5)).toBeLessThan(0.03);
      s.twoPhase((ws, ex) => cann.aclnnInplaceUniformGetWorkspaceSize(t.t, -3, -1, 12, 0, ws, ex), cann.aclnnInplaceUniform);
      const u = s.read(t.ptr, n);
      expect(Math.min(...u)).toBeGreaterThanOrEqual(-3);
      expect(Math.max(...u)).toBeLessThan(-1);
      // The offset is the canonical operators' offset attribute (32-bit draws): uniforms at
      // offset 5 are the offset-0 uniforms from element 5 on; normals at offset 6 from element 6.
      s.twoPhase((ws, ex) => cann.aclnnInplaceUniformGetWorkspaceSize(t.t, -3, -1, 12, 5, ws, ex), cann.aclnnInplaceUniform);
      expect(Array.from(s.read(t.ptr, n - 5))).toEqual(Array.from(u.subarray(5)));
      s.twoPhase((ws, ex) => cann.aclnnInplaceNormalGetWorkspaceSize(t.t, 2, 0.5, 11, 6, ws, ex), cann.aclnnInplaceNormal);
      expect(Array.from(s.read(t.ptr, n - 6))).toEqual(Array.from(first.subarray(6)));
      expect(s.twoPhase((ws, ex) => cann.aclnnInplaceNormalGetWorkspaceSize(t.t, 2, 0.5, 11, 2 ** 60, ws, ex), cann.aclnnInplaceNormal).prepared).not.toBe(cann.ACLNN_SUCCESS);
      expect(cann.aclGetRecentErrMsg()).toMatch(/offset \d+ is not simulated: offsets above 2\^53 - 1/);
      const ints = s.dev(new Int32Array(4), [4], cann.ACL_INT32);
      expect(s.twoPhase((ws, ex) => cann.aclnnInplaceUniformGetWorkspaceSize(ints.t, 0, 4, 1, 0, ws, ex), cann.aclnnInplaceUniform).prepared).toBe(cann.ACLNN_ERR_PARAM_INVALID);
    }));
});
