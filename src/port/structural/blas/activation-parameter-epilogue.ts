/**
 * The inverse of cublaslt-epilogue-activation.ts, on CUDA. CUDA → CNNL / XDNN turns a helper's
 * cuBLASLt epilogue parameter into the target's activation mode and tests it after the biased
 * matmul (`if (epilogue === CNNL_ACTIVATION_GELU) { …activation… }`). Back on CUDA the
 * activation mode has no faithful counterpart — legacy cuDNN's cudnnActivationMode_t has no GELU —
 * while the parameter still means what it meant: which epilogue follows the helper's matmul. So
 * it becomes a cublasLtEpilogue_t again:
 *
 *   epilogue: cnnlActivationMode_t   → epilogue: cublasLtEpilogue_t       (act_enum on XDNN)
 *   CNNL_ACTIVATION_IDENTITY         → CUBLASLT_EPILOGUE_BIAS             (act_enum.LINEAR)
 *   CNNL_ACTIVATION_GELU             → CUBLASLT_EPILOGUE_GELU_BIAS        (act_enum.GELU)
 *
 * (`CUBLASLT_EPILOGUE_DEFAULT` / `_GELU` when the helper adds no bias), the members compared with
 * it included, so the activation the lifted code applies under the test stays selected by the
 * same calls. Only when every use of the parameter is an equality test against a member of its
 * enum, every value its calls pass is known (parameter-values.ts) and has an epilogue, and the
 * helper computes a matmul (a facade call binding Gemm) before its first test. The epilogue adds
 * the bias when the helper does before the test: a Gemm entry given a `bias` argument (XDNN's
 * fc_fusion), or a call binding Add (CNNL's cnnlOpTensor over the bias row).
 */
import type { Catalog } from '../../../catalog/catalog.js';
import { bindingKey } from '../../../catalog/answers.js';
import type { BackendId } from '../../../catalog/vocabulary.js';
import type { StaticContext } from '../../context/static-context.js';
import type { EnumSubstitute } from '../../lower/lowerer.js';
import { memberByMeaning } from '../../mapping/enum-mapping.js';
import { ts } from '../../syntax/typescript.js';
import { ACTIVATION_ENUMS } from './cublaslt-epilogue-activation.js';
import { comparedWith, parameterFor, usesOf } from './helper-parameter.js';
import { parameterValues } from './parameter-values.js';

const EPILOGUE_ENUM = 'cublasLtEpilogue_t';
const SOURCE_ENUMS = new Set(Object.values(ACTIVATION_ENUMS));

/** The epilogue meaning of an activation after a matmul, with or without the bias before it. */
const ACTIVATION_EPILOGUE: Readonly<Record<string, readonly [plain: string, biased: string]>> = {
  'activation.identity': ['epilogue.default', 'epilogue.bias'],
  'activation.relu': ['epilogue.relu', 'epilogue.relu-bias'],
  'activation.gelu': ['epilogue.gelu', 'epilogue.gelu-bias'],
};

/** How the helper's matmul is finished, or undefined when the parameter is not an epilogue's. */
interface Reading {
  readonly biased: boolean;
}

const readings = new WeakMap<ts.ParameterDeclaration, Reading | null>();

/** Whether `call`, a facade call, computes a matmul and whether it adds a bias while doing so. */
function matmulOrBias(call: ts.CallExpression, context: StaticContext): { matmul: boolean; bias: boolean } {
  const resolved = context.resolve(call);
  if (!resolved) return { matmul: false, bias: false };
  const binding = bindingKey(resolved.entry);
  if (binding === 'operator:Add') return { matmul: false, bias: true };
  if (binding !== 'operator:Gemm') return { matmul: false, bias: false };
  const index = resolved.entry.spec.params.findIndex((p) => p.name === 'bias');
  const bias = index >= 0 ? resolved.args[index] : undefined;
  return { matmul: true, bias: bias !== undefined && context.constant(bias)?.kind !== 'null' };
}

function read(parameter: ts.ParameterDeclaration, enumName: string, catalog: Catalog, context: StaticContext): Reading | undefined {
  const uses = usesOf(parameter);
  const fn = parameter.parent;
  if (uses.length === 0 || !ts.isFunctionDeclaration(fn) || !fn.body) return undefined;
  const testsOnly = uses.every((use) => {
    const other = comparedWith(use);
    const value = other ? context.constant(other) : undefined;
    return value?.kind === 'enum' && value.enumName === enumName;
  });
  const values = testsOnly ? parameterValues(uses[0], context) : undefined;
  if (!values?.ok || !values.values.every((v) => v.kind === 'enum' && v.enumName === enumName && v.meaning !== undefined && ACTIVATION_EPILOGUE[v.meaning])) return undefined;
  // The matmul and the bias the helper computes before it first tests the parameter.
  const firstTest = Math.min(...uses.map((u) => u.getStart(context.sourceFile)));
  let matmul = false;
  let biased = false;
  const visit = (node: ts.Node): void => {
    if (node.getStart(context.sourceFile) >= firstTest) return;
    if (ts.isCallExpression(node)) {
      const found = matmulOrBias(node, context);
      matmul ||= found.matmul;
      biased ||= found.bias && (matmul || found.matmul);
    }
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  const epilogues = catalog.backend('cuda').enums.get(EPILOGUE_ENUM);
  return matmul && epilogues ? { biased } : undefined;
}

/** The substitute registered for CUDA (src/port/registry.ts). */
export const activationAsEpilogue: EnumSubstitute = (reference, source, ctx) => {
  if (!SOURCE_ENUMS.has(source.enumName)) return undefined;
  const parameter = parameterFor(reference, ctx.context, true);
  if (!parameter) return undefined;
  let reading = readings.get(parameter);
  if (reading === undefined) readings.set(parameter, (reading = read(parameter, source.enumName, ctx.catalog, ctx.context) ?? null));
  if (!reading) return undefined;
  if (source.member === undefined) return { enumName: EPILOGUE_ENUM };
  const backend = (Object.keys(ACTIVATION_ENUMS) as BackendId[]).find((b) => ACTIVATION_ENUMS[b] === source.enumName);
  const sourceEnum = backend ? ctx.catalog.backend(backend).enums.get(source.enumName) : undefined;
  const meaning = sourceEnum?.spec.members.find((m) => m.name === source.member)?.meaning;
  const epilogue = meaning ? ACTIVATION_EPILOGUE[meaning]?.[reading.biased ? 1 : 0] : undefined;
  const targetEnum = ctx.catalog.backend('cuda').enums.get(EPILOGUE_ENUM);
  const member = epilogue && targetEnum ? memberByMeaning(targetEnum, epilogue)?.name : undefined;
  return member ? { enumName: EPILOGUE_ENUM, member } : undefined;
};
