/**
 * cudnn-frontend's `Graph` for a CUDA-compatible target (MetaX mcdnn_frontend, T-Head's
 * claimed cudnn_frontend): the CUDA facade's graph, every method run under the target's
 * binding so statuses, diagnostics, traces and the compute-type knob are the target's. The
 * enum classes are name-valued in both, so arguments pass unchanged.
 */
import type { Ref } from '../sim/ref.js';
import type { DevicePtr } from '../sim/device-memory.js';
import {
  cudnn_frontend,
  type BuildPlanPolicy_t,
  type DataType_t,
  type HeurMode_t,
  type VariantPack,
  type cudnnHandle_t,
} from '../cuda/index.js';
import type { CompatibleBackend } from './compatible-backend.js';

const CudaGraph = cudnn_frontend.graph.Graph;
type Tensor = InstanceType<typeof cudnn_frontend.graph.Tensor_attributes>;
type Inner = InstanceType<typeof CudaGraph>;
type Pointwise = InstanceType<typeof cudnn_frontend.graph.Pointwise_attributes>;

/** The target's Graph class: `new <namespace>.graph.Graph()` as model code writes it. */
export function boundGraphClass(binding: CompatibleBackend) {
  return class Graph {
    /** The CUDA facade graph doing the work. */
    readonly inner: Inner = new CudaGraph();

    set_io_data_type(type: DataType_t): this {
      binding.run(() => this.inner.set_io_data_type(type));
      return this;
    }

    set_intermediate_data_type(type: DataType_t): this {
      binding.run(() => this.inner.set_intermediate_data_type(type));
      return this;
    }

    set_compute_data_type(type: DataType_t): this {
      binding.run(() => this.inner.set_compute_data_type(type));
      return this;
    }

    tensor(tensor: Tensor | number): Tensor {
      return binding.run(() => this.inner.tensor(tensor));
    }

    layernorm(x: Tensor, scale: Tensor, bias: Tensor, attributes: Parameters<Inner['layernorm']>[3]): ReturnType<Inner['layernorm']> {
      return binding.run(() => this.inner.layernorm(x, scale, bias, attributes));
    }

    rmsnorm(x: Tensor, scale: Tensor, attributes: Parameters<Inner['rmsnorm']>[2]): ReturnType<Inner['rmsnorm']> {
      return binding.run(() => this.inner.rmsnorm(x, scale, attributes));
    }

    sdpa(q: Tensor, k: Tensor, v: Tensor, attributes: Parameters<Inner['sdpa']>[3]): ReturnType<Inner['sdpa']> {
      return binding.run(() => this.inner.sdpa(q, k, v, attributes));
    }

    /** 1 to 3 tensors followed by the attributes, as in cudnn-frontend's overloads. */
    pointwise(a: Tensor, b: Tensor | Pointwise, c?: Tensor | Pointwise, attributes?: Pointwise): Tensor {
      const call = this.inner.pointwise.bind(this.inner) as (...args: unknown[]) => Tensor;
      return binding.run(() => call(a, b, c, attributes));
    }

    matmul(a: Tensor, b: Tensor, attributes: Parameters<Inner['matmul']>[2]): Tensor {
      return binding.run(() => this.inner.matmul(a, b, attributes));
    }

    validate(): ReturnType<Inner['validate']> {
      return binding.run(() => this.inner.validate());
    }

    build_operation_graph(handle: cudnnHandle_t): ReturnType<Inner['build_operation_graph']> {
      return binding.run(() => this.inner.build_operation_graph(handle));
    }

    create_execution_plans(mode: readonly HeurMode_t[]): ReturnType<Inner['create_execution_plans']> {
      return binding.run(() => this.inner.create_execution_plans(mode));
    }

    check_support(): ReturnType<Inner['check_support']> {
      return binding.run(() => this.inner.check_support());
    }

    build_plans(policy?: BuildPlanPolicy_t, do_multithreaded_builds?: boolean): ReturnType<Inner['build_plans']> {
      return binding.run(() => this.inner.build_plans(policy, do_multithreaded_builds));
    }

    /** With an out-parameter: the status; without: the size (0 before the plans are built). */
    get_workspace_size(): number;
    get_workspace_size(cudnn_workspace_size: Ref<number>): ReturnType<Inner['build_plans']>;
    get_workspace_size(cudnn_workspace_size?: Ref<number>): ReturnType<Inner['build_plans']> | number {
      return binding.run(() => (cudnn_workspace_size === undefined ? this.inner.get_workspace_size() : this.inner.get_workspace_size(cudnn_workspace_size)));
    }

    execute(handle: cudnnHandle_t, tensor_to_pointer_map: VariantPack, workspace: DevicePtr | null | undefined): ReturnType<Inner['execute']> {
      return binding.run(() => this.inner.execute(handle, tensor_to_pointer_map, workspace));
    }
  };
}
