/**
 * samples/resnet-block: conv-BN-ReLU-conv-BN, identity shortcut, ReLU, 2×2 max pool with
 * cuDNN's legacy API. Checked against float64 math (cross-correlation with zero padding,
 * folded inference batch norm). Tolerance: the rounding error model of error-model.ts with
 * the cuda.cudnn-default-math profile: the convolutions' fp32 operands reduced to TF32
 * (u = 2^-11) and accumulated in fp32; everything else in fp32 (u = 2^-24).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { randomFloat32 } from '../../src/backends/host/host-data.js';
import { runProgram, type ProgramRun } from '../../src/run/run-program.js';
import { LAMBDA, UNIT, add, exact, rounded, summationError, unary, type Estimate } from './error-model.js';
import { expectEstimate, samplePath } from './sample-kit.js';

const [N, C, H, W] = [2, 16, 16, 16];
const EPSILON = 1e-5;
const U = UNIT.float32;

/** 3×3 cross-correlation, pad 1, stride 1, C → C channels, TF32 operands and fp32 accumulation. */
function conv3x3(x: Estimate, w: Float32Array): Estimate {
  const v = new Float64Array(N * C * H * W);
  const sd = new Float64Array(N * C * H * W);
  for (let n = 0; n < N; n++) {
    for (let k = 0; k < C; k++) {
      for (let i = 0; i < H; i++) {
        for (let j = 0; j < W; j++) {
          let sum = 0;
          let squares = 0;
          let propagated = 0;
          let count = 0;
          for (let c = 0; c < C; c++) {
            for (let r = 0; r < 3; r++) {
              for (let s = 0; s < 3; s++) {
                const [y, z] = [i + r - 1, j + s - 1];
                if (y < 0 || y >= H || z < 0 || z >= W) continue;
                const xi = ((n * C + c) * H + y) * W + z;
                const weight = w[((k * C + c) * 3 + r) * 3 + s];
                sum += x.v[xi] * weight;
                squares += (x.v[xi] * weight) ** 2;
                propagated += (weight * x.sd[xi]) ** 2;
                count++;
              }
            }
          }
          const o = ((n * C + k) * H + i) * W + j;
          const norm = Math.sqrt(squares);
          v[o] = sum;
          sd[o] = Math.hypot(Math.sqrt(propagated), Math.SQRT2 * UNIT.tf32 * norm, U * norm, summationError(count, sum, squares, U));
        }
      }
    }
  }
  return rounded({ v, sd }, U);
}

/**
 * Inference batch norm as y = x·a + (β − μ·a) with a = γ/√(σ² + ε), each step in fp32: a carries
 * about 4 roundings (add, sqrt, divide, multiply), the offset one more, then a product and a sum.
 */
function batchNorm(x: Estimate, seed: number): Estimate {
  const scale = randomFloat32(C, seed, 0.5, 1.5);
  const bias = randomFloat32(C, seed + 1, -0.1, 0.1);
  const mean = randomFloat32(C, seed + 2, -0.2, 0.2);
  const variance = randomFloat32(C, seed + 3, 0.5, 1.5);
  const v = new Float64Array(x.v.length);
  const sd = new Float64Array(x.v.length);
  for (let p = 0; p < x.v.length; p++) {
    const c = Math.floor(p / (H * W)) % C;
    const a = scale[c] / Math.sqrt(variance[c] + EPSILON);
    const offset = bias[c] - mean[c] * a;
    v[p] = x.v[p] * a + offset;
    sd[p] = Math.abs(a) * x.sd[p] + U * (5 * (Math.abs(x.v[p]) + Math.abs(mean[c])) * Math.abs(a) + Math.abs(offset) + Math.abs(v[p]));
  }
  return { v, sd };
}

function maxPool2x2(x: Estimate): Estimate {
  const [h, w] = [H / 2, W / 2];
  const v = new Float64Array(N * C * h * w);
  const sd = new Float64Array(N * C * h * w);
  for (let nc = 0; nc < N * C; nc++) {
    for (let i = 0; i < h; i++) {
      for (let j = 0; j < w; j++) {
        const o = (nc * h + i) * w + j;
        v[o] = -Infinity;
        for (const [r, s] of [[0, 0], [0, 1], [1, 0], [1, 1]]) {
          const p = (nc * H + 2 * i + r) * W + 2 * j + s;
          v[o] = Math.max(v[o], x.v[p]);
          // Whichever element the computed maximum picks, it is within its own error of the true maximum.
          sd[o] = Math.max(sd[o], x.sd[p]);
        }
      }
    }
  }
  return { v, sd };
}

function reference(): Estimate {
  const fanIn = C * 9;
  const x = exact(randomFloat32(N * C * H * W, 11));
  const w1 = randomFloat32(C * C * 9, 12, -Math.sqrt(6 / fanIn), Math.sqrt(6 / fanIn));
  const w2 = randomFloat32(C * C * 9, 13, -Math.sqrt(6 / fanIn), Math.sqrt(6 / fanIn));
  const relu = (t: Estimate) => unary(t, (value) => Math.max(value, 0), 1, () => 0);
  const t1 = relu(batchNorm(conv3x3(x, w1), 20));
  const t2 = batchNorm(conv3x3(t1, w2), 30);
  return maxPool2x2(relu(rounded(add(t2, x), U)));
}

describe('sample resnet-block (cuDNN convolution, batch norm, activation, add, pooling)', () => {
  let run: ProgramRun;
  const ref = reference();
  beforeAll(async () => {
    run = await runProgram(samplePath('resnet-block'));
  });

  it('computes the pooled block output within the TF32-convolution error model of float64 math', () => {
    const y = run.ranks[0].outputs.get('y');
    expect(y?.shape).toEqual([N, C, H / 2, W / 2]);
    expectEstimate('y', y!.toFloat64(), ref);
    // TF32 convolutions leave errors near 1e-3, still far below the activations (order 1).
    expect(LAMBDA * Math.max(...ref.sd)).toBeLessThan(0.05);
  });

  it('runs Conv, BatchNormalization, Relu, Conv, BatchNormalization, Add, Relu, MaxPool with no diagnostics', () => {
    const rank = run.ranks[0];
    expect(rank.diagnostics).toEqual([]);
    expect(rank.trace.filter((t) => t.kind === 'op').map((t) => `${t.symbol}:${t.op}`)).toEqual([
      'cudnnConvolutionForward:Conv',
      'cudnnBatchNormalizationForwardInference:BatchNormalization',
      'cudnnActivationForward:Relu',
      'cudnnConvolutionForward:Conv',
      'cudnnBatchNormalizationForwardInference:BatchNormalization',
      'cudnnAddTensor:Add',
      'cudnnActivationForward:Relu',
      'cudnnPoolingForward:MaxPool',
    ]);
  });
});
