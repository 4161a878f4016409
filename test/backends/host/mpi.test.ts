import { describe, expect, it } from 'vitest';
import { mpiBcast, mpiRank, mpiSize } from '../../../src/backends/host/mpi.js';
import { SimProcess, withProcess } from '../../../src/backends/sim/sim-process.js';

describe('mpi host helpers (one rank, loopback transport)', () => {
  it('a single rank keeps its own bytes and is rank 0 of 1', () => {
    withProcess(new SimProcess(), () => {
      const id = new Uint8Array([1, 2, 3]);
      mpiBcast(id, 0);
      expect([...id]).toEqual([1, 2, 3]);
      expect([mpiRank(), mpiSize()]).toEqual([0, 1]);
    });
  });

  it('rejects a buffer that is not bytes with a message naming what it got and what fits', () => {
    withProcess(new SimProcess(), () => {
      expect(() => mpiBcast(undefined as unknown as Uint8Array, 0)).toThrow(/buffer must be a Uint8Array \(the bytes of the id, e\.g\. id\.internal\), got undefined/);
      expect(() => mpiBcast({} as Uint8Array, 0)).toThrow(/got Object/);
    });
  });

  it('rejects a root that is not a rank', () => {
    withProcess(new SimProcess(), () => {
      expect(() => mpiBcast(new Uint8Array(1), 1)).toThrow(/root 1 is not a rank \(0\.\.0\)/);
    });
  });
});
