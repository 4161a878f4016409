/**
 * Round trips: CUDA → target → CUDA gives back code whose facade calls (callee and arguments,
 * comments aside, enum aliases of the same value equal) equal the original's, for the data-driven families (memory, copies, streams,
 * events, devices, collectives, generators). Calls a target cannot take stay as written on the
 * way out and so come back unchanged too; diagnostic comments are ignored.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { TARGET_BACKENDS } from '../../src/catalog/vocabulary.js';
import { portSource } from '../../src/port/port-source.js';
import { collectFacadeBindings } from '../../src/port/syntax/facade-bindings.js';
import { parseSource, ts } from '../../src/port/syntax/typescript.js';

const CALLS = [
  'cudaSetDevice(0)',
  'cudaGetDeviceCount(count)',
  'cudaDeviceSynchronize()',
  'cudaMalloc(d, n * 4)',
  'cudaFree(d.value)',
  'cudaMallocHost(h, n * 4)',
  'cudaFreeHost(h.value)',
  'cudaMemset(d.value, 0, n * 4)',
  'cudaMemcpy(d.value, host, n * 4, cudaMemcpyHostToDevice)',
  'cudaMemcpy(host, d.value, n * 4, cudaMemcpyDeviceToHost)',
  'cudaMemcpyAsync(e.value, d.value, n * 4, cudaMemcpyDeviceToDevice, s.value)',
  'cudaStreamCreate(s)',
  'cudaStreamSynchronize(s.value)',
  'cudaStreamWaitEvent(s.value, ev.value, 0)',
  'cudaStreamDestroy(s.value)',
  'cudaEventCreate(ev)',
  'cudaEventRecord(ev.value, s.value)',
  'cudaEventSynchronize(ev.value)',
  'cudaEventElapsedTime(ms, ev.value, ev.value)',
  'cudaEventDestroy(ev.value)',
  'ncclGetUniqueId(id)',
  'ncclCommInitRank(comm, 4, id.value, rank)',
  'ncclAllReduce(d.value, d.value, n, ncclFloat32, ncclSum, comm.value, s.value)',
  'ncclAllReduce(d.value, e.value, n, ncclFloat16, ncclMax, comm.value, s.value)',
  'ncclBroadcast(d.value, d.value, n, ncclFloat32, 0, comm.value, s.value)',
  'ncclAllGather(d.value, e.value, n, ncclFloat32, comm.value, s.value)',
  'ncclReduceScatter(e.value, d.value, n, ncclFloat32, ncclSum, comm.value, s.value)',
  'ncclSend(d.value, n, ncclFloat32, 1, comm.value, s.value)',
  'ncclRecv(d.value, n, ncclFloat32, 1, comm.value, s.value)',
  'ncclGroupStart()',
  'ncclGroupEnd()',
  'ncclCommDestroy(comm.value)',
  'curandCreateGenerator(gen, CURAND_RNG_PSEUDO_DEFAULT)',
  'curandSetPseudoRandomGeneratorSeed(gen.value, 42)',
  'curandGenerateNormal(gen.value, d.value, n, 0, 1)',
  'curandDestroyGenerator(gen.value)',
];

const NAMES = [...new Set(CALLS.flatMap((c) => c.match(/\b(cuda|nccl|curand|CURAND)\w*/g) ?? []))];

function program(calls: readonly string[]): string {
  return `import { ${NAMES.join(', ')}, ref } from 'opbridge/cuda';\n\nexport function main(n: number, host: Float32Array, rank: number) {\n${calls.map((c) => `  ${c};`).join('\n')}\n}\n`;
}

const catalog = loadCatalog();

/** An argument as compared: an enum member by its enum and value (aliases such as ncclFloat / ncclFloat32 are equal). */
function argumentKey(text: string): string {
  const member = catalog.enumMember('cuda', text);
  return member && member.member.value !== null ? `${member.enum.spec.name}=${member.member.value}` : text;
}

/** The facade calls of a file, in order: callee and argument texts. */
function facadeCalls(text: string): string[] {
  const { sourceFile } = parseSource('p.ts', text);
  const bindings = collectFacadeBindings(sourceFile);
  const calls: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && bindings.named.has(node.expression.text)) {
      calls.push(`${bindings.named.get(node.expression.text)!.imported}(${node.arguments.map((a) => argumentKey(a.getText(sourceFile))).join(', ')})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return calls;
}

describe('round trips through each target', () => {
  it.each(TARGET_BACKENDS)('cuda → %s → cuda restores every call of the data-driven families', (target) => {
    const original = program(CALLS);
    const there = portSource(original, { to: target });
    expect(there.outcome).toBe('ok');
    const back = portSource(there.output, { to: 'cuda', from: target });
    expect(facadeCalls(back.output)).toEqual(facadeCalls(original));
  });

  it('holds for random sequences of those calls, for every target', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CALLS), { minLength: 1, maxLength: 12 }), fc.constantFrom(...TARGET_BACKENDS), (calls, target) => {
        const original = program(calls);
        const there = portSource(original, { to: target, comments: false });
        const back = portSource(there.output, { to: 'cuda', from: target, comments: false });
        expect(facadeCalls(back.output)).toEqual(facadeCalls(original));
      }),
      { numRuns: 60, seed: 8 },
    );
  });

  it('actually changes the calls on the way out (the round trip is not trivial)', () => {
    for (const target of ['cann', 'kunlun', 'cambricon', 'musa', 'maca'] as const) {
      const there = portSource(program(CALLS), { to: target });
      expect(facadeCalls(there.output).filter((c) => /^(cuda|nccl|curand)/.test(c)).length).toBeLessThan(CALLS.length / 2);
    }
  });
});
