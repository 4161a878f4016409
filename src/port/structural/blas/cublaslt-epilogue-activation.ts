/**
 * A cuBLASLt epilogue parameter on targets without an epilogue enum (CNNL, XDNN). A helper such
 * as `linear(lt, epilogue, …)` sets its matmul's epilogue from a parameter; when every value its
 * calls pass adds the bias alike (parameter-values.ts, as the cuBLASLt lifter requires), the
 * parameter only selects the activation that follows the biased product. On a target whose
 * activation calls take a mode enum, that is what the parameter becomes:
 *
 *   epilogue: cublasLtEpilogue_t     → epilogue: cnnlActivationMode_t      (act_enum on XDNN)
 *   CUBLASLT_EPILOGUE_BIAS           → CNNL_ACTIVATION_IDENTITY            (act_enum.LINEAR)
 *   CUBLASLT_EPILOGUE_GELU_BIAS      → CNNL_ACTIVATION_GELU                (act_enum.GELU)
 *
 * and the matmul lowerings test the parameter against the same members (`activationTest`).
 * Only the parameter's type, the members passed for it at the helper's calls and the members it
 * is tested against are rewritten, and only when every use of the parameter is a
 * cublasLtMatmulDescSetAttribute argument (the set-up the matmul lowering replaces) or such a test
 * (`if (epilogue === CUBLASLT_EPILOGUE_GELU_BIAS)`, as activation-parameter-epilogue.ts writes
 * the parameter back on CUDA); any other epilogue reference keeps its OB1006 / OB1008.
 */
import type { Catalog } from '../../../catalog/catalog.js';
import type { BackendId } from '../../../catalog/vocabulary.js';
import type { AttributeExpr } from '../../ir/invocation.js';
import type { EnumSubstitute, LowerContext } from '../../lower/lowerer.js';
import { memberByMeaning } from '../../mapping/enum-mapping.js';
import { ts } from '../../syntax/typescript.js';
import { comparedWith, parameterFor, usesOf } from './helper-parameter.js';
import { parameterValues } from './parameter-values.js';

const SOURCE_ENUM = 'cublasLtEpilogue_t';

/** The target enum of activation modes an epilogue parameter becomes. */
export const ACTIVATION_ENUMS: Readonly<Partial<Record<BackendId, string>>> = { cambricon: 'cnnlActivationMode_t', kunlun: 'xpu::Activation_t::act_enum' };

/** The activation each inference epilogue applies after its (optional) bias. */
const EPILOGUE_ACTIVATION: Readonly<Record<string, string>> = {
  'epilogue.default': 'activation.identity',
  'epilogue.bias': 'activation.identity',
  'epilogue.relu': 'activation.relu',
  'epilogue.relu-bias': 'activation.relu',
  'epilogue.gelu': 'activation.gelu',
  'epilogue.gelu-bias': 'activation.gelu',
};
const ADDS_BIAS = new Set(['epilogue.bias', 'epilogue.relu-bias', 'epilogue.gelu-bias']);

/** The target member for an epilogue meaning, or undefined. */
export function activationMember(catalog: Catalog, target: BackendId, epilogueMeaning: string): string | undefined {
  const enumName = ACTIVATION_ENUMS[target];
  const activation = EPILOGUE_ACTIVATION[epilogueMeaning];
  const e = enumName ? catalog.backend(target).enums.get(enumName) : undefined;
  return e && activation ? memberByMeaning(e, activation)?.name : undefined;
}

/**
 * The test of a helper's epilogue parameter for the values that apply the activation
 * (`epilogue === CNNL_ACTIVATION_GELU`), written with the target's members, or why not.
 */
export function activationTest(when: NonNullable<AttributeExpr['when']>, ctx: LowerContext): string | { readonly reason: string } {
  const enumName = ACTIVATION_ENUMS[ctx.target];
  const members = when.meanings.map((m) => activationMember(ctx.catalog, ctx.target, m));
  if (!enumName || when.enumName !== SOURCE_ENUM || members.some((m) => m === undefined)) {
    return { reason: `the ${when.enumName} values ${when.meanings.join(', ')} that apply the activation have no ${ctx.target} member to test \`${when.expr.text}\` against` };
  }
  return [...new Set(members as string[])].map((m) => `${when.expr.text} === ${ctx.names.member(enumName, m, ctx.style, ctx.origin)}`).join(' || ');
}

function insideSetAttribute(use: ts.Node): boolean {
  for (let n: ts.Node | undefined = use.parent; n && !ts.isStatement(n); n = n.parent) {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'cublasLtMatmulDescSetAttribute') return true;
  }
  return false;
}

/** `epilogue === CUBLASLT_EPILOGUE_GELU_BIAS`: a test the substitute rewrites with it (the member becomes the activation's). */
function testedAgainstMember(use: ts.Node, ctx: LowerContext): boolean {
  const other = comparedWith(use);
  const value = other ? ctx.context.constant(other) : undefined;
  return value?.kind === 'enum' && value.enumName === SOURCE_ENUM && value.meaning !== undefined && activationMember(ctx.catalog, ctx.target, value.meaning) !== undefined;
}

const claims = new WeakMap<ts.ParameterDeclaration, Map<BackendId, boolean>>();

/** Whether the parameter only selects an activation: set-attribute uses only, known values that all agree on the bias. */
function onlySelectsActivation(parameter: ts.ParameterDeclaration, ctx: LowerContext): boolean {
  let byTarget = claims.get(parameter);
  if (!byTarget) claims.set(parameter, (byTarget = new Map()));
  let claimed = byTarget.get(ctx.target);
  if (claimed === undefined) {
    const uses = usesOf(parameter);
    const values = uses.length > 0 && uses.every((u) => insideSetAttribute(u) || testedAgainstMember(u, ctx)) ? parameterValues(uses[0], ctx.context) : undefined;
    const meanings = values?.ok ? values.values.map((v) => (v.kind === 'enum' && v.enumName === SOURCE_ENUM ? v.meaning : undefined)) : [undefined];
    claimed = meanings.every((m) => m !== undefined && activationMember(ctx.catalog, ctx.target, m) !== undefined) && new Set(meanings.map((m) => ADDS_BIAS.has(m!))).size === 1;
    byTarget.set(ctx.target, claimed);
  }
  return claimed;
}

/** The substitute registered for CNNL and XDNN (src/port/registry.ts). */
export const epilogueAsActivation: EnumSubstitute = (reference, source, ctx) => {
  const enumName = ACTIVATION_ENUMS[ctx.target];
  if (!enumName || source.enumName !== SOURCE_ENUM) return undefined;
  const parameter = parameterFor(reference, ctx.context, true);
  if (!parameter || !onlySelectsActivation(parameter, ctx)) return undefined;
  if (source.member === undefined) return { enumName };
  const meaning = ctx.catalog.backend('cuda').enums.get(SOURCE_ENUM)?.spec.members.find((m) => m.name === source.member)?.meaning;
  const member = meaning ? activationMember(ctx.catalog, ctx.target, meaning) : undefined;
  return member ? { enumName, member } : undefined;
};
