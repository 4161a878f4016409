/** Host helpers every facade re-exports (`import { ref, mpiBcast } from 'opbridge/cuda'`). */
export { Ref, ref } from '../sim/ref.js';
export { DevicePtr } from '../sim/device-memory.js';
export { mpiBcast, mpiBarrier, mpiRank, mpiSize } from './mpi.js';
export {
  seededUniform,
  randomFloat32,
  toFloat16Bits,
  fromFloat16Bits,
  toBfloat16Bits,
  fromBfloat16Bits,
  roundToHalf,
} from './host-data.js';
export { tensor, Tensor } from './program-output.js';
export type { ProgramContext, ProgramOutputs, ProgramOutputValue } from './program-output.js';
