/**
 * LayerNormalization over tensor views → a one-node cudnn-frontend graph, as the CUDA facade's
 * `fe` offers it (legacy cuDNN has no layer norm): the graph with float32 io / intermediate /
 * compute types, X, scale and bias tensors with the views' dims and strides (the normalized dims
 * after the batch dim, padded with trailing 1s to 4 dims as the frontend's samples write them),
 * `layernorm` in INFERENCE phase with epsilon passed by value, the output set with Y's strides;
 * then validate → build_operation_graph → create_execution_plans (heuristics A, FALLBACK) →
 * check_support → build_plans, the workspace the plan asks for, and the execute with its variant
 * pack. The frontend answers `error_t`, not a status, so the call's value is CUDNN_STATUS_SUCCESS
 * when every step is good and CUDNN_STATUS_EXECUTION_FAILED otherwise (the status the aclnn
 * call's checks compare with). A cuDNN handle is made for the call and bound to the stream.
 *
 * Declined with the reason: an axis other than 1 (the frontend normalises every dim after the
 * first), no bias, more than 4 dims, a dtype other than float32, offsets.
 */
import type { OpInvocation } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { declineOn } from './cublas-lowerers.js';
import { CudaStatements, isView, numberOf, stemOf, type ViewTensor } from './cuda-statements.js';

function padded(view: ViewTensor, leadingOne: boolean): { dims: string[]; strides: string[] } {
  const dims = view.dims.map((d) => d.text);
  const strides = view.strides.map((s) => s.text);
  if (leadingOne) {
    dims.unshift('1');
    strides.unshift(String(view.dims.length === 1 ? view.dims[0].text : `${view.dims[0].text} * ${view.strides[0].text}`));
  }
  while (dims.length < 4) {
    dims.push('1');
    strides.push('1');
  }
  return { dims, strides };
}

function layerNorm(invocation: OpInvocation, ctx: LowerContext): LowerResult | undefined {
  const [x, scale, bias, y] = [invocation.inputs.get('X'), invocation.inputs.get('Scale'), invocation.inputs.get('B'), invocation.outputs.get('Y')];
  if (!isView(x) || !isView(scale) || !isView(y) || (bias && !isView(bias))) return undefined;
  const fail = (reason: string) => declineOn(invocation, ctx, reason);
  const rank = x.dims.length;
  let axis = numberOf(invocation.attributes.get('axis')?.expr);
  if (axis !== undefined && axis < 0) axis += rank;
  if (axis !== 1) return fail(`layer norm over the dims from ${axis ?? '?'} on: the cudnn-frontend layernorm normalises every dim after the first (axis 1)`);
  if (!bias) return fail('layer norm without a bias: the cudnn-frontend layernorm node takes one');
  if (rank > 4 || rank < 2) return fail(`a ${rank}-D layer norm; this port writes 2-D to 4-D graphs`);
  if ([x, scale, bias, y].some((t) => t.dtype.dtype !== 'float32')) return fail('the layer norm is not float32 throughout');
  if ([x, scale, bias, y].some((t) => t.offset && numberOf(t.offset) !== 0)) return fail('a tensor of the layer norm starts at an element offset');
  const epsilon = invocation.attributes.get('epsilon')?.expr;
  if (!epsilon?.pure) return fail('epsilon is missing or has side effects');
  const s = new CudaStatements(ctx);
  const fe = s.value('fe');
  const handle = s.declareRef('cudnnHandle', 'cudnnHandle_t');
  s.before('cudnnCreate', [handle]);
  const stream = invocation.stream;
  if (stream && !/^(null|undefined|0)$/.test(stream.text)) s.before('cudnnSetStream', [`${handle}.value`, stream.text]);
  s.after('cudnnDestroy', [`${handle}.value`]);
  const graph = s.fresh('layerNormGraph');
  const decl = (text: string) => s.prelude.push({ text, declares: true });
  const stmt = (text: string) => s.prelude.push({ text, declares: false });
  decl(`const ${graph} = new ${fe}.graph.Graph()`);
  stmt(`${graph}.set_io_data_type(${fe}.DataType_t.FLOAT).set_intermediate_data_type(${fe}.DataType_t.FLOAT).set_compute_data_type(${fe}.DataType_t.FLOAT)`);
  const tensor = (name: string, view: ViewTensor, leadingOne: boolean) => {
    const { dims, strides } = padded(view, leadingOne);
    const local = s.fresh(`${stemOf(view.ptr, name)}Tensor`);
    decl(`const ${local} = ${graph}.tensor(new ${fe}.graph.Tensor_attributes().set_name('${name}').set_dim([${dims.join(', ')}]).set_stride([${strides.join(', ')}]))`);
    return local;
  };
  const tx = tensor('X', x, false);
  const tScale = tensor('scale', scale, true);
  const tBias = tensor('bias', bias, true);
  const out = padded(y, false);
  const ty = s.fresh(`${stemOf(y.ptr, 'y')}Tensor`);
  decl(`const [${ty}] = ${graph}.layernorm(${tx}, ${tScale}, ${tBias}, new ${fe}.graph.Layernorm_attributes().set_forward_phase(${fe}.NormFwdPhase_t.INFERENCE).set_epsilon(${graph}.tensor(${epsilon.text})))`);
  stmt(`${ty}.set_output(true).set_dim([${out.dims.join(', ')}]).set_stride([${out.strides.join(', ')}])`);
  const ready = s.fresh('layerNormReady');
  decl(
    `const ${ready} = ${graph}.validate().is_good() && ${graph}.build_operation_graph(${handle}.value).is_good() && ${graph}.create_execution_plans([${fe}.HeurMode_t.A, ${fe}.HeurMode_t.FALLBACK]).is_good() && ${graph}.check_support().is_good() && ${graph}.build_plans().is_good()`,
  );
  const size = s.fresh('layerNormWorkspaceSize');
  const workspace = s.declareRef('layerNormWorkspace', 'DevicePtr');
  decl(`const ${size} = ${graph}.get_workspace_size()`);
  stmt(`if (${size} > 0) ${s.value('cudaMalloc')}(${workspace}, ${size})`);
  s.symbols.push('cudaMalloc');
  s.epilogue.push({ text: `if (${size} > 0) ${s.value('cudaFree')}(${workspace}.value)`, declares: false });
  s.symbols.push('cudaFree');
  const success = s.member('cudnnStatus_t', 'status.success');
  const failed = s.member('cudnnStatus_t', 'status.execution-failed');
  if (!success || !failed) return fail('the CUDA catalog lacks the cuDNN statuses');
  const pack = `new Map([[${tx}, ${x.ptr.text}], [${tScale}, ${scale.ptr.text}], [${tBias}, ${bias.ptr.text}], [${ty}, ${y.ptr.text}]])`;
  const call = `(${ready} && ${graph}.execute(${handle}.value, ${pack}, ${size} > 0 ? ${workspace}.value : null).is_good() ? ${success} : ${failed})`;
  return { ok: true, lowering: s.lowering(call, 'cudnn_frontend::graph::Graph::execute') };
}

export const frontendLayerNormLowerer: Lowerer = {
  name: 'cudnn-frontend layernorm graph over tensor views',
  lower(invocation, ctx) {
    if (invocation.kind !== 'operator' || invocation.operator !== 'LayerNormalization') return undefined;
    return layerNorm(invocation, ctx);
  },
};
