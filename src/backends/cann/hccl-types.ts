/**
 * HCCL's types (hccl_types.h, hccl_comm.h): the 4108-byte HcclRootInfo blob, the communicator,
 * and the element types and reductions the collectives accept.
 */
import type { DType } from '../../runtime/dtype.js';
import type { CallSite } from '../sim/call-site.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { Reduction } from '../sim/collective-call.js';
import { CommunicatorObject } from '../sim/sim-object.js';
import {
  HCCL_DATA_TYPE_BFP16,
  HCCL_DATA_TYPE_FP16,
  HCCL_DATA_TYPE_FP32,
  HCCL_DATA_TYPE_FP64,
  HCCL_DATA_TYPE_INT16,
  HCCL_DATA_TYPE_INT32,
  HCCL_DATA_TYPE_INT64,
  HCCL_DATA_TYPE_INT8,
  HCCL_DATA_TYPE_UINT8,
  HCCL_REDUCE_MAX,
  HCCL_REDUCE_MIN,
  HCCL_REDUCE_PROD,
  HCCL_REDUCE_SUM,
} from './constants.generated.js';
import { loadCatalog } from '../../catalog/load-catalog.js';
import type { LocalCommGroup } from './hccl-local-group.js';

/** HCCL_ROOT_INFO_BYTES in hccl_types.h. */
export const HCCL_ROOT_INFO_BYTES = 4108;

/** `typedef struct HcclRootInfoDef { char internal[HCCL_ROOT_INFO_BYTES]; } HcclRootInfo`. */
export class HcclRootInfo {
  readonly internal = new Uint8Array(HCCL_ROOT_INFO_BYTES);
}

export class HcclCommunicator extends CommunicatorObject {
  readonly kind = 'HcclComm';
  constructor(
    rank: number,
    nranks: number,
    device: number,
    site: CallSite | undefined,
    /** Set for the communicators of HcclCommInitAll, which live in one process. */
    readonly local?: LocalCommGroup,
  ) {
    super(rank, nranks, device, site);
  }
}

export type HcclComm = HcclCommunicator;

const DTYPES: ReadonlyMap<number, DType> = new Map<number, DType>([
  [HCCL_DATA_TYPE_INT8, 'int8'],
  [HCCL_DATA_TYPE_INT16, 'int16'],
  [HCCL_DATA_TYPE_INT32, 'int32'],
  [HCCL_DATA_TYPE_INT64, 'int64'],
  [HCCL_DATA_TYPE_UINT8, 'uint8'],
  [HCCL_DATA_TYPE_FP16, 'float16'],
  [HCCL_DATA_TYPE_BFP16, 'bfloat16'],
  [HCCL_DATA_TYPE_FP32, 'float32'],
  [HCCL_DATA_TYPE_FP64, 'float64'],
]);

function member(enumName: string, value: number): string | undefined {
  return loadCatalog().backend('cann').enums.get(enumName)?.spec.members.find((m) => m.value === value)?.name;
}

/** The runtime dtype of an HcclDataType (numbered unlike aclDataType: map by meaning). */
export function hcclDType(dataType: number, reducing: boolean): DType {
  const dtype = DTYPES.get(dataType);
  const name = member('HcclDataType', dataType);
  if (!dtype) {
    if (!name) throw new DeviceFault('invalid-value', `${dataType} is not an HcclDataType`);
    throw new DeviceFault('not-supported', `${name} is not simulated: the reference runtime has no such element type`);
  }
  if (reducing && dtype === 'uint8') {
    throw new DeviceFault('not-supported', 'HCCL_DATA_TYPE_UINT8 is not supported by the reducing collectives (hccl.h lists int8/16/32/64, uint64, fp16, fp32, fp64, bf16)');
  }
  return dtype;
}

const REDUCTIONS: ReadonlyMap<number, Reduction> = new Map<number, Reduction>([
  [HCCL_REDUCE_SUM, 'sum'],
  [HCCL_REDUCE_PROD, 'prod'],
  [HCCL_REDUCE_MAX, 'max'],
  [HCCL_REDUCE_MIN, 'min'],
]);

/** HcclReduceOp has no AVG: a port of ncclAvg sums, then divides by the rank count (aclnnDivs). */
export function hcclReduction(op: number): Reduction {
  const r = REDUCTIONS.get(op);
  if (!r) throw new DeviceFault('invalid-value', `${op} is not an HcclReduceOp (SUM 0, PROD 1, MAX 2, MIN 3; HCCL has no AVG: sum, then divide by the rank count)`);
  return r;
}

export function hcclResultName(code: number): string | undefined {
  return member('HcclResult', code);
}
