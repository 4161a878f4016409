/** The static-context service structural lifters use: set-calls, constants, fresh names. */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { ConstantEvaluator } from '../../src/port/context/constant-value.js';
import { isPure } from '../../src/port/context/expression-purity.js';
import { FreshNames } from '../../src/port/context/fresh-names.js';
import { StaticContext, variableName, type ResolvedCall } from '../../src/port/context/static-context.js';
import { facadeIndex } from '../../src/port/mapping/facade-index.js';
import { collectFacadeBindings } from '../../src/port/syntax/facade-bindings.js';
import { FacadeReferences } from '../../src/port/syntax/facade-references.js';
import { parseSource, ts } from '../../src/port/syntax/typescript.js';

const catalog = loadCatalog();

function contextOf(text: string) {
  const { sourceFile } = parseSource('c.ts', text);
  const refs = new FacadeReferences(collectFacadeBindings(sourceFile), 'cuda', facadeIndex(catalog, 'cuda'));
  const resolve = (call: ts.CallExpression): ResolvedCall | undefined => {
    const ref = refs.exact(call.expression);
    return ref?.symbol?.kind === 'entry' ? { node: call, backend: 'cuda', entry: ref.symbol.entry, args: call.arguments } : undefined;
  };
  const evaluator = new ConstantEvaluator((node) => {
    const ref = refs.exact(node);
    if (ref?.symbol?.kind !== 'enum-member') return undefined;
    const { enum: e, member } = ref.symbol;
    return { kind: 'enum', backend: 'cuda', enumName: e.spec.name, member: member.name, value: member.value, ...(member.meaning ? { meaning: member.meaning } : {}) };
  });
  const context = new StaticContext(sourceFile, resolve, evaluator, new FreshNames(sourceFile));
  const calls: ts.CallExpression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) calls.push(n);
    ts.forEachChild(n, visit);
  };
  visit(sourceFile);
  const find = (text: string) => calls.find((c) => c.getText(sourceFile).startsWith(text))!;
  return { sourceFile, context, find };
}

describe('set-calls of a descriptor or handle', () => {
  const program = `import { cudnnSetTensor4dDescriptor, cudnnActivationForward, cublasSetStream, cublasSetMathMode, cublasSgemm, CUBLAS_TF32_TENSOR_OP_MATH, CUBLAS_DEFAULT_MATH, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT } from 'opbridge/cuda';
cublasSetMathMode(h.value, CUBLAS_DEFAULT_MATH);
function layer(h, s, xDesc, other) {
  cudnnSetTensor4dDescriptor(xDesc.value, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, 1, 3, 8, 8);
  cudnnSetTensor4dDescriptor(other.value, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, 2, 3, 4, 4);
  cublasSetStream(h.value, s);
  cublasSetMathMode(h.value, CUBLAS_TF32_TENSOR_OP_MATH);
  cublasSgemm(h.value, 0, 0, 4, 4, 4, 1, a, 4, b, 4, 0, c, 4);
  cudnnActivationForward(handle, act, 1, xDesc.value, x, 0, yDesc, y);
}
cublasSgemm(h.value, 0, 0, 4, 4, 4, 1, a, 4, b, 4, 0, c, 4);
`;

  it('finds the descriptor set-call for the variable an argument names', () => {
    const { context, find } = contextOf(program);
    const use = find('cudnnActivationForward');
    const set = context.lastSetCall(use.arguments[3], use, { primitive: 'descriptor.set' });
    expect(set?.entry.spec.symbol).toBe('cudnnSetTensor4dDescriptor');
    expect(set?.args.slice(3).map((a) => context.constant(a))).toEqual([1, 3, 8, 8].map((value) => ({ kind: 'number', value })));
  });

  it('takes the nearest handle set-call before the use, in the enclosing function first, then outer scopes', () => {
    const { context, find, sourceFile } = contextOf(program);
    const inside = find('cublasSgemm(h.value');
    const mode = context.lastSetCall(inside.arguments[0], inside, { primitive: 'handle.set-math-mode', role: 'handle' });
    expect(context.argumentFor(mode!, 'math-mode')?.getText(sourceFile)).toBe('CUBLAS_TF32_TENSOR_OP_MATH');
    expect(context.lastSetCall(inside.arguments[0], inside, { symbols: ['cublasSetStream'] })?.entry.spec.symbol).toBe('cublasSetStream');
    const calls = context.setCallsFor(inside.arguments[0], inside, { role: 'handle' }).map((c) => c.entry.spec.symbol);
    expect(calls).toEqual(['cublasSetMathMode', 'cublasSetStream', 'cublasSetMathMode']);
  });

  it('does not look at calls after the use, nor inside other functions', () => {
    const { context, sourceFile } = contextOf(program);
    const outer = [...sourceFile.statements].filter((s) => ts.isExpressionStatement(s)).map((s) => (s as ts.ExpressionStatement).expression as ts.CallExpression).pop()!;
    const mode = context.lastSetCall(outer.arguments[0], outer, { primitive: 'handle.set-math-mode' });
    expect(mode && context.argumentFor(mode, 'math-mode')?.getText(sourceFile)).toBe('CUBLAS_DEFAULT_MATH');
  });

  it('treats x, x.value, x! and (x) as one variable', () => {
    const { sourceFile } = parseSource('v.ts', 'a.value; (a)!; a; this.d.value; f(a);');
    const names = sourceFile.statements.map((s) => variableName((s as ts.ExpressionStatement).expression));
    expect(names).toEqual(['a', 'a', 'a', 'this.d', undefined]);
  });
});

describe('constant evaluation', () => {
  it('evaluates numbers, enum members, local constants and arithmetic; anything else is unknown', () => {
    const text = `import { cudaMemcpyDeviceToHost, cudaEventBlockingSync, cudaEventDisableTiming } from 'opbridge/cuda';
const N = 4 * 8;
const KIND = cudaMemcpyDeviceToHost;
function f(p) {
  const local = N + 2;
  g(local, KIND, -3, cudaEventBlockingSync | cudaEventDisableTiming, p, "s", h());
}`;
    const { context, find } = contextOf(text);
    const args = find('g(').arguments;
    expect(context.constant(args[0])).toEqual({ kind: 'number', value: 34 });
    expect(context.constant(args[1])).toMatchObject({ kind: 'enum', member: 'cudaMemcpyDeviceToHost', value: 2, meaning: 'copy.device-to-host' });
    expect(context.constant(args[2])).toEqual({ kind: 'number', value: -3 });
    expect(context.constant(args[3])).toEqual({ kind: 'number', value: 3 });
    expect(context.constant(args[4])).toBeUndefined();
    expect(context.constant(args[5])).toEqual({ kind: 'string', value: 's' });
    expect(context.constant(args[6])).toBeUndefined();
  });

  it('does not take a let, a parameter or a shadowing declaration for a constant', () => {
    const { context, find } = contextOf('const n = 1;\nfunction f(n) { g(n); }\nlet m = 2;\ng2(m);');
    expect(context.constant(find('g(').arguments[0])).toBeUndefined();
    expect(context.constant(find('g2(').arguments[0])).toBeUndefined();
  });
});

describe('fresh names and purity', () => {
  it('never returns a name written anywhere in the file or issued before', () => {
    const { sourceFile } = parseSource('f.ts', 'const count = 1; function g(count_1) { return count_1 + x.count_2; }');
    const names = new FreshNames(sourceFile);
    expect(names.fresh('count')).toBe('count_3');
    expect(names.fresh('count')).toBe('count_4');
    expect(names.fresh('bytes')).toBe('bytes');
    expect(names.fresh('class')).toBe('class_1');
    const mark = names.mark();
    names.fresh('tmp');
    names.rollback(mark);
    expect(names.isTaken('tmp')).toBe(false);
  });

  it('calls, assignments and increments are impure; reads and arithmetic are pure', () => {
    const { sourceFile } = parseSource('p.ts', 'a.b[c] * 2 + d.value; f(x); x = 1; i++; -n; cond ? a : b; `${a}-${g()}`; new X();');
    const pure = sourceFile.statements.map((s) => isPure((s as ts.ExpressionStatement).expression));
    expect(pure).toEqual([true, false, false, false, true, true, false, false]);
  });
});
