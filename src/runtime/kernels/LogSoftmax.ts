/** LogSoftmax (ONNX LogSoftmax-13): x - max - log(sum exp(x - max)) along `axis` (default -1). */
import { defineSoftmaxKernel } from './templates/softmax.js';

export const LogSoftmax = defineSoftmaxKernel('LogSoftmax', 'log-softmax');
