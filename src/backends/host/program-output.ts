/**
 * What a model program's `main()` receives and returns. Outputs are host arrays by name;
 * a plain typed array's dtype follows its type (Uint16Array is read as float16), so return
 * `{ dtype: 'bfloat16', data }` or a Tensor when that is not what is meant.
 */
import type { DType } from '../../runtime/dtype.js';
import { Tensor } from '../../runtime/tensor.js';
import { tensor } from '../../runtime/create-tensor.js';

export { Tensor, tensor };

export interface ProgramContext {
  readonly rank: number;
  readonly nranks: number;
}

export type HostArray = Float64Array | Float32Array | Uint16Array | BigInt64Array | Int32Array | Int16Array | Int8Array | Uint8Array;

export type ProgramOutputValue = HostArray | Tensor | { readonly dtype: DType; readonly data: HostArray; readonly shape?: readonly number[] };

export type ProgramOutputs = Readonly<Record<string, ProgramOutputValue>>;
