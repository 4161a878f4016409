/**
 * The node attribute classes of cudnn_frontend::graph (graph_properties.h): every class has
 * `set_name` and `set_compute_data_type` (class Attributes) and its own chained setters.
 * Setters for features the simulator does not run (SDPA padding masks, ALiBi, dropout, sliding
 * windows; matmul overrides) exist and record the setting; check_support then refuses the
 * graph with GRAPH_NOT_SUPPORTED and OB2014 rather than computing something else.
 */
import { DataType_t, DiagonalAlignment_t, NormFwdPhase_t, PointwiseMode_t } from './constants.generated.js';
import { Tensor_attributes } from './cudnn-fe-tensor.js';

export abstract class Attributes {
  name = '';
  compute_data_type: DataType_t = DataType_t.NOT_SET;

  set_name(value: string): this {
    this.name = value;
    return this;
  }

  get_name(): string {
    return this.name;
  }

  set_compute_data_type(value: DataType_t): this {
    this.compute_data_type = value;
    return this;
  }
}

function requireTensor(value: unknown, what: string): Tensor_attributes {
  if (!(value instanceof Tensor_attributes)) {
    throw new TypeError(`${what} takes a tensor (a Tensor_attributes from graph.tensor(...)), got ${value === null ? 'null' : typeof value}`);
  }
  return value;
}

export class Layernorm_attributes extends Attributes {
  forward_phase: NormFwdPhase_t = NormFwdPhase_t.NOT_SET;
  epsilon: Tensor_attributes | undefined;

  set_forward_phase(value: NormFwdPhase_t): this {
    this.forward_phase = value;
    return this;
  }

  /** A tensor, or a float (a pass-by-value scalar the graph holds). */
  set_epsilon(value: Tensor_attributes | number): this {
    this.epsilon = typeof value === 'number' ? new Tensor_attributes(value) : requireTensor(value, 'Layernorm_attributes::set_epsilon');
    return this;
  }
}

export class Rmsnorm_attributes extends Attributes {
  forward_phase: NormFwdPhase_t = NormFwdPhase_t.NOT_SET;
  epsilon: Tensor_attributes | undefined;
  bias: Tensor_attributes | undefined;

  set_forward_phase(value: NormFwdPhase_t): this {
    this.forward_phase = value;
    return this;
  }

  /** A tensor only (C++ has no float overload here: pass graph.tensor(1e-5)). */
  set_epsilon(value: Tensor_attributes): this {
    this.epsilon = requireTensor(value, 'Rmsnorm_attributes::set_epsilon');
    return this;
  }

  set_bias(value: Tensor_attributes): this {
    this.bias = requireTensor(value, 'Rmsnorm_attributes::set_bias');
    return this;
  }
}

export class SDPA_attributes extends Attributes {
  generate_stats: boolean | undefined;
  attn_scale_value: number | undefined;
  attn_scale: Tensor_attributes | undefined;
  bias: Tensor_attributes | undefined;
  diagonal_alignment: DiagonalAlignment_t = DiagonalAlignment_t.TOP_LEFT;
  left_bound: number | undefined;
  right_bound: number | undefined;
  alibi_mask = false;
  padding_mask = false;
  seq_len_q: Tensor_attributes | undefined;
  seq_len_kv: Tensor_attributes | undefined;
  dropout_probability: number | undefined;
  dropout_seed: Tensor_attributes | undefined;
  dropout_offset: Tensor_attributes | undefined;
  dropout_mask: Tensor_attributes | undefined;
  dropout_scale: Tensor_attributes | undefined;
  stats_use_log2 = false;

  set_generate_stats(value: boolean): this {
    this.generate_stats = value;
    return this;
  }

  /** Deprecated in C++: set_generate_stats(!value). */
  set_is_inference(value: boolean): this {
    return this.set_generate_stats(!value);
  }

  set_stats_use_log2(value: boolean): this {
    this.stats_use_log2 = value;
    return this;
  }

  /** A float, or a scalar tensor. Unset, the logits are not scaled (no implicit 1/sqrt(d)). */
  set_attn_scale(value: number | Tensor_attributes): this {
    // A C++ float.
    if (typeof value === 'number') this.attn_scale_value = Math.fround(value);
    else this.attn_scale = requireTensor(value, 'SDPA_attributes::set_attn_scale');
    return this;
  }

  set_bias(value: Tensor_attributes): this {
    this.bias = requireTensor(value, 'SDPA_attributes::set_bias');
    return this;
  }

  set_alibi_mask(value: boolean): this {
    this.alibi_mask = value;
    return this;
  }

  set_padding_mask(value: boolean): this {
    this.padding_mask = value;
    return this;
  }

  set_seq_len_q(value: Tensor_attributes): this {
    this.seq_len_q = requireTensor(value, 'SDPA_attributes::set_seq_len_q');
    return this;
  }

  set_seq_len_kv(value: Tensor_attributes): this {
    this.seq_len_kv = requireTensor(value, 'SDPA_attributes::set_seq_len_kv');
    return this;
  }

  set_diagonal_alignment(alignment: DiagonalAlignment_t): this {
    this.diagonal_alignment = alignment;
    return this;
  }

  set_diagonal_band_left_bound(value: number): this {
    this.left_bound = value;
    return this;
  }

  set_diagonal_band_right_bound(value: number): this {
    this.right_bound = value;
    return this;
  }

  /** Top-left aligned causal mask: TOP_LEFT alignment and right bound 0. */
  set_causal_mask(value: boolean): this {
    if (value) this.set_diagonal_alignment(DiagonalAlignment_t.TOP_LEFT).set_diagonal_band_right_bound(0);
    return this;
  }

  /** Bottom-right aligned causal mask: BOTTOM_RIGHT alignment and right bound 0. */
  set_causal_mask_bottom_right(value: boolean): this {
    if (value) this.set_diagonal_alignment(DiagonalAlignment_t.BOTTOM_RIGHT).set_diagonal_band_right_bound(0);
    return this;
  }

  /** = set_diagonal_band_left_bound(value). */
  set_sliding_window_length(value: number): this {
    return this.set_diagonal_band_left_bound(value);
  }

  /** set_dropout(probability, seed, offset) or set_dropout(mask, scale). */
  set_dropout(probability_or_mask: number | Tensor_attributes, seed_or_scale: Tensor_attributes, offset?: Tensor_attributes): this {
    if (typeof probability_or_mask === 'number') {
      this.dropout_probability = probability_or_mask;
      this.dropout_seed = seed_or_scale;
      this.dropout_offset = offset;
    } else {
      this.dropout_mask = probability_or_mask;
      this.dropout_scale = seed_or_scale;
    }
    return this;
  }
}

export class Pointwise_attributes extends Attributes {
  mode: PointwiseMode_t = PointwiseMode_t.NOT_SET;
  axis: number | undefined;
  relu_lower_clip: number | undefined;
  relu_upper_clip: number | undefined;
  relu_lower_clip_slope: number | undefined;
  swish_beta: number | undefined;
  elu_alpha: number | undefined;
  softplus_beta: number | undefined;

  set_mode(value: PointwiseMode_t): this {
    this.mode = value;
    return this;
  }

  get_mode(): PointwiseMode_t {
    return this.mode;
  }

  set_axis(axis: number): this {
    this.axis = axis;
    return this;
  }

  get_axis(): number | undefined {
    return this.axis;
  }

  set_relu_lower_clip_slope(negative_slope: number): this {
    this.relu_lower_clip_slope = negative_slope;
    return this;
  }

  set_relu_lower_clip(value: number): this {
    this.relu_lower_clip = value;
    return this;
  }

  set_relu_upper_clip(value: number): this {
    this.relu_upper_clip = value;
    return this;
  }

  set_swish_beta(value: number): this {
    this.swish_beta = value;
    return this;
  }

  get_swish_beta(): number | undefined {
    return this.swish_beta;
  }

  set_elu_alpha(value: number): this {
    this.elu_alpha = value;
    return this;
  }

  set_softplus_beta(value: number): this {
    this.softplus_beta = value;
    return this;
  }
}

export class Matmul_attributes extends Attributes {
  m_override: Tensor_attributes | undefined;
  n_override: Tensor_attributes | undefined;
  k_override: Tensor_attributes | undefined;
  padding_value = 0;

  set_m_override(value: Tensor_attributes): this {
    this.m_override = requireTensor(value, 'Matmul_attributes::set_m_override');
    return this;
  }

  set_n_override(value: Tensor_attributes): this {
    this.n_override = requireTensor(value, 'Matmul_attributes::set_n_override');
    return this;
  }

  set_k_override(value: Tensor_attributes): this {
    this.k_override = requireTensor(value, 'Matmul_attributes::set_k_override');
    return this;
  }

  set_padding(padding_val: number): this {
    this.padding_value = padding_val;
    return this;
  }
}
