/**
 * CNCL communicators. A program runs one rank per worker (opbridge run --ranks N) and creates
 * one communicator per rank with cnclInitComms(&comm, 1, &dev, &rank, nrank, &clique_id),
 * after rank 0's cnclGetCliqueId is shared with MPI-style host code
 * (`mpiBcast(cliqueId.bytes, 0)`). Several communicators in one process (num_comm > 1, the
 * single-process multi-device form) would need several ranks per worker and return
 * CNCL_RET_ERR_UNSUPPORTED.
 */
import { loadCatalog } from '../../catalog/load-catalog.js';
import { seededUniform } from '../host/host-data.js';
import { DeviceFault } from '../sim/device-fault.js';
import { exchangeOrFault, processGroup } from '../sim/collective-call.js';
import { requireLive } from '../sim/facade-call.js';
import { Ref } from '../sim/ref.js';
import { CommunicatorObject } from '../sim/sim-object.js';
import type { SimProcess } from '../sim/sim-process.js';
import type { cnclResult_t } from './constants.generated.js';
import { cnclCall } from './library-calls.js';
import { requireOutRef } from './out-params.js';
import { describeStatus } from './cnrt-error.js';

/** CNCL_CLIQUE_ID_BYTES_SIZE in cncl.h. */
const CLIQUE_ID_BYTES = 128;

/**
 * `struct cnclCliqueId { char data[128]; uint64_t hash; }`. `bytes` is the whole struct as C
 * lays it out (136 bytes): broadcast it to share the id, as C code broadcasts sizeof(id) bytes.
 */
export class cnclCliqueId {
  readonly bytes = new Uint8Array(CLIQUE_ID_BYTES + 8);

  get data(): Uint8Array {
    return this.bytes.subarray(0, CLIQUE_ID_BYTES);
  }

  get hash(): bigint {
    return new DataView(this.bytes.buffer).getBigUint64(CLIQUE_ID_BYTES, true);
  }
}

/** `cnclCliqueId_t` is a pointer to the struct: pass the cnclCliqueId object. */
export type cnclCliqueId_t = cnclCliqueId;

export class CnclComm extends CommunicatorObject {
  readonly kind = 'cnclComm_t';
}

export type cnclComm_t = CnclComm;

export function requireComm(value: unknown): CnclComm {
  return requireLive(value, 'cnclComm_t', (x): x is CnclComm => x instanceof CnclComm);
}

function fnv1a64(bytes: Uint8Array): bigint {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return h;
}

/** Ids drawn so far in this process: each call gives new bytes, and every run of a program the same ones. */
const cliqueIdsDrawn = (process: SimProcess): { count: number } => process.state('cncl-clique-ids', () => ({ count: 0 }));

/** Fills the id with fresh bytes and their hash (the `hash` field PaddleCustomDevice reads). */
export function cnclGetCliqueId(clique_id: cnclCliqueId_t): cnclResult_t {
  return cnclCall('cnclGetCliqueId', ({ process }) => {
    if (clique_id === null || clique_id === undefined) throw new DeviceFault('null-pointer', 'clique_id is NULL: pass a cnclCliqueId object');
    if (!(clique_id instanceof cnclCliqueId)) throw new DeviceFault('invalid-value', 'clique_id must be a cnclCliqueId object');
    const next = seededUniform((process.rank + 1) * 0x9e3779b1 + ++cliqueIdsDrawn(process).count);
    for (let i = 0; i < CLIQUE_ID_BYTES; i++) clique_id.bytes[i] = Math.floor(next() * 256);
    new DataView(clique_id.bytes.buffer).setBigUint64(CLIQUE_ID_BYTES, fnv1a64(clique_id.data), true);
  });
}

function intList(values: unknown, count: number, name: string): number[] {
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) throw new DeviceFault('null-pointer', `${name} must be an array of ${count} integers`);
  const list = Array.from(values as ArrayLike<number>, Number).slice(0, count);
  if (list.length < count || list.some((v) => !Number.isInteger(v))) throw new DeviceFault('invalid-value', `${name} must hold ${count} integers`);
  return list;
}

/**
 * `comms` is an array the call fills (or a Ref for the usual single communicator). Every rank
 * must pass the same clique id and nrank; the ids are compared across ranks, and a mismatch
 * is CNCL_RET_ERR_ARGUMENTS with OB2015.
 */
export function cnclInitComms(
  comms: cnclComm_t[] | Ref<cnclComm_t>,
  num_comm: number,
  dev_list: readonly number[],
  rank_list: readonly number[],
  nrank: number,
  clique_id: cnclCliqueId_t | null,
): cnclResult_t {
  return cnclCall('cnclInitComms', (ctx) => {
    const { process } = ctx;
    if (comms === null || comms === undefined) throw new DeviceFault('null-pointer', 'comms is NULL');
    if (!Number.isInteger(num_comm) || num_comm < 1) throw new DeviceFault('invalid-value', `num_comm must be a positive integer, got ${num_comm}`);
    if (num_comm > 1) {
      throw new DeviceFault('not-supported', `num_comm = ${num_comm}: opbridge runs one rank per worker; create one communicator per rank (run the program with --ranks ${nrank})`);
    }
    const [device] = intList(dev_list, 1, 'dev_list');
    const [rank] = intList(rank_list, 1, 'rank_list');
    if (!Number.isInteger(nrank) || nrank !== process.nranks) {
      throw new DeviceFault('invalid-value', `nrank is ${nrank} but the program runs with ${process.nranks} rank(s): start it with opbridge run --ranks ${nrank}`);
    }
    if (rank !== process.rank) throw new DeviceFault('invalid-value', `rank_list[0] is ${rank} but this worker is rank ${process.rank}`);
    if (device < 0 || device >= process.deviceCount) throw new DeviceFault('invalid-value', `dev_list[0] ${device} is not a device (0..${process.deviceCount - 1})`);
    if (clique_id === null || clique_id === undefined) {
      if (nrank > 1) throw new DeviceFault('null-pointer', 'clique_id is NULL: only a single-process clique may let CNCL make one; share rank 0\'s cnclGetCliqueId');
    } else if (!(clique_id instanceof cnclCliqueId)) {
      throw new DeviceFault('invalid-value', 'clique_id must be a cnclCliqueId object');
    }
    const mine = clique_id ? clique_id.bytes : new Uint8Array(0);
    const all = exchangeOrFault(processGroup(process), 'cncl.init', mine);
    if (all.some((b) => b.length !== mine.length || b.some((x, i) => x !== mine[i]))) {
      throw new DeviceFault('collective-mismatch', "the ranks passed different clique ids: broadcast rank 0's cnclGetCliqueId to every rank before cnclInitComms");
    }
    const comm = process.track(new CnclComm(rank, nrank, device, ctx.site));
    if (comms instanceof Ref) comms.value = comm;
    else if (Array.isArray(comms)) comms[0] = comm;
    else throw new DeviceFault('invalid-value', 'comms must be an array or a Ref');
  });
}

/** Waits for the communicator's work (here: nothing is left pending) and releases it. */
export function cnclFreeComm(comm: cnclComm_t): cnclResult_t {
  return cnclCall('cnclFreeComm', ({ process }) => {
    process.release(requireComm(comm));
  });
}

/** Note the order: the result first (ncclCommCount takes the communicator first). */
export function cnclGetCommCount(count: Ref<number>, comm: cnclComm_t): cnclResult_t {
  return cnclCall('cnclGetCommCount', () => {
    const c = requireComm(comm);
    requireOutRef(count, 'count').value = c.nranks;
  });
}

export function cnclGetCommRank(rank: Ref<number>, comm: cnclComm_t): cnclResult_t {
  return cnclCall('cnclGetCommRank', () => {
    const c = requireComm(comm);
    requireOutRef(rank, 'rank').value = c.rank;
  });
}

/** The CNCL version this facade mirrors (mappings/cambricon/cncl.yaml), as three integers. */
export function cnclGetLibVersion(major: Ref<number>, minor: Ref<number>, patch: Ref<number>): cnclResult_t {
  return cnclCall('cnclGetLibVersion', () => {
    const version = loadCatalog().backend('cambricon').libraries.find((l) => l.library === 'cncl')?.version ?? '';
    const match = /CNCL (\d+)\.(\d+)\.(\d+)/.exec(version);
    if (!match) throw new DeviceFault('not-supported', `the catalog's CNCL version '${version}' is not major.minor.patch`);
    requireOutRef(major, 'major').value = Number(match[1]);
    requireOutRef(minor, 'minor').value = Number(match[2]);
    requireOutRef(patch, 'patch').value = Number(match[3]);
  });
}

/** opbridge's description of a status (the vendor's texts are not in the catalog). */
export function cnclGetErrorStr(ret: cnclResult_t): string {
  return describeStatus('cnclResult_t', ret);
}
