/**
 * The MPI-like host helper multi-rank programs use to share a communicator id, as real NCCL /
 * HCCL code does with MPI_Bcast. Calls block until every rank reaches them.
 */
import { currentProcess } from '../sim/sim-process.js';

export function mpiRank(): number {
  return currentProcess().rank;
}

export function mpiSize(): number {
  return currentProcess().nranks;
}

/** MPI_Bcast: copies `root`'s bytes into `buffer` on every rank. */
export function mpiBcast(buffer: Uint8Array, root: number): void {
  const process = currentProcess();
  if (!(buffer instanceof Uint8Array)) {
    const got = buffer === undefined || buffer === null ? String(buffer) : typeof buffer === 'object' ? (Object.getPrototypeOf(buffer)?.constructor?.name ?? 'an object') : typeof buffer;
    throw new TypeError(`mpiBcast: buffer must be a Uint8Array (the bytes of the id, e.g. id.internal), got ${got}`);
  }
  if (!Number.isInteger(root) || root < 0 || root >= process.nranks) {
    throw new RangeError(`mpiBcast: root ${root} is not a rank (0..${process.nranks - 1})`);
  }
  const all = process.transport.exchange(`mpi.bcast:${buffer.length}:${root}`, process.rank === root ? buffer : new Uint8Array(0));
  buffer.set(all[root].subarray(0, buffer.length));
}

/** MPI_Barrier. */
export function mpiBarrier(): void {
  const process = currentProcess();
  process.transport.exchange('mpi.barrier', new Uint8Array(0));
}
