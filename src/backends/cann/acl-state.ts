/**
 * Process-wide ACL state, as libascendcl keeps it: the aclInit reference count and finalize
 * flag, the devices set on this thread, the last runtime error and the most recent error
 * message (aclGetRecentErrMsg).
 */
import type { SimProcess } from '../sim/sim-process.js';

export class AclState {
  /** aclInit calls not yet undone; 0 before aclInit and after aclFinalize. */
  initRefCount = 0;
  /** Set by aclFinalize; a second aclFinalize returns ACL_ERROR_REPEAT_FINALIZE. */
  finalized = false;
  /** The thread's current device (aclrtSetDevice), undefined when none is set. */
  currentDevice: number | undefined;
  /** aclrtSetDevice calls per device not yet undone by aclrtResetDevice. */
  readonly deviceRefs = new Map<number, number>();
  lastError = 0;
  recentErrorMessage: string | null = null;

  get initialized(): boolean {
    return this.initRefCount > 0;
  }
}

export function aclState(process: SimProcess): AclState {
  return process.state('cann', () => new AclState());
}
