/**
 * What every node of a simulated cudnn_frontend graph provides: its tensors, property
 * inference at validate() (data types from the graph context, output dims and strides, as
 * the frontend's infer_properties_node does), a support check at check_support(), and its
 * execution as canonical operators launched in graph order.
 */
import type { DType } from '../../runtime/dtype.js';
import type { DeviceOperand } from '../sim/launch-op.js';
import { DataType_t, error_code_t } from './constants.generated.js';
import { fail, type error_t } from './cudnn-fe-error.js';
import { dtypeOfDataType, type Tensor_attributes } from './cudnn-fe-tensor.js';
import type { LaunchEnv, Operand } from './cudnn-launch.js';

/** The graph-wide data types (Graph::set_io_data_type, ...). */
export interface GraphContext {
  readonly io: DataType_t;
  readonly intermediate: DataType_t;
  readonly compute: DataType_t;
}

/** What a node sees while the graph executes. */
export interface NodeRun {
  /** Stream and profile of this node (its compute data type applied). */
  readonly env: LaunchEnv;
  /** The dtype of the node's compute data type. */
  readonly compute: DType;
  /** An input: a view of its variant-pack or workspace memory, or its scalar value. */
  operand(t: Tensor_attributes): Operand;
  /** Where an output goes (variant-pack memory, or the workspace for a virtual tensor). */
  target(t: Tensor_attributes): DeviceOperand;
  /** The value of a scalar tensor (held by the graph, or passed by value at execute). */
  scalar(t: Tensor_attributes): number;
}

export abstract class GraphNode {
  constructor(
    /** The node kind, as the frontend's tag (POINTWISE, LAYER_NORM, ...). */
    readonly tag: string,
    readonly name: string,
  ) {}

  abstract inputs(): Tensor_attributes[];
  abstract outputs(): Tensor_attributes[];
  /** The compute data type the node's attributes set (NOT_SET: the graph's). */
  abstract readonly computeDataType: DataType_t;
  /** Fills data types, dims and strides the user left unset; checks shapes. */
  abstract infer(context: GraphContext): error_t;
  /** Why the simulated engine cannot run this node, or undefined. */
  abstract unsupported(context: GraphContext): string | undefined;
  abstract execute(run: NodeRun): void;

  /** The node's compute data type. */
  compute(context: GraphContext): DataType_t {
    return this.computeDataType !== DataType_t.NOT_SET ? this.computeDataType : context.compute;
  }

  /** The dtype the node computes in; ATTRIBUTE_NOT_SET when neither node nor graph sets one. */
  computeDType(context: GraphContext): DType | error_t {
    const type = this.compute(context);
    if (type === DataType_t.NOT_SET) {
      return fail(error_code_t.ATTRIBUTE_NOT_SET, `${this.tag} node '${this.name}': compute data type not set (Graph::set_compute_data_type or the attributes' set_compute_data_type)`);
    }
    const dtype = dtypeOfDataType(type);
    if (!dtype || !['float32', 'float64', 'float16', 'bfloat16'].includes(dtype)) {
      return fail(error_code_t.GRAPH_NOT_SUPPORTED, `${this.tag} node '${this.name}': compute data type ${type} is not simulated`);
    }
    return dtype;
  }

  /** Fills each tensor's data type from the context: virtual → intermediate, else io. */
  protected fillFromContext(context: GraphContext): void {
    for (const t of [...this.inputs(), ...this.outputs()]) {
      if (t.get_data_type() === DataType_t.NOT_SET) t.set_data_type(t.get_is_virtual() ? context.intermediate : context.io);
    }
  }

  /** Scalars held by the graph take the rank of the node's first non-scalar input (fill_from_context). */
  protected expandScalars(): void {
    const inputs = this.inputs();
    const rank = inputs.find((t) => !t.isEmbeddedScalar)?.get_dim().length ?? 1;
    for (const t of inputs) {
      if (t.isEmbeddedScalar) {
        t.set_dim(new Array<number>(rank).fill(1));
        t.set_stride(new Array<number>(rank).fill(1));
      }
    }
  }
}

/** Row-major packed strides. */
export function rowMajorStrides(dims: readonly number[]): number[] {
  const strides = new Array<number>(dims.length).fill(1);
  for (let i = dims.length - 2; i >= 0; i--) strides[i] = strides[i + 1] * dims[i + 1];
  return strides;
}

/**
 * Packed strides for `dims` in the memory order of `reference`'s strides when the ranks agree
 * (generate_stride_order_preserving_format), row-major otherwise.
 */
export function stridesLike(dims: readonly number[], reference: readonly number[]): number[] {
  if (reference.length !== dims.length) return rowMajorStrides(dims);
  const order = reference.map((_, i) => i).sort((a, b) => reference[b] - reference[a] || a - b);
  const strides = new Array<number>(dims.length).fill(0);
  let step = 1;
  for (let i = order.length - 1; i >= 0; i--) {
    strides[order[i]] = step;
    step *= dims[order[i]];
  }
  return strides;
}

/** NumPy broadcasting of dims lists (compute_broadcast_shape); undefined when they do not broadcast. */
export function broadcastDims(shapes: readonly (readonly number[])[]): number[] | undefined {
  const rank = Math.max(...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const j = rank - s.length + i;
      if (s[i] === out[j] || s[i] === 1) continue;
      if (out[j] !== 1) return undefined;
      out[j] = s[i];
    }
  }
  return out;
}

/** Sets dims and strides of an output the user left unset. */
export function inferOutput(t: Tensor_attributes, dims: readonly number[], strides: readonly number[]): void {
  if (t.get_dim().length === 0) t.set_dim(dims);
  if (t.get_stride().length === 0) t.set_stride(strides);
}

