/**
 * Calls that cannot change a value they pass on. Alignment groups such a call with the matched
 * call beside it (a Mul by 1, a widening Cast: `isTransparent`); a call only the port makes that
 * cannot change a value (the layout transpose or index cast a target needs) is reported as
 * information, like a device-to-host copy only the port makes (`portOnlyReason`), since the
 * values it carries are compared where they are used.
 */
import type { TraceRecord } from '../backends/sim/trace.js';
import type { Catalog } from '../catalog/catalog.js';
import { isFloatDType } from '../runtime/dtype.js';
import { coarserDType } from './dtype-precision.js';
import { elementCount, valuesOf } from './compare-values.js';

/** A Mul by the scalar 1. */
function multipliesByOne(record: TraceRecord): boolean {
  return record.op === 'Mul' && record.inputs.length === 2 && record.inputs.some((x) => elementCount(x) === 1 && valuesOf(x)[0] === 1);
}

/** A Cast into a float dtype that holds every value of its input's. */
function widensFloat(record: TraceRecord): boolean {
  if (record.op !== 'Cast' || record.inputs.length !== 1 || record.outputs.length !== 1) return false;
  const from = record.inputs[0].dtype;
  const to = record.outputs[0].dtype;
  return from !== to && isFloatDType(from) && isFloatDType(to) && coarserDType(from, to) === from && !(from === 'bfloat16' && to === 'float16');
}

/** The call cannot change the value it passes on: a Mul by the scalar 1, or a Cast into a float dtype that holds every value of its input's. */
export function isTransparent(record: TraceRecord): boolean {
  return multipliesByOne(record) || widensFloat(record);
}

/** Every value of the call's one input reaches its one output unchanged (NaN stays NaN). */
function passesValuesUnchanged(record: TraceRecord): boolean {
  if (record.inputs.length !== 1 || record.outputs.length !== 1) return false;
  const a = valuesOf(record.inputs[0]);
  const b = valuesOf(record.outputs[0]);
  return a.length === b.length && a.every((v, i) => v === b[i] || (Number.isNaN(v) && Number.isNaN(b[i])));
}

/**
 * Data-movement operators whose every output element is an element of an input (Transpose,
 * Reshape, Expand, Gather, ...). Pad writes its constant and Trilu zeroes a triangle: values of
 * their own, so they are left out.
 */
function onlyMovesValues(catalog: Catalog, op: string): boolean {
  return catalog.operator(op)?.spec.category === 'data-movement' && op !== 'Pad' && op !== 'Trilu';
}

/**
 * Why a call only the port makes cannot change the program's results, or undefined when it
 * might. `golden` and `profiled` are the call's records in the port's two runs, as traced.
 */
export function portOnlyReason(golden: TraceRecord, profiled: TraceRecord, catalog: Catalog): string | undefined {
  const why = (() => {
    if (multipliesByOne(profiled)) return 'it multiplies by the scalar 1';
    if (widensFloat(profiled)) return `it widens ${profiled.inputs[0].dtype} to ${profiled.outputs[0].dtype}, which holds every value`;
    // An integer cast (an index cast to the width a target takes) is judged by its values: exact
    // while they fit. A narrowing float cast is not, even when this run's values happen to fit:
    // it loses precision on other data, so it stays unmatched.
    if (profiled.op === 'Cast' && !isFloatDType(profiled.inputs[0]?.dtype ?? 'float32') && passesValuesUnchanged(golden) && passesValuesUnchanged(profiled)) {
      return `it casts ${profiled.inputs[0].dtype} to ${profiled.outputs[0].dtype} and every value passes unchanged in both runs`;
    }
    if (onlyMovesValues(catalog, profiled.op)) return `it only moves values (${profiled.op} computes none)`;
    return undefined;
  })();
  return why && `port-only call: the original makes no such call; ${why}, so the values it carries are checked where they are used`;
}
