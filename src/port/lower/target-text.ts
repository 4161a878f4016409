/**
 * Catalog text written into target code (a parameter's `default`, such as
 * `ACL_MEM_MALLOC_HUGE_FIRST`): names the target facade exports become references that are
 * imported (or namespace members), everything else is kept.
 */
import { facadeIndex } from '../mapping/facade-index.js';
import type { LowerContext } from './lowerer.js';

export function targetText(text: string, ctx: LowerContext): string {
  const index = facadeIndex(ctx.catalog, ctx.target);
  return text.replace(/(?<![\w$.])[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*/g, (name) => {
    const path = name.split('.');
    const resolved = index.resolve(path);
    if (!resolved || resolved.symbol.kind === 'host' || resolved.length !== path.length) return name;
    return ctx.names.value(path.join('::'), ctx.style, ctx.origin);
  });
}
