/**
 * The C++ namespaces as exported objects: `baidu::xpu::api`, which callers alias as `xpu`
 * (and `xdnn`), and `baidu::xpu::xfa` for flash attention. `xpu.fc_fusion(...)` reads as
 * `xpu::fc_fusion<...>(...)` does in C++.
 */
import { Error_t } from '../constants.generated.js';
import { erf, exp, gelu, relu, rsqrt, sigmoid, silu, sqrt, tanh } from './activation.js';
import { add, broadcast_add, broadcast_mul, constant, mul, scale } from './arithmetic.js';
import { mha_varlen_fwd } from './attention.js';
import { Activation_t, Context, VectorParam, create_context, destroy_context } from './context.js';
import { avg_pool2d, conv2d, max_pool2d } from './convolution.js';
import { cast, concat, embedding, split, transpose } from './data-movement.js';
import { fc_batched, fc_fusion } from './fc.js';
import { batch_norm_infer, layer_norm, log_softmax, rms_layer_norm, softmax } from './normalization.js';
import { reduce_max, reduce_mean, reduce_min, reduce_sum } from './reductions.js';

export const xpu = Object.freeze({
  Context,
  Activation_t,
  VectorParam,
  Error_t,
  create_context,
  destroy_context,
  fc_fusion,
  fc_batched,
  softmax,
  log_softmax,
  layer_norm,
  rms_layer_norm,
  batch_norm_infer,
  conv2d,
  max_pool2d,
  avg_pool2d,
  gelu,
  relu,
  silu,
  sigmoid,
  tanh,
  exp,
  erf,
  sqrt,
  rsqrt,
  embedding,
  reduce_sum,
  reduce_mean,
  reduce_max,
  reduce_min,
  transpose,
  concat,
  split,
  cast,
  broadcast_add,
  broadcast_mul,
  add,
  mul,
  scale,
  constant,
});

/** Paddle-Lite and InfiniCore spell the same namespace `xdnn`. */
export const xdnn = xpu;

export const baidu = Object.freeze({
  xpu: Object.freeze({
    api: xpu,
    xfa: Object.freeze({ mha_varlen_fwd }),
  }),
});
