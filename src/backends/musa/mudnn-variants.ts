/**
 * The canonical operator of a muDNN mode, from the catalog entry's variants (`when` the mode,
 * the entry's operator unless the variant names another, plus the variant's fixed attributes).
 */
import { loadCatalog } from '../../catalog/load-catalog.js';

export interface ModeOperator {
  readonly operator: string;
  readonly fixed: Readonly<Record<string, number | string | boolean | number[]>>;
}

const tables = new Map<string, ReadonlyMap<string, ModeOperator>>();

/** The operator `symbol` runs for `mode`; undefined when the catalog lists no variant for it. */
export function modeOperator(symbol: string, mode: unknown): ModeOperator | undefined {
  let table = tables.get(symbol);
  if (!table) {
    const binds = loadCatalog().entry('musa', symbol)?.spec.binds;
    const map = new Map<string, ModeOperator>();
    if (binds && 'operator' in binds) {
      for (const v of binds.variants ?? []) map.set(v.when, { operator: v.operator ?? binds.operator, fixed: { ...(binds.fixed ?? {}), ...(v.fixed ?? {}) } });
    }
    tables.set(symbol, (table = map));
  }
  return typeof mode === 'string' ? table.get(mode) : undefined;
}
