/**
 * The runtimes opbridge is measured against: TensorFlow.js's pure-JS CPU backend
 * (@tensorflow/tfjs-core + @tensorflow/tfjs-backend-cpu) and ONNX Runtime (onnxruntime-node,
 * native MLAS kernels) with one intra-op thread and with its default thread pool.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as ort from 'onnxruntime-node';
import type { Tensor } from '../src/runtime/tensor.js';
import { buildSingleNodeModel } from '../test/helpers/onnx-oracle.js';

export { tf };

/** Selects tfjs's CPU backend, without its "install tfjs-node" banner in the benchmark output. */
export async function initTfjsCpu(): Promise<void> {
  const warn = console.warn;
  console.warn = () => {};
  try {
    await tf.setBackend('cpu');
    await tf.ready();
    tf.tidy(() => tf.zeros([1]).dataSync());
  } finally {
    console.warn = warn;
  }
  if (tf.getBackend() !== 'cpu') throw new Error(`tfjs backend is '${tf.getBackend()}', expected 'cpu'`);
}

export type OrtThreads = 'one' | 'default';

export interface OrtSingleOp {
  readonly threads: OrtThreads;
  run(): Promise<Float32Array>;
  release(): Promise<void>;
}

/** An ONNX Runtime session holding one operator, fed the given float32 tensors on every run. */
export async function ortSingleOp(
  op: string,
  inputs: readonly Tensor[],
  attributes: Readonly<Record<string, number | string | readonly number[]>>,
  threads: OrtThreads,
  opset = 21,
): Promise<OrtSingleOp> {
  const { model, inputNames, outputNames } = buildSingleNodeModel(op, inputs, attributes, { opset });
  const options: ort.InferenceSession.SessionOptions =
    threads === 'one' ? { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' } : {};
  const session = await ort.InferenceSession.create(model, options);
  const feeds: Record<string, ort.Tensor> = {};
  inputs.forEach((t, i) => {
    feeds[inputNames[i]] = new ort.Tensor('float32', t.contiguous().storage as Float32Array, [...t.shape]);
  });
  return {
    threads,
    run: async () => (await session.run(feeds))[outputNames[0]].data as Float32Array,
    release: () => session.release(),
  };
}
