/**
 * End-of-program checks a real device would punish: results returned while an async copy
 * into them was never synchronised (OB2006), and memory or handles never released (OB2005).
 */
import type { SimProcess } from '../backends/sim/sim-process.js';

export function finalChecks(process: SimProcess, outputs: readonly { name: string; value: unknown }[]): void {
  for (const { name, value } of outputs) {
    const view = ArrayBuffer.isView(value) ? value : value && typeof value === 'object' && 'data' in value && ArrayBuffer.isView((value as { data: unknown }).data) ? ((value as { data: ArrayBufferView }).data) : undefined;
    if (!view) continue;
    const pending = process.access.unsynchronizedHostWrite(view, process.ordering);
    if (pending) {
      process.diagnostics.add({
        id: 'OB2006',
        message: `output '${name}' is returned while ${pending.symbol}${pending.site ? ` (${pending.site.file}:${pending.site.line})` : ''} may still be writing it: synchronise the stream before reading the result`,
        backend: 'host',
        symbol: pending.symbol,
        site: pending.site,
        rank: process.rank,
      });
    }
  }
  for (const memory of process.allMemories()) {
    for (const leak of memory.leaks()) {
      process.diagnostics.add({
        id: 'OB2005',
        message: `${leak.size} bytes of device memory allocated${leak.site ? ` at ${leak.site.file}:${leak.site.line}` : ''} were never freed`,
        backend: 'host',
        symbol: 'free',
        site: leak.site,
        rank: process.rank,
      });
    }
  }
  for (const leak of process.pinnedLeaks()) {
    process.diagnostics.add({
      id: 'OB2005',
      message: `${leak.bytes} bytes of pinned host memory allocated${leak.site ? ` at ${leak.site.file}:${leak.site.line}` : ''} were never freed`,
      backend: 'host',
      symbol: 'free-host',
      site: leak.site,
      rank: process.rank,
    });
  }
  for (const object of process.liveObjects()) {
    process.diagnostics.add({
      id: 'OB2005',
      message: `${object.kind} created${object.site ? ` at ${object.site.file}:${object.site.line}` : ''} was never destroyed`,
      backend: 'host',
      symbol: object.kind,
      site: object.site,
      rank: process.rank,
    });
  }
}
