/**
 * ncclCommInitRank → cnclInitComms on the current device, and back (cncl-init-comms-lowerer.ts,
 * cncl-init-comms-lifter.ts, current-device-read.ts), decided by numbers: a two-rank all-reduce
 * program goes CUDA → Cambricon → CUDA in process, and the Cambricon port runs against the original on the
 * reference runtime (`verify` with 2 ranks: golden and profiled runs, compared call by call; the
 * collective sums small integers, exact in float32 in any order, so the verdict is pass). The way
 * back gives the original text exactly, so it needs no run of its own.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { portSource } from '../../../src/port/port-source.js';
import { verify } from '../../../src/verify/verify.js';
import { tempDir } from '../../helpers/temp-dir.js';

const PROGRAM = `import {
  cudaFree,
  cudaMalloc,
  cudaMemcpy,
  cudaMemcpyDeviceToHost,
  cudaMemcpyHostToDevice,
  cudaSetDevice,
  cudaStreamCreate,
  cudaStreamDestroy,
  cudaStreamSynchronize,
  mpiBcast,
  ncclAllReduce,
  ncclCommDestroy,
  ncclCommInitRank,
  ncclFloat,
  ncclGetUniqueId,
  ncclSuccess,
  ncclSum,
  ncclUniqueId,
  ref,
  type DevicePtr,
  type ProgramContext,
  type cudaStream_t,
  type ncclComm_t,
} from 'opbridge/cuda';

export function main({ rank, nranks }: ProgramContext) {
  const id = new ncclUniqueId();
  if (rank === 0) ncclGetUniqueId(id);
  mpiBcast(id.internal, 0);
  cudaSetDevice(rank);
  const host = new Float32Array(64).map((_, i) => i + rank);
  const d = ref<DevicePtr>();
  cudaMalloc(d, host.byteLength);
  cudaMemcpy(d.value, host, host.byteLength, cudaMemcpyHostToDevice);
  const stream = ref<cudaStream_t>();
  cudaStreamCreate(stream);
  const comm = ref<ncclComm_t>();
  const status = ncclCommInitRank(comm, nranks, id, rank);
  if (status !== ncclSuccess) throw new Error('ncclCommInitRank failed');
  ncclAllReduce(d.value, d.value, host.length, ncclFloat, ncclSum, comm.value, stream.value);
  cudaStreamSynchronize(stream.value);
  const sum = new Float32Array(host.length);
  cudaMemcpy(sum, d.value, sum.byteLength, cudaMemcpyDeviceToHost);
  ncclCommDestroy(comm.value);
  cudaStreamDestroy(stream.value);
  cudaFree(d.value);
  return { sum };
}
`;

async function verifies(original: string, ported: string) {
  const dir = tempDir({ 'original.ts': original, 'ported.ts': ported, 'package.json': '{ "type": "module" }' });
  return verify(join(dir, 'original.ts'), join(dir, 'ported.ts'), { ranks: 2, timeoutMs: 300_000 });
}

const TIMEOUT = 400_000; // seconds alone; a loaded 2-core machine stretches them

describe('ncclCommInitRank ↔ cnclInitComms', () => {
  it('ports to cnclInitComms on the device cnrtGetDevice reads, and runs as the original', async () => {
    const there = portSource(PROGRAM, { to: 'cambricon' });
    expect(there.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(there.output).toContain(
      '  const device = ref(0);\n  cnrtGetDevice(device);\n  const status = cnclInitComms(comm, 1, [device.value], [rank], nranks, id);\n  if (status !== CNCL_RET_SUCCESS)',
    );
    const report = await verifies(PROGRAM, there.output);
    expect(report.verdict, JSON.stringify(report.firstDivergence)).toBe('pass');
  }, TIMEOUT);

  it('comes back to ncclCommInitRank, the device read gone with it: the original program, byte for byte', () => {
    const there = portSource(PROGRAM, { to: 'cambricon' });
    const back = portSource(there.output, { to: 'cuda', from: 'cambricon' });
    expect(back.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(there.output).not.toEqual(PROGRAM);
    expect(back.output).toEqual(PROGRAM);
  });

  it('keeps a device that is not provably the current one (NCCL would use another): OB1004', () => {
    const program = `import { cnclInitComms, cnrtGetDevice, cnrtSetDevice, ref, type cnclCliqueId, type cnclComm_t } from 'opbridge/cambricon';
export function init(id: cnclCliqueId, rank: number, nranks: number) {
  const comm = ref<cnclComm_t>();
  const device = ref(0);
  cnrtGetDevice(device);
  cnrtSetDevice(rank + 1);
  cnclInitComms(comm, 1, [device.value], [rank], nranks, id);
  return comm.value;
}
`;
    const back = portSource(program, { to: 'cuda' });
    expect(back.diagnostics.map((d) => d.id)).toEqual(['OB1004']);
    expect(back.output).toContain('cudaGetDevice(device);\n  cudaSetDevice(rank + 1);');
    expect(back.output).toContain('cnclInitComms(comm, 1, [device.value], [rank], nranks, id);');
  });
});
