import { describe, expect, it } from 'vitest';
import { StreamOrdering } from '../../../src/backends/sim/stream-ordering.js';

describe('StreamOrdering', () => {
  it('orders work on one stream and across an event wait, but not across unrelated streams', () => {
    const o = new StreamOrdering();
    const s1 = o.createStream(0, true);
    const s2 = o.createStream(0, true);
    const write = o.enqueue(s1, 10);
    o.enqueue(s2, 1);
    expect(o.orderedBeforeStream(write, s1)).toBe(true);
    expect(o.orderedBeforeStream(write, s2)).toBe(false);
    const e = o.createEvent();
    o.record(e, s1);
    o.waitEvent(s2, e);
    o.enqueue(s2, 1);
    expect(o.orderedBeforeStream(write, s2)).toBe(true);
  });

  it('applies the legacy default stream barriers to blocking streams only', () => {
    const o = new StreamOrdering();
    const blocking = o.createStream(0, false);
    const nonBlocking = o.createStream(0, true);
    const w1 = o.enqueue(blocking, 1);
    const w2 = o.enqueue(nonBlocking, 1);
    const def = o.defaultStream(0);
    o.enqueue(def, 1);
    expect(o.orderedBeforeStream(w1, def)).toBe(true);
    expect(o.orderedBeforeStream(w2, def)).toBe(false);
  });

  it('knows what the host has synchronised with', () => {
    const o = new StreamOrdering();
    const s = o.createStream(0, true);
    const w = o.enqueue(s, 1);
    expect(o.orderedBeforeHost(w)).toBe(false);
    o.synchronizeStream(s);
    expect(o.orderedBeforeHost(w)).toBe(true);
  });

  it('measures elapsed time between events from the simulated clock', () => {
    const o = new StreamOrdering();
    const s = o.createStream(0);
    const start = o.createEvent();
    const end = o.createEvent();
    o.record(start, s);
    o.enqueue(s, 1000);
    o.record(end, s);
    const ms = o.elapsedMs(start, end);
    expect(ms).toBeGreaterThan(1);
    expect(ms).toBeLessThan(1.1);
  });
});
