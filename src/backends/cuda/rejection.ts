/**
 * Returning a specific vendor status that no simulated fault kind names (an invalid copy
 * kind, an unsupported type combination, ...) while still recording a diagnostic.
 */
import type { RuntimeDiagnosticId } from '../sim/diagnostics.js';
import type { CallContext } from '../sim/facade-call.js';

export function reject(ctx: CallContext, status: number, statusName: string, message: string, id: RuntimeDiagnosticId = 'OB2013'): number {
  ctx.process.diagnostics.add({
    id,
    message: `${ctx.symbol}: ${message}`,
    backend: ctx.backend,
    symbol: ctx.symbol,
    status: statusName,
    site: ctx.site,
    rank: ctx.process.rank,
  });
  return status;
}
