/**
 * Setting up legacy cuDNN calls in tests: a handle, described tensors uploaded to the device,
 * results downloaded — through the facade itself, as model code does.
 */
import { expect } from 'vitest';
import { cuda, upload, allocate } from './cuda-test-kit.js';

export function handle(): cuda.cudnnHandle_t {
  const h = cuda.ref<cuda.cudnnHandle_t>();
  expect(cuda.cudnnCreate(h)).toBe(cuda.CUDNN_STATUS_SUCCESS);
  return h.value;
}

export function tensor4d(dims: readonly number[], format: number = cuda.CUDNN_TENSOR_NCHW, type: number = cuda.CUDNN_DATA_FLOAT): cuda.cudnnTensorDescriptor_t {
  const d = cuda.ref<cuda.cudnnTensorDescriptor_t>();
  expect(cuda.cudnnCreateTensorDescriptor(d)).toBe(cuda.CUDNN_STATUS_SUCCESS);
  expect(cuda.cudnnSetTensor4dDescriptor(d.value, format as cuda.cudnnTensorFormat_t, type as cuda.cudnnDataType_t, dims[0], dims[1], dims[2], dims[3])).toBe(cuda.CUDNN_STATUS_SUCCESS);
  return d.value;
}

export function filter4d(dims: readonly number[], format: number = cuda.CUDNN_TENSOR_NCHW, type: number = cuda.CUDNN_DATA_FLOAT): cuda.cudnnFilterDescriptor_t {
  const d = cuda.ref<cuda.cudnnFilterDescriptor_t>();
  expect(cuda.cudnnCreateFilterDescriptor(d)).toBe(cuda.CUDNN_STATUS_SUCCESS);
  expect(cuda.cudnnSetFilter4dDescriptor(d.value, type as cuda.cudnnDataType_t, format as cuda.cudnnTensorFormat_t, dims[0], dims[1], dims[2], dims[3])).toBe(cuda.CUDNN_STATUS_SUCCESS);
  return d.value;
}

export function convolution(pad: readonly [number, number], stride: readonly [number, number], dilation: readonly [number, number], mode: number = cuda.CUDNN_CROSS_CORRELATION, groups = 1, math?: number): cuda.cudnnConvolutionDescriptor_t {
  const d = cuda.ref<cuda.cudnnConvolutionDescriptor_t>();
  expect(cuda.cudnnCreateConvolutionDescriptor(d)).toBe(cuda.CUDNN_STATUS_SUCCESS);
  expect(cuda.cudnnSetConvolution2dDescriptor(d.value, pad[0], pad[1], stride[0], stride[1], dilation[0], dilation[1], mode as cuda.cudnnConvolutionMode_t, cuda.CUDNN_DATA_FLOAT)).toBe(cuda.CUDNN_STATUS_SUCCESS);
  if (groups !== 1) expect(cuda.cudnnSetConvolutionGroupCount(d.value, groups)).toBe(cuda.CUDNN_STATUS_SUCCESS);
  if (math !== undefined) expect(cuda.cudnnSetConvolutionMathType(d.value, math as cuda.cudnnMathType_t)).toBe(cuda.CUDNN_STATUS_SUCCESS);
  return d.value;
}

export function device(values: ArrayLike<number>): cuda.DevicePtr {
  return upload(Float32Array.from(values));
}

export function zeros(count: number, bytesPerElement = 4): cuda.DevicePtr {
  const p = allocate(count * bytesPerElement);
  expect(cuda.cudaMemset(p, 0, count * bytesPerElement)).toBe(cuda.cudaSuccess);
  return p;
}

export function fromHalfDevice(ptr: cuda.DevicePtr, count: number): Float32Array {
  const bits = new Uint16Array(count);
  expect(cuda.cudaMemcpy(bits, ptr, bits.byteLength, cuda.cudaMemcpyDeviceToHost)).toBe(cuda.cudaSuccess);
  return Float32Array.from(cuda.fromFloat16Bits(bits));
}
