/**
 * aclInit / aclFinalize (acl.h) and their aclnn counterparts (aclnn_base.h), with the
 * reference counting libascendcl implements: a second aclInit returns
 * ACL_ERROR_REPEAT_INITIALIZE (and counts), aclFinalize releases everything whatever the
 * count, a second aclFinalize returns ACL_ERROR_REPEAT_FINALIZE, and aclInit after aclFinalize
 * initialises again (hicann/runtime aclInitImpl / aclFinalizeImpl).
 */
import type { Ref } from '../sim/ref.js';
import { aclCall, cannCall, AclStatusError } from './acl-call.js';
import { ACLNN_STATUS } from './status-codes.js';
import { ACL_ERROR_INVALID_FILE, ACL_ERROR_INVALID_PARAM, ACL_ERROR_REPEAT_FINALIZE, ACL_ERROR_REPEAT_INITIALIZE } from './constants.generated.js';
import type { aclError } from './constants.generated.js';
import { releaseDeviceObjects } from './acl-stream.js';

export function aclInit(configPath: string | null = null): aclError {
  return aclCall(
    'aclInit',
    ({ acl }) => {
      if (configPath !== null && configPath !== undefined && typeof configPath !== 'string') {
        throw new AclStatusError(ACL_ERROR_INVALID_PARAM, 'OB2013', `configPath must be a path string or null, got ${typeof configPath}`);
      }
      if (acl.initRefCount > 0) {
        acl.initRefCount += 1;
        throw new AclStatusError(
          ACL_ERROR_REPEAT_INITIALIZE,
          'OB2013',
          `aclInit was already called in this process (reference count now ${acl.initRefCount}); call it once, before any other ACL call`,
        );
      }
      acl.initRefCount = 1;
      acl.finalized = false;
    },
    { beforeInit: true },
  ) as aclError;
}

export function aclFinalize(): aclError {
  return aclCall(
    'aclFinalize',
    ({ acl, process }) => {
      if (acl.finalized) {
        throw new AclStatusError(ACL_ERROR_REPEAT_FINALIZE, 'OB2013', 'aclFinalize was already called: finalise ACL once, before the process exits');
      }
      // Finalising releases what the runtime still holds for the process.
      for (const device of [...acl.deviceRefs.keys()]) releaseDeviceObjects(process, device);
      acl.deviceRefs.clear();
      acl.currentDevice = undefined;
      acl.initRefCount = 0;
      acl.finalized = true;
    },
    { beforeInit: true },
  ) as aclError;
}

/** aclnnInit: optional initialisation of the aclnn library; the op samples call only aclInit. */
export function aclnnInit(configPath: string | null = null): number {
  return cannCall('aclnnInit', ACLNN_STATUS, () => {
    if (configPath !== null && configPath !== undefined && typeof configPath !== 'string') {
      throw new AclStatusError(ACL_ERROR_INVALID_PARAM, 'OB2013', `configPath must be a path string or null, got ${typeof configPath}`);
    }
  });
}

export function aclnnFinalize(): number {
  return cannCall('aclnnFinalize', ACLNN_STATUS, () => undefined);
}

/** The struct aclsysGetCANNVersion fills (acl.h): version strings of one CANN package. */
export interface aclCANNPackageVersion {
  version: string;
  majorVersion: string;
  minorVersion: string;
  releaseVersion: string;
  patchVersion: string;
}

/**
 * aclsysGetCANNVersion reads `<ASCEND_HOME_PATH>/share/info/<package>/version.info`. The
 * simulation has no CANN installation, so it answers as the runtime does when that file is
 * missing: ACL_ERROR_INVALID_FILE (aclsysGetCANNVersionImpl), never a made-up version.
 */
export function aclsysGetCANNVersion(name: number, version: Ref<aclCANNPackageVersion>): aclError {
  return aclCall(
    'aclsysGetCANNVersion',
    () => {
      if (version === null || version === undefined) throw new AclStatusError(ACL_ERROR_INVALID_PARAM, 'OB2012', 'version is null');
      // aclCANNPackageName: ACL_PKG_NAME_CANN (0) .. ACL_PKG_NAME_DRIVER (7) in acl.h.
      if (!Number.isInteger(name) || name < 0 || name > 7) {
        throw new AclStatusError(ACL_ERROR_INVALID_PARAM, 'OB2013', `package name ${name} is not an aclCANNPackageName (0..7)`);
      }
      throw new AclStatusError(
        ACL_ERROR_INVALID_FILE,
        'OB2014',
        'the simulated device has no CANN installation whose version.info could be read; the catalog records the mirrored API version (ACL 1.17.0)',
      );
    },
    { beforeInit: true },
  ) as aclError;
}
