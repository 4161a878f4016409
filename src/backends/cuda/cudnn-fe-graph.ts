/**
 * cudnn_frontend::graph::Graph (graph_interface.h): build a graph of tensors and nodes,
 * validate() → build_operation_graph(handle) → create_execution_plans(modes) →
 * check_support() → build_plans() → get_workspace_size() → execute(handle, variant pack,
 * workspace), each returning an error_t.
 *
 * The simulated engine has one execution plan: the nodes run in graph order as canonical
 * operators, each a launch on the handle's stream under the CUDA profile with the node's
 * compute data type applied (profiles/cuda.yaml knob Graph::set_compute_data_type). Virtual
 * tensors (node outputs never given set_output(true)) live in the workspace, which is why a
 * graph with intermediates needs one: get_workspace_size is the bytes of its virtual tensors,
 * each 256-byte aligned (a model, not NVIDIA's number); a workspace shorter than that is
 * written out of bounds by the plan (CUDNN_BACKEND_API_FAILED, OB2001, the context lost).
 *
 * Errors follow the frontend where its source says so: a tensor missing from the variant
 * pack is INVALID_VARIANT_PACK ("Uid N does not exist in variant pack."), executing or sizing
 * an unbuilt graph GRAPH_EXECUTION_FAILED ("Plan index -1 is invalid."), a missing forward
 * phase or tensor dims ATTRIBUTE_NOT_SET, duplicate uids INVALID_VALUE. Codes the sources
 * read do not state (calls out of order, shape inconsistencies SHAPE_DEDUCTION_FAILED,
 * unsupported graphs GRAPH_NOT_SUPPORTED) are inferred: docs/backends/cuda.md.
 */
import { ITEM_SIZE } from '../../runtime/dtype.js';
import type { NumericProfile } from '../../runtime/numerics/numeric-profile.js';
import { Tensor } from '../../runtime/tensor.js';
import { DeviceFault } from '../sim/device-fault.js';
import { isDevicePtr, type DevicePtr } from '../sim/device-memory.js';
import { deviceTensor } from '../sim/device-tensor.js';
import type { CallContext } from '../sim/facade-call.js';
import type { DeviceOperand } from '../sim/launch-op.js';
import { isHostMemory, requireDevicePtr } from '../sim/memory-ops.js';
import type { Ref } from '../sim/ref.js';
import {
  BuildPlanPolicy_t,
  DataType_t,
  HeurMode_t,
  NormFwdPhase_t,
  error_code_t,
} from './constants.generated.js';
import {
  Layernorm_attributes,
  Matmul_attributes,
  Pointwise_attributes,
  Rmsnorm_attributes,
  SDPA_attributes,
} from './cudnn-fe-attributes.js';
import { frontendCall, withDiagnostic } from './cudnn-fe-call.js';
import { OK, fail, type error_t } from './cudnn-fe-error.js';
import { MatmulNode } from './cudnn-fe-matmul.js';
import { rowMajorStrides, type GraphContext, type GraphNode, type NodeRun } from './cudnn-fe-node.js';
import { LayerNormNode, RMSNormNode } from './cudnn-fe-norms.js';
import { PointwiseNode } from './cudnn-fe-pointwise.js';
import { SDPANode } from './cudnn-fe-sdpa.js';
import { Tensor_attributes, dtypeOfDataType } from './cudnn-fe-tensor.js';
import { CudnnHandle, type cudnnHandle_t } from './cudnn-handle.js';
import { writeOut } from './out-param.js';
import { asDeviceWork, contextLost } from './runtime-state.js';
import { resolveStream } from './streams.js';
import { boundCallProfile } from './backend-binding.js';

const SYMBOL = 'cudnn_frontend::graph::Graph::';
const WORKSPACE_ALIGNMENT = 256;

type Stage = 'building' | 'validated' | 'lowered' | 'planned' | 'built';

/** A variant pack: graph tensor (or its uid) → device pointer, or a host value for a pass-by-value scalar. */
export type VariantPack = Map<Tensor_attributes | number, DevicePtr | number | ArrayBufferView | null | undefined>;

function liveHandle(handle: unknown): CudnnHandle | error_t {
  if (handle instanceof CudnnHandle && !handle.destroyed) return handle;
  const why = handle === null || handle === undefined ? 'is NULL' : handle instanceof CudnnHandle ? 'was destroyed with cudnnDestroy' : 'is not a cudnnHandle_t';
  return fail(error_code_t.HANDLE_ERROR, `the cuDNN handle ${why}`);
}

export class Graph {
  private io: DataType_t = DataType_t.NOT_SET;
  private intermediate: DataType_t = DataType_t.NOT_SET;
  private computeType: DataType_t = DataType_t.NOT_SET;
  private readonly graphInputs: Tensor_attributes[] = [];
  private readonly nodes: GraphNode[] = [];
  private stage: Stage = 'building';
  private supported = false;
  private candidate = -1;
  private readonly workspaceOffsets = new Map<Tensor_attributes, number>();
  private workspaceBytes = 0;

  set_io_data_type(type: DataType_t): this {
    this.io = type;
    return this;
  }

  set_intermediate_data_type(type: DataType_t): this {
    this.intermediate = type;
    return this;
  }

  set_compute_data_type(type: DataType_t): this {
    this.computeType = type;
    return this;
  }

  private get context(): GraphContext {
    return { io: this.io, intermediate: this.intermediate, compute: this.computeType };
  }

  private changed(): void {
    this.stage = 'building';
    this.supported = false;
    this.candidate = -1;
  }

  /**
   * Declares a graph input; a number makes a FLOAT pass-by-value scalar held by the graph
   * (`graph.tensor(1e-5f)`; a second argument ScalarType as in C++).
   */
  tensor(tensor: Tensor_attributes | number): Tensor_attributes {
    // The C++ scalar overload's ScalarType, read positionally to keep the catalog's parameter list.
    const t = typeof tensor === 'number' ? new Tensor_attributes(tensor, arguments[1]) : tensor;
    if (!(t instanceof Tensor_attributes)) throw new TypeError('Graph::tensor takes a Tensor_attributes or a number');
    this.graphInputs.push(t);
    this.changed();
    return t;
  }

  private output(name: string): Tensor_attributes {
    return new Tensor_attributes().set_name(name).set_is_virtual(true);
  }

  private named<T extends { name: string }>(attributes: T): T {
    if (!attributes.name) attributes.name = String(this.nodes.length);
    return attributes;
  }

  private add(node: GraphNode): void {
    this.nodes.push(node);
    this.changed();
  }

  /** {Y, MEAN, INV_VARIANCE}; MEAN and INV_VARIANCE are null unless the forward phase is TRAINING. */
  layernorm(x: Tensor_attributes, scale: Tensor_attributes, bias: Tensor_attributes, attributes: Layernorm_attributes): [Tensor_attributes, Tensor_attributes | null, Tensor_attributes | null] {
    const a = this.named(attributes);
    const training = a.forward_phase === NormFwdPhase_t.TRAINING;
    const y = this.output(`${a.name}::Y`);
    const mean = training ? this.output(`${a.name}::MEAN`) : null;
    const inv = training ? this.output(`${a.name}::INV_VARIANCE`) : null;
    this.add(new LayerNormNode(a, x, scale, bias, y, mean, inv));
    return [y, mean, inv];
  }

  /** {Y, INV_VARIANCE}; INV_VARIANCE is null unless the forward phase is TRAINING. */
  rmsnorm(x: Tensor_attributes, scale: Tensor_attributes, attributes: Rmsnorm_attributes): [Tensor_attributes, Tensor_attributes | null] {
    const a = this.named(attributes);
    const y = this.output(`${a.name}::Y`);
    const inv = a.forward_phase === NormFwdPhase_t.TRAINING ? this.output(`${a.name}::INV_VARIANCE`) : null;
    this.add(new RMSNormNode(a, x, scale, y, inv));
    return [y, inv];
  }

  /** {O, Stats}; Stats is null unless set_generate_stats(true). */
  sdpa(q: Tensor_attributes, k: Tensor_attributes, v: Tensor_attributes, attributes: SDPA_attributes): [Tensor_attributes, Tensor_attributes | null] {
    const a = this.named(attributes);
    const o = this.output(`${a.name}::O`);
    const stats = a.generate_stats === true ? this.output(`${a.name}::Stats`) : null;
    this.add(new SDPANode(a, q, k, v, o, stats));
    return [o, stats];
  }

  /** pointwise(a, attributes), pointwise(a, b, attributes) or pointwise(a, b, c, attributes). */
  pointwise(a: Tensor_attributes, attributes: Pointwise_attributes): Tensor_attributes;
  pointwise(a: Tensor_attributes, b: Tensor_attributes, attributes: Pointwise_attributes): Tensor_attributes;
  pointwise(a: Tensor_attributes, b: Tensor_attributes, c: Tensor_attributes, attributes: Pointwise_attributes): Tensor_attributes;
  pointwise(a: Tensor_attributes, b: Tensor_attributes | Pointwise_attributes, c?: Tensor_attributes | Pointwise_attributes, attributes?: Pointwise_attributes): Tensor_attributes {
    const args = [a, b, c, attributes].filter((x) => x !== undefined);
    const attrs = args.pop();
    if (!(attrs instanceof Pointwise_attributes)) throw new TypeError('Graph::pointwise takes 1 to 3 tensors followed by Pointwise_attributes');
    const operands = args as Tensor_attributes[];
    if (operands.some((t) => !(t instanceof Tensor_attributes))) throw new TypeError('Graph::pointwise operands must be Tensor_attributes');
    const named = this.named(attrs);
    operands.forEach((t, i) => {
      if (!t.get_name()) t.set_name(`${named.name}::IN_${i}`);
    });
    const out = this.output(`${named.name}::OUT_0`);
    this.add(new PointwiseNode(named, operands, out));
    return out;
  }

  /** C = A·B. */
  matmul(a: Tensor_attributes, b: Tensor_attributes, attributes: Matmul_attributes): Tensor_attributes {
    const named = this.named(attributes);
    const c = this.output(`${named.name}::C`);
    this.add(new MatmulNode(named, a, b, c));
    return c;
  }

  /** Every tensor of the graph, each once, in graph order. */
  private allTensors(): Tensor_attributes[] {
    const seen = new Set<Tensor_attributes>();
    for (const t of this.graphInputs) seen.add(t);
    for (const node of this.nodes) for (const t of [...node.inputs(), ...node.outputs()]) seen.add(t);
    return [...seen];
  }

  private assignUids(): error_t {
    const used = new Map<number, Tensor_attributes>();
    for (const t of this.allTensors()) {
      if (!t.has_uid()) continue;
      const other = used.get(t.get_uid());
      if (other && other !== t) return fail(error_code_t.INVALID_VALUE, `uid ${t.get_uid()} for tensor named ${t.get_name()} has been already assigned to another tensor.`);
      used.set(t.get_uid(), t);
    }
    let next = 1;
    for (const t of this.allTensors()) {
      if (t.has_uid()) continue;
      while (used.has(next)) next++;
      t.set_uid(next);
      used.set(next, t);
    }
    return OK();
  }

  /** Checks the tensors and nodes and infers unset properties (dims, strides, types of virtual tensors). */
  validate(): error_t {
    return frontendCall(`${SYMBOL}validate`, () => {
      this.changed();
      const uids = this.assignUids();
      if (uids.is_bad()) return uids;
      const produced = new Set(this.nodes.flatMap((n) => n.outputs()));
      for (const t of this.allTensors()) {
        if (produced.has(t)) continue;
        const checked = t.validate();
        if (checked.is_bad()) return checked;
      }
      for (const node of this.nodes) {
        const inferred = node.infer(this.context);
        if (inferred.is_bad()) return inferred;
        const compute = node.computeDType(this.context);
        if (!(typeof compute === 'string')) return compute;
      }
      for (const t of produced) {
        const checked = t.validate();
        if (checked.is_bad()) return checked;
      }
      for (const t of this.nodes.flatMap((n) => [...n.inputs(), ...n.outputs()])) {
        if (t.get_data_type() === DataType_t.NOT_SET) {
          return fail(error_code_t.ATTRIBUTE_NOT_SET, `Tensor '${t.get_name()}' data type not set (Tensor_attributes::set_data_type or Graph::set_io_data_type / set_intermediate_data_type)`);
        }
      }
      this.stage = 'validated';
      return OK();
    });
  }

  /** Lowers the validated graph to one backend operation graph. */
  build_operation_graph(handle: cudnnHandle_t): error_t {
    return frontendCall(`${SYMBOL}build_operation_graph`, () => {
      const h = liveHandle(handle);
      if (!(h instanceof CudnnHandle)) return h;
      if (this.stage !== 'validated') return fail(error_code_t.INVALID_VALUE, 'validate() must succeed before build_operation_graph()');
      this.stage = 'lowered';
      return OK();
    });
  }

  /** Queries engine configurations: the simulator has one plan for the heuristic modes A, B and FALLBACK. */
  create_execution_plans(mode: readonly HeurMode_t[]): error_t {
    return frontendCall(`${SYMBOL}create_execution_plans`, () => {
      if (this.stage !== 'lowered' && this.stage !== 'planned') return fail(error_code_t.HEURISTIC_QUERY_FAILED, 'build_operation_graph() must succeed before create_execution_plans()');
      if (!Array.isArray(mode) || mode.length === 0) return fail(error_code_t.HEURISTIC_QUERY_FAILED, 'create_execution_plans takes a non-empty list of HeurMode_t');
      const known = Object.values(HeurMode_t) as string[];
      const bad = mode.find((m) => !known.includes(m));
      if (bad !== undefined) return fail(error_code_t.HEURISTIC_QUERY_FAILED, `${String(bad)} is not a HeurMode_t`);
      if (!mode.some((m) => m !== HeurMode_t.OPENSOURCE)) return withDiagnostic(fail(error_code_t.HEURISTIC_QUERY_FAILED, 'the OPENSOURCE engines are not simulated: add HeurMode_t::A or FALLBACK'), 'OB2014');
      this.stage = 'planned';
      return OK();
    });
  }

  private unsupportedReason(): string | undefined {
    for (const node of this.nodes) {
      const reason = node.unsupported(this.context);
      if (reason) return `${node.tag} node '${node.name}': ${reason}`;
    }
    return undefined;
  }

  /** Fails with GRAPH_NOT_SUPPORTED when the simulated engine cannot run the graph. */
  check_support(): error_t;
  /** The older overload; the handle is not used (v1.23). */
  check_support(handle: cudnnHandle_t): error_t;
  check_support(): error_t {
    return frontendCall(`${SYMBOL}check_support`, () => {
      if (this.stage !== 'planned' && this.stage !== 'built') return fail(error_code_t.GRAPH_NOT_SUPPORTED, 'no execution plans: call create_execution_plans() first');
      const reason = this.unsupportedReason();
      if (reason) return fail(error_code_t.GRAPH_NOT_SUPPORTED, `no engine supports the graph: ${reason} (not simulated)`);
      this.supported = true;
      return OK();
    });
  }

  /** Builds the plan (HEURISTICS_CHOICE or ALL: one simulated plan either way). */
  build_plans(policy: BuildPlanPolicy_t = BuildPlanPolicy_t.HEURISTICS_CHOICE, do_multithreaded_builds = false): error_t {
    void do_multithreaded_builds;
    return frontendCall(`${SYMBOL}build_plans`, () => {
      if (this.stage !== 'planned' && this.stage !== 'built') return fail(error_code_t.GRAPH_EXECUTION_PLAN_CREATION_FAILED, 'no execution plans to build: call create_execution_plans() first');
      if (!(Object.values(BuildPlanPolicy_t) as string[]).includes(policy)) return fail(error_code_t.INVALID_VALUE, `${String(policy)} is not a BuildPlanPolicy_t`);
      const reason = this.supported ? undefined : this.unsupportedReason();
      if (reason) return fail(error_code_t.GRAPH_EXECUTION_PLAN_CREATION_FAILED, `no plan could be built: ${reason} (not simulated)`);
      this.layOutWorkspace();
      this.stage = 'built';
      this.candidate = 0;
      return OK();
    });
  }

  /** validate, build_operation_graph, create_execution_plans, check_support and build_plans in one call. */
  build(handle: cudnnHandle_t, modes: readonly HeurMode_t[], policy: BuildPlanPolicy_t = BuildPlanPolicy_t.HEURISTICS_CHOICE, do_multithreaded_builds = false): error_t {
    for (const step of [
      () => this.validate(),
      () => this.build_operation_graph(handle),
      () => this.create_execution_plans(modes),
      () => this.check_support(),
      () => this.build_plans(policy, do_multithreaded_builds),
    ]) {
      const result = step();
      if (result.is_bad()) return result;
    }
    return OK();
  }

  /** Virtual tensors, each 256-byte aligned, in graph order. */
  private layOutWorkspace(): void {
    this.workspaceOffsets.clear();
    let offset = 0;
    for (const t of this.allTensors()) {
      if (!t.get_is_virtual()) continue;
      this.workspaceOffsets.set(t, offset);
      const bytes = t.get_volume() * ITEM_SIZE[dtypeOfDataType(t.get_data_type()) ?? 'float32'];
      offset += Math.ceil(bytes / WORKSPACE_ALIGNMENT) * WORKSPACE_ALIGNMENT;
    }
    this.workspaceBytes = offset;
  }

  private planMissing(): error_t {
    return fail(error_code_t.GRAPH_EXECUTION_FAILED, `Plan index ${this.candidate} is invalid. (build the graph: validate, build_operation_graph, create_execution_plans, check_support, build_plans)`);
  }

  /** Device workspace bytes execute needs; the no-argument overload returns the size (0 when unbuilt). */
  get_workspace_size(): number;
  get_workspace_size(cudnn_workspace_size: Ref<number>): error_t;
  get_workspace_size(cudnn_workspace_size?: Ref<number>): error_t | number {
    if (cudnn_workspace_size === undefined) return this.candidate < 0 ? 0 : this.workspaceBytes;
    return frontendCall(`${SYMBOL}get_workspace_size`, () => {
      if (this.candidate < 0) return this.planMissing();
      writeOut(cudnn_workspace_size, this.workspaceBytes, 'cudnn_workspace_size');
      return OK();
    });
  }

  /** Non-virtual tensors the plan reads or writes through the variant pack. */
  private variantPackTensors(): Tensor_attributes[] {
    return this.allTensors().filter((t) => !t.get_is_virtual() && !t.isEmbeddedScalar && this.nodes.some((n) => n.inputs().includes(t) || n.outputs().includes(t)));
  }

  /** Runs the built plan on the handle's stream. */
  execute(handle: cudnnHandle_t, tensor_to_pointer_map: VariantPack, workspace: DevicePtr | null | undefined): error_t {
    return frontendCall(`${SYMBOL}execute`, (ctx) => {
      if (this.candidate < 0) return this.planMissing();
      const h = liveHandle(handle);
      if (!(h instanceof CudnnHandle)) return h;
      if (contextLost(ctx.process)) {
        return fail(error_code_t.CUDNN_BACKEND_API_FAILED, 'cudnnBackendExecute failed with CUDNN_STATUS_EXECUTION_FAILED_CUDART: the CUDA context was lost by an earlier kernel fault');
      }
      if (!(tensor_to_pointer_map instanceof Map)) return fail(error_code_t.INVALID_VARIANT_PACK, 'the variant pack must be a Map from graph tensors (or their uids) to pointers');
      const byUid = new Map<number, unknown>();
      const byTensor = new Map(this.allTensors().map((t) => [t.get_uid(), t] as const));
      for (const [key, value] of tensor_to_pointer_map) {
        const uid = key instanceof Tensor_attributes ? key.get_uid() : key;
        byUid.set(uid, value);
        const t = byTensor.get(uid);
        if (t?.get_is_virtual()) warnVirtual(ctx, t);
      }
      for (const t of this.variantPackTensors()) {
        if (!byUid.has(t.get_uid())) return fail(error_code_t.INVALID_VARIANT_PACK, `Uid ${t.get_uid()} does not exist in variant pack. (tensor '${t.get_name()}')`);
      }
      if (this.workspaceBytes > 0 && (workspace === null || workspace === undefined)) {
        return withDiagnostic(fail(error_code_t.CUDNN_BACKEND_API_FAILED, `workspace is NULL but the plan needs ${this.workspaceBytes} bytes (get_workspace_size)`), 'OB2011');
      }
      const stream = resolveStream(ctx.process, h.stream, 'the handle stream');
      asDeviceWork(ctx, () => {
        const ws = this.workspaceBytes > 0 ? requireDevicePtr(workspace, 'workspace') : undefined;
        if (ws) ctx.process.memory(ws.allocation.device).check(ws, this.workspaceBytes);
        const views = new Map<Tensor_attributes, DeviceOperand>();
        const view = (t: Tensor_attributes): DeviceOperand => {
          const known = views.get(t);
          if (known) return known;
          const dtype = dtypeOfDataType(t.get_data_type())!;
          const ptr = t.get_is_virtual() ? ws!.plus(this.workspaceOffsets.get(t)!) : requireDevicePtr(byUid.get(t.get_uid()), `the variant-pack pointer of tensor '${t.get_name()}'`);
          const strides = t.get_is_virtual() ? rowMajorStrides(t.get_dim()) : t.get_stride();
          const operand = { ptr, view: deviceTensor(ctx.process, { ptr, dtype, shape: t.get_dim(), strides }) };
          views.set(t, operand);
          return operand;
        };
        const scalar = (t: Tensor_attributes): number => {
          const held = t.get_pass_by_value();
          const value = held !== undefined ? held : hostScalar(byUid.get(t.get_uid()), t);
          return t.get_data_type() === DataType_t.FLOAT ? Math.fround(value) : value;
        };
        const profiles = new Map<DataType_t, NumericProfile>();
        for (const node of this.nodes) {
          const type = node.compute(this.context);
          if (!profiles.has(type)) profiles.set(type, boundCallProfile([{ symbol: `${SYMBOL}set_compute_data_type`, param: 'type', value: type }]));
          const compute = node.computeDType(this.context);
          if (typeof compute !== 'string') throw new Error(`${node.tag} node '${node.name}' has no compute type after validate()`);
          const run: NodeRun = {
            env: { ctx, stream, profile: profiles.get(type)! },
            compute,
            operand: (t) => (t.get_is_pass_by_value() ? Tensor.fromNumbers([scalar(t)], t.get_dim(), dtypeOfDataType(t.get_data_type())!) : view(t)),
            target: view,
            scalar,
          };
          node.execute(run);
        }
      });
      return OK();
    });
  }
}

/** A pass-by-value scalar given at execute: a host number or one-element host array. */
function hostScalar(value: unknown, t: Tensor_attributes): number {
  const what = `the pass-by-value tensor '${t.get_name()}'`;
  if (value === null || value === undefined) throw new DeviceFault('null-pointer', `${what} has no value in the variant pack`);
  if (isDevicePtr(value)) throw new DeviceFault('device-pointer', `${what} is passed by value: give a host value, not a device pointer`);
  if (typeof value === 'number') return value;
  if (isHostMemory(value) && ArrayBuffer.isView(value) && (value as unknown as ArrayLike<number>).length > 0) return Number((value as unknown as ArrayLike<number>)[0]);
  throw new DeviceFault('invalid-value', `${what}: expected a number or a one-element host array`);
}

/** A virtual tensor in the variant pack: execute never writes it (set_output(true) was not called). */
function warnVirtual(ctx: CallContext, t: Tensor_attributes): void {
  ctx.process.diagnostics.add({
    id: 'OB2013',
    severity: 'warning',
    message: `${ctx.symbol}: tensor '${t.get_name()}' (uid ${t.get_uid()}) is virtual: the plan keeps it in the workspace and never writes the variant-pack pointer; call set_output(true) on it before validate() to receive it`,
    backend: ctx.backend,
    symbol: ctx.symbol,
    site: ctx.site,
    rank: ctx.process.rank,
  });
}

