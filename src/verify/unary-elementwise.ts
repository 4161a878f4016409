/**
 * Which traced calls are element-wise functions of one tensor, by the catalog: an operator of
 * the `elementwise` category with one required input, called with at most one tensor (Max and
 * Min are variadic: with one tensor they are element-wise, with two they are not). Such a call
 * gives the same values in the same order whatever shape a library gives them (XDNN's
 * activations take the packed length, cuDNN's a 4-D descriptor), and may run on the packed view
 * of a strided operand. Verify's pairing (compare-runs.ts) and its transposed views
 * (transposed-results.ts) both ask here, so a new element-wise operator in the catalog is one
 * to both.
 */
import type { Catalog } from '../catalog/catalog.js';

export function isUnaryElementwise(catalog: Catalog, op: string, inputCount: number): boolean {
  if (inputCount > 1) return false;
  const spec = catalog.operator(op)?.spec;
  return spec?.category === 'elementwise' && spec.inputs.filter((input) => !input.optional).length === 1;
}
