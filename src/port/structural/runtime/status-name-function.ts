/**
 * The message of a status on a target whose library has no status-to-string call (XDNN's
 * xpu::Error_t, BKCL's BKCLResult_t: Paddle's enforce_xpu formats those codes itself, with a
 * switch over the member names). Where the catalog knows the target status enum's members, the
 * port writes such a function once per file — each member compared by its facade name, a code
 * it does not know printed with the enum's name — and calls it where the source asked its
 * library for the message. The text is the member's name, not the vendor's message: OB1011.
 *
 * A file ported on (Kunlun → CUDA) has the function's calls ported as the CUDA status message they
 * stand for, and the function removed (file-porter.ts, portWrittenStatusNames).
 *
 * Declines where the catalog answers the call or the target has a code-to-string function for
 * that status, and where no status is passed (the most recent error: nothing to name).
 */
import type { Catalog, EnumRecord } from '../../../catalog/catalog.js';
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { Invocation } from '../../ir/invocation.js';
import type { LowerContext, Lowerer } from '../../lower/lowerer.js';
import { correspondingEnum, enumForParam, isStatusEnum } from '../../mapping/enum-mapping.js';
import { chooseTarget } from '../../mapping/target-entry.js';
import { errorStringEntry } from '../../mapping/error-string-entry.js';

/** In the doc comment of every naming function the port writes: a later port finds them by it. */
export const STATUS_NAME_MARK = 'written by opbridge port';

/** The source status enum the message is asked for: the compared member's, else the error parameter's. */
function sourceStatus(invocation: Invocation, catalog: Catalog): EnumRecord | undefined {
  const { backend, entry } = invocation.origin;
  const family = invocation.enums.get('error');
  if (family) return catalog.backend(backend).enums.get(family.enumName);
  const index = entry.spec.params.findIndex((p) => p.role === 'error');
  return index < 0 ? undefined : enumForParam(catalog, entry, index);
}

/** Whether the catalog answers the source call with a target entry (xpu_strerror for cudaGetErrorString). */
function answered(invocation: Invocation, ctx: LowerContext): boolean {
  const choice = chooseTarget(ctx.catalog, invocation.origin.entry, ctx.target);
  return choice.candidates.some((e) => e.spec.status !== 'unsupported' && e.spec.status !== 'unknown') || (choice.alternatives?.length ?? 0) > 0;
}

/** `xdnn` → `xdnnStatusName`, `xpu-runtime` → `xpuRuntimeStatusName`. */
function functionBase(library: string): string {
  const words = library.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
  return [...words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))), 'StatusName'].join('');
}

function declaration(name: string, status: EnumRecord, ctx: LowerContext): string {
  const type = ctx.names.type(status.spec.name, ctx.style, ctx.origin);
  const lines = [
    `/** The ${status.spec.name} member a status is, by name: ${status.library} has no status-to-string call (${STATUS_NAME_MARK}). */`,
    `function ${name}(status: ${type}): string {`,
    // Members with the same value are compared in catalog order: the first name wins.
    ...status.spec.members.map((m) => `  if (status === ${ctx.names.member(status.spec.name, m.name, ctx.style, ctx.origin)}) return '${m.name}';`),
    `  return \`${status.spec.name} \${status}\`;`,
    '}',
  ];
  return lines.join('\n');
}

export const statusNameLowerer: Lowerer = {
  name: 'the status-naming function of a target without a status-to-string call',
  lower(invocation, ctx) {
    if (invocation.kind !== 'primitive' || invocation.primitive !== 'error.string' || !ctx.functions) return undefined;
    const status = invocation.args.get('error');
    if (!status || invocation.origin.backend === ctx.target || answered(invocation, ctx)) return undefined;
    const source = sourceStatus(invocation, ctx.catalog);
    const target = source ? correspondingEnum(ctx.catalog, source, ctx.target) : undefined;
    if (!target || target.backend !== ctx.target || !isStatusEnum(target) || errorStringEntry(ctx.catalog, target)) return undefined;
    const key = `status-name\u0000${target.backend}\u0000${target.spec.name}`;
    const name = ctx.functions.declare(key, functionBase(target.library), (n) => declaration(n, target, ctx));
    const symbol = invocation.origin.symbol;
    const unsupported = `the text is the name of the ${target.spec.name} member (${target.library} has no status-to-string call), not ${symbol}'s message`;
    return {
      ok: true,
      lowering: { prelude: [], call: `${name}(${status.text})`, targetSymbols: [], diagnostics: [pending('OB1011', { targetSymbol: name, symbol, unsupported }, symbol)] },
    };
  },
};
