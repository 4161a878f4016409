/** Softmax (ONNX Softmax-13): exp(x - max) / sum along `axis` (default -1). */
import { defineSoftmaxKernel } from './templates/softmax.js';

export const Softmax = defineSoftmaxKernel('Softmax', 'softmax');
