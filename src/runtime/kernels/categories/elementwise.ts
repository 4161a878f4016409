/** The elementwise kernels, registered by `all-kernels.ts`. */
import type { Kernel } from '../../kernel.js';
import { Abs } from '../Abs.js';
import { Add } from '../Add.js';
import { Cast } from '../Cast.js';
import { Clip } from '../Clip.js';
import { Cos } from '../Cos.js';
import { Div } from '../Div.js';
import { Elu } from '../Elu.js';
import { Erf } from '../Erf.js';
import { Exp } from '../Exp.js';
import { Gelu } from '../Gelu.js';
import { LeakyRelu } from '../LeakyRelu.js';
import { Log } from '../Log.js';
import { Max } from '../Max.js';
import { Min } from '../Min.js';
import { Mul } from '../Mul.js';
import { Neg } from '../Neg.js';
import { Pow } from '../Pow.js';
import { Reciprocal } from '../Reciprocal.js';
import { Relu } from '../Relu.js';
import { Rsqrt } from '../Rsqrt.js';
import { Sigmoid } from '../Sigmoid.js';
import { Silu } from '../Silu.js';
import { Sin } from '../Sin.js';
import { Softplus } from '../Softplus.js';
import { Sqrt } from '../Sqrt.js';
import { Sub } from '../Sub.js';
import { Tanh } from '../Tanh.js';
import { Where } from '../Where.js';

export const elementwiseKernels: readonly Kernel<any>[] = [
  Add,
  Sub,
  Mul,
  Div,
  Pow,
  Max,
  Min,
  Neg,
  Abs,
  Exp,
  Log,
  Sqrt,
  Rsqrt,
  Reciprocal,
  Erf,
  Sin,
  Cos,
  Tanh,
  Sigmoid,
  Relu,
  LeakyRelu,
  Elu,
  Gelu,
  Silu,
  Softplus,
  Clip,
  Where,
  Cast,
];
