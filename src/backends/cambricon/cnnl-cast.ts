/**
 * cnnlCastDataType. The cast enum names both types (CNNL_CAST_<SRC>_TO_<DST>); its catalog
 * meaning (`cast.float32-to-float16`) must agree with the descriptors' dtypes. The _IEEE
 * variants are cast like the others (round to nearest even); how the plain forms round on
 * the MLU is not documented.
 */
import { isDType, type DType } from '../../runtime/dtype.js';
import { DeviceFault } from '../sim/device-fault.js';
import { enumMeaning, enumName } from './catalog-enums.js';
import type { cnnlCastDataType_t, cnnlStatus_t } from './constants.generated.js';
import { cnnlCall } from './library-calls.js';
import { launchCnnl } from './cnnl-launch.js';
import { requireHandle, type cnnlHandle_t } from './cnnl-handle.js';
import { tensorOperand, type cnnlTensorDescriptor_t } from './cnnl-tensor-descriptor.js';
import { formatShape, shapesEqual } from './shapes.js';

function castPair(cast_type: unknown): [DType, DType] {
  const meaning = enumMeaning('cnnlCastDataType_t', cast_type);
  const match = meaning ? /^cast\.([a-z0-9]+)-to-([a-z0-9]+)(?:-.*)?$/.exec(meaning) : null;
  if (!match || !isDType(match[1]) || !isDType(match[2])) throw new DeviceFault('invalid-value', `${String(cast_type)} is not a cnnlCastDataType_t value`);
  return [match[1], match[2]];
}

export function cnnlCastDataType(
  handle: cnnlHandle_t,
  input_desc: cnnlTensorDescriptor_t,
  input: unknown,
  cast_type: cnnlCastDataType_t,
  output_desc: cnnlTensorDescriptor_t,
  output: unknown,
): cnnlStatus_t {
  return cnnlCall('cnnlCastDataType', (ctx) => {
    const h = requireHandle(handle);
    const [from, to] = castPair(cast_type);
    const X = tensorOperand(ctx.process, input_desc, input, 'input');
    const Y = tensorOperand(ctx.process, output_desc, output, 'output');
    if (X.view.dtype !== from || Y.view.dtype !== to) {
      throw new DeviceFault('invalid-value', `${enumName('cnnlCastDataType_t', cast_type)} casts ${from} to ${to}, but input is ${X.view.dtype} and output ${Y.view.dtype}`);
    }
    if (!shapesEqual(X.view.shape, Y.view.shape)) throw new DeviceFault('invalid-value', `input ${formatShape(X.view.shape)} and output ${formatShape(Y.view.shape)} must have the same shape`);
    launchCnnl(ctx, h, { op: 'Cast', inputs: [X], attributes: { to }, outputs: [Y] });
  });
}
