/**
 * Graph::pointwise: one to three operands and a PointwiseMode_t, run as the canonical
 * operator of the mode (the catalog's binding variants): GELU_FWD Gelu (exact erf form,
 * inferred from the separate tanh mode), GELU_APPROX_TANH_FWD Gelu tanh, SWISH_FWD Silu (with
 * swish_beta unset or 1), RELU_FWD Relu (LeakyRelu with a lower clip slope, Clip with clips),
 * TANH / SIGMOID / ELU (elu_alpha, default 1) / SOFTPLUS (beta unset or 1), and the arithmetic
 * modes ADD, SUB, MUL, DIV, MAX, MIN, POW, SQRT, RSQRT, EXP, LOG, NEG, ABS, SIN, COS, ERF,
 * RECIPROCAL. Modes without a canonical operator (comparisons, logical ops, MOD, CEIL, FLOOR,
 * TAN, ADD_SQUARE, GEN_INDEX, IDENTITY, BINARY_SELECT, the *_BWD gradients) are not simulated.
 *
 * Operands of any data type are widened to the node's compute data type, the operator runs
 * there, and the result is rounded once into the output's type (an fp16 GELU computed in
 * FLOAT, stored as HALF). The output's dims broadcast the operands' (NumPy rules); its
 * strides come from an operand of the same dims, else (virtual outputs) from the first
 * operand's memory order.
 */
import type { RawAttributes } from '../../runtime/kernel.js';
import { Tensor } from '../../runtime/tensor.js';
import { DataType_t, PointwiseMode_t, error_code_t } from './constants.generated.js';
import type { Pointwise_attributes } from './cudnn-fe-attributes.js';
import { OK, fail, type error_t } from './cudnn-fe-error.js';
import { GraphNode, broadcastDims, inferOutput, stridesLike, type GraphContext, type NodeRun } from './cudnn-fe-node.js';
import { dtypeOfDataType, type Tensor_attributes } from './cudnn-fe-tensor.js';
import { castTo, launchStep } from './cudnn-launch.js';

type Arity = 1 | 2;

const OPERATORS: Readonly<Partial<Record<PointwiseMode_t, readonly [string, Arity]>>> = {
  [PointwiseMode_t.ADD]: ['Add', 2],
  [PointwiseMode_t.SUB]: ['Sub', 2],
  [PointwiseMode_t.MUL]: ['Mul', 2],
  [PointwiseMode_t.DIV]: ['Div', 2],
  [PointwiseMode_t.MAX]: ['Max', 2],
  [PointwiseMode_t.MIN]: ['Min', 2],
  [PointwiseMode_t.POW]: ['Pow', 2],
  [PointwiseMode_t.SQRT]: ['Sqrt', 1],
  [PointwiseMode_t.RSQRT]: ['Rsqrt', 1],
  [PointwiseMode_t.EXP]: ['Exp', 1],
  [PointwiseMode_t.LOG]: ['Log', 1],
  [PointwiseMode_t.NEG]: ['Neg', 1],
  [PointwiseMode_t.ABS]: ['Abs', 1],
  [PointwiseMode_t.SIN]: ['Sin', 1],
  [PointwiseMode_t.COS]: ['Cos', 1],
  [PointwiseMode_t.ERF]: ['Erf', 1],
  [PointwiseMode_t.RECIPROCAL]: ['Reciprocal', 1],
  [PointwiseMode_t.RELU_FWD]: ['Relu', 1],
  [PointwiseMode_t.TANH_FWD]: ['Tanh', 1],
  [PointwiseMode_t.SIGMOID_FWD]: ['Sigmoid', 1],
  [PointwiseMode_t.ELU_FWD]: ['Elu', 1],
  [PointwiseMode_t.GELU_FWD]: ['Gelu', 1],
  [PointwiseMode_t.GELU_APPROX_TANH_FWD]: ['Gelu', 1],
  [PointwiseMode_t.SOFTPLUS_FWD]: ['Softplus', 1],
  [PointwiseMode_t.SWISH_FWD]: ['Silu', 1],
};

export class PointwiseNode extends GraphNode {
  constructor(
    readonly attributes: Pointwise_attributes,
    readonly operands: readonly Tensor_attributes[],
    readonly output: Tensor_attributes,
  ) {
    super('POINTWISE', attributes.name);
  }

  get computeDataType(): DataType_t {
    return this.attributes.compute_data_type;
  }

  inputs(): Tensor_attributes[] {
    return [...this.operands];
  }

  outputs(): Tensor_attributes[] {
    return [this.output];
  }

  infer(context: GraphContext): error_t {
    this.fillFromContext(context);
    this.expandScalars();
    const { mode } = this.attributes;
    if (mode === PointwiseMode_t.NOT_SET) return fail(error_code_t.ATTRIBUTE_NOT_SET, `pointwise node '${this.name}': mode not set (Pointwise_attributes::set_mode)`);
    const entry = OPERATORS[mode];
    if (entry && entry[1] !== this.operands.length) {
      return fail(error_code_t.INVALID_VALUE, `pointwise node '${this.name}': ${mode} takes ${entry[1]} operand${entry[1] === 1 ? '' : 's'}, got ${this.operands.length}`);
    }
    const dims = broadcastDims(this.operands.map((t) => t.get_dim()));
    if (!dims) {
      return fail(error_code_t.SHAPE_DEDUCTION_FAILED, `pointwise node '${this.name}': operand dims ${this.operands.map((t) => `[${t.get_dim().join(', ')}]`).join(', ')} do not broadcast`);
    }
    const same = this.operands.find((t) => t.get_dim().join() === dims.join());
    const outDims = this.output.get_dim().length ? this.output.get_dim() : dims;
    inferOutput(this.output, dims, same ? same.get_stride() : stridesLike(outDims, this.operands[0].get_stride()));
    return OK();
  }

  unsupported(): string | undefined {
    const a = this.attributes;
    if (!OPERATORS[a.mode]) return `${a.mode} has no canonical operator`;
    if (a.mode === PointwiseMode_t.SWISH_FWD && a.swish_beta !== undefined && a.swish_beta !== 1) return `SWISH_FWD with swish_beta ${a.swish_beta} (only SiLU, beta 1)`;
    if (a.mode === PointwiseMode_t.SOFTPLUS_FWD && a.softplus_beta !== undefined && a.softplus_beta !== 1) return `SOFTPLUS_FWD with softplus_beta ${a.softplus_beta}`;
    if (a.mode === PointwiseMode_t.RELU_FWD && a.relu_lower_clip_slope !== undefined && (a.relu_lower_clip !== undefined || a.relu_upper_clip !== undefined)) {
      return 'RELU_FWD with both a lower clip slope and clips';
    }
    for (const t of [...this.operands, this.output]) {
      const dtype = dtypeOfDataType(t.get_data_type());
      if (!dtype || !['float32', 'float16', 'bfloat16', 'float64'].includes(dtype)) return `tensor '${t.get_name()}' of type ${t.get_data_type()}`;
    }
    return undefined;
  }

  execute(run: NodeRun): void {
    const a = this.attributes;
    const compute = run.compute;
    const inputs = this.operands.map((t) => run.operand(t));
    let op = OPERATORS[a.mode]![0];
    let attributes: RawAttributes = {};
    const extra: Tensor[] = [];
    switch (a.mode) {
      case PointwiseMode_t.GELU_FWD:
        attributes = { approximate: 'none' };
        break;
      case PointwiseMode_t.GELU_APPROX_TANH_FWD:
        attributes = { approximate: 'tanh' };
        break;
      case PointwiseMode_t.ELU_FWD:
        attributes = { alpha: a.elu_alpha ?? 1 };
        break;
      case PointwiseMode_t.RELU_FWD:
        if (a.relu_lower_clip_slope !== undefined) {
          op = 'LeakyRelu';
          attributes = { alpha: a.relu_lower_clip_slope };
        } else if (a.relu_lower_clip !== undefined || a.relu_upper_clip !== undefined) {
          op = 'Clip';
          extra.push(Tensor.fromNumbers([a.relu_lower_clip ?? 0], [], compute), Tensor.fromNumbers([a.relu_upper_clip ?? Infinity], [], compute));
        }
        break;
      default:
        break;
    }
    const target = run.target(this.output);
    launchStep(run.env, { op, inputs: [...inputs, ...extra], attributes, computeIn: compute }, [target], (results) => [castTo(results[0], target.view.dtype)]);
  }
}
