/**
 * The XDNN context (`xpu::Context*` from `xpu::create_context()`): one object stands for both
 * the cuBLAS and the cuDNN handle, carries the stream every XDNN call on it runs on (the
 * public field `xpu_stream`, set with `ctx->set_stream(stream)`), and is bound to the device
 * that was current when it was created. Also the small value types XDNN calls take:
 * `xpu::Activation_t` and `xpu::VectorParam<T>`.
 */
import { captureCallSite, type CallSite } from '../../sim/call-site.js';
import { DeviceFault } from '../../sim/device-fault.js';
import type { DevicePtr } from '../../sim/device-memory.js';
import { facadeCall } from '../../sim/facade-call.js';
import { currentProcess, type SimProcess } from '../../sim/sim-process.js';
import { SimObject } from '../../sim/sim-object.js';
import type { SimStream } from '../../sim/stream-ordering.js';
import { act_enum } from '../constants.generated.js';
import { KUNLUN } from '../kunlun-catalog.js';
import { XDNN_STATUS } from '../status-codes.js';
import { resolveStream, type XPUStream } from '../xpu-runtime.js';

export class Context extends SimObject {
  readonly kind = 'xpu::Context';
  /** The stream XDNN calls on this context run on; null is the default stream. Public, as in C++. */
  xpu_stream: XPUStream = null;

  constructor(
    readonly device: number,
    site: CallSite | undefined,
  ) {
    super(site);
  }

  /** `ctx->set_stream(stream)`: every later XDNN call on this context runs on `stream`. */
  set_stream(stream: XPUStream): void {
    facadeCall(KUNLUN, 'xpu::Context::set_stream', XDNN_STATUS, ({ process }) => {
      requireContext(this);
      resolveStream(process, stream);
      this.xpu_stream = stream || null;
    });
  }
}

export function requireContext(ctx: unknown): Context {
  if (ctx === null || ctx === undefined) throw new DeviceFault('null-pointer', 'ctx is null (create one with xpu::create_context())');
  if (!(ctx instanceof Context)) throw new DeviceFault('invalid-handle', 'ctx is not an xpu::Context made by xpu::create_context()');
  if (ctx.destroyed) throw new DeviceFault('invalid-handle', `ctx was destroyed by xpu::destroy_context${ctx.site ? ` (created at ${ctx.site.file}:${ctx.site.line})` : ''}`);
  return ctx;
}

/** The stream the context's calls run on, checked (a destroyed stream is an invalid handle). */
export function contextStream(process: SimProcess, ctx: Context): SimStream {
  if (ctx.xpu_stream) return resolveStream(process, ctx.xpu_stream, 'ctx->xpu_stream');
  return process.ordering.defaultStream(ctx.device);
}

/** `xpu::create_context()`: a context on the current device, with the default stream. */
export function create_context(): Context {
  const process = currentProcess();
  return process.track(new Context(process.currentDevice, captureCallSite()));
}

/** `xpu::destroy_context(ctx)`; destroying twice or a null context records a diagnostic. */
export function destroy_context(ctx: Context): void {
  facadeCall(KUNLUN, 'xpu::destroy_context', XDNN_STATUS, ({ process }) => {
    process.release(requireContext(ctx));
  });
}

/**
 * `xpu::Activation_t`: an act_enum plus the parameters some activations need. C++ converts an
 * act_enum to an Activation_t implicitly, so calls accept either. The defaults of the optional
 * fields are not documented, so the simulation refuses LEAKY_RELU without `leaky_alpha`.
 */
export class Activation_t {
  static readonly act_enum = act_enum;
  static readonly LINEAR = act_enum.LINEAR;
  static readonly RELU = act_enum.RELU;
  static readonly SIGMOID = act_enum.SIGMOID;
  static readonly TANH = act_enum.TANH;
  static readonly GELU = act_enum.GELU;
  static readonly LEAKY_RELU = act_enum.LEAKY_RELU;
  static readonly HARD_SWISH = act_enum.HARD_SWISH;
  static readonly HARD_SIGMOID = act_enum.HARD_SIGMOID;
  static readonly SWISH = act_enum.SWISH;
  static readonly RELU6 = act_enum.RELU6;

  leaky_alpha: number | undefined;
  hard_sigmoid_slope: number | undefined;

  constructor(readonly type: act_enum = act_enum.LINEAR) {}
}

/**
 * `xpu::VectorParam<T>`: a host array (and optionally its device copy) with its length, built
 * in C++ as `{cpu_ptr, len, xpu_ptr}`; the field names here are ours.
 */
export class VectorParam {
  constructor(
    readonly cpu: ArrayLike<number>,
    readonly len: number,
    readonly xpu: DevicePtr | null = null,
  ) {}
}
