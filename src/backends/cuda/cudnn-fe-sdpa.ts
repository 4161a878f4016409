/**
 * Graph::sdpa: fused scaled dot-product attention, O = softmax(scale·Q·Kᵀ + bias + mask)·V, as
 * the ONNX Attention operator on 4-D views: Q [b, h_q, s_q, d], K [b, h_k, s_kv, d],
 * V [b, h_k, s_kv, d_v], O [b, h_q, s_q, d_v].
 *
 * - Scale: attn_scale when set (a float, or a scalar tensor); otherwise 1 — the frontend adds
 *   the scaling only when it was set, there is no implicit 1/sqrt(d) (catalog note,
 *   scaled_dot_product_flash_attention.h). Attention gets `scale` explicitly either way.
 * - Causal masks: set_causal_mask (TOP_LEFT, right bound 0) is Attention's is_causal = 1;
 *   bottom-right alignment is the same when s_q = s_kv and otherwise a boolean mask
 *   (key j visible to query i when j <= i + s_kv - s_q) passed as attn_mask. A bias
 *   (set_bias) is Attention's additive attn_mask. Padding masks, ALiBi, sliding windows,
 *   right bounds other than 0, dropout and Stats in log2 are not simulated.
 * - Grouped-query attention: h_q a multiple of h_k (K and V share their head count); query
 *   head h reads key/value head h / (h_q / h_k), as Attention groups them.
 * - Numerics: products on the matrix unit with float32 accumulation, scores and softmax held
 *   in the compute type (Attention's softmax_precision); O rounded once into its type.
 * - Stats (set_generate_stats(true)): the frontend's composite softmax writes
 *   max + log(sum(exp(s − max))) of the scaled, masked scores, [b, h_q, s_q, 1]
 *   (node/softmax.h). Attention has no such output, so Stats is computed by MatMul, Mul,
 *   Where / Add, ReduceMax, Sub, Exp, ReduceSum, Log and Add launches in the compute type.
 */
import type { DType } from '../../runtime/dtype.js';
import { Tensor } from '../../runtime/tensor.js';
import type { DeviceOperand } from '../sim/launch-op.js';
import { DataType_t, DiagonalAlignment_t, error_code_t } from './constants.generated.js';
import type { SDPA_attributes } from './cudnn-fe-attributes.js';
import { OK, fail, type error_t } from './cudnn-fe-error.js';
import { GraphNode, inferOutput, rowMajorStrides, type GraphContext, type NodeRun } from './cudnn-fe-node.js';
import { dtypeOfDataType, type Tensor_attributes } from './cudnn-fe-tensor.js';
import { castTo, launchStep, type Operand } from './cudnn-launch.js';

/** ONNX TensorProto codes of softmax_precision. */
const PRECISION_CODE: Readonly<Partial<Record<DType, number>>> = { float32: 1, float16: 10, float64: 11, bfloat16: 16 };

export class SDPANode extends GraphNode {
  constructor(
    readonly attributes: SDPA_attributes,
    readonly q: Tensor_attributes,
    readonly k: Tensor_attributes,
    readonly v: Tensor_attributes,
    readonly o: Tensor_attributes,
    readonly stats: Tensor_attributes | null,
  ) {
    super('SDPA', attributes.name);
  }

  get computeDataType(): DataType_t {
    return this.attributes.compute_data_type;
  }

  inputs(): Tensor_attributes[] {
    const a = this.attributes;
    return [this.q, this.k, this.v, ...[a.attn_scale, a.bias, a.seq_len_q, a.seq_len_kv, a.dropout_mask].filter((t): t is Tensor_attributes => t !== undefined)];
  }

  outputs(): Tensor_attributes[] {
    return [this.o, ...(this.stats ? [this.stats] : [])];
  }

  infer(context: GraphContext): error_t {
    this.fillFromContext(context);
    this.expandScalars();
    const label = `sdpa node '${this.name}'`;
    const [q, k, v] = [this.q.get_dim(), this.k.get_dim(), this.v.get_dim()];
    if (q.length !== 4 || k.length !== 4 || v.length !== 4) {
      return fail(error_code_t.SHAPE_DEDUCTION_FAILED, `${label}: Q, K and V must be 4-D [b, h, s, d] (got [${q.join(', ')}], [${k.join(', ')}], [${v.join(', ')}])`);
    }
    const inconsistent =
      q[0] !== k[0] || q[0] !== v[0] ? 'batch sizes differ'
      : q[3] !== k[3] ? `Q's head size ${q[3]} differs from K's ${k[3]}`
      : k[2] !== v[2] ? `K's sequence length ${k[2]} differs from V's ${v[2]}`
      : k[1] !== v[1] ? `K has ${k[1]} heads but V has ${v[1]}`
      : q[1] % k[1] !== 0 ? `${q[1]} query heads are not a multiple of ${k[1]} key/value heads`
      : undefined;
    if (inconsistent) return fail(error_code_t.SHAPE_DEDUCTION_FAILED, `${label}: ${inconsistent}`);
    const oDims = [q[0], q[1], q[2], v[3]];
    inferOutput(this.o, oDims, rowMajorStrides(oDims));
    if (this.stats) {
      const sDims = [q[0], q[1], q[2], 1];
      inferOutput(this.stats, sDims, rowMajorStrides(sDims));
    }
    return OK();
  }

  unsupported(): string | undefined {
    const a = this.attributes;
    const [, , sq] = this.q.get_dim();
    const skv = this.k.get_dim()[2];
    if (a.padding_mask || a.seq_len_q || a.seq_len_kv) return 'SDPA padding masks';
    if (a.alibi_mask) return 'SDPA ALiBi masks';
    if (a.left_bound !== undefined) return 'SDPA sliding windows (diagonal band left bound)';
    if (a.right_bound !== undefined && a.right_bound !== 0) return `SDPA diagonal band right bound ${a.right_bound}`;
    if (a.dropout_probability !== undefined || a.dropout_mask) return 'SDPA dropout';
    if (a.stats_use_log2) return 'SDPA Stats in log2';
    if (a.bias && this.bottomRightMask() && sq !== skv) return 'SDPA with both a bias and a bottom-right causal mask';
    const qType = dtypeOfDataType(this.q.get_data_type());
    if (qType !== 'float16' && qType !== 'bfloat16') return `SDPA on ${this.q.get_data_type()} Q (cuDNN's SDPA takes HALF or BFLOAT16)`;
    for (const t of [this.k, this.v, this.o, ...(a.bias ? [a.bias] : [])]) {
      if (t.get_data_type() !== this.q.get_data_type()) return `SDPA tensor '${t.get_name()}' of type ${t.get_data_type()} with ${this.q.get_data_type()} Q`;
    }
    if (this.stats && !dtypeOfDataType(this.stats.get_data_type())) return `Stats of type ${this.stats.get_data_type()}`;
    const scale = a.attn_scale_value;
    if (scale !== undefined && !(scale > 0 && Number.isFinite(scale))) return `attn_scale ${scale} (the Attention operator takes a positive scale)`;
    return undefined;
  }

  private bottomRightMask(): boolean {
    const a = this.attributes;
    return a.right_bound === 0 && a.diagonal_alignment === DiagonalAlignment_t.BOTTOM_RIGHT;
  }

  /** The scores' mask as an Attention attn_mask: the bias, or a bottom-right causal mask. */
  private mask(run: NodeRun, sq: number, skv: number): { causal: boolean; mask: Operand | undefined } {
    const a = this.attributes;
    const topLeft = a.right_bound === 0 && (a.diagonal_alignment === DiagonalAlignment_t.TOP_LEFT || sq === skv);
    if (a.bias) return { causal: topLeft, mask: run.operand(a.bias) };
    if (!this.bottomRightMask() || topLeft) return { causal: topLeft, mask: undefined };
    const visible = new Float64Array(sq * skv);
    for (let i = 0; i < sq; i++) for (let j = 0; j < skv; j++) visible[i * skv + j] = j <= i + skv - sq ? 1 : 0;
    return { causal: false, mask: Tensor.fromNumbers(visible, [sq, skv], 'bool') };
  }

  execute(run: NodeRun): void {
    const a = this.attributes;
    const [, , sq] = this.q.get_dim();
    const skv = this.k.get_dim()[2];
    const scale = a.attn_scale_value ?? (a.attn_scale ? run.scalar(a.attn_scale) : 1);
    const { causal, mask } = this.mask(run, sq, skv);
    const q = run.operand(this.q);
    const k = run.operand(this.k);
    const v = run.operand(this.v);
    const o = run.target(this.o);
    const [b, hq, , d] = this.q.get_dim();
    const flops = 2 * b * hq * sq * skv * (d + this.v.get_dim()[3]);
    launchStep(
      run.env,
      {
        op: 'Attention',
        inputs: [q, k, v, mask],
        attributes: { scale, is_causal: causal ? 1 : 0, softmax_precision: PRECISION_CODE[run.compute] ?? 1 },
        flops,
      },
      [o],
      (results) => [castTo(results[0], o.view.dtype)],
    );
    if (this.stats) this.writeStats(run, q, k, scale, causal, mask);
  }

  /** Stats = max + log(sum(exp(s - max))) of the scaled, masked scores (node/softmax.h). */
  private writeStats(run: NodeRun, q: Operand, k: Operand, scale: number, causal: boolean, mask: Operand | undefined): void {
    const compute = run.compute;
    const [b, hq, sq, d] = this.q.get_dim();
    const [, hk, skv] = this.k.get_dim();
    const group = hq / hk;
    const step = (op: string, inputs: (Operand | Tensor)[], attributes = {}) => launchStep(run.env, { op, inputs, attributes, computeIn: compute }, [undefined]).results[0];
    // Views only: query heads in groups of `group` per key head, K transposed.
    const grouped = (x: Operand, shape: number[], strides: (s: readonly number[]) => number[]): Operand => {
      const view = x instanceof Tensor ? x : x.view;
      const t = new Tensor(view.storage, view.dtype, shape, strides(view.strides), view.offset);
      return x instanceof Tensor ? t : ({ ptr: (x as DeviceOperand).ptr, view: t } satisfies DeviceOperand);
    };
    const qg = grouped(q, [b, hk, group, sq, d], (s) => [s[0], s[1] * group, s[1], s[2], s[3]]);
    const kt = grouped(k, [b, hk, 1, d, skv], (s) => [s[0], s[1], 0, s[3], s[2]]);
    let scores = step('MatMul', [qg, kt]).reshape([b, hq, sq, skv]);
    if (this.attributes.attn_scale_value !== undefined || this.attributes.attn_scale) scores = step('Mul', [scores, Tensor.fromNumbers([scale], [], compute)]);
    if (mask && !(mask instanceof Tensor && mask.dtype === 'bool')) scores = step('Add', [scores, mask]);
    const visible = causal ? causalMask(sq, skv) : mask instanceof Tensor && mask.dtype === 'bool' ? mask : undefined;
    if (visible) scores = step('Where', [visible, scores, Tensor.fromNumbers([-Infinity], [], compute)]);
    const last = Tensor.fromNumbers([3], [1], 'int64');
    const max = step('ReduceMax', [scores, last], { keepdims: 1 });
    const sum = step('ReduceSum', [step('Exp', [step('Sub', [scores, max])]), last], { keepdims: 1 });
    const target = run.target(this.stats!);
    launchStep(run.env, { op: 'Add', inputs: [max, step('Log', [sum])], attributes: {}, computeIn: compute }, [target], (results) => [castTo(results[0], target.view.dtype)]);
  }
}

/** Top-left causal visibility: key j is visible to query i when j <= i. */
function causalMask(sq: number, skv: number): Tensor {
  const visible = new Float64Array(sq * skv);
  for (let i = 0; i < sq; i++) for (let j = 0; j < skv; j++) visible[i * skv + j] = j <= i ? 1 : 0;
  return Tensor.fromNumbers(visible, [sq, skv], 'bool');
}
