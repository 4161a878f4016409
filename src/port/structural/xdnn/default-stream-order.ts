/**
 * A synchronous copy or memset after work on a created stream, on Kunlun. On CUDA a stream made by
 * cudaStreamCreate is blocking: work on the legacy default stream (cudaMemcpy, cudaMemset) waits
 * for it. Streams made by xpu_stream_create do not synchronise with XPU's default stream
 * (src/backends/kunlun/xpu-runtime.ts), so the ported copy would race with that work. Before such
 * a call the port waits on each stream that has work pending at that point of the same function:
 *
 *   cudnnSetStream(h.value, s.value); … cudaMemcpy(…);   →   …; xpu_wait(s.value); xpu_memcpy(…);
 *
 * Pending work is read in source order within the function (nested closures included): a call
 * taking a stream (a catalog parameter of role `stream`, or a stream so named passed to a helper),
 * or a library handle bound to it (cudnnSetStream, cublasSetStream), makes the stream pending; cudaStreamSynchronize of it, cudaDeviceSynchronize or an earlier
 * synchronous copy (which got its waits) clears it. A stream is in sight when it is `v` or
 * `v.value` for a variable or parameter the copy sees as the same one; otherwise the copy gets
 * OB1036 instead of a wait that could name the wrong thing.
 */
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { LowerContext, StatementPrelude } from '../../lower/lowerer.js';
import { declarationOf } from '../../syntax/named-variables.js';
import { ts } from '../../syntax/typescript.js';

/** The CUDA primitives that run on the legacy default stream and are ordered after blocking streams' work. */
const DEFAULT_STREAM_WORK = new Set(['copy.sync', 'memset.sync']);
const CLEARS_ONE = 'stream.synchronize';
const CLEARS_ALL = new Set(['device.synchronize', ...DEFAULT_STREAM_WORK]);
/** Calls that name a stream without issuing work on it. */
const NOT_WORK = new Set(['stream.create', 'stream.destroy', 'stream.query', 'event.record', 'stream.wait-event', CLEARS_ONE]);
/** Binding a library handle (or generator) to a stream: work comes later, through the handle. */
const SETS_STREAM = /\.set-stream$/;
/** Making, destroying or asking a handle issues no work on its stream. */
const HANDLE_LIFE = /^(handle|rng)\.(create|destroy|get-stream)$/;

function primitiveOf(call: ts.CallExpression, ctx: LowerContext): { primitive: string | undefined; stream: ts.Expression | undefined } | undefined {
  const resolved = ctx.context.resolve(call);
  if (!resolved || resolved.backend !== 'cuda') return undefined;
  const spec = resolved.entry.spec;
  const index = spec.params.findIndex((p) => p.role === 'stream');
  return { primitive: 'primitive' in spec.binds ? spec.binds.primitive : undefined, stream: index < 0 ? undefined : call.arguments[index] };
}

/** The default-stream call the statement makes (itself, or under a status check), outside nested functions. */
function defaultStreamCall(statement: ts.Statement, ctx: LowerContext): ts.CallExpression | undefined {
  if (!ts.isExpressionStatement(statement)) return undefined;
  let found: ts.CallExpression | undefined;
  const visit = (n: ts.Node): void => {
    if (found || ts.isFunctionLike(n)) return;
    if (ts.isCallExpression(n) && DEFAULT_STREAM_WORK.has(primitiveOf(n, ctx)?.primitive ?? '')) found = n;
    else ts.forEachChild(n, visit);
  };
  visit(statement.expression);
  return found;
}

function isDefaultStream(e: ts.Expression): boolean {
  return (ts.isNumericLiteral(e) && e.text === '0') || e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === 'undefined');
}

/** The variable a stream expression reads (`v` or `v.value`), or undefined. */
function streamVariable(e: ts.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'value' && ts.isIdentifier(e.expression)) return e.expression.text;
  return undefined;
}

/** Whether `name` at `use` and at `at` is the same variable or parameter of `scope`. */
function sameVariable(name: string, use: ts.Node, at: ts.Node, scope: ts.Node): boolean {
  const declared = declarationOf(name, at);
  if (declared) return declared.statement === declarationOf(name, use)?.statement;
  if (!ts.isFunctionLike(scope) || !scope.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name)) return false;
  // A parameter: nothing between the use and the function may declare the name again.
  return declarationOf(name, use) === undefined;
}

export const defaultStreamOrder: StatementPrelude = (statement, ctx) => {
  const call = defaultStreamCall(statement, ctx);
  if (!call) return undefined;
  const sourceFile = ctx.context.sourceFile;
  const scope = ctx.context.enclosingScope(call);
  const start = statement.getStart(sourceFile);
  const pendingStreams = new Map<string, ts.Expression>();
  // Library handles bound to a stream (cudnnSetStream(h.value, s.value)): a call given the handle issues work on the stream.
  const bound = new Map<string, ts.Expression>();
  const visit = (n: ts.Node): void => {
    if (n.getStart(sourceFile) >= start) return;
    ts.forEachChild(n, visit);
    if (!ts.isCallExpression(n)) return;
    const known = primitiveOf(n, ctx);
    const stream = known?.stream;
    if (known?.primitive && CLEARS_ALL.has(known.primitive)) return pendingStreams.clear();
    if (known?.primitive === CLEARS_ONE && stream) return void pendingStreams.delete(stream.getText(sourceFile));
    if (known?.primitive && SETS_STREAM.test(known.primitive)) {
      const handle = n.arguments.find((a) => a !== stream);
      if (handle && stream) bound.set(handle.getText(sourceFile), stream);
      return;
    }
    if (known?.primitive && (NOT_WORK.has(known.primitive) || HANDLE_LIFE.test(known.primitive))) return;
    if (stream && !isDefaultStream(stream)) pendingStreams.set(stream.getText(sourceFile), stream);
    for (const argument of n.arguments) {
      const text = argument.getText(sourceFile);
      const through = bound.get(text);
      if (through && !isDefaultStream(through)) pendingStreams.set(through.getText(sourceFile), through);
      // A helper handed a stream the function uses issues work on it.
      else if (!known && seen.has(text)) pendingStreams.set(text, argument);
    }
  };
  // Streams the function hands to catalog calls anywhere in it (a helper may be called before the first).
  const seen = new Set<string>();
  const collect = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const stream = primitiveOf(n, ctx)?.stream;
      if (stream && !isDefaultStream(stream)) seen.add(stream.getText(sourceFile));
    }
    ts.forEachChild(n, collect);
  };
  const body = ts.isSourceFile(scope) ? scope : (scope as ts.FunctionLikeDeclaration).body;
  if (!body) return undefined;
  collect(body);
  visit(body);
  if (pendingStreams.size === 0) return undefined;
  const streams = [...pendingStreams.values()];
  const symbol = ctx.context.resolve(call)!.entry.spec.symbol;
  const unseen = streams.find((s) => {
    const name = streamVariable(s);
    return !name || !sameVariable(name, s, call, scope);
  });
  if (unseen) return { node: call, diagnostic: pending('OB1036', { symbol, stream: unseen.getText(sourceFile) }, symbol) };
  const wait = ctx.names.value('xpu_wait', ctx.style, ctx.origin);
  return { from: symbol, text: streams.map((s) => `${wait}(${s.getText(sourceFile)});`).join('\n'), to: ['xpu_wait'] };
};
