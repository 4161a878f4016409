/**
 * XDNN's C++ template arguments in TypeScript: a leading array of type names
 * (`xpu.fc_fusion(['float', 'int16_t', 'float', 'int16_t'], ctx, ...)`, docs/facades.md).
 * Element types become runtime dtypes; compute-type tags (TGEMM: int16_t, tfloat32, ...) stay
 * names and select a profile knob.
 */
import type { DType } from '../../../runtime/dtype.js';
import { DeviceFault } from '../../sim/device-fault.js';
import { kunlunEntry } from '../kunlun-catalog.js';

/** Element type names as XDNN callers spell them (Paddle's XPUTypeTrait types and C integer types). */
const ELEMENT_TYPES: Readonly<Record<string, DType>> = {
  float: 'float32',
  float16: 'float16',
  bfloat16: 'bfloat16',
  double: 'float64',
  int: 'int32',
  int32_t: 'int32',
  int64_t: 'int64',
  int16_t: 'int16',
  int8_t: 'int8',
  uint8_t: 'uint8',
  bool: 'bool',
};

/** The template arguments of `symbol`, checked against the catalog's template parameter list. */
export function templateTypes(symbol: string, templateArgs: unknown): string[] {
  const params = kunlunEntry(symbol).spec.template ?? [];
  const names = params.map((p) => p.name).join(', ');
  if (!Array.isArray(templateArgs) || !templateArgs.every((t) => typeof t === 'string')) {
    throw new DeviceFault('invalid-value', `${symbol} takes its C++ template arguments <${names}> as a leading array of type names, e.g. ['float', ...]`);
  }
  if (templateArgs.length !== params.length) {
    throw new DeviceFault('invalid-value', `${symbol} has ${params.length} template parameters <${names}>, got ${templateArgs.length}: [${templateArgs.join(', ')}]`);
  }
  return templateArgs as string[];
}

/** The dtype of an element type name, which must be one `symbol` is instantiated for. */
export function elementDType(symbol: string, typeName: string, parameter: string, allowed?: readonly DType[]): DType {
  const dtype = ELEMENT_TYPES[typeName];
  if (!dtype) {
    throw new DeviceFault('invalid-value', `${symbol}: template argument ${parameter} = '${typeName}' is not an XDNN element type (${Object.keys(ELEMENT_TYPES).join(', ')})`);
  }
  const supported = allowed ?? kunlunEntry(symbol).spec.dtypes;
  if (supported && !supported.includes(dtype)) {
    throw new DeviceFault('not-supported', `${symbol} has no ${parameter} = ${typeName} instantiation (supported: ${supported.join(', ')})`);
  }
  return dtype;
}
