/**
 * CNCL: communicator set-up from a shared clique id, NCCL-ordered collectives with the queue
 * last, grouped send / receive, and argument faults. The multi-rank run checks every
 * collective against float64 references of the per-rank inputs (float32 tolerance).
 */
import { describe, expect, it } from 'vitest';
import {
  CNCL_RET_ERR_ARGUMENTS,
  CNCL_RET_ERR_NULL_POINTER,
  CNCL_RET_ERR_UNSUPPORTED,
  CNCL_RET_SUCCESS,
  cnclAllReduce,
  cnclCliqueId,
  cnclFloat,
  cnclFreeComm,
  cnclGetCliqueId,
  cnclGetCommCount,
  cnclGetCommRank,
  cnclGetErrorStr,
  cnclGetLibVersion,
  cnclGroupEnd,
  cnclInitComms,
  cnclRecv,
  cnclSend,
  cnclSum,
  cnclUint32,
  ref,
  type cnclComm_t,
} from '../../../src/backends/cambricon/index.js';
import { randomFloat32 } from '../../../src/backends/host/host-data.js';
import { SimProcess, withProcess } from '../../../src/backends/sim/sim-process.js';
import { runProgram } from '../../../src/run/run-program.js';
import { allocate, diagnosticIds, download, expectCloseArrays, upload } from './device-helpers.js';

const FP32 = { rtol: 1.3e-6, atol: 1e-5 };

function singleRank<T>(fn: (p: SimProcess, comm: cnclComm_t) => T): T {
  const p = new SimProcess();
  return withProcess(p, () => {
    const id = new cnclCliqueId();
    expect(cnclGetCliqueId(id)).toBe(CNCL_RET_SUCCESS);
    const comm = ref<cnclComm_t>();
    expect(cnclInitComms(comm, 1, [0], [0], 1, id)).toBe(CNCL_RET_SUCCESS);
    return fn(p, comm.value);
  });
}

describe('CNCL in one process', () => {
  it('creates a communicator and reports its size, rank and the library version', () =>
    singleRank((_p, comm) => {
      const [count, rank, major, minor, patch] = [ref<number>(), ref<number>(), ref<number>(), ref<number>(), ref<number>()];
      expect(cnclGetCommCount(count, comm)).toBe(CNCL_RET_SUCCESS);
      expect(cnclGetCommRank(rank, comm)).toBe(CNCL_RET_SUCCESS);
      expect([count.value, rank.value]).toEqual([1, 0]);
      expect(cnclGetLibVersion(major, minor, patch)).toBe(CNCL_RET_SUCCESS);
      expect([major.value, minor.value, patch.value]).toEqual([1, 25, 0]);
      expect(cnclGetErrorStr(CNCL_RET_ERR_ARGUMENTS)).toBe('invalid value (CNCL_RET_ERR_ARGUMENTS)');
      const x = upload(Float32Array.of(1, 2));
      const y = allocate(8);
      expect(cnclAllReduce(x, y, 2, cnclFloat, cnclSum, comm, null)).toBe(CNCL_RET_SUCCESS);
      expect(Array.from(download(y, 2))).toEqual([1, 2]);
      expect(cnclFreeComm(comm)).toBe(CNCL_RET_SUCCESS);
    }));

  it('returns CNCL statuses for bad set-up and bad calls', () =>
    singleRank((p, comm) => {
      const other = ref<cnclComm_t>();
      expect(cnclInitComms(other, 1, [0], [0], 4, new cnclCliqueId())).toBe(CNCL_RET_ERR_ARGUMENTS);
      expect(cnclInitComms([], 2, [0, 1], [0, 1], 2, null)).toBe(CNCL_RET_ERR_UNSUPPORTED);
      const x = upload(Float32Array.of(1, 2));
      expect(cnclAllReduce(x, allocate(8), 2, cnclUint32, cnclSum, comm, null)).toBe(CNCL_RET_ERR_UNSUPPORTED);
      expect(cnclAllReduce(x, null, 2, cnclFloat, cnclSum, comm, null)).toBe(CNCL_RET_ERR_NULL_POINTER);
      expect(cnclRecv(allocate(8), 2, cnclFloat, 0, comm, null)).toBe(CNCL_RET_ERR_ARGUMENTS);
      expect(cnclGroupEnd()).toBe(CNCL_RET_ERR_ARGUMENTS);
      cnclFreeComm(comm);
      expect(cnclSend(x, 2, cnclFloat, 0, comm, null)).toBe(CNCL_RET_ERR_ARGUMENTS);
      expect(diagnosticIds(p)).toEqual(['OB2013', 'OB2014', 'OB2014', 'OB2012', 'OB2015', 'OB2013', 'OB2008']);
    }));
});

describe('CNCL across ranks', () => {
  it('runs all-reduce, all-gather, reduce-scatter, broadcast, reduce and a grouped ring exchange on 4 ranks', async () => {
    const n = 4;
    const count = 8;
    const run = await runProgram(new URL('../../fixtures/programs/cambricon/cncl-collectives.ts', import.meta.url).pathname, { ranks: n });
    const inputs = Array.from({ length: n }, (_, r) => randomFloat32(count * n, 100 + r));
    const sum = (i: number) => inputs.reduce((s, x) => s + x[i], 0);
    for (const rank of run.ranks) {
      const out = (name: string) => rank.outputs.get(name)!.toFlatArray();
      expect(rank.diagnostics).toEqual([]);
      expectCloseArrays(out('allReduced'), Array.from({ length: count }, (_, i) => sum(i)), FP32, 'allReduced');
      expect(out('gathered')).toEqual(inputs.flatMap((x) => Array.from(x.subarray(0, count))));
      expectCloseArrays(out('scattered'), Array.from({ length: count }, (_, i) => sum(rank.rank * count + i)), FP32, 'scattered');
      expect(out('broadcast')).toEqual(Array.from(inputs[1].subarray(0, count)));
      if (rank.rank === 0) expect(out('reduced')).toEqual(Array.from({ length: count }, (_, i) => Math.max(...inputs.map((x) => x[i]))));
      expect(out('fromLeft')).toEqual(Array.from(inputs[(rank.rank + n - 1) % n].subarray(0, count)));
      const collectives = rank.trace.filter((t) => t.kind === 'op').map((t) => t.op);
      expect(collectives).toEqual(['AllReduce', 'AllGather', 'ReduceScatter', 'Broadcast', 'AllReduce']);
    }
  });
});
