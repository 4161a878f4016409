/**
 * Devices (acl_rt.h): aclrtSetDevice creates the device's default context and stream and
 * counts; aclrtResetDevice undoes one aclrtSetDevice and, at zero, releases the device's
 * streams and events; aclrtResetDeviceForce resets whatever the count.
 */
import type { Ref } from '../sim/ref.js';
import { aclCall, AclStatusError } from './acl-call.js';
import { ACL_ERROR_INVALID_DEVICE, ACL_ERROR_INVALID_PARAM, type aclError } from './constants.generated.js';
import { releaseDeviceObjects } from './acl-stream.js';
import type { AclCallContext } from './acl-call.js';

function requireDeviceId(ctx: AclCallContext, deviceId: number): void {
  const count = ctx.process.deviceCount;
  if (!Number.isInteger(deviceId) || deviceId < 0 || deviceId >= count) {
    throw new AclStatusError(ACL_ERROR_INVALID_DEVICE, 'OB2013', `device ${deviceId} does not exist: the simulated host has ${count} devices (0..${count - 1})`);
  }
}

export function aclrtSetDevice(deviceId: number): aclError {
  return aclCall('aclrtSetDevice', (ctx) => {
    requireDeviceId(ctx, deviceId);
    ctx.acl.deviceRefs.set(deviceId, (ctx.acl.deviceRefs.get(deviceId) ?? 0) + 1);
    ctx.acl.currentDevice = deviceId;
    ctx.process.currentDevice = deviceId;
    ctx.process.ordering.defaultStream(deviceId);
  }) as aclError;
}

function reset(ctx: AclCallContext, deviceId: number, force: boolean): void {
  requireDeviceId(ctx, deviceId);
  const refs = ctx.acl.deviceRefs.get(deviceId) ?? 0;
  if (refs === 0) {
    throw new AclStatusError(ACL_ERROR_INVALID_PARAM, 'OB2013', `device ${deviceId} was not set by aclrtSetDevice, so there is nothing to reset`);
  }
  const left = force ? 0 : refs - 1;
  if (left > 0) {
    ctx.acl.deviceRefs.set(deviceId, left);
    return;
  }
  // The reset waits for the device's work and releases its default context, streams and events.
  ctx.process.ordering.synchronizeDevice(deviceId);
  releaseDeviceObjects(ctx.process, deviceId);
  ctx.acl.deviceRefs.delete(deviceId);
  if (ctx.acl.currentDevice === deviceId) ctx.acl.currentDevice = undefined;
}

export function aclrtResetDevice(deviceId: number): aclError {
  return aclCall('aclrtResetDevice', (ctx) => reset(ctx, deviceId, false)) as aclError;
}

export function aclrtResetDeviceForce(deviceId: number): aclError {
  return aclCall('aclrtResetDeviceForce', (ctx) => reset(ctx, deviceId, true)) as aclError;
}

export function aclrtGetDevice(deviceId: Ref<number>): aclError {
  return aclCall(
    'aclrtGetDevice',
    (ctx) => {
      if (deviceId === null || deviceId === undefined) throw new AclStatusError(ACL_ERROR_INVALID_PARAM, 'OB2012', 'deviceId is null');
      deviceId.value = ctx.acl.currentDevice as number;
    },
    { device: true },
  ) as aclError;
}

export function aclrtGetDeviceCount(count: Ref<number>): aclError {
  return aclCall('aclrtGetDeviceCount', (ctx) => {
    if (count === null || count === undefined) throw new AclStatusError(ACL_ERROR_INVALID_PARAM, 'OB2012', 'count is null');
    count.value = ctx.process.deviceCount;
  }) as aclError;
}

export function aclrtSynchronizeDevice(): aclError {
  return aclCall('aclrtSynchronizeDevice', (ctx) => ctx.process.ordering.synchronizeDevice(ctx.acl.currentDevice as number), { device: true }) as aclError;
}
