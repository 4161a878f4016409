/**
 * The tensor a muDNN tensor descriptor and a device pointer describe, read from the descriptor's
 * last `mudnnSetTensorNdDescriptorWithScale(d, format, dataType, nbDims, dimA, strideA, scale)`
 * before the use (static context): dims and element strides from the array literals, the dtype
 * from the data type's meaning, the layout NCHW / NHWC when the strides are the format's packed
 * strides (else `strided`), the descriptor kept for lowerings that reuse it. Whatever is not
 * stated where the porter can see it is returned as the reason (OB1019).
 */
import type { StaticContext } from '../../context/static-context.js';
import { generated, type Expr } from '../../ir/expr.js';
import type { TensorExpr } from '../../ir/invocation.js';
import { dtypeOfMeaning } from '../../lift/role-lifter.js';
import { ts } from '../../syntax/typescript.js';
import { carried, contiguousStrides, product, type Described } from '../dnn/cudnn-descriptors.js';
import { bareExpression } from '../../syntax/bare-expression.js';

const SETTER = 'mudnnSetTensorNdDescriptorWithScale';

const numberOf = (e: Expr | undefined) => (e?.value?.kind === 'number' ? e.value.value : undefined);

function same(a: Expr, b: Expr): boolean {
  const x = numberOf(a);
  return a.text === b.text || (x !== undefined && x === numberOf(b));
}

/** NCHW or NHWC when the strides are that format's packed strides over N, C, H, W (a dim of 1 takes any stride). */
export function packedLayout(format: string | undefined, dims: readonly Expr[], strides: readonly Expr[]): 'NCHW' | 'NHWC' | undefined {
  if (dims.length !== 4 || strides.length !== 4) return undefined;
  const [, c, h, w] = dims;
  const one = generated('1', { kind: 'number', value: 1 });
  const matches = (expected: readonly Expr[]) => expected.every((e, i) => same(strides[i], e) || numberOf(dims[i]) === 1);
  if (format === 'layout.nchw' && matches(contiguousStrides(dims))) return 'NCHW';
  if (format === 'layout.nhwc' && matches([product([h, w, c]), one, product([w, c]), c])) return 'NHWC';
  return undefined;
}


export function mudnnTensorView(descriptor: Expr, ptr: Expr, before: ts.Node, context: StaticContext): Described<TensorExpr> {
  if (!descriptor.node) return { ok: false, reason: `descriptor \`${descriptor.text}\` is not a variable` };
  const set = context.lastSetCall(descriptor.node, before, { symbols: [SETTER], role: 'descriptor' });
  if (!set) return { ok: false, reason: `no ${SETTER} call for \`${descriptor.text}\` precedes it in the enclosing functions` };
  const where = `\`${SETTER}\` of \`${descriptor.text}\``;
  const arg = (role: string) => context.argumentFor(set, role);
  const meaning = (role: string) => {
    const node = arg(role);
    const value = node ? context.constant(node) : undefined;
    return value?.kind === 'enum' ? value.meaning : undefined;
  };
  const dtypeMeaning = meaning('dtype');
  const dtype = dtypeOfMeaning(dtypeMeaning);
  if (!dtypeMeaning || !dtype) return { ok: false, reason: `the data type in ${where} is not a constant data type` };
  const list = (role: string): Expr[] | undefined => {
    const node = arg(role);
    const literal = node ? bareExpression(node) : undefined;
    if (!literal || !ts.isArrayLiteralExpression(literal) || literal.elements.some((e) => ts.isSpreadElement(e) || ts.isOmittedExpression(e))) return undefined;
    return literal.elements.map((e) => carried(e, context));
  };
  const dims = list('dims');
  const strides = list('strides');
  if (!dims || !strides) return { ok: false, reason: `the dimensions and strides in ${where} are not array literals` };
  if (dims.length !== strides.length) return { ok: false, reason: `${where} gives ${dims.length} dimensions and ${strides.length} strides` };
  const ndims = arg('ndims');
  const rank = ndims ? context.constant(ndims) : undefined;
  if (rank?.kind !== 'number' || rank.value !== dims.length) return { ok: false, reason: `nbDims \`${ndims?.getText() ?? '?'}\` in ${where} is not the ${dims.length} dimensions given` };
  const impure = [...dims, ...strides].find((d) => !d.pure);
  if (impure) return { ok: false, reason: `\`${impure.text}\` in ${where} has side effects, so it cannot be evaluated again where the tensor is used` };
  const layout = packedLayout(meaning('format'), dims, strides) ?? 'strided';
  return { ok: true, value: { ptr, dtype: { meaning: dtypeMeaning, dtype }, dims, strides, layout, descriptor } };
}
