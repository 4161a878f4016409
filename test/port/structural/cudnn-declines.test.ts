/**
 * What the cuDNN structural modules refuse, and how they say it: a call whose descriptors,
 * modes or blend factors are not stated where the porter can see them stays as written with
 * OB1019 naming what is missing, and a descriptor whose uses do not all port keeps its whole
 * create / set / destroy family.
 */
import { describe, expect, it } from 'vitest';
import { portSource } from '../../../src/port/port-source.js';

const IMPORTS = `import {
  CUDNN_DATA_FLOAT, CUDNN_SOFTMAX_ACCURATE, CUDNN_SOFTMAX_MODE_CHANNEL, CUDNN_TENSOR_NCHW, CUDNN_OP_TENSOR_ADD, CUDNN_PROPAGATE_NAN,
  cudnnCreateTensorDescriptor, cudnnSetTensor4dDescriptor, cudnnSoftmaxForward, cudnnOpTensor, fe, ref,
  type DevicePtr, type cudnnHandle_t, type cudnnTensorDescriptor_t, type cudnnOpTensorDescriptor_t,
} from 'opbridge/cuda';
`;

const errors = (text: string) => portSource(text, { to: 'cann', comments: false }).diagnostics.filter((d) => d.severity === 'error');

describe('cuDNN structural declines', () => {
  it('a descriptor passed in as a parameter has no set-call to read', () => {
    const text = `${IMPORTS}export function softmax(h: cudnnHandle_t, desc: cudnnTensorDescriptor_t, x: DevicePtr, y: DevicePtr) {
  return cudnnSoftmaxForward(h, CUDNN_SOFTMAX_ACCURATE, CUDNN_SOFTMAX_MODE_CHANNEL, 1, desc, x, 0, desc, y);
}
`;
    const result = portSource(text, { to: 'cann', comments: false });
    // (The cudnnHandle_t parameter type has no CANN equivalent either: OB1008, from the type mapping.)
    expect(errors(text).filter((d) => d.id === 'OB1019').map((d) => [d.id, d.message])).toEqual([
      ['OB1019', '`cudnnSoftmaxForward` cannot be ported to cann: no cudnnSetTensor4dDescriptor / cudnnSetTensorNdDescriptor call for `desc` precedes it in the enclosing functions'],
    ]);
    expect(result.output).toContain('cudnnSoftmaxForward(h, CUDNN_SOFTMAX_ACCURATE');
  });

  it('an output scale aclnn cannot express is refused, not dropped', () => {
    const text = `${IMPORTS}export function softmax(h: cudnnHandle_t, x: DevicePtr, y: DevicePtr) {
  const d = ref<cudnnTensorDescriptor_t>();
  cudnnCreateTensorDescriptor(d);
  cudnnSetTensor4dDescriptor(d.value, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, 4, 10, 1, 1);
  cudnnSoftmaxForward(h, CUDNN_SOFTMAX_ACCURATE, CUDNN_SOFTMAX_MODE_CHANNEL, 0.5, d.value, x, 0, d.value, y);
}
`;
    const found = errors(text);
    expect(found.find((d) => d.symbol === 'cudnnSoftmaxForward')?.message).toMatch(/alpha is `0.5`, not the constant 1/);
    // The descriptor's family stays, because its one use stays.
    expect(found.filter((d) => d.symbol === 'cudnnSetTensor4dDescriptor').map((d) => d.message)).toEqual([
      '`cudnnSetTensor4dDescriptor` cannot be ported to cann: cann has no descriptor objects, and `cudnnSoftmaxForward` uses `d` and does not port',
    ]);
  });

  it('a descriptor also used by a call without a structural port keeps its family', () => {
    const text = `${IMPORTS}export function run(h: cudnnHandle_t, op: cudnnOpTensorDescriptor_t, x: DevicePtr, y: DevicePtr) {
  const d = ref<cudnnTensorDescriptor_t>();
  cudnnCreateTensorDescriptor(d);
  cudnnSetTensor4dDescriptor(d.value, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, 4, 10, 1, 1);
  cudnnSoftmaxForward(h, CUDNN_SOFTMAX_ACCURATE, CUDNN_SOFTMAX_MODE_CHANNEL, 1, d.value, x, 0, d.value, y);
  cudnnOpTensor(h, op, 1, d.value, x, 1, d.value, y, 0, d.value, y);
}
`;
    const result = portSource(text, { to: 'cann', comments: false });
    expect(result.output).toContain('aclnnSoftmax(');
    expect(result.output).toContain('cudnnSetTensor4dDescriptor(d.value');
    expect(result.output).toContain('const d = ref<');
    expect(errors(text).some((d) => d.symbol === 'cudnnCreateTensorDescriptor' && /`cudnnOpTensor` uses `d`/.test(d.message))).toBe(true);
  });

  it('a frontend graph built by a helper function stays as written, with the reason at its declaration', () => {
    const text = `${IMPORTS}function makeGraph() {
  const graph = new fe.graph.Graph();
  graph.set_io_data_type(fe.DataType_t.FLOAT);
  return graph;
}
`;
    const result = portSource(text, { to: 'cann', comments: false });
    expect(result.output).toContain('const graph = new fe.graph.Graph();');
    expect(errors(text).map((d) => d.message)).toEqual([
      '`cudnn_frontend::graph::Graph` cannot be ported to cann: `makeGraph` returns graph objects, and no function the port can follow executes them (line 9)',
    ]);
  });
});
