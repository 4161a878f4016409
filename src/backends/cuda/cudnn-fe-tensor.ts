/**
 * cudnn_frontend::graph::Tensor_attributes (graph_properties.h): name, data type, dims,
 * strides, uid, virtual / output flag and pass-by-value scalars, with the C++ class's chained
 * setters (each returns the tensor) and getters. Tensors made by nodes are virtual until
 * `set_output(true)`; a scalar built from a number (`graph.tensor(1e-5)`) is a FLOAT
 * pass-by-value tensor of dims {1} whose value is part of the graph.
 */
import type { DType } from '../../runtime/dtype.js';
import { DataType_t, ScalarType, error_code_t } from './constants.generated.js';
import { OK, fail, type error_t } from './cudnn-fe-error.js';

export class Tensor_attributes {
  private name = '';
  private data_type: DataType_t = DataType_t.NOT_SET;
  private dim: number[] = [];
  private stride: number[] = [];
  private is_virtual = false;
  private is_pass_by_value = false;
  private pass_by_value: number | undefined;
  private compile_time_constant = false;
  private uid: number | undefined;

  /** `Tensor_attributes()`, or a scalar: `Tensor_attributes(float)`, `Tensor_attributes(float, ScalarType)`. */
  constructor(scalar?: number, scalar_type?: ScalarType) {
    if (scalar === undefined) return;
    if (typeof scalar !== 'number') throw new TypeError(`Tensor_attributes(scalar): the scalar must be a number, got ${typeof scalar}`);
    this.pass_by_value = scalar;
    this.compile_time_constant = scalar_type === ScalarType.COMPILE_TIME_CONST;
    this.is_pass_by_value = true;
    this.dim = [1];
    this.stride = [1];
    this.data_type = DataType_t.FLOAT;
  }

  get_name(): string {
    return this.name;
  }

  set_name(value: string): this {
    this.name = value;
    return this;
  }

  get_data_type(): DataType_t {
    return this.data_type;
  }

  set_data_type(value: DataType_t): this {
    this.data_type = value;
    return this;
  }

  get_dim(): number[] {
    return [...this.dim];
  }

  set_dim(value: readonly number[]): this {
    this.dim = [...value];
    return this;
  }

  get_volume(): number {
    return this.dim.reduce((n, d) => n * d, 1);
  }

  get_stride(): number[] {
    return [...this.stride];
  }

  set_stride(value: readonly number[]): this {
    this.stride = [...value];
    return this;
  }

  get_is_virtual(): boolean {
    return this.is_virtual;
  }

  set_is_virtual(value: boolean): this {
    this.is_virtual = value;
    return this;
  }

  /** An output the caller reads: not virtual. */
  set_output(value: boolean): this {
    return this.set_is_virtual(!value);
  }

  get_is_pass_by_value(): boolean {
    return this.is_pass_by_value;
  }

  set_is_pass_by_value(value: boolean): this {
    this.is_pass_by_value = value;
    return this;
  }

  /** The scalar baked into the graph, if any (a runtime pass-by-value tensor has none). */
  get_pass_by_value(): number | undefined {
    return this.pass_by_value;
  }

  get_has_compile_time_constant(): boolean {
    return this.compile_time_constant;
  }

  get_uid(): number {
    return this.uid ?? 0;
  }

  has_uid(): boolean {
    return this.uid !== undefined;
  }

  set_uid(value: number): this {
    this.uid = value;
    return this;
  }

  clear_uid(): this {
    this.uid = undefined;
    return this;
  }

  /** The C++ checks (Tensor_attributes::validate). */
  validate(): error_t {
    const label = `Tensor '${this.name}'`;
    if (this.dim.length === 0) return fail(error_code_t.ATTRIBUTE_NOT_SET, `${label} dims not set.`);
    if (this.stride.length === 0) return fail(error_code_t.ATTRIBUTE_NOT_SET, `${label} strides not set.`);
    if (this.dim.length !== this.stride.length) return fail(error_code_t.ATTRIBUTE_NOT_SET, `${label} does not equal dimensionality in dim and stride.`);
    if (this.is_virtual && this.is_pass_by_value) return fail(error_code_t.ATTRIBUTE_NOT_SET, `${label} can't be both virtual and pass_by_value at the same time.`);
    if (this.pass_by_value !== undefined && !this.is_pass_by_value) {
      return fail(error_code_t.ATTRIBUTE_NOT_SET, `${label} can't be a fused scalar and not a pass_by_value tensor at the same time.`);
    }
    if (this.dim.some((d) => !Number.isInteger(d) || d < 1) || this.stride.some((s) => !Number.isInteger(s) || s < 0)) {
      return fail(error_code_t.INVALID_VALUE, `${label} has dims [${this.dim.join(', ')}] and strides [${this.stride.join(', ')}]: dims must be positive and strides non-negative integers.`);
    }
    return OK();
  }

  /** A scalar whose value the graph holds (no variant-pack entry). */
  get isEmbeddedScalar(): boolean {
    return this.is_pass_by_value && this.pass_by_value !== undefined;
  }

  toString(): string {
    return `Tensor_attributes '${this.name}' uid ${this.get_uid()} dims [${this.dim.join(', ')}] ${this.data_type}${this.is_virtual ? ' (virtual)' : ''}`;
  }
}

const RUNTIME_DTYPES: Partial<Record<DataType_t, DType>> = {
  [DataType_t.FLOAT]: 'float32',
  [DataType_t.DOUBLE]: 'float64',
  [DataType_t.HALF]: 'float16',
  [DataType_t.BFLOAT16]: 'bfloat16',
  [DataType_t.INT8]: 'int8',
  [DataType_t.UINT8]: 'uint8',
  [DataType_t.INT32]: 'int32',
  [DataType_t.INT64]: 'int64',
  [DataType_t.BOOLEAN]: 'bool',
};

/** The runtime dtype of a frontend data type, if the runtime has one. */
export function dtypeOfDataType(type: DataType_t): DType | undefined {
  return RUNTIME_DTYPES[type];
}
