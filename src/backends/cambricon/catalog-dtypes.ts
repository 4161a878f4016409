/** The dtypes a Cambricon catalog entry lists: data of another dtype is CNNL_STATUS_NOT_SUPPORTED. */
import { loadCatalog } from '../../catalog/load-catalog.js';
import type { DType } from '../../runtime/dtype.js';
import { DeviceFault } from '../sim/device-fault.js';

export function requireCatalogDType(symbol: string, dtype: DType, what: string): void {
  const listed = loadCatalog().entry('cambricon', symbol)?.spec.dtypes;
  if (listed && listed.length > 0 && !(listed as readonly string[]).includes(dtype)) {
    throw new DeviceFault('not-supported', `${symbol} takes ${listed.join(', ')} ${what}, got ${dtype} (mappings/cambricon)`);
  }
}
