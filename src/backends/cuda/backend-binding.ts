/**
 * Which backend the CUDA facade implementation is running as. Moore Threads MUSA, MetaX MACA
 * and T-Head mirror CUDA's API, so their facades run this implementation under a binding
 * (src/backends/cuda-compatible/) that gives every call the target's backend id, symbol,
 * status names, numeric profile and knobs. CUDA's own binding is the identity. Facade calls
 * are synchronous, so the active binding is a plain stack.
 */
import type { BackendId } from '../../catalog/vocabulary.js';
import { callProfile, entryProfile, type KnobSetting } from '../sim/call-profile.js';
import { facadeCall, type CallContext, type StatusCodes } from '../sim/facade-call.js';
import type { NumericProfile } from '../../runtime/numerics/numeric-profile.js';

export interface BackendBinding {
  readonly backend: BackendId;
  /** The target's name for a CUDA symbol, enum member or type; names it does not know are returned unchanged. */
  name(cudaName: string): string;
  /**
   * A knob setting the CUDA implementation derived (CUDA symbol, CUDA enum value) in the
   * target's terms: every target member with that meaning, so the target's knob table decides.
   */
  knob(setting: KnobSetting): KnobSetting[];
}

const CUDA_BINDING: BackendBinding = { backend: 'cuda', name: (n) => n, knob: (s) => [s] };

let active: BackendBinding = CUDA_BINDING;

export function activeBinding(): BackendBinding {
  return active;
}

/** Runs `work` with `binding` active (nested bindings restore the outer one). */
export function runBound<T>(binding: BackendBinding, work: () => T): T {
  const previous = active;
  active = binding;
  try {
    return work();
  } finally {
    active = previous;
  }
}

/** The target's name for a CUDA name under the active binding (object kinds, messages). */
export function boundName(cudaName: string): string {
  return active.name(cudaName);
}

/** facadeCall under the active binding: the target's backend id, symbol and status names. */
export function boundFacadeCall<S extends number | string = number>(
  symbol: string,
  statuses: StatusCodes<S>,
  body: (ctx: CallContext) => S | void,
): S {
  const b = active;
  if (b === CUDA_BINDING) return facadeCall('cuda', symbol, statuses, body);
  return facadeCall(b.backend, b.name(symbol), { ...statuses, name: (code: S) => b.name(statuses.name(code)) }, body);
}

/** The numeric profile of a catalog entry (its own profile or the backend default) with knobs, under the active binding. */
export function boundEntryProfile(symbol: string, settings: readonly KnobSetting[] = []): NumericProfile {
  const b = active;
  return entryProfile(b.backend, b.name(symbol), settings.flatMap((s) => b.knob(s)));
}

/** The backend's default profile with knobs, under the active binding. */
export function boundCallProfile(settings: readonly KnobSetting[] = []): NumericProfile {
  const b = active;
  return callProfile(b.backend, settings.flatMap((s) => b.knob(s)));
}
