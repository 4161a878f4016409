/** The aclnn two-phase convention: executor lifetime, workspace rules, argument checks. */
import { describe, expect, it } from 'vitest';
import * as cann from '../../../src/backends/cann/index.js';
import { ref } from '../../../src/backends/sim/ref.js';
import type { DevicePtr } from '../../../src/backends/sim/device-memory.js';
import { withCann } from './harness.js';

describe('the aclnn two-phase convention', () => {
  it('runs an executor once; a second run is an error unless the executor was made repeatable', () =>
    withCann((s) => {
      const x = s.dev(new Float32Array([-1, 1]), [2]);
      const y = s.dev(new Float32Array(2), [2]);
      const ws = ref<number>();
      const ex = ref<cann.aclOpExecutor>();
      expect(cann.aclnnReluGetWorkspaceSize(x.t, y.t, ws, ex)).toBe(0);
      expect(ws.value).toBe(0);
      expect(cann.aclnnRelu(null, 0, ex.value, s.stream)).toBe(0);
      expect(cann.aclnnRelu(null, 0, ex.value, s.stream)).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(s.ids()).toEqual(['OB2009']);
      expect(cann.aclGetRecentErrMsg()).toMatch(/already ran .* aclSetAclOpExecutorRepeatable/);

      expect(cann.aclnnReluGetWorkspaceSize(x.t, y.t, ws, ex)).toBe(0);
      expect(cann.aclSetAclOpExecutorRepeatable(ex.value)).toBe(0);
      expect(cann.aclnnRelu(null, 0, ex.value, s.stream)).toBe(0);
      expect(cann.aclnnRelu(null, 0, ex.value, s.stream)).toBe(0);
      expect(cann.aclDestroyAclOpExecutor(ex.value)).toBe(0);
      expect(cann.aclnnRelu(null, 0, ex.value, s.stream)).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(cann.aclSetAclOpExecutorRepeatable(null)).toBe(cann.ACLNN_ERR_INNER_NULLPTR);
      expect(s.read(y.ptr, 2)).toEqual(Float32Array.of(0, 1));
    }));

  it('needs a workspace of at least the size the first phase returned (OB2011)', () =>
    withCann((s) => {
      const x = s.dev(new Float32Array(64), [4, 16]);
      const y = s.dev(new Float32Array(64), [4, 16]);
      const ws = ref<number>();
      const ex = ref<cann.aclOpExecutor>();
      cann.aclnnSoftmaxGetWorkspaceSize(x.t, -1, y.t, ws, ex);
      // Model: one float32 max and sum per row (4 rows), rounded up to 32 bytes.
      expect(ws.value).toBe(32);
      expect(cann.aclnnSoftmax(null, ws.value, ex.value, s.stream)).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(cann.aclnnSoftmax(null, 0, ex.value, s.stream)).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      const small = ref<DevicePtr>();
      cann.aclrtMalloc(small, 16, 0);
      expect(cann.aclnnSoftmax(small.value, ws.value, ex.value, s.stream)).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(s.ids()).toEqual(['OB2011', 'OB2011', 'OB2011']);
      const enough = ref<DevicePtr>();
      cann.aclrtMalloc(enough, ws.value, 0);
      expect(cann.aclnnSoftmax(enough.value, ws.value, ex.value, s.stream)).toBe(0);
    }));

  it('rejects a run after one of its aclTensors was destroyed (OB2008), and a run with another op executor', () =>
    withCann((s) => {
      const x = s.dev(new Float32Array(2), [2]);
      const y = s.dev(new Float32Array(2), [2]);
      const ws = ref<number>();
      const ex = ref<cann.aclOpExecutor>();
      cann.aclnnReluGetWorkspaceSize(x.t, y.t, ws, ex);
      expect(cann.aclnnSigmoid(null, 0, ex.value, s.stream)).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(cann.aclGetRecentErrMsg()).toMatch(/built by aclnnReluGetWorkspaceSize; run it with aclnnRelu/);
      cann.aclDestroyTensor(y.t);
      expect(cann.aclnnRelu(null, 0, ex.value, s.stream)).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(cann.aclGetRecentErrMsg()).toMatch(/destroyed .* before the run that uses it/);
      expect(s.ids()).toEqual(['OB2008', 'OB2008']);
    }));

  it('returns ACLNN_ERR_PARAM_NULLPTR for a null output and ACLNN_ERR_PARAM_INVALID for bad shapes or dtypes', () =>
    withCann((s) => {
      const x = s.dev(new Float32Array(6), [2, 3]);
      const wrong = s.dev(new Float32Array(6), [3, 2]);
      const int = s.dev(new Int32Array(6), [2, 3], cann.ACL_INT32);
      const ws = ref<number>();
      const ex = ref<cann.aclOpExecutor>();
      expect(cann.aclnnSiluGetWorkspaceSize(x.t, null as never, ws, ex)).toBe(cann.ACLNN_ERR_PARAM_NULLPTR);
      expect(s.process.diagnostics.entries.at(-1)?.id).toBe('OB2012');
      expect(cann.aclnnSiluGetWorkspaceSize(x.t, wrong.t, ws, ex)).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(cann.aclGetRecentErrMsg()).toMatch(/out has shape \[3, 2\] but the result is \[2, 3\]/);
      expect(cann.aclnnSiluGetWorkspaceSize(int.t, int.t, ws, ex)).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(cann.aclnnSiluGetWorkspaceSize(x.t, x.t, null as never, ex)).toBe(cann.ACLNN_ERR_PARAM_NULLPTR);
    }));

  it('reports device memory freed between the phases when the run reads it (OB2002, a runtime error)', () =>
    withCann((s) => {
      const x = s.dev(new Float32Array(2), [2]);
      const y = s.dev(new Float32Array(2), [2]);
      const ws = ref<number>();
      const ex = ref<cann.aclOpExecutor>();
      cann.aclnnReluGetWorkspaceSize(x.t, y.t, ws, ex);
      cann.aclrtFree(x.ptr);
      expect(cann.aclnnRelu(null, 0, ex.value, s.stream)).toBe(cann.ACLNN_ERR_RUNTIME_ERROR);
      expect(s.ids()).toEqual(['OB2002']);
    }));
});
