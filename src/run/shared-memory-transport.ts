/**
 * The collective transport between rank workers: one SharedArrayBuffer with a control block
 * and one slot per rank. `exchange` is a two-phase barrier (arrive, read, depart) built on
 * Atomics.wait/notify, so collectives block like real ones and slots are never overwritten
 * while another rank is still reading.
 */
import type { CollectiveTransport } from '../backends/sim/collective-transport.js';

const ARRIVE = 0;
const ARRIVE_GEN = 1;
const DEPART = 2;
const DEPART_GEN = 3;
const CONTROL_INTS = 4;
const SLOT_HEADER = 8; // payload length (int32) + tag hash (int32)

export class CollectiveTimeoutError extends Error {}
export class CollectiveMismatchError extends Error {}

export interface SharedArena {
  readonly buffer: SharedArrayBuffer;
  readonly nranks: number;
  readonly slotBytes: number;
}

export function createArena(nranks: number, slotBytes: number): SharedArena {
  const buffer = new SharedArrayBuffer(CONTROL_INTS * 4 + nranks * (SLOT_HEADER + slotBytes));
  return { buffer, nranks, slotBytes };
}

function hashTag(tag: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < tag.length; i++) h = Math.imul(h ^ tag.charCodeAt(i), 0x01000193);
  return h | 0;
}

export class SharedMemoryTransport implements CollectiveTransport {
  private readonly control: Int32Array;

  constructor(
    private readonly arena: SharedArena,
    readonly rank: number,
    private readonly timeoutMs: number,
  ) {
    this.control = new Int32Array(arena.buffer, 0, CONTROL_INTS);
  }

  get nranks(): number {
    return this.arena.nranks;
  }

  private slotOffset(rank: number): number {
    return CONTROL_INTS * 4 + rank * (SLOT_HEADER + this.arena.slotBytes);
  }

  private barrier(counter: number, generation: number, what: string): void {
    const gen = Atomics.load(this.control, generation);
    if (Atomics.add(this.control, counter, 1) + 1 === this.arena.nranks) {
      Atomics.store(this.control, counter, 0);
      Atomics.add(this.control, generation, 1);
      Atomics.notify(this.control, generation);
      return;
    }
    const deadline = Date.now() + this.timeoutMs;
    while (Atomics.load(this.control, generation) === gen) {
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(this.control, generation, gen, left) === 'timed-out') {
        if (Atomics.load(this.control, generation) !== gen) return;
        throw new CollectiveTimeoutError(
          `rank ${this.rank} waited ${this.timeoutMs} ms for the other ranks at ${what}: ` +
            'a rank stopped early, failed, or made a different sequence of collective calls',
        );
      }
    }
  }

  exchange(tag: string, payload: Uint8Array): Uint8Array[] {
    if (payload.length > this.arena.slotBytes) {
      throw new CollectiveMismatchError(
        `collective payload of ${payload.length} bytes exceeds the ${this.arena.slotBytes}-byte exchange slot (raise --collective-buffer)`,
      );
    }
    const own = this.slotOffset(this.rank);
    const header = new Int32Array(this.arena.buffer, own, 2);
    header[0] = payload.length;
    header[1] = hashTag(tag);
    new Uint8Array(this.arena.buffer, own + SLOT_HEADER, payload.length).set(payload);
    this.barrier(ARRIVE, ARRIVE_GEN, tag);
    const results: Uint8Array[] = [];
    const tags: number[] = [];
    for (let r = 0; r < this.arena.nranks; r++) {
      const offset = this.slotOffset(r);
      const h = new Int32Array(this.arena.buffer, offset, 2);
      tags.push(h[1]);
      results.push(new Uint8Array(this.arena.buffer, offset + SLOT_HEADER, h[0]).slice());
    }
    this.barrier(DEPART, DEPART_GEN, tag);
    if (tags.some((t) => t !== tags[0])) {
      throw new CollectiveMismatchError(`ranks made different collective calls at the same point (this rank: ${tag})`);
    }
    return results;
  }
}
