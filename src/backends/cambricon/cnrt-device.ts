/** CNRT device management: count, selection, synchronisation, reset and memory info. */
import { DeviceFault } from '../sim/device-fault.js';
import { DevicePtr } from '../sim/device-memory.js';
import type { Ref } from '../sim/ref.js';
import { cnrtErrorDeviceInvalid, type cnrtRet_t } from './constants.generated.js';
import { cnrtCall } from './library-calls.js';
import { requireOutRef } from './out-params.js';
import { CNRT_STATUS, withFaults } from './status-codes.js';
import { CnrtQueue } from './cnrt-queue.js';
import { CnrtNotifier } from './cnrt-notifier.js';

/** `unsigned int*` in CNRT, where CUDA's cudaGetDeviceCount takes `int*`. */
export function cnrtGetDeviceCount(pCount: Ref<number>): cnrtRet_t {
  return cnrtCall('cnrtGetDeviceCount', ({ process }) => {
    requireOutRef(pCount, 'pCount').value = process.deviceCount;
  });
}

export function cnrtSetDevice(ordinal: number): cnrtRet_t {
  return cnrtCall(
    'cnrtSetDevice',
    ({ process }) => {
      if (!Number.isInteger(ordinal) || ordinal < 0 || ordinal >= process.deviceCount) {
        throw new DeviceFault('invalid-value', `device ordinal ${ordinal} is not in 0..${process.deviceCount - 1}`);
      }
      process.currentDevice = ordinal;
    },
    withFaults(CNRT_STATUS, { 'invalid-value': cnrtErrorDeviceInvalid }),
  );
}

export function cnrtGetDevice(pOrdinal: Ref<number>): cnrtRet_t {
  return cnrtCall('cnrtGetDevice', ({ process }) => {
    requireOutRef(pOrdinal, 'pOrdinal').value = process.currentDevice;
  });
}

/** Waits for every queue of this thread on the current device (catalog: cnrtSyncDevice). */
export function cnrtSyncDevice(): cnrtRet_t {
  return cnrtCall('cnrtSyncDevice', ({ process }) => {
    process.ordering.synchronizeDevice(process.currentDevice);
  });
}

/**
 * Releases the current device's resources of this process, as cnrt.h documents: its queues
 * and notifiers are destroyed and its device memory freed (after waiting for its work).
 */
export function cnrtDeviceReset(): cnrtRet_t {
  return cnrtCall('cnrtDeviceReset', ({ process, site }) => {
    const device = process.currentDevice;
    process.ordering.synchronizeDevice(device);
    for (const object of process.liveObjects()) {
      if (object instanceof CnrtQueue && object.device === device) {
        process.ordering.destroyStream(object.sim);
        process.release(object);
      } else if (object instanceof CnrtNotifier && object.device === device) {
        object.sim.destroyed = true;
        process.release(object);
      }
    }
    const memory = process.memory(device);
    for (const allocation of memory.leaks()) {
      if (allocation.kind === 'device') memory.free(new DevicePtr(allocation, 0), 'device', site);
    }
  });
}

export function cnrtMemGetInfo(free: Ref<number>, total: Ref<number>): cnrtRet_t {
  return cnrtCall('cnrtMemGetInfo', ({ process }) => {
    const memory = process.memory();
    requireOutRef(free, 'free').value = memory.capacity - memory.used;
    requireOutRef(total, 'total').value = memory.capacity;
  });
}
