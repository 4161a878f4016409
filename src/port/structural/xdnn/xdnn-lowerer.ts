/**
 * Writes the XDNN call `planXdnn` chose: `xpu.fn(['T', ...], ctx, ...)`, where the context is
 * the source call's handle (ported to an xpu::Context by xdnn-context.ts). XDNN runs on the
 * context's stream. When the invocation names a stream the handle was not given (cuBLASLt passes
 * the stream to each matmul), `ctx.set_stream(stream)` comes first.
 */
import { pending } from '../../diagnostics/port-diagnostics.js';
import { formatCall, SINGLE_LINE } from '../../emit/call-text.js';
import type { Expr } from '../../ir/expr.js';
import type { Invocation } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer, PreludeStatement } from '../../lower/lowerer.js';
import { ts } from '../../syntax/typescript.js';
import { activationTest } from '../blas/cublaslt-epilogue-activation.js';
import { planXdnn, pointerText, type XdnnArgument, type XdnnCall, type XdnnPlanned, type XdnnScratch } from './xdnn-plan.js';
import { xdnnSuccess } from './xdnn-success.js';

const SET_STREAM_SYMBOLS = ['cublasSetStream', 'cudnnSetStream'];

/** Whether the handle was last given this very stream (its set-stream call ported to set_stream). */
function handleRunsOn(handle: Expr, stream: Expr, before: ts.Node | undefined, ctx: LowerContext): boolean {
  if (!handle.node || !before) return false;
  const set = ctx.context.lastSetCall(handle.node, before, { symbols: SET_STREAM_SYMBOLS, role: 'handle' });
  const given = set ? ctx.context.argumentFor(set, 'stream') : undefined;
  return given !== undefined && given.getText(ctx.context.sourceFile) === (stream.node?.getText(ctx.context.sourceFile) ?? stream.text);
}

/** The source call an invocation came from (its first argument with a node). */
function sourceCallOf(invocation: Invocation): ts.CallExpression | undefined {
  const exprs = invocation.kind === 'operator' ? [...invocation.args.values(), ...[...invocation.inputs.values()].map((t) => t.ptr)] : [...invocation.args.values()];
  for (const e of exprs) {
    let n: ts.Node | undefined = e.node;
    while (n && !ts.isCallExpression(n)) n = n.parent;
    if (n) return n;
  }
  return undefined;
}

export const xdnnLowerer: Lowerer = {
  name: 'XDNN calls on an xpu::Context',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    const plan = planXdnn(invocation);
    if (!plan || invocation.kind !== 'operator') return undefined;
    const symbol = invocation.origin.symbol;
    const decline = (reason: string): LowerResult => ({ ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] });
    if (!plan.ok) return decline(plan.reason);
    const prelude: PreludeStatement[] = [];
    const stream = invocation.stream;
    const v = (name: string) => ctx.names.value(name, ctx.style, ctx.origin);
    let handle = invocation.args.get('handle');
    // A call on a stream without a handle (aclnn) gets a context of its own on that stream,
    // destroyed once the stream has run the call.
    const ownContext = !handle;
    if (!handle) {
      if (!stream || /^(null|undefined|0)$/.test(stream.text)) return decline('the call has neither a handle nor a stream to make the xpu::Context XDNN calls need');
      if (!stream.pure) return decline(`the stream \`${stream.text}\` has side effects, and the context statements use it more than once`);
      const name = ctx.fresh.fresh('xpuContext');
      prelude.push({ text: `const ${name} = ${v('xpu::create_context')}()`, declares: true }, { text: `${name}.set_stream(${stream.text})`, declares: false });
      handle = { ...stream, text: name, value: undefined };
    } else if (stream && !handleRunsOn(handle, stream, sourceCallOf(invocation), ctx)) {
      if (!stream.pure) return decline(`the stream \`${stream.text}\` has side effects and must be set on the context before the call`);
      prelude.push({ text: `${handle.text}.set_stream(${stream.text})`, declares: false });
    }
    const epilogue: PreludeStatement[] = [];
    const symbols: string[] = ownContext ? ['xpu::create_context', 'xpu::Context::set_stream'] : prelude.length ? ['xpu::Context::set_stream'] : [];
    // Scratch buffers: allocated first, freed once the context's stream is done with them.
    const scratch = new Map<string, string>();
    const allocate = (buffers: readonly XdnnScratch[], into: PreludeStatement[], release: PreludeStatement[], toHost?: XdnnPlanned['toHost']): void => {
      const names: string[] = [];
      for (const buffer of buffers) {
        const name = ctx.fresh.fresh(buffer.name);
        scratch.set(buffer.name, `${name}.value`);
        names.push(`${name}.value`);
        into.push({ text: `const ${name} = ${v('ref')}<${ctx.names.type('DevicePtr', ctx.style, undefined)}>()`, declares: true });
        into.push({ text: `${v('xpu_malloc')}(${name}, ${buffer.bytes}, ${v('XPU_MEM_MAIN')})`, declares: false });
        if (!symbols.includes('xpu_malloc')) symbols.push('xpu_malloc');
      }
      if (names.length === 0) return;
      release.push({ text: `${v('xpu_wait')}(${handle.text}.xpu_stream)`, declares: false });
      if (toHost) release.push({ text: `${v('xpu_memcpy')}(${toHost.dst}, ${scratch.get(toHost.scratch)}, ${toHost.bytes}, ${v('XPU_DEVICE_TO_HOST')})`, declares: false });
      for (const name of names) release.push({ text: `${v('xpu_free')}(${name})`, declares: false });
    };
    allocate(plan.scratch ?? [], prelude, epilogue, plan.toHost);
    const activation = plan.activation;
    if (activation && !activation.when) allocate(activation.scratch, prelude, epilogue);
    const argument = (a: XdnnArgument): string => {
      if (a.kind === 'text') return a.text;
      if (a.kind === 'pointer') return pointerText(a.view);
      if (a.kind === 'scratch') return scratch.get(a.name)!;
      return v(a.symbol);
    };
    const write = (call: XdnnCall, layout = ctx.layout): string => {
      const template = `[${call.template.map((t) => `'${t}'`).join(', ')}]`;
      return formatCall(v(call.symbol), [{ text: template }, { text: handle.text }, ...call.args.map((a) => ({ text: argument(a) }))], layout);
    };
    for (const before of plan.before ?? []) {
      prelude.push({ text: write(before, SINGLE_LINE), declares: false, status: true });
      symbols.push(before.symbol);
    }
    let call = write(plan.call);
    symbols.push(plan.call.symbol);
    if (plan.perMatrix) {
      // One call per matrix of the batch, stopping at the first failure: its status is the source call's.
      const index = ctx.fresh.fresh('matrix');
      const status = ctx.fresh.fresh('fcStatus');
      const success = xdnnSuccess(ctx);
      prelude.push({ text: `let ${status}: ${ctx.names.type('xpu::Error_t', ctx.style, undefined)} = ${success}`, declares: true });
      const each = write(plan.perMatrix.call(index), SINGLE_LINE);
      prelude.push({ text: `for (let ${index} = 0; ${index} < ${plan.perMatrix.count} && ${status} === ${success}; ${index}++)`, declares: true, body: [{ text: `${status} = ${each}`, declares: false }] });
      call = status;
    }
    if (activation) {
      for (const c of activation.calls) if (!symbols.includes(c.symbol)) symbols.push(c.symbol);
      if (!activation.when) {
        const steps = activation.calls.map((c) => write(c, SINGLE_LINE));
        // The activation runs on the product in place, after it.
        prelude.push({ text: call, declares: false, status: true });
        for (const step of steps.slice(0, -1)) prelude.push({ text: step, declares: false, status: true });
        call = steps[steps.length - 1];
      } else {
        // Only some values of the epilogue parameter apply it: its calls, under their test.
        const test = activationTest(activation.when, ctx);
        if (typeof test !== 'string') return decline(test.reason);
        const body: PreludeStatement[] = [];
        const release: PreludeStatement[] = [];
        allocate(activation.scratch, body, release);
        body.push(...activation.calls.map((c) => ({ text: write(c, SINGLE_LINE), declares: false, status: true })), ...release);
        epilogue.unshift({ text: `if (${test})`, declares: true, body });
      }
    }
    if (ownContext) {
      epilogue.push({ text: `${v('xpu_wait')}(${stream!.text})`, declares: false }, { text: `${v('xpu::destroy_context')}(${handle.text})`, declares: false });
      symbols.push('xpu_wait', 'xpu::destroy_context');
    }
    return {
      ok: true,
      lowering: {
        prelude,
        call,
        targetSymbols: symbols,
        diagnostics: [],
        ...(epilogue.length ? { epilogue } : {}),
      },
    };
  },
};
