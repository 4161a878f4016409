/**
 * `opbridge/kunlun`: the Baidu Kunlunxin XPU stack on the simulated devices — the XPU runtime
 * (`xpu_*`), XDNN as the namespace object `xpu` (alias `xdnn`; `baidu.xpu.xfa` for flash
 * attention) and BKCL collectives. Enum constants are generated from the catalog.
 */
export * from '../host/index.js';
export * from './constants.generated.js';
export * from './xpu-runtime.js';
export { xpu, xdnn, baidu } from './xdnn/namespace.js';
export type { Context, Activation_t, VectorParam } from './xdnn/context.js';
export * from './bkcl.js';
