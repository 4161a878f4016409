import { describe, expect, it } from 'vitest';
import { cuda, diagnosticIds, downloadFloat32, inProcess, upload } from './cuda-test-kit.js';

const { ref, ncclSuccess, ncclInvalidArgument, ncclInvalidUsage, ncclInternalError, ncclFloat32 } = cuda;

/** Per-device buffers for an ncclCommInitAll clique of `ndev` devices. */
function onDevices<T>(ndev: number, make: (device: number) => T): T[] {
  return Array.from({ length: ndev }, (_, d) => {
    cuda.cudaSetDevice(d);
    return make(d);
  });
}

describe('NCCL in one process (ncclCommInitAll)', () => {
  it('runs AllReduce, Broadcast, Reduce, AllGather and ReduceScatter across four devices inside groups', () => {
    const p = inProcess(() => {
      const comms: cuda.ncclComm_t[] = [];
      expect(cuda.ncclCommInitAll(comms, 4, null)).toBe(ncclSuccess);
      const rankOf = ref<number>();
      const size = ref<number>();
      cuda.ncclCommUserRank(comms[2], rankOf);
      cuda.ncclCommCount(comms[2], size);
      expect([rankOf.value, size.value]).toEqual([2, 4]);
      // Rank r holds [r + 1, 10·(r + 1), 100·(r + 1), 0.5] (4 elements; AllGather/ReduceScatter use them too).
      const send = onDevices(4, (r) => upload(new Float32Array([r + 1, 10 * (r + 1), 100 * (r + 1), 0.5])));
      const recv = onDevices(4, () => upload(new Float32Array(16)));
      const group = (call: (r: number) => number) => {
        expect(cuda.ncclGroupStart()).toBe(ncclSuccess);
        for (let r = 0; r < 4; r++) expect(call(r)).toBe(ncclSuccess);
        expect(cuda.ncclGroupEnd()).toBe(ncclSuccess);
      };
      group((r) => cuda.ncclAllReduce(send[r], recv[r], 4, ncclFloat32, cuda.ncclSum, comms[r], 0));
      for (const r of [0, 3]) expect([...downloadFloat32(recv[r], 4)]).toEqual([10, 100, 1000, 2]);
      group((r) => cuda.ncclAllReduce(send[r], recv[r], 4, ncclFloat32, cuda.ncclAvg, comms[r], 0));
      expect([...downloadFloat32(recv[1], 4)]).toEqual([2.5, 25, 250, 0.5]);
      group((r) => cuda.ncclBroadcast(send[r], recv[r], 2, ncclFloat32, 2, comms[r], 0));
      expect([...downloadFloat32(recv[0], 2)]).toEqual([3, 30]);
      // AllGather takes the per-rank SEND count: recvbuff gets nranks · 2 elements in rank order.
      group((r) => cuda.ncclAllGather(send[r], recv[r], 2, ncclFloat32, comms[r], 0));
      expect([...downloadFloat32(recv[3], 8)]).toEqual([1, 10, 2, 20, 3, 30, 4, 40]);
      // ReduceScatter takes the per-rank RECEIVE count: rank r gets block r of the elementwise max.
      group((r) => cuda.ncclReduceScatter(send[r], recv[r], 1, ncclFloat32, cuda.ncclMax, comms[r], 0));
      expect([...downloadFloat32(recv[2], 1)]).toEqual([400]);
      // Reduce: only the root's recvbuff is written.
      const before = downloadFloat32(recv[1], 4);
      group((r) => cuda.ncclReduce(send[r], recv[r], 4, ncclFloat32, cuda.ncclProd, 0, comms[r], 0));
      expect([...downloadFloat32(recv[0], 4)]).toEqual([24, 240000, 2400000000, 0.0625]);
      expect([...downloadFloat32(recv[1], 4)]).toEqual([...before]);
      for (const c of comms) expect(cuda.ncclCommDestroy(c)).toBe(ncclSuccess);
    });
    expect(diagnosticIds(p)).toEqual([]);
    const ops = p.tracer.records.filter((r) => r.kind === 'op');
    expect(ops.length).toBe(24);
    expect(ops[0]).toMatchObject({ symbol: 'ncclAllReduce', op: 'AllReduce', attributes: { reduction: 'sum', nranks: 4 } });
    expect(ops.find((r) => r.symbol === 'ncclReduce')?.op).toBe('AllReduce');
  });

  it('defers calls inside a group until ncclGroupEnd and exchanges send/recv pairs in a ring', () => {
    inProcess(() => {
      const comms: cuda.ncclComm_t[] = [];
      cuda.ncclCommInitAll(comms, 3, [2, 0, 1]);
      const send = onDevices(3, (r) => upload(new Float32Array([r, r])));
      const recv = onDevices(3, () => upload(new Float32Array([-1, -1])));
      cuda.ncclGroupStart();
      for (let r = 0; r < 3; r++) {
        cuda.ncclSend(send[r], 2, ncclFloat32, (r + 1) % 3, comms[r], 0);
        cuda.ncclRecv(recv[r], 2, ncclFloat32, (r + 2) % 3, comms[r], 0);
      }
      // Nothing has moved yet.
      expect([...downloadFloat32(recv[0], 2)]).toEqual([-1, -1]);
      expect(cuda.ncclGroupEnd()).toBe(ncclSuccess);
      for (let r = 0; r < 3; r++) expect([...downloadFloat32(recv[r], 2)]).toEqual([(r + 2) % 3, (r + 2) % 3]);
      expect(send[0].allocation.device).toBe(0);
      for (const c of comms) cuda.ncclCommDestroy(c);
    });
  });

  it('reports clique members that issue different collectives, or one collective outside a group, as ncclInvalidUsage (OB2015)', () => {
    const p = inProcess(() => {
      const comms: cuda.ncclComm_t[] = [];
      cuda.ncclCommInitAll(comms, 2, null);
      const buffers = onDevices(2, () => upload(new Float32Array(4)));
      expect(cuda.ncclAllReduce(buffers[0], buffers[0], 4, ncclFloat32, cuda.ncclSum, comms[0], 0)).toBe(ncclInvalidUsage);
      cuda.ncclGroupStart();
      cuda.ncclAllReduce(buffers[0], buffers[0], 4, ncclFloat32, cuda.ncclSum, comms[0], 0);
      cuda.ncclAllReduce(buffers[1], buffers[1], 2, ncclFloat32, cuda.ncclSum, comms[1], 0);
      expect(cuda.ncclGroupEnd()).toBe(ncclInvalidUsage);
      expect(cuda.ncclGroupEnd()).toBe(ncclInvalidUsage); // no group is open any more
      for (const c of comms) cuda.ncclCommDestroy(c);
    });
    expect(diagnosticIds(p)).toEqual(['OB2015', 'OB2015', 'OB2013']);
    expect(p.diagnostics.entries[1].message).toMatch(/AllReduce:float32:4:sum.* vs AllReduce:float32:2:sum/);
  });
});

describe('NCCL arguments, errors and version', () => {
  it('initialises a one-rank communicator from a unique id and checks arguments as NCCL does', () => {
    const p = inProcess(() => {
      const id = new cuda.ncclUniqueId();
      expect(cuda.ncclGetUniqueId(id)).toBe(ncclSuccess);
      expect(id.internal.length).toBe(128);
      const comm = ref<cuda.ncclComm_t>();
      expect(cuda.ncclCommInitRank(comm, 1, id, 0)).toBe(ncclSuccess);
      expect(cuda.ncclCommInitRank(ref<cuda.ncclComm_t>(), 1, new cuda.ncclUniqueId(), 0)).toBe(ncclInvalidArgument);
      expect(cuda.ncclCommInitRank(ref<cuda.ncclComm_t>(), 2, id, 1)).toBe(ncclInvalidUsage); // a 2-rank comm in a 1-rank program
      const d = upload(new Float32Array([1, 2]));
      expect(cuda.ncclAllReduce(d, d, 2, ncclFloat32, cuda.ncclSum, comm.value, 0)).toBe(ncclSuccess);
      expect([...downloadFloat32(d, 2)]).toEqual([1, 2]);
      expect(cuda.ncclAllReduce(d, d, 2, ncclFloat32, 9 as never, comm.value, 0)).toBe(ncclInvalidArgument);
      expect(cuda.ncclBroadcast(d, d, 2, ncclFloat32, 1, comm.value, 0)).toBe(ncclInvalidArgument);
      expect(cuda.ncclAllReduce(d, d, 2, cuda.ncclUint32, cuda.ncclSum, comm.value, 0)).toBe(ncclInternalError);
      expect(cuda.ncclAllReduce(null, null, 2, ncclFloat32, cuda.ncclSum, comm.value, 0)).toBe(ncclInvalidArgument);
      expect(cuda.ncclCommDestroy(comm.value)).toBe(ncclSuccess);
      expect(cuda.ncclCommDestroy(comm.value)).toBe(ncclInvalidArgument);
      expect(cuda.ncclAllReduce(d, d, 2, ncclFloat32, cuda.ncclSum, comm.value, 0)).toBe(ncclInvalidArgument);
    });
    expect(diagnosticIds(p)).toEqual(['OB2013', 'OB2014', 'OB2013', 'OB2013', 'OB2014', 'OB2012', 'OB2008', 'OB2008']);
  });

  it('reports the NCCL version of the mirrored header and NCCL\'s error strings', () => {
    const version = ref<number>();
    expect(cuda.ncclGetVersion(version)).toBe(ncclSuccess);
    expect(version.value).toBe(23007);
    expect(cuda.ncclGetErrorString(ncclSuccess)).toBe('no error');
    expect(cuda.ncclGetErrorString(ncclInvalidUsage)).toBe('invalid usage (run with NCCL_DEBUG=WARN for details)');
    expect(cuda.ncclGetErrorString(cuda.ncclTimeout)).toBe('timeout');
    expect(cuda.ncclGetErrorString(42 as never)).toBe('unknown result code');
  });
});
