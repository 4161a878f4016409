/**
 * Whether a run of consecutive calls keeps its intermediate results to itself, decided from
 * the device memory each traced call read and wrote.
 *
 * A port may compute one source call's result in several calls (cuBLAS axpy's y = alpha·x + y
 * as a scale into a scratch buffer, then an add). Such a chain stands for the one call only
 * when nothing outside it sees the steps in between: every byte a member writes, except the
 * last member's result, is either overwritten inside the chain or never read afterwards (by a
 * later call, a copy, or a call between the members) before something else overwrites it.
 * A result written into host memory by any member but the last is seen by the program.
 */
import type { MemoryRange, TraceRecord } from '../backends/sim/trace.js';
import { overlaps, without } from './memory-ranges.js';

/** 'unknown' when a member's writes, or a reader's reads, were not traced. */
export type Containment = 'contained' | 'escapes' | 'unknown';

/**
 * @param trace one rank's whole trace in program order (calls and copies)
 * @param members the chain's calls, in order (records of `trace`)
 */
export function chainContainment(trace: readonly TraceRecord[], members: readonly TraceRecord[]): Containment {
  if (members.length < 2) return 'contained';
  const member = new Set(members.map((m) => m.seq));
  const last = members[members.length - 1].seq;
  const start = trace.findIndex((r) => r.seq === members[0].seq);
  if (start < 0) return 'unknown';
  let live: MemoryRange[] = [];
  for (let k = start; k < trace.length; k++) {
    const r = trace[k];
    if (member.has(r.seq)) {
      if (!r.writes) return 'unknown';
      if (r.seq !== last && r.writesHost) return 'escapes';
      for (const w of r.writes) live = without(live, w);
      if (r.seq !== last) live.push(...r.writes);
      continue;
    }
    if (r.seq > last && live.length === 0) return 'contained';
    if (!r.reads) {
      if (live.length) return 'unknown';
    } else if (r.reads.some((read) => live.some((l) => overlaps(l, read)))) {
      return 'escapes';
    }
    for (const w of r.writes ?? []) live = without(live, w);
  }
  return 'contained';
}
