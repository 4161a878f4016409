/**
 * A `Gemm` that adds a bias broadcast over the output's rows (aclnnAddmm with a [1, N] or [N]
 * self, cuBLASLt's BIAS epilogue lifted back) or applies an `activation` after the product (the
 * cuBLASLt lifter's RELU / GELU epilogues, the CNNL and XDNN fused activations) → one
 * `cublasLtMatmul` with the epilogue, as cuBLASLt code writes it: a cuBLASLt handle, the matmul
 * descriptor (compute and scale type, TRANSA / TRANSB when transposed, EPILOGUE, BIAS_POINTER),
 * one matrix layout per operand (D serves as C), the call with no algorithm (cuBLASLt runs its
 * own heuristic for NULL) and no workspace, then everything destroyed.
 *
 * The bias is unscaled in cuBLASLt (D = act(alpha·op(A)·op(B) + beta·C + bias)), so a broadcast C
 * is written as the bias only with beta = 1; it must be a packed vector along the column-major
 * rows of D (Y's last dim when Y is row-major), the same for every column. A GELU is written only
 * when the formula the catalog gives CUBLASLT_EPILOGUE_GELU(_BIAS) is the invocation's
 * (`approximate`); an activation applied only for some values of a parameter (`when`), batches,
 * and a C that is neither Y nor such a bias are declined with the reason.
 */
import type { EntryRecord } from '../../../catalog/catalog.js';
import type { OpInvocation } from '../../ir/invocation.js';
import type { LowerContext, LowerResult } from '../../lower/lowerer.js';
import { memberByMeaning } from '../../mapping/enum-mapping.js';
import { dataTypes, declineOn, type GemmPlan } from './cublas-lowerers.js';
import { CudaStatements, isOne, numberOf, sameView, stemOf, type ViewTensor } from './cuda-statements.js';

/** The GELU formula the catalog gives an epilogue member of cublasLtMatmul (its binding variant). */
function epilogueGelu(entry: EntryRecord | undefined, member: string): string | undefined {
  const binds = entry?.spec.binds;
  if (!binds || !('operator' in binds)) return undefined;
  const variant = binds.variants?.find((v) => v.when === member);
  const steps = variant ? [{ operator: variant.operator ?? binds.operator, fixed: variant.fixed }, ...(variant.then ?? [])] : [];
  const approximate = steps.find((s) => s.operator === 'Gelu')?.fixed?.approximate;
  return typeof approximate === 'string' ? approximate : undefined;
}

/** Why C is not a bias vector along D's column-major rows (m) broadcast over its columns, or undefined. */
function biasReason(plan: GemmPlan, c: ViewTensor): string | undefined {
  const rank = plan.y.dims.length;
  const pad = rank - c.dims.length;
  const dim = (i: number) => (i < pad ? '1' : c.dims[i - pad].text);
  const unitStride = (i: number) => i >= pad && isOne(c.strides[i - pad]);
  const broadcast = (i: number) => dim(i) === '1' || (i >= pad && numberOf(c.strides[i - pad]) === 0);
  const mAxis = plan.swap ? rank - 1 : rank - 2;
  const what = `C ([${c.dims.map((d) => d.text).join(', ')}] with strides [${c.strides.map((x) => x.text).join(', ')}])`;
  for (let i = 0; i < rank; i++) if (i !== mAxis && !broadcast(i)) return `${what} is not broadcast over the output's ${plan.swap ? 'rows' : 'columns'}, so it is no cuBLASLt bias vector`;
  if (dim(mAxis) !== plan.m) return `${what} has ${dim(mAxis)} elements along the bias dim, the output ${plan.m}`;
  if (!unitStride(mAxis) && plan.m !== '1') return `${what} is not packed along the bias dim`;
  return undefined;
}

/** An attribute's string value (`'Relu'`), by meaning or literal. */
function stringOf(attribute: { readonly expr: { readonly text: string; readonly value?: { readonly kind: string } }; readonly meaning?: string } | undefined): string | undefined {
  if (!attribute) return undefined;
  if (attribute.meaning) return attribute.meaning;
  const value = attribute.expr.value as { kind: string; value?: unknown } | undefined;
  return value?.kind === 'string' ? String(value.value) : attribute.expr.text.replace(/^['"]|['"]$/g, '');
}

export function cublasLtGemm(plan: GemmPlan, invocation: OpInvocation, ctx: LowerContext): LowerResult {
  const fail = (reason: string) => declineOn(invocation, ctx, reason);
  const { c, y, beta, first, second } = plan;
  if (plan.rank !== 2) return fail('a batched Gemm with a bias or an activation: cuBLASLt batch layouts are not written by this port');
  const readsC = beta !== undefined && numberOf(beta) !== 0;
  const bias = readsC && c && !sameView(c, y) ? c : undefined;
  if (bias) {
    if (numberOf(beta) !== 1) return fail(`C is not the output view and beta is \`${beta!.text}\`: cuBLASLt adds its bias unscaled`);
    const why = biasReason(plan, bias);
    if (why) return fail(why);
    if (bias.dtype.meaning !== y.dtype.meaning) return fail(`the bias is ${bias.dtype.meaning} and the output ${y.dtype.meaning}`);
  }
  const activation = invocation.attributes.get('activation');
  if (activation?.when) return fail(`the activation applies only when \`${activation.when.expr.text}\` is one of ${activation.when.meanings.join(', ')}; cuBLASLt's epilogue is chosen per call`);
  const act = stringOf(activation);
  let meaning: string;
  if (!act) meaning = bias ? 'epilogue.bias' : 'epilogue.default';
  else if (act === 'Relu') meaning = bias ? 'epilogue.relu-bias' : 'epilogue.relu';
  else if (act === 'Gelu') meaning = bias ? 'epilogue.gelu-bias' : 'epilogue.gelu';
  else return fail(`cuBLASLt has no ${act} epilogue`);
  const s = new CudaStatements(ctx);
  const epilogueEnum = ctx.catalog.backend(ctx.target).enums.get('cublasLtEpilogue_t');
  const member = epilogueEnum ? memberByMeaning(epilogueEnum, meaning) : undefined;
  if (!member) return fail(`the CUDA catalog has no cuBLASLt epilogue for ${meaning}`);
  if (act === 'Gelu') {
    const approximate = stringOf(invocation.attributes.get('approximate')) ?? 'none';
    const given = epilogueGelu(ctx.catalog.entry(ctx.target, 'cublasLtMatmul'), member.name);
    if (given !== approximate) return fail(`the GELU is the ${approximate === 'tanh' ? 'tanh' : 'erf'} form and the formula of ${member.name} is ${given ? `the ${given === 'tanh' ? 'tanh' : 'erf'} form` : 'not given in the catalog'}`);
  }
  const stream = invocation.stream;
  if (!stream) return fail('the stream of the product is not known (cublasLtMatmul takes it per call)');
  const types = plan.dtype === 'float32' && plan.compute === undefined ? { data: s.member('cudaDataType_t', 'dtype.float32'), compute: s.member('cublasComputeType_t', 'compute.32f') } : dataTypes(s, plan.dtype, plan.compute);
  if (typeof types === 'string') return fail(types);
  const scale = s.member('cudaDataType_t', 'dtype.float32');
  if (!types.data || !types.compute || !scale) return fail('the CUDA catalog lacks the cuBLASLt data or compute types');
  const addresses = [first.view, second.view, y, ...(bias ? [bias] : [])].map((t) => s.address(t));
  if (addresses.some((x) => x === undefined)) return fail('a sub-buffer offset of an operand whose element size is unknown');
  const [pFirst, pSecond, pOut, pBias] = addresses as string[];

  const handle = s.declareRef('cublasLt', 'cublasLtHandle_t');
  s.before('cublasLtCreate', [handle]);
  s.after('cublasLtDestroy', [`${handle}.value`]);
  const desc = s.declareRef('matmulDesc', 'cublasLtMatmulDesc_t');
  s.before('cublasLtMatmulDescCreate', [desc, types.compute, scale]);
  s.after('cublasLtMatmulDescDestroy', [`${desc}.value`]);
  const setAttribute = (attr: string, buffer: string, bytes: number) => s.before('cublasLtMatmulDescSetAttribute', [`${desc}.value`, s.value(attr), buffer, String(bytes)]);
  if (first.op === 'T') setAttribute('CUBLASLT_MATMUL_DESC_TRANSA', `new Int32Array([${s.value('CUBLAS_OP_T')}])`, 4);
  if (second.op === 'T') setAttribute('CUBLASLT_MATMUL_DESC_TRANSB', `new Int32Array([${s.value('CUBLAS_OP_T')}])`, 4);
  if (meaning !== 'epilogue.default') setAttribute('CUBLASLT_MATMUL_DESC_EPILOGUE', `new Uint32Array([${s.value(member.name)}])`, 4);
  if (bias) setAttribute('CUBLASLT_MATMUL_DESC_BIAS_POINTER', pBias, 8);
  const layout = (view: ViewTensor, fallback: string, rows: string, cols: string, ld: string) => {
    const name = s.declareRef(`${stemOf(view.ptr, fallback)}Layout`, 'cublasLtMatrixLayout_t');
    s.before('cublasLtMatrixLayoutCreate', [name, types.data!, rows, cols, ld]);
    s.after('cublasLtMatrixLayoutDestroy', [`${name}.value`]);
    return `${name}.value`;
  };
  const { m, n, k } = plan;
  const layoutFirst = layout(first.view, 'a', first.op === 'N' ? m : k, first.op === 'N' ? k : m, first.ld);
  const layoutSecond = layout(second.view, 'b', second.op === 'N' ? k : n, second.op === 'N' ? n : k, second.ld);
  const layoutOut = layout(y, 'y', m, n, plan.outLd);
  const betaText = bias || !readsC ? '0' : beta!.text;
  const args = [`${handle}.value`, `${desc}.value`, plan.alpha?.text ?? '1', pFirst, layoutFirst, pSecond, layoutSecond, betaText, pOut, layoutOut, pOut, layoutOut, 'null', 'null', '0', stream.text];
  return { ok: true, lowering: s.lowering(`${s.value('cublasLtMatmul')}(${args.join(', ')})`, 'cublasLtMatmul') };
}
