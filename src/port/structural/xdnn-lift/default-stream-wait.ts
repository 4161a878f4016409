/**
 * `xpu_wait();` with no stream waits for XPU's default stream (`xpu_wait(XPUStream stream = NULL)`);
 * on CUDA that is `cudaStreamSynchronize(0)`, stream 0 being the default stream. The statement is
 * rewritten whole; a wait whose status is read, or on a named stream, keeps the generic path.
 */
import type { LowerContext, StatementRewriter } from '../../lower/lowerer.js';
import { ts } from '../../syntax/typescript.js';

export const defaultStreamWaitRewriter: StatementRewriter = (statement: ts.Statement, ctx: LowerContext) => {
  if (!ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression) || statement.expression.arguments.length > 0) return undefined;
  const resolved = ctx.context.resolve(statement.expression);
  if (!resolved || resolved.backend !== 'kunlun' || resolved.entry.spec.symbol !== 'xpu_wait') return undefined;
  return { from: 'xpu_wait', text: `${ctx.names.value('cudaStreamSynchronize', ctx.style, ctx.origin)}(0);`, to: ['cudaStreamSynchronize'] };
};
