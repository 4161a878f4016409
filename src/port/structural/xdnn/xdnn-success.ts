/** XDNN's success status, `xpu::Error_t::SUCCESS`, as the port writes it (what a vanished call's status becomes on Kunlun). */
import type { LowerContext } from '../../lower/lowerer.js';

export const xdnnSuccess = (ctx: LowerContext): string => ctx.names.member('xpu::Error_t', 'SUCCESS', ctx.style, ctx.origin);
