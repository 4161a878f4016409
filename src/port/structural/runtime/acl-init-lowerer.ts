/**
 * CUDA initialises its runtime implicitly; ACL needs aclInit once per process before any other
 * call (the catalog's aclInit entry: "a port inserts this before the first ACL call"). The
 * first device selection of a file (`cudaSetDevice`, by source order) is where CUDA programs
 * start using the device, so its CANN lowering runs `aclInit(null)` first; its status goes where
 * the source status goes. Every other device selection is ported by the generic lowerer.
 */
import type { Invocation } from '../../ir/invocation.js';
import type { Lowerer } from '../../lower/lowerer.js';
import { roleLowerer } from '../../lower/role-lowerer.js';
import { vanishingStatement } from '../../emit/statement-placement.js';
import { ts } from '../../syntax/typescript.js';

/** The source call an invocation came from (through the node of one of its arguments). */
function sourceCall(invocation: Invocation): ts.CallExpression | undefined {
  for (const e of invocation.args.values()) {
    const parent = e.node?.parent;
    if (parent && ts.isCallExpression(parent)) return parent;
  }
  return undefined;
}

/** Whether no call of the same function comes earlier in the file. */
function firstOfItsKind(call: ts.CallExpression): boolean {
  const callee = call.expression.getText();
  const start = call.getStart();
  let earlier = false;
  const visit = (node: ts.Node): void => {
    if (earlier || node.pos >= start) return;
    if (ts.isCallExpression(node) && node !== call && node.expression.getText() === callee && node.getStart() < start) earlier = true;
    ts.forEachChild(node, visit);
  };
  visit(call.getSourceFile());
  return !earlier;
}

export const aclInitLowerer: Lowerer = {
  name: 'aclInit before the first device selection',
  lower(invocation, ctx) {
    if (invocation.kind !== 'primitive' || invocation.primitive !== 'device.set' || invocation.origin.backend === 'cann') return undefined;
    const call = sourceCall(invocation);
    if (!call || !firstOfItsKind(call)) return undefined;
    const lowered = roleLowerer.lower(invocation, ctx);
    if (!lowered || !lowered.ok) return lowered;
    const init = `${ctx.names.value('aclInit', ctx.style, ctx.origin)}(null)`;
    const { lowering } = lowered;
    return { ok: true, lowering: { ...lowering, prelude: [{ text: init, declares: false, status: true }, ...lowering.prelude], targetSymbols: ['aclInit', ...lowering.targetSymbols] } };
  },
};

/**
 * The way back: CUDA initialises itself, so `aclInit` has nothing to do there. A statement that
 * only runs it (or passes its status to a check) goes; elsewhere `cudaSuccess` stands in for it.
 */
export const runtimeInitVanishes: Lowerer = {
  name: 'no runtime initialisation on CUDA',
  lower(invocation, ctx) {
    if (invocation.kind !== 'primitive' || invocation.primitive !== 'runtime.init') return undefined;
    const call = sourceCall(invocation);
    // The success status is written (and imported) only where the call's value is used.
    const success = call && vanishingStatement(call) ? 'cudaSuccess' : ctx.names.value('cudaSuccess', ctx.style, ctx.origin);
    return { ok: true, lowering: { prelude: [], call: success, targetSymbols: ['cudaSuccess'], diagnostics: [], vanishes: true } };
  },
};
