/**
 * Names every facade re-exports from `opbridge/host` (src/backends/host/index.ts): they are
 * backend-neutral, so the porter keeps them as they are and imports them from the target
 * facade. A meta-test keeps this list equal to the host module's exports.
 */
export const HOST_HELPERS: ReadonlySet<string> = new Set([
  'Ref',
  'ref',
  'DevicePtr',
  'mpiBcast',
  'mpiBarrier',
  'mpiRank',
  'mpiSize',
  'seededUniform',
  'randomFloat32',
  'toFloat16Bits',
  'fromFloat16Bits',
  'toBfloat16Bits',
  'fromBfloat16Bits',
  'roundToHalf',
  'tensor',
  'Tensor',
  'ProgramContext',
  'ProgramOutputs',
  'ProgramOutputValue',
]);

export function isHostHelper(name: string): boolean {
  return HOST_HELPERS.has(name);
}
