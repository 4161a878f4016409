/**
 * Graph::layernorm and Graph::rmsnorm (node/layernorm.h, node/rmsnorm.h), run as ONNX
 * LayerNormalization and RMSNormalization.
 *
 * Normalised axes: the frontend sizes the statistics as X's dims with 1 wherever scale's dim
 * is not 1 (infer_properties_node), i.e. it normalises over the axes the scale spans. ONNX
 * normalises over X.shape[axis:], so those axes must be trailing (axes of X of size 1 in
 * between are fine): axis = the first axis the scale spans. Other scale shapes are not
 * simulated. The default scale / bias dims are X's with the first set to 1 (layernorm).
 *
 * Numerics: inputs are widened to the node's compute data type (FLOAT in model code), the
 * statistics kept in it (stash_type), and Y, MEAN and INV_VARIANCE rounded once into their
 * tensors' types. TRAINING also writes MEAN and INV_VARIANCE (= ONNX Mean and InvStdDev,
 * 1 / sqrt(var + epsilon)) for layernorm, and INV_VARIANCE = 1 / sqrt(mean(x²) + epsilon) for
 * rmsnorm, which ONNX RMSNormalization does not output: it is computed by Mul, ReduceMean, Add
 * and Rsqrt launches. An rmsnorm bias (Rmsnorm_attributes::set_bias) is an Add after the
 * normalisation. Epsilon is a scalar tensor: held by the graph (graph.tensor(1e-5),
 * set_epsilon(float)) or passed by value at execute.
 */
import type { DType } from '../../runtime/dtype.js';
import { Tensor } from '../../runtime/tensor.js';
import type { DeviceOperand } from '../sim/launch-op.js';
import { DataType_t, NormFwdPhase_t, error_code_t } from './constants.generated.js';
import type { Layernorm_attributes, Rmsnorm_attributes } from './cudnn-fe-attributes.js';
import { OK, fail, type error_t } from './cudnn-fe-error.js';
import { GraphNode, inferOutput, stridesLike, type GraphContext, type NodeRun } from './cudnn-fe-node.js';
import { dtypeOfDataType, type Tensor_attributes } from './cudnn-fe-tensor.js';
import { castTo, launchStep, type Operand } from './cudnn-launch.js';

const NORM_TYPES: ReadonlySet<DType> = new Set<DType>(['float32', 'float16', 'bfloat16']);

/** The first normalised axis, or why the scale's shape has no ONNX form. */
function normalizedAxis(x: readonly number[], scale: readonly number[]): number | string {
  const spanned = scale.flatMap((d, i) => (d !== 1 ? [i] : []));
  if (spanned.length === 0) return `scale [${scale.join(', ')}] spans no axis of X [${x.join(', ')}]`;
  const axis = spanned[0];
  for (let i = axis; i < x.length; i++) {
    if (x[i] !== 1 && scale[i] === 1) return `scale [${scale.join(', ')}] spans axes of X [${x.join(', ')}] that are not trailing (ONNX normalises over X.shape[axis:])`;
  }
  return axis;
}

function checkScaleShape(node: string, x: readonly number[], t: Tensor_attributes | undefined, what: string): error_t {
  if (!t) return OK();
  const d = t.get_dim();
  if (d.length !== x.length || d.some((v, i) => v !== 1 && v !== x[i])) {
    return fail(error_code_t.SHAPE_DEDUCTION_FAILED, `${node}: ${what} [${d.join(', ')}] does not broadcast to X [${x.join(', ')}]`);
  }
  return OK();
}

/** The statistics' dims: X's, with 1 where the scale spans (the frontend's rule). */
function statsDims(x: readonly number[], scale: readonly number[]): number[] {
  return x.map((d, i) => (scale[i] !== 1 ? 1 : d));
}

function unsupportedTypes(tensors: readonly Tensor_attributes[]): string | undefined {
  for (const t of tensors) {
    const dtype = dtypeOfDataType(t.get_data_type());
    if (!dtype || !NORM_TYPES.has(dtype)) return `tensor '${t.get_name()}' of type ${t.get_data_type()} (normalisation takes FLOAT, HALF or BFLOAT16)`;
  }
  return undefined;
}

/** ONNX stash_type code of a compute dtype (float32 1, float16 10, float64 11, bfloat16 16). */
const STASH_CODE: Readonly<Partial<Record<DType, number>>> = { float32: 1, float16: 10, float64: 11, bfloat16: 16 };

function store(targets: readonly (DeviceOperand | undefined)[]) {
  return (results: Tensor[]) => results.map((r, i) => (targets[i] ? castTo(r, targets[i]!.view.dtype) : r));
}

export class LayerNormNode extends GraphNode {
  constructor(
    readonly attributes: Layernorm_attributes,
    readonly x: Tensor_attributes,
    readonly scale: Tensor_attributes,
    readonly bias: Tensor_attributes,
    readonly y: Tensor_attributes,
    readonly mean: Tensor_attributes | null,
    readonly invVariance: Tensor_attributes | null,
  ) {
    super('LAYER_NORM', attributes.name);
  }

  get computeDataType(): DataType_t {
    return this.attributes.compute_data_type;
  }

  inputs(): Tensor_attributes[] {
    return [this.x, this.scale, this.bias, ...(this.attributes.epsilon ? [this.attributes.epsilon] : [])];
  }

  outputs(): Tensor_attributes[] {
    return [this.y, ...(this.mean ? [this.mean] : []), ...(this.invVariance ? [this.invVariance] : [])];
  }

  infer(context: GraphContext): error_t {
    const label = `layernorm node '${this.name}'`;
    if (this.attributes.forward_phase === NormFwdPhase_t.NOT_SET) return fail(error_code_t.ATTRIBUTE_NOT_SET, 'Forward phase not set of layernorm node.');
    if (!this.attributes.epsilon) return fail(error_code_t.ATTRIBUTE_NOT_SET, `${label}: epsilon not set (Layernorm_attributes::set_epsilon)`);
    this.fillFromContext(context);
    this.expandScalars();
    const x = this.x.get_dim();
    inferOutput(this.y, x, this.x.get_stride());
    const scaleDims = x.map((d, i) => (i === 0 ? 1 : d));
    inferOutput(this.scale, scaleDims, stridesLike(scaleDims, this.x.get_stride()));
    inferOutput(this.bias, scaleDims, stridesLike(scaleDims, this.x.get_stride()));
    for (const [t, what] of [[this.scale, 'scale'], [this.bias, 'bias']] as const) {
      const checked = checkScaleShape(label, x, t, what);
      if (checked.is_bad()) return checked;
    }
    const stats = statsDims(x, this.scale.get_dim());
    for (const t of [this.mean, this.invVariance]) if (t) inferOutput(t, stats, stridesLike(stats, this.x.get_stride()));
    return OK();
  }

  unsupported(): string | undefined {
    const axis = normalizedAxis(this.x.get_dim(), this.scale.get_dim());
    if (typeof axis === 'string') return axis;
    return unsupportedTypes([this.x, this.scale, this.bias, this.y, ...(this.mean ? [this.mean] : []), ...(this.invVariance ? [this.invVariance] : [])]);
  }

  execute(run: NodeRun): void {
    const axis = normalizedAxis(this.x.get_dim(), this.scale.get_dim()) as number;
    const targets = [run.target(this.y), this.mean ? run.target(this.mean) : undefined, this.invVariance ? run.target(this.invVariance) : undefined];
    launchStep(
      run.env,
      {
        op: 'LayerNormalization',
        inputs: [run.operand(this.x), run.operand(this.scale), run.operand(this.bias)],
        attributes: { axis, epsilon: run.scalar(this.attributes.epsilon!), stash_type: run.compute === 'bfloat16' ? 16 : 1 },
        computeIn: run.compute,
      },
      targets,
      store(targets),
    );
  }
}

export class RMSNormNode extends GraphNode {
  constructor(
    readonly attributes: Rmsnorm_attributes,
    readonly x: Tensor_attributes,
    readonly scale: Tensor_attributes,
    readonly y: Tensor_attributes,
    readonly invVariance: Tensor_attributes | null,
  ) {
    super('RMS_NORM', attributes.name);
  }

  get computeDataType(): DataType_t {
    return this.attributes.compute_data_type;
  }

  inputs(): Tensor_attributes[] {
    const a = this.attributes;
    return [this.x, this.scale, ...(a.bias ? [a.bias] : []), ...(a.epsilon ? [a.epsilon] : [])];
  }

  outputs(): Tensor_attributes[] {
    return [this.y, ...(this.invVariance ? [this.invVariance] : [])];
  }

  infer(context: GraphContext): error_t {
    const label = `rmsnorm node '${this.name}'`;
    if (this.attributes.forward_phase === NormFwdPhase_t.NOT_SET) return fail(error_code_t.ATTRIBUTE_NOT_SET, 'Forward phase not set of rmsnorm node.');
    if (!this.attributes.epsilon) return fail(error_code_t.ATTRIBUTE_NOT_SET, `${label}: epsilon not set (Rmsnorm_attributes::set_epsilon)`);
    this.fillFromContext(context);
    this.expandScalars();
    const x = this.x.get_dim();
    inferOutput(this.y, x, this.x.get_stride());
    for (const [t, what] of [[this.scale, 'scale'], [this.attributes.bias, 'bias']] as const) {
      const checked = checkScaleShape(label, x, t, what);
      if (checked.is_bad()) return checked;
    }
    if (this.invVariance) {
      const stats = statsDims(x, this.scale.get_dim());
      inferOutput(this.invVariance, stats, stridesLike(stats, this.x.get_stride()));
    }
    return OK();
  }

  unsupported(): string | undefined {
    const axis = normalizedAxis(this.x.get_dim(), this.scale.get_dim());
    if (typeof axis === 'string') return axis;
    const bias = this.attributes.bias;
    return unsupportedTypes([this.x, this.scale, this.y, ...(bias ? [bias] : []), ...(this.invVariance ? [this.invVariance] : [])]);
  }

  execute(run: NodeRun): void {
    const axis = normalizedAxis(this.x.get_dim(), this.scale.get_dim()) as number;
    const epsilon = run.scalar(this.attributes.epsilon!);
    const compute = run.compute;
    const x = run.operand(this.x);
    const y = run.target(this.y);
    const norm = { op: 'RMSNormalization', inputs: [x, run.operand(this.scale)], attributes: { axis, epsilon, stash_type: STASH_CODE[compute] ?? 1 }, computeIn: compute };
    const bias = this.attributes.bias;
    if (bias) {
      const normalized = launchStep(run.env, norm, [undefined], undefined, true).results[0];
      launchStep(run.env, { op: 'Add', inputs: [normalized, run.operand(bias)], attributes: {}, computeIn: compute }, [y], store([y]));
    } else {
      launchStep(run.env, norm, [y], store([y]));
    }
    if (this.invVariance) this.inverseRms(run, x, axis, epsilon);
  }

  /** INV_VARIANCE = 1 / sqrt(mean(x²) + epsilon) over the normalised axes, in the compute type. */
  private inverseRms(run: NodeRun, x: Operand, axis: number, epsilon: number): void {
    const compute = run.compute;
    const rank = this.x.get_dim().length;
    const axes = Tensor.fromNumbers(Array.from({ length: rank - axis }, (_, i) => axis + i), [rank - axis], 'int64');
    const step = (op: string, inputs: (Operand | Tensor)[], attributes = {}) => launchStep(run.env, { op, inputs, attributes, computeIn: compute }, [undefined]).results[0];
    const squares = step('Mul', [x, x]);
    const meanSquare = step('ReduceMean', [squares, axes], { keepdims: 1 });
    const shifted = step('Add', [meanSquare, Tensor.fromNumbers([epsilon], [], compute)]);
    const target = run.target(this.invVariance!);
    launchStep(run.env, { op: 'Rsqrt', inputs: [shifted], attributes: {}, computeIn: compute }, [target], store([target]));
  }
}
