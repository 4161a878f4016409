/**
 * cuDNN's convolution queries on Cambricon. The CNNL convolution the port writes asks CNNL for
 * its own algorithm and workspace (conv-plan.ts), so the source's plan — cuDNN's algorithm
 * query, workspace-size query and the code that only serves them — goes away where every
 * convolution it served ports (dnn/conv-workspace-slice.ts with CNNL's conv plan), and the
 * output-shape queries become host arithmetic (dnn/conv-output-dims.ts). A vanished query's
 * status is CNNL_STATUS_SUCCESS.
 */
import { successValue } from '../../lower/vanishing-call.js';
import { outputDimLowererFor } from '../dnn/conv-output-dims.js';
import { planQueryLowerer, planStatementDropper } from '../dnn/conv-plan-lowerer.js';
import { cnnlConvPorts } from './conv-plan.js';

const success = successValue('CNNL_STATUS_SUCCESS');

export const cnnlConvPlanQueryLowerer = planQueryLowerer({
  convPorts: cnnlConvPorts,
  replacement: 'the CNNL convolution queries its own algorithm and workspace (cnnlGetConvolutionForwardAlgorithm, cnnlGetConvolutionForwardWorkspaceSize) from the descriptors it makes',
  success,
});

export const dropsCnnlConvPlanStatement = planStatementDropper(cnnlConvPorts);

export const cnnlOutputDimLowerer = outputDimLowererFor(success);
