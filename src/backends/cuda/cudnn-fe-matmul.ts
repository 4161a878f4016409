/**
 * Graph::matmul: C = A·B on the tensors' logical dims, A [batch..., M, K] and B [batch..., K,
 * N] (batch dims broadcast), as ONNX MatMul. A transposed operand is a stride change, which
 * the views carry. Operands are widened exactly to the node's compute data type (fp16 / bf16
 * products are exact in FLOAT), multiplied on the matrix unit of the profile, and C is
 * rounded once into its type. M / N / K overrides and padding are not simulated.
 */
import { DataType_t, error_code_t } from './constants.generated.js';
import type { Matmul_attributes } from './cudnn-fe-attributes.js';
import { OK, fail, type error_t } from './cudnn-fe-error.js';
import { GraphNode, broadcastDims, inferOutput, rowMajorStrides, type GraphContext, type NodeRun } from './cudnn-fe-node.js';
import { dtypeOfDataType, type Tensor_attributes } from './cudnn-fe-tensor.js';
import { castTo, launchStep } from './cudnn-launch.js';

export class MatmulNode extends GraphNode {
  constructor(
    readonly attributes: Matmul_attributes,
    readonly a: Tensor_attributes,
    readonly b: Tensor_attributes,
    readonly c: Tensor_attributes,
  ) {
    super('MATMUL', attributes.name);
  }

  get computeDataType(): DataType_t {
    return this.attributes.compute_data_type;
  }

  inputs(): Tensor_attributes[] {
    return [this.a, this.b];
  }

  outputs(): Tensor_attributes[] {
    return [this.c];
  }

  infer(context: GraphContext): error_t {
    this.fillFromContext(context);
    const a = this.a.get_dim();
    const b = this.b.get_dim();
    const problem = `matmul node '${this.name}': A [${a.join(', ')}] · B [${b.join(', ')}]`;
    if (a.length < 2 || b.length < 2) return fail(error_code_t.SHAPE_DEDUCTION_FAILED, `${problem}: operands need at least 2 dims`);
    if (a[a.length - 1] !== b[b.length - 2]) return fail(error_code_t.SHAPE_DEDUCTION_FAILED, `${problem}: A's K (${a[a.length - 1]}) differs from B's (${b[b.length - 2]})`);
    const batch = broadcastDims([a.slice(0, -2), b.slice(0, -2)]);
    if (!batch) return fail(error_code_t.SHAPE_DEDUCTION_FAILED, `${problem}: batch dims do not broadcast`);
    const dims = [...batch, a[a.length - 2], b[b.length - 1]];
    inferOutput(this.c, dims, rowMajorStrides(dims));
    return OK();
  }

  unsupported(): string | undefined {
    const at = this.attributes;
    if (at.m_override || at.n_override || at.k_override) return 'matmul M / N / K overrides';
    if (at.padding_value !== 0) return `matmul padding ${at.padding_value}`;
    for (const t of [this.a, this.b, this.c]) {
      const dtype = dtypeOfDataType(t.get_data_type());
      if (!dtype || !['float32', 'float16', 'bfloat16', 'float64'].includes(dtype)) return `matmul tensor '${t.get_name()}' of type ${t.get_data_type()}`;
    }
    return undefined;
  }

  execute(run: NodeRun): void {
    const a = this.a.get_dim();
    const c = this.c.get_dim();
    const flops = 2 * c.reduce((n, d) => n * d, 1) * a[a.length - 1];
    const target = run.target(this.c);
    launchStep(run.env, { op: 'MatMul', inputs: [run.operand(this.a), run.operand(this.b)], attributes: {}, computeIn: run.compute, flops }, [target], (results) => [
      castTo(results[0], target.view.dtype),
    ]);
  }
}
