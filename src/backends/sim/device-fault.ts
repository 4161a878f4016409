/**
 * A memory-safety or API-usage fault found by the simulation. Facades turn each fault into
 * the vendor's error status plus a diagnostic; on real hardware most of these crash or
 * silently corrupt memory.
 */
export type FaultKind =
  | 'out-of-bounds'
  | 'use-after-free'
  | 'double-free'
  | 'invalid-free'
  | 'host-pointer'
  | 'device-pointer'
  | 'null-pointer'
  | 'misaligned'
  | 'invalid-handle'
  | 'invalid-value'
  | 'out-of-memory'
  | 'not-supported'
  | 'executor-reused'
  | 'workspace-too-small'
  | 'collective-mismatch';

export class DeviceFault extends Error {
  constructor(
    readonly kind: FaultKind,
    message: string,
  ) {
    super(message);
    this.name = 'DeviceFault';
  }
}
