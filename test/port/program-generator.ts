/**
 * fast-check arbitraries for the port property tests: TypeScript programs that mix facade calls
 * (named or namespace imports), enum constants, status checks and facade types with arbitrary
 * statements — declarations, control flow, functions, classes, comments, strings and templates
 * that mention CUDA names. Every generated program is valid TypeScript syntax.
 */
import fc from 'fast-check';

const ident = fc.constantFrom('a', 'b', 'n', 'count', 'buf', 'x1', 'tmp', 'size', 'stream', 'value');
const number = fc.integer({ min: 0, max: 4096 }).map(String);
const simpleExpr = fc.oneof(ident, number, fc.tuple(ident, fc.constantFrom('+', '*', '-'), number).map(([a, op, b]) => `${a} ${op} ${b}`), ident.map((i) => `${i}.value`), ident.map((i) => `f(${i})`));

/** One facade call statement; `q` is '' for named imports or 'cuda.' for the namespace import. */
function facadeCall(q: string): fc.Arbitrary<string> {
  const e = simpleExpr;
  const kind = fc.constantFrom('cudaMemcpyHostToDevice', 'cudaMemcpyDeviceToHost', 'cudaMemcpyDeviceToDevice', 'cudaMemcpyDefault', '1', 'k');
  const op = fc.constantFrom('ncclSum', 'ncclMax', 'ncclAvg', 'ncclMin');
  const dtype = fc.constantFrom('ncclFloat32', 'ncclFloat16', 'ncclInt32', 'ncclBfloat16');
  return fc.oneof(
    fc.tuple(e, e).map(([p, s]) => `${q}cudaMalloc(${p}, ${s})`),
    e.map((p) => `${q}cudaFree(${p})`),
    fc.tuple(e, e, e, kind).map(([d, s, n, k]) => `${q}cudaMemcpy(${d}, ${s}, ${n}, ${k.startsWith('cuda') ? q + k : k})`),
    fc.tuple(e, e, e, kind, e).map(([d, s, n, k, st]) => `${q}cudaMemcpyAsync(${d}, ${s}, ${n}, ${k.startsWith('cuda') ? q + k : k}, ${st})`),
    fc.tuple(e, e, e).map(([d, v, n]) => `${q}cudaMemset(${d}, ${v}, ${n})`),
    e.map((s) => `${q}cudaStreamSynchronize(${s})`),
    fc.tuple(e, e).map(([s, ev]) => `${q}cudaStreamWaitEvent(${s}, ${ev}, 0)`),
    fc.tuple(e, e).map(([ev, s]) => `${q}cudaEventRecord(${ev}, ${s})`),
    fc.tuple(e, e, e, dtype, op, e, e).map(([a, b, n, t, o, c, s]) => `${q}ncclAllReduce(${a}, ${b}, ${n}, ${q}${t}, ${q}${o}, ${c}, ${s})`),
    fc.tuple(e, e, dtype, e, e).map(([a, n, t, c, s]) => `${q}ncclBroadcast(${a}, ${a}, ${n}, ${q}${t}, 0, ${c}, ${s})`),
    fc.constant(`${q}cudaDeviceSynchronize()`),
    fc.constant(`${q}cudnnCreate(ref())`),
    e.map((s) => `${q}cudaStreamQuery(${s})`),
    fc.tuple(e, e).map(([p, n]) => `check(${q}cudaMalloc(${p}, f(${n})))`),
    fc.tuple(e, e, e).map(([d, s, n]) => `${q}cudaMemcpy(${d}, ${s}, g(${n}), ${q}cudaMemcpyHostToDevice)`),
  );
}

function statement(q: string, depth: number): fc.Arbitrary<string> {
  const leaf = fc.oneof(
    facadeCall(q).map((c) => `${c};`),
    facadeCall(q).map((c) => `const r${Math.abs(c.length)} = ${c};`),
    facadeCall(q).map((c) => `if (${c} !== ${q}cudaSuccess) throw new Error("cudaMalloc failed");`),
    fc.tuple(ident, simpleExpr).map(([i, v]) => `let ${i}_v = ${v};`),
    fc.constantFrom(
      '// cudaMemcpy(dst, src, n, cudaMemcpyHostToDevice) in a comment',
      '/* cudaFree(p) */',
      'const s1 = "cudaMalloc(p, n)";',
      'const t1 = `ncclAllReduce ${1 + 2} // not a comment`;',
      'const re = /cudaMalloc\\(/g;',
      '// opbridge-ignore-next-line',
      'console.log("done");',
      'for (let i = 0; i < 3; i++) { f(i); }',
    ),
    fc.constantFrom(`let st: ${q}cudaStream_t;`, `const refs: ${q}Ref<${q}cudaEvent_t>[] = [];`, `type K = ${q}cudaMemcpyKind;`),
  );
  if (depth <= 0) return leaf;
  const body = fc.array(statement(q, depth - 1), { minLength: 0, maxLength: 3 }).map((ss) => ss.join('\n  '));
  return fc.oneof(
    { weight: 4, arbitrary: leaf },
    { weight: 1, arbitrary: fc.tuple(simpleExpr, body).map(([c, b]) => `if (${c}) {\n  ${b}\n}`) },
    { weight: 1, arbitrary: body.map((b) => `function h${b.length}(k: number) {\n  ${b}\n  return k;\n}`) },
    { weight: 1, arbitrary: body.map((b) => `const arrow = () => {\n  ${b}\n};`) },
    { weight: 1, arbitrary: body.map((b) => `class C${b.length} {\n  run(k: number) {\n    ${b}\n  }\n}`) },
    { weight: 1, arbitrary: body.map((b) => `// opbridge-disable\n${b}\n// opbridge-enable`) },
  );
}

export const facadeProgram: fc.Arbitrary<string> = fc.boolean().chain((namespace) => {
  const q = namespace ? 'cuda.' : '';
  const header = namespace
    ? "import * as cuda from 'opbridge/cuda';\nimport { ref } from 'opbridge/cuda';\n"
    : "import { cudaMalloc, cudaFree, cudaMemcpy, cudaMemcpyAsync, cudaMemset, cudaMemcpyHostToDevice, cudaMemcpyDeviceToHost, cudaMemcpyDeviceToDevice, cudaMemcpyDefault, cudaStreamSynchronize, cudaStreamWaitEvent, cudaEventRecord, cudaDeviceSynchronize, cudaStreamQuery, cudaSuccess, cudnnCreate, ncclAllReduce, ncclBroadcast, ncclSum, ncclMax, ncclMin, ncclAvg, ncclFloat32, ncclFloat16, ncclInt32, ncclBfloat16, ref, type Ref, type cudaStream_t, type cudaEvent_t, type cudaMemcpyKind } from 'opbridge/cuda';\n";
  return fc.array(statement(q, 2), { minLength: 1, maxLength: 8 }).map((ss) => `${header}\n${ss.join('\n')}\n`);
});
