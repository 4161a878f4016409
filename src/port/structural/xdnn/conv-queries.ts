/**
 * cuDNN's convolution queries on Kunlun. XDNN has no algorithm choice and no workspace argument
 * (xpu::conv2d takes its scratch from the context), so the convolution plan — algorithm query,
 * workspace-size query and the code that only serves them — goes away where every convolution
 * it served ports (dnn/conv-workspace-slice.ts with xpu::conv2d's plan), and the output-shape
 * queries become host arithmetic (dnn/conv-output-dims.ts). A vanished query's status is
 * xpu::Error_t::SUCCESS.
 */
import { outputDimLowererFor } from '../dnn/conv-output-dims.js';
import { planQueryLowerer, planStatementDropper } from '../dnn/conv-plan-lowerer.js';
import { xdnnConvPorts } from './conv-plan.js';
import { xdnnSuccess } from './xdnn-success.js';


export const xdnnConvPlanQueryLowerer = planQueryLowerer({
  convPorts: xdnnConvPorts,
  replacement: 'xpu::conv2d chooses its kernel and takes its scratch from the context',
  success: xdnnSuccess,
});

export const dropsXdnnConvPlanStatement = planStatementDropper(xdnnConvPorts);

export const xdnnOutputDimLowerer = outputDimLowererFor(xdnnSuccess);
