import { describe, expect, it } from 'vitest';
import {
  BKCLUniqueId,
  BKCL_ADD,
  BKCL_FLOAT,
  BKCL_INVALID_ARGUMENT,
  BKCL_MAX,
  BKCL_SUCCESS,
  bkcl_all_reduce,
  bkcl_broadcast,
  bkcl_comm_init_all,
  bkcl_destroy_context,
  bkcl_get_unique_id,
  bkcl_group_end,
  bkcl_group_start,
  bkcl_init_rank,
  bkcl_recv,
  bkcl_reduce,
  bkcl_reduce_scatter,
  bkcl_send,
  XPU_HOST_TO_DEVICE,
  randomFloat32,
  ref,
  xpu_memcpy_async,
  xpu_stream_create,
  type BKCLContext_t,
  type BKCLDataType,
  type XPUStream,
} from '../../../src/backends/kunlun/index.js';
import { runProgram } from '../../../src/run/run-program.js';
import { deviceZeros, diagnosticIds, download, inProcess, upload } from './device-data.js';

const fixture = (name: string): string => new URL(`../../fixtures/programs/kunlun/${name}`, import.meta.url).pathname;

function singleRankComm(): BKCLContext_t {
  const id = new BKCLUniqueId();
  expect(bkcl_get_unique_id(id)).toBe(BKCL_SUCCESS);
  const comm = ref<BKCLContext_t>();
  expect(bkcl_init_rank(comm, 0, 1, id)).toBe(BKCL_SUCCESS);
  return comm.value;
}

describe('BKCL on 4 ranks (program run in workers)', () => {
  it('all-reduces in the documented rank order, all-gathers after the count and shifts a ring with grouped send/recv', async () => {
    const run = await runProgram(fixture('bkcl-allreduce.ts'), { ranks: 4 });
    const inputs = [0, 1, 2, 3].map((r) => randomFloat32(1024, 100 + r));
    // docs/collectives.md: ranks folded left to right from rank 0's value, rounded to float32 at each step.
    const folded = inputs[0].map((_, i) => inputs.slice(1).reduce((acc, x) => Math.fround(acc + x[i]), inputs[0][i]));
    for (const r of run.ranks) {
      expect(r.diagnostics, `rank ${r.rank}`).toEqual([]);
      expect(r.outputs.get('sum')?.toFlatArray()).toEqual([...folded]);
      expect(r.outputs.get('firsts')?.toFlatArray()).toEqual(inputs.map((x) => x[0]));
      expect(r.outputs.get('fromPrevious')?.toFlatArray()).toEqual([...inputs[(r.rank + 3) % 4]]);
      const ops = r.trace.filter((t) => t.kind === 'op');
      expect(ops.map((t) => [t.symbol, t.op])).toEqual([
        ['bkcl_all_reduce', 'AllReduce'],
        ['bkcl_all_gather', 'AllGather'],
      ]);
      expect(ops[0].attributes).toMatchObject({ reduction: 'sum', nranks: 4 });
    }
  });
});

describe('BKCL in one process', () => {
  it('runs every collective on a one-rank communicator', () => {
    const { result, process } = inProcess(() => {
      const comm = singleRankComm();
      const x = upload(new Float32Array([1, -2, 3, 4]));
      const outs = [deviceZeros(16), deviceZeros(16), deviceZeros(16), deviceZeros(16)];
      expect(bkcl_all_reduce(comm, x, outs[0], 4, BKCL_FLOAT, BKCL_MAX, null)).toBe(BKCL_SUCCESS);
      expect(bkcl_broadcast(comm, x, outs[1], 4, BKCL_FLOAT, 0, null)).toBe(BKCL_SUCCESS);
      expect(bkcl_reduce(comm, x, outs[2], 4, BKCL_FLOAT, BKCL_ADD, 0, null)).toBe(BKCL_SUCCESS);
      expect(bkcl_reduce_scatter(comm, x, outs[3], 4, BKCL_FLOAT, BKCL_ADD, null)).toBe(BKCL_SUCCESS);
      const self = deviceZeros(16);
      expect(bkcl_group_start()).toBe(BKCL_SUCCESS);
      expect(bkcl_send(comm, x, 4, 0, BKCL_FLOAT, null)).toBe(BKCL_SUCCESS);
      expect(bkcl_recv(comm, self, 4, 0, BKCL_FLOAT, null)).toBe(BKCL_SUCCESS);
      expect(bkcl_group_end()).toBe(BKCL_SUCCESS);
      expect(bkcl_destroy_context(comm)).toBe(BKCL_SUCCESS);
      return [...outs, self].map((p) => [...download(p, new Float32Array(4))]);
    });
    expect(diagnosticIds(process)).toEqual([]);
    for (const out of result) expect(out).toEqual([1, -2, 3, 4]);
  });

  it('rejects NCCL argument orders, unknown enum values and destroyed communicators', () => {
    const { process } = inProcess(() => {
      const comm = singleRankComm();
      const x = upload(new Float32Array(4));
      const y = deviceZeros(16);
      // NCCL order: (send, recv, count, dtype, op, comm, stream).
      const ncclOrder = bkcl_all_reduce as unknown as (...args: unknown[]) => string;
      expect(ncclOrder(x, y, 4, BKCL_FLOAT, BKCL_ADD, comm, null)).toBe(BKCL_INVALID_ARGUMENT);
      expect(bkcl_all_reduce(comm, x, y, 4, 'ncclFloat32' as BKCLDataType, BKCL_ADD, null)).toBe(BKCL_INVALID_ARGUMENT);
      expect(bkcl_destroy_context(comm)).toBe(BKCL_SUCCESS);
      expect(bkcl_all_reduce(comm, x, y, 4, BKCL_FLOAT, BKCL_ADD, null)).toBe(BKCL_INVALID_ARGUMENT);
    });
    expect(diagnosticIds(process)).toEqual(['OB2008', 'OB2013', 'OB2008']);
    expect(process.diagnostics.entries[0].message).toMatch(/communicator as the FIRST argument/);
    expect(process.diagnostics.entries[0].status).toBe('BKCL_INVALID_ARGUMENT');
  });

  it('checks bkcl_init_rank: rank before nranks, a unique id from rank 0', () => {
    const { process } = inProcess(() => {
      const id = new BKCLUniqueId();
      const comm = ref<BKCLContext_t>();
      expect(bkcl_init_rank(comm, 0, 1, id)).toBe(BKCL_INVALID_ARGUMENT); // id never filled
      bkcl_get_unique_id(id);
      expect(bkcl_init_rank(comm, 1, 0, id)).toBe(BKCL_INVALID_ARGUMENT); // NCCL's (nranks, rank) order
      expect(comm.isSet).toBe(false);
    });
    expect(diagnosticIds(process)).toEqual(['OB2013', 'OB2013']);
    expect(process.diagnostics.entries[1].message).toMatch(/nranks = 0 but the program runs 1 ranks/);
  });

  it('reports unmatched point-to-point calls and unbalanced groups', () => {
    const { process } = inProcess(() => {
      const comm = singleRankComm();
      const x = upload(new Float32Array(4));
      expect(bkcl_recv(comm, deviceZeros(16), 4, 0, BKCL_FLOAT, null)).toBe(BKCL_INVALID_ARGUMENT);
      expect(bkcl_group_start()).toBe(BKCL_SUCCESS);
      expect(bkcl_send(comm, x, 4, 0, BKCL_FLOAT, null)).toBe(BKCL_SUCCESS);
      expect(bkcl_recv(comm, deviceZeros(8), 2, 0, BKCL_FLOAT, null)).toBe(BKCL_SUCCESS);
      expect(bkcl_group_end()).toBe(BKCL_INVALID_ARGUMENT); // 4 floats sent, 2 expected
      expect(bkcl_group_end()).toBe(BKCL_INVALID_ARGUMENT);
      expect(bkcl_send(comm, x, 4, 1, BKCL_FLOAT, null)).toBe(BKCL_INVALID_ARGUMENT);
      bkcl_destroy_context(comm);
    });
    expect(process.diagnostics.entries.map((d) => [d.id, d.message])).toEqual([
      ['OB2015', expect.stringMatching(/rank 0 posts 0 send\(s\) to rank 0, which posts 1 matching receive/)],
      ['OB2015', expect.stringMatching(/carries 4 float32 but the matching receive expects 2 float32/)],
      ['OB2013', expect.stringMatching(/without a matching bkcl_group_start/)],
      ['OB2013', expect.stringMatching(/peer 1 is not a rank/)],
    ]);
  });

  it('simulates bkcl_comm_init_all for one device only', () => {
    const { process } = inProcess(() => {
      const comms: BKCLContext_t[] = [];
      expect(bkcl_comm_init_all(comms, 1, [0])).toBe(BKCL_SUCCESS);
      expect(bkcl_destroy_context(comms[0])).toBe(BKCL_SUCCESS);
      expect(bkcl_comm_init_all([], 2, [0, 1])).toBe(BKCL_INVALID_ARGUMENT);
      return comms;
    });
    expect(diagnosticIds(process)).toEqual(['OB2014']);
  });

  it('reports a send of device memory a stream is still writing', () => {
    const { process } = inProcess(() => {
      const comm = singleRankComm();
      const x = deviceZeros(16);
      const y = deviceZeros(16);
      const other = ref<XPUStream>();
      xpu_stream_create(other);
      xpu_memcpy_async(x, new Float32Array(4), 16, XPU_HOST_TO_DEVICE, other.value);
      expect(bkcl_all_reduce(comm, x, y, 4, BKCL_FLOAT, BKCL_ADD, null)).toBe(BKCL_SUCCESS);
      return comm;
    });
    expect(diagnosticIds(process)).toEqual(['OB2007']);
  });
});
