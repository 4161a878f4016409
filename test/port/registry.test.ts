/**
 * The extension points for structural modules: lifters and lowerers registered by backend and
 * library/symbol or by target and binding are tried before the generic ones, may decline, and
 * get the Invocation IR, the target-name emitter and the static context.
 */
import { describe, expect, it } from 'vitest';
import { LifterRegistry, type Lifter } from '../../src/port/lift/lifter.js';
import { roleLifter } from '../../src/port/lift/role-lifter.js';
import { LowererRegistry, type Lowerer } from '../../src/port/lower/lowerer.js';
import { roleLowerer } from '../../src/port/lower/role-lowerer.js';
import { portSource } from '../../src/port/port-source.js';

/**
 * A test lowerer for the case the catalog marks composite: ncclBroadcast with two buffers on
 * HCCL, which broadcasts in place (copy into the receive buffer, then broadcast it).
 */
const broadcastWithCopy: Lowerer = {
  name: 'test: hccl broadcast with a copy',
  lower(invocation, ctx) {
    if (invocation.kind !== 'operator') return undefined;
    const x = invocation.inputs.get('X')!.ptr;
    const y = invocation.outputs.get('Y')?.ptr;
    if (!y || y.text === x.text) return undefined; // in place: the generic lowerer does it
    const n = invocation.args.get('count')!.text;
    const dtype = invocation.args.get('dtype')!;
    const v = (name: string) => ctx.names.value(name, ctx.style, ctx.origin);
    const bytes = `${n} * 4`;
    return {
      ok: true,
      lowering: {
        prelude: [{ text: `${v('aclrtMemcpyAsync')}(${y.text}, ${bytes}, ${x.text}, ${bytes}, ${v('ACL_MEMCPY_DEVICE_TO_DEVICE')}, ${invocation.stream!.text})`, declares: false }],
        call: `${v('HcclBroadcast')}(${y.text}, ${n}, ${v(dtype.text === 'ncclFloat32' ? 'HCCL_DATA_TYPE_FP32' : 'HCCL_DATA_TYPE_FP16')}, ${invocation.attributes.get('root')?.expr.text ?? invocation.args.get('root')!.text}, ${invocation.args.get('comm')!.text}, ${invocation.stream!.text})`,
        targetSymbols: ['aclrtMemcpyAsync', 'HcclBroadcast'],
        diagnostics: [],
      },
    };
  },
};

const text = `import { ncclBroadcast, ncclFloat32 } from 'opbridge/cuda';
ncclBroadcast(a, a, n, ncclFloat32, 0, comm, s);
ncclBroadcast(a, b, n, ncclFloat32, 0, comm, s);
check(ncclBroadcast(a, b, n, ncclFloat32, 0, comm, s));
`;

describe('registries', () => {
  it('tries a registered lowerer first and falls back to the generic one when it declines', () => {
    const lowerers = new LowererRegistry(roleLowerer).register({ target: 'cann', binding: 'operator:Broadcast' }, broadcastWithCopy);
    const result = portSource(text, { to: 'cann', lowerers });
    expect(result.output).toBe(`import { HcclBroadcast, aclrtMemcpyAsync, ACL_MEMCPY_DEVICE_TO_DEVICE, HCCL_DATA_TYPE_FP32 } from 'opbridge/cann';
HcclBroadcast(a, n, HCCL_DATA_TYPE_FP32, 0, comm, s);
aclrtMemcpyAsync(b, n * 4, a, n * 4, ACL_MEMCPY_DEVICE_TO_DEVICE, s);
HcclBroadcast(b, n, HCCL_DATA_TYPE_FP32, 0, comm, s);
aclrtMemcpyAsync(b, n * 4, a, n * 4, ACL_MEMCPY_DEVICE_TO_DEVICE, s);
check(HcclBroadcast(b, n, HCCL_DATA_TYPE_FP32, 0, comm, s));
`);
    expect(result.rewrites.map((r) => r.to)).toEqual([['HcclBroadcast'], ['aclrtMemcpyAsync', 'HcclBroadcast'], ['aclrtMemcpyAsync', 'HcclBroadcast']]);
    // Without it, the generic lowerer reports the buffer HCCL has no place for.
    expect(portSource(text, { to: 'cann', comments: false }).diagnostics.map((d) => d.id)).toEqual(['OB1004', 'OB1004']);
  });

  it('lets a lifter registered for a symbol see the static context and shape the invocation', () => {
    const seen: string[] = [];
    const spy: Lifter = {
      name: 'test: records the stream set on the handle',
      lift(call, ctx) {
        const set = ctx.context.lastSetCall(call.args[0].node!, call.node, { symbols: ['cublasSetStream'] });
        seen.push(set ? ctx.context.argumentFor(set, 'stream')!.getText() : 'none');
        return undefined; // decline: the generic lifter goes on
      },
    };
    const lifters = new LifterRegistry(roleLifter).register({ backend: 'cuda', symbol: 'cublasSetMathMode' }, spy);
    const program = `import { cublasSetStream, cublasSetMathMode, CUBLAS_DEFAULT_MATH } from 'opbridge/cuda';
cublasSetStream(h.value, s2);
cublasSetMathMode(h.value, CUBLAS_DEFAULT_MATH);
`;
    const result = portSource(program, { to: 'musa', lifters });
    expect(seen).toEqual(['s2']);
    expect(result.output).toContain('mublasSetMathMode(h.value, MUBLAS_DEFAULT_MATH);');
  });
});
