/**
 * The queue a CNNL operation runs on, which its lift keeps as the invocation's stream (one CNNL
 * handle stands for cuBLAS's and cuDNN's, so a CUDA lowering makes a handle of its own and binds
 * it to that stream). Read in order:
 *
 * - the queue the source set on the handle earlier in scope, `cnnlSetQueue(handle, queue)`
 *   (through the enclosing functions);
 * - else, for a handle from elsewhere (a helper's `cnnlHandle_t` parameter), the queue asked of
 *   it earlier in the run's function, `cnnlGetQueue(handle, queue)`: that is the handle's queue
 *   at the run, so `queue.value` is the stream, and the query stays in the port (it is no longer
 *   the operation's own).
 *
 * Without either, the queue is not known here.
 */
import type { ResolvedCall, StaticContext } from '../../context/static-context.js';
import { variableName } from '../../context/static-context.js';
import { ts } from '../../syntax/typescript.js';

export type HandleQueue =
  | { readonly kind: 'set'; readonly stream: ts.Expression }
  | { readonly kind: 'asked'; readonly variable: string };

function primitiveOf(call: ResolvedCall): string | undefined {
  const binds = call.entry.spec.binds;
  return 'primitive' in binds ? binds.primitive : undefined;
}

/** The facade calls written before `run` directly in `scope` (a function or the file), nearest first. */
function callsBefore(run: ts.Node, scope: ts.Node, context: StaticContext): ResolvedCall[] {
  const start = run.getStart(context.sourceFile);
  return context
    .allCalls()
    .filter((c) => c.node.end <= start && context.enclosingScope(c.node) === scope)
    .reverse();
}

export function handleQueue(run: ResolvedCall, context: StaticContext): HandleQueue | undefined {
  const handle = context.argumentFor(run, 'handle');
  if (!handle) return undefined;
  const text = handle.getText(context.sourceFile);
  const onHandle = (primitive: string) => (c: ResolvedCall) => primitiveOf(c) === primitive && context.argumentFor(c, 'handle')?.getText(context.sourceFile) === text;
  const own = context.enclosingScope(run.node);
  for (let scope = own; ; scope = context.enclosingScope(scope)) {
    const set = callsBefore(run.node, scope, context).find(onHandle('handle.set-stream'));
    const stream = set ? context.argumentFor(set, 'stream') : undefined;
    if (stream) return { kind: 'set', stream };
    if (ts.isSourceFile(scope)) break;
  }
  const asked = callsBefore(run.node, own, context).find(onHandle('handle.get-stream'));
  const out = asked ? context.argumentFor(asked, 'out-stream') : undefined;
  const variable = out ? variableName(out) : undefined;
  return variable ? { kind: 'asked', variable } : undefined;
}
