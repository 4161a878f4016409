/**
 * CNCL collectives, in NCCL's argument order (buffers, count, data type, op, then the
 * communicator and the queue LAST), run by the shared collective simulation. Data types and
 * reduce ops map onto the runtime by their catalog meaning (CNCL numbers its types by hex
 * nibble: cnclFloat is 18). There is no average op and no float64 / bool type.
 */
import type { DType } from '../../runtime/dtype.js';
import { callProfile } from '../sim/call-profile.js';
import { runCollective, type CollectiveKind, type Reduction } from '../sim/collective-call.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { CallContext } from '../sim/facade-call.js';
import { dtypeOfMeaning, enumMeaning, enumName } from './catalog-enums.js';
import type { cnclDataType_t, cnclReduceOp_t, cnclResult_t } from './constants.generated.js';
import { cnclCall } from './library-calls.js';
import { queueStream, type cnrtQueue_t } from './cnrt-queue.js';
import { requireComm, type cnclComm_t } from './cncl-communicator.js';

export function cnclDType(data_type: unknown): DType {
  const meaning = enumMeaning('cnclDataType_t', data_type);
  if (meaning === undefined || meaning === 'dtype.invalid') throw new DeviceFault('invalid-value', `${String(data_type)} is not a cnclDataType_t value`);
  const dtype = dtypeOfMeaning(meaning);
  if (!dtype) throw new DeviceFault('not-supported', `${enumName('cnclDataType_t', data_type)} has no storage type in opbridge's runtime`);
  return dtype;
}

const REDUCTION_BY_MEANING: Readonly<Record<string, Reduction>> = {
  'reduce.sum': 'sum',
  'reduce.prod': 'prod',
  'reduce.max': 'max',
  'reduce.min': 'min',
};

function reduction(reduce_op: unknown): Reduction {
  const r = REDUCTION_BY_MEANING[enumMeaning('cnclReduceOp_t', reduce_op) ?? ''];
  if (!r) throw new DeviceFault('invalid-value', `${String(reduce_op)} is not a cnclReduceOp_t value (cnclSum, cnclProd, cnclMax, cnclMin)`);
  return r;
}

interface Collective {
  readonly kind: CollectiveKind;
  readonly send: unknown;
  readonly recv: unknown;
  readonly count: unknown;
  readonly dataType: unknown;
  readonly reduceOp?: unknown;
  readonly root?: unknown;
  readonly comm: unknown;
  readonly queue: unknown;
}

function collective(ctx: CallContext, c: Collective): void {
  const comm = requireComm(c.comm);
  const stream = queueStream(ctx.process, c.queue);
  if (stream.device !== comm.device) {
    throw new DeviceFault('invalid-value', `the queue is on device ${stream.device} but the communicator on device ${comm.device}`);
  }
  if (typeof c.count !== 'number') throw new DeviceFault('invalid-value', `count must be a number, got ${String(c.count)}`);
  runCollective(ctx, {
    kind: c.kind,
    send: c.send,
    recv: c.recv,
    count: c.count,
    dtype: cnclDType(c.dataType),
    reduction: c.reduceOp === undefined ? undefined : reduction(c.reduceOp),
    root: c.root === undefined ? undefined : (c.root as number),
    stream,
    profile: callProfile('cambricon'),
  });
}

export function cnclAllReduce(
  send_buffer: unknown,
  recv_buffer: unknown,
  count: number,
  data_type: cnclDataType_t,
  reduce_op: cnclReduceOp_t,
  comm: cnclComm_t,
  queue: cnrtQueue_t,
): cnclResult_t {
  return cnclCall('cnclAllReduce', (ctx) =>
    collective(ctx, { kind: 'AllReduce', send: send_buffer, recv: recv_buffer, count, dataType: data_type, reduceOp: reduce_op, comm, queue }),
  );
}

/** `root` is a communicator rank. Only the root's send_buffer is read. */
export function cnclBroadcast(
  send_buffer: unknown,
  recv_buffer: unknown,
  count: number,
  data_type: cnclDataType_t,
  root: number,
  comm: cnclComm_t,
  queue: cnrtQueue_t,
): cnclResult_t {
  return cnclCall('cnclBroadcast', (ctx) => collective(ctx, { kind: 'Broadcast', send: send_buffer, recv: recv_buffer, count, dataType: data_type, root, comm, queue }));
}

/** Reduce to `root`; recv_buffer may be NULL on the other ranks. */
export function cnclReduce(
  send_buffer: unknown,
  recv_buffer: unknown,
  count: number,
  data_type: cnclDataType_t,
  reduce_op: cnclReduceOp_t,
  root: number,
  comm: cnclComm_t,
  queue: cnrtQueue_t,
): cnclResult_t {
  return cnclCall('cnclReduce', (ctx) =>
    collective(ctx, { kind: 'Reduce', send: send_buffer, recv: recv_buffer, count, dataType: data_type, reduceOp: reduce_op, root, comm, queue }),
  );
}

/** `count` is the number of elements each rank sends; recv_buffer holds nrank · count. */
export function cnclAllGather(send_buffer: unknown, recv_buffer: unknown, count: number, data_type: cnclDataType_t, comm: cnclComm_t, queue: cnrtQueue_t): cnclResult_t {
  return cnclCall('cnclAllGather', (ctx) => collective(ctx, { kind: 'AllGather', send: send_buffer, recv: recv_buffer, count, dataType: data_type, comm, queue }));
}

/** `count` is the number of elements each rank receives; send_buffer holds nrank · count. */
export function cnclReduceScatter(
  send_buffer: unknown,
  recv_buffer: unknown,
  count: number,
  data_type: cnclDataType_t,
  reduce_op: cnclReduceOp_t,
  comm: cnclComm_t,
  queue: cnrtQueue_t,
): cnclResult_t {
  return cnclCall('cnclReduceScatter', (ctx) =>
    collective(ctx, { kind: 'ReduceScatter', send: send_buffer, recv: recv_buffer, count, dataType: data_type, reduceOp: reduce_op, comm, queue }),
  );
}
