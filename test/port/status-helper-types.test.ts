/** Which target status type each status helper takes (src/port/context/status-helper-types.ts). */
import { describe, expect, it } from 'vitest';
import type { EnumRecord } from '../../src/catalog/catalog.js';
import { helperStatusTypes } from '../../src/port/context/status-helper-types.js';
import type { StatusHelper } from '../../src/port/context/status-helpers.js';

const status = (name: string) => ({ backend: 'cuda', spec: { name, members: [] } }) as unknown as EnumRecord;
const cublas = status('cublasStatus_t');
const cudnn = status('cudnnStatus_t');
const cuda = status('cudaError_t');
const helper = (name: string, shape = '<status>, string, => void') => ({ name, index: 0, param: 'status', shape }) as unknown as StatusHelper;

function types(helpers: [StatusHelper, EnumRecord, EnumRecord[]][]) {
  const retyped = helperStatusTypes(
    helpers.map(([h]) => h),
    (h) => helpers.find(([x]) => x === h)![1],
    (h) => helpers.find(([x]) => x === h)![2],
  );
  return Object.fromEntries([...retyped].map(([name, e]) => [name, e.spec.name]));
}

describe('helperStatusTypes', () => {
  it('gives colliding helpers distinct types, the most decided first', () => {
    // Both declared with one source type that ports to cuDNN's; checkCudnn's calls all become
    // cuDNN's, checkCublas's half cuBLAS's: checkCublas takes cuBLAS's.
    const blas = helper('checkCublas');
    const dnn = helper('checkCudnn');
    expect(types([[blas, cudnn, [cublas, cudnn, cudnn, cublas]], [dnn, cudnn, [cudnn, cudnn]]])).toEqual({ checkCublas: 'cublasStatus_t' });
  });

  it('retypes a helper alone with its type only when none of its calls has it', () => {
    expect(types([[helper('checkBlas'), cudnn, [cublas, cublas]], [helper('checkCuda'), cuda, [cuda]]])).toEqual({ checkBlas: 'cublasStatus_t' });
    expect(types([[helper('checkBlas'), cudnn, [cublas, cudnn]], [helper('checkCuda'), cuda, [cuda]]])).toEqual({});
    // Split between types none of which is the one its declared type ports to: the most common.
    const lt = status('cublasLtStatus_t');
    expect(types([[helper('checkBlas'), cudnn, [lt, cublas, cublas]], [helper('checkCuda'), cuda, [cuda]]])).toEqual({ checkBlas: 'cublasStatus_t' });
  });

  it('never takes a type another helper of its shape keeps, and ignores other shapes', () => {
    // checkCuda keeps cudaError_t; a helper whose calls all became cudaError_t cannot take it.
    expect(types([[helper('checkCuda'), cuda, [cuda]], [helper('checkOther'), cudnn, [cuda, cuda]]])).toEqual({});
    expect(types([[helper('checkCuda'), cuda, [cuda]], [helper('expect', '<status>, => void'), cudnn, [cuda]]])).toEqual({ expect: 'cudaError_t' });
  });
});
