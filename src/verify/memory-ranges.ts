/** Byte ranges of device memory as traces record them: overlap and removal. */
import type { MemoryRange } from '../backends/sim/trace.js';

export function overlaps(a: MemoryRange, b: MemoryRange): boolean {
  return a.device === b.device && a.allocation === b.allocation && a.start < b.end && b.start < a.end;
}

/** `ranges` without the bytes of `cut`. */
export function without(ranges: readonly MemoryRange[], cut: MemoryRange): MemoryRange[] {
  const out: MemoryRange[] = [];
  for (const r of ranges) {
    if (!overlaps(r, cut)) {
      out.push(r);
      continue;
    }
    if (r.start < cut.start) out.push({ ...r, end: cut.start });
    if (cut.end < r.end) out.push({ ...r, start: cut.end });
  }
  return out;
}
