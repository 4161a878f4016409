/**
 * `Mul` of a 1-D float32 view by a host scalar (B with layout `host`: cuBLAS scal lifted, or a
 * CNNL / XDNN scale lifted the same way) → cublasSscal (x := alpha·x) in place. Out of place is
 * declined: cuBLAS scales in place, and cublasScopy is not in the CUDA facade. The handle is the
 * source's (`args.handle`) or one made for the call and bound to the stream.
 */
import type { Lowerer } from '../../lower/lowerer.js';
import { cublasHandle, declineOn } from './cublas-lowerers.js';
import { CudaStatements, isView, sameView } from './cuda-statements.js';

export const cublasScalLowerer: Lowerer = {
  name: 'cublasSscal for a vector times a host scalar',
  lower(invocation, ctx) {
    if (invocation.kind !== 'operator' || invocation.operator !== 'Mul') return undefined;
    const [x, alpha, y] = [invocation.inputs.get('A'), invocation.inputs.get('B'), invocation.outputs.get('C')];
    if (!isView(x) || !isView(y) || alpha?.layout !== 'host' || (alpha.dims?.length ?? 0) !== 0) return undefined;
    const fail = (reason: string) => declineOn(invocation, ctx, reason);
    if (x.dims.length !== 1 || y.dims.length !== 1) return fail(`a ${x.dims.length}-D view scaled by a host scalar; cublasSscal scales a vector`);
    if ([x, y].some((t) => t.dtype.dtype !== 'float32') || (alpha.dtype?.dtype && alpha.dtype.dtype !== 'float32')) return fail('the scaling is not float32 (cublasSscal)');
    if (!alpha.ptr.pure) return fail(`the scalar \`${alpha.ptr.text}\` has side effects`);
    const s = new CudaStatements(ctx);
    const [px, py] = [s.address(x), s.address(y)];
    if (!px || !py) return fail('a sub-buffer offset of a view whose element size is unknown');
    if (!sameView(x, y)) return fail('the product is written to another view; cublasSscal scales in place (cublasScopy is not in the CUDA facade)');
    const handle = cublasHandle(s, invocation);
    return { ok: true, lowering: s.lowering(`${s.value('cublasSscal')}(${[handle, y.dims[0].text, alpha.ptr.text, py, y.strides[0].text].join(', ')})`, 'cublasSscal') };
  },
};
