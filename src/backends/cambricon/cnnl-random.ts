/**
 * CNNL random generators. Generate calls run RandomUniform / RandomNormal on the handle's
 * queue. CNNL's bit streams are not documented (and differ from cuRAND's), so a generator is
 * modelled as Philox keyed by its seed (low 32 bits) and a per-generator call counter (high
 * bits): each call draws a fresh stream, and parity with another backend is distributional
 * only. The MTGP32 device state buffer is accepted and not used (its setup calls are not in
 * the catalog).
 */
import { deviceTensor } from '../sim/device-tensor.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { CallSite } from '../sim/call-site.js';
import { requireLive } from '../sim/facade-call.js';
import { requireDevicePtr } from '../sim/memory-ops.js';
import type { Ref } from '../sim/ref.js';
import { SimObject } from '../sim/sim-object.js';
import { dtypeOfMeaning, enumMeaning, enumName } from './catalog-enums.js';
import { requireCatalogDType } from './catalog-dtypes.js';
import type { cnnlDataType_t, cnnlRandRngType_t, cnnlStatus_t } from './constants.generated.js';
import { cnnlCall } from './library-calls.js';
import { requireOutRef } from './out-params.js';
import { launchCnnl } from './cnnl-launch.js';
import { requireHandle, type cnnlHandle_t } from './cnnl-handle.js';
import type { CallContext } from '../sim/facade-call.js';

export class CnnlRandGenerator extends SimObject {
  readonly kind = 'cnnlRandGenerator_t';
  seed = 0;
  calls = 0;

  constructor(
    readonly rngType: string,
    site: CallSite | undefined,
  ) {
    super(site);
  }
}

export type cnnlRandGenerator_t = CnnlRandGenerator;

function requireGenerator(value: unknown): CnnlRandGenerator {
  return requireLive(value, 'cnnlRandGenerator_t', (x): x is CnnlRandGenerator => x instanceof CnnlRandGenerator);
}

/** No handle argument, as curandCreateGenerator. */
export function cnnlRandCreateGenerator(generator: Ref<cnnlRandGenerator_t>, rng_type: cnnlRandRngType_t): cnnlStatus_t {
  return cnnlCall('cnnlRandCreateGenerator', ({ process, site }) => {
    const out = requireOutRef(generator, 'generator');
    if (enumMeaning('cnnlRandRngType_t', rng_type) === undefined) throw new DeviceFault('invalid-value', `${String(rng_type)} is not a cnnlRandRngType_t value`);
    out.value = process.track(new CnnlRandGenerator(enumName('cnnlRandRngType_t', rng_type), site));
  });
}

export function cnnlRandDestroyGenerator(generator: cnnlRandGenerator_t): cnnlStatus_t {
  return cnnlCall('cnnlRandDestroyGenerator', ({ process }) => {
    process.release(requireGenerator(generator));
  });
}

export function cnnlRandSetPseudoRandomGeneratorSeed(generator: cnnlRandGenerator_t, seed: number): cnnlStatus_t {
  return cnnlCall('cnnlRandSetPseudoRandomGeneratorSeed', () => {
    const g = requireGenerator(generator);
    if (!Number.isInteger(seed)) throw new DeviceFault('invalid-value', `seed must be an integer, got ${seed}`);
    g.seed = seed;
    g.calls = 0;
  });
}

const CALL_STRIDE = 2 ** 32;

function generate(
  ctx: CallContext,
  op: 'RandomUniform' | 'RandomNormal',
  handle: unknown,
  generator: unknown,
  dtypeCode: unknown,
  state: unknown,
  num: unknown,
  parameters: Record<string, number>,
  output: unknown,
): void {
  const h = requireHandle(handle);
  const g = requireGenerator(generator);
  const dtype = dtypeOfMeaning(enumMeaning('cnnlDataType_t', dtypeCode));
  if (!dtype) throw new DeviceFault('invalid-value', `dtype ${enumName('cnnlDataType_t', dtypeCode)} is not a data type`);
  requireCatalogDType(ctx.symbol, dtype, 'output');
  if (typeof num !== 'number' || !Number.isSafeInteger(num) || num < 0) throw new DeviceFault('invalid-value', `num must be a non-negative integer, got ${String(num)}`);
  if (state !== null && state !== undefined) requireDevicePtr(state, 'state');
  const ptr = requireDevicePtr(output, 'output');
  const out = { ptr, view: deviceTensor(ctx.process, { ptr, dtype, shape: [num] }) };
  // Seeds are kept below 2^32 in the key's low word so each call gets its own stream.
  const key = (g.seed >>> 0) + g.calls * CALL_STRIDE;
  g.calls += 1;
  launchCnnl(ctx, h, { op, inputs: [], attributes: { ...parameters, shape: [num], dtype, seed: key }, outputs: [out] });
}

/** Uniform on [min, max). Runs on the handle's queue (cuRAND's generator carries the stream instead). */
export function cnnlRandGenerateUniform(
  handle: cnnlHandle_t,
  generator: cnnlRandGenerator_t,
  dtype: cnnlDataType_t,
  state: unknown,
  num: number,
  min: number,
  max: number,
  output: unknown,
): cnnlStatus_t {
  return cnnlCall('cnnlRandGenerateUniform', (ctx) => generate(ctx, 'RandomUniform', handle, generator, dtype, state, num, { low: min, high: max }, output));
}

export function cnnlRandGenerateNormal(
  handle: cnnlHandle_t,
  generator: cnnlRandGenerator_t,
  dtype: cnnlDataType_t,
  state: unknown,
  num: number,
  mean: number,
  std: number,
  output: unknown,
): cnnlStatus_t {
  return cnnlCall('cnnlRandGenerateNormal', (ctx) => generate(ctx, 'RandomNormal', handle, generator, dtype, state, num, { mean, scale: std }, output));
}
