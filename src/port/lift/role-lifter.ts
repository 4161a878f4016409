/**
 * The generic lifter: every argument goes into the invocation under its parameter's role key
 * (parameters without a role under `param:<name>`), enum arguments with their meaning. For an
 * operator binding, inputs, outputs, attributes, descriptors, per-tensor dtypes and the stream
 * become the operator's structure; the math mode comes from the call or, for a handle, from
 * the handle's last `handle.set-math-mode` call (static context).
 */
import type { EnumRecord } from '../../catalog/catalog.js';
import { DTYPES, type DType } from '../../runtime/dtype.js';
import { pending } from '../diagnostics/port-diagnostics.js';
import type { Expr } from '../ir/expr.js';
import type { AttributeExpr, EnumArgument, InvocationOrigin, Numerics, OpInvocation, PrimitiveInvocation, TensorExpr } from '../ir/invocation.js';
import { roleKeysOf, splitRoleKey, type RoleKey } from '../ir/roles.js';
import { enumForParam, memberByValue } from '../mapping/enum-mapping.js';
import { ts } from '../syntax/typescript.js';
import type { LiftContext, LiftResult, Lifter, SourceCall } from './lifter.js';

/** The role key of a parameter without a role: matched by name. */
export function unnamedRoleKey(paramName: string): RoleKey {
  return `param:${paramName}`;
}

export function dtypeOfMeaning(meaning: string | undefined): DType | undefined {
  const name = meaning?.startsWith('dtype.') ? meaning.slice('dtype.'.length) : undefined;
  return name && (DTYPES as readonly string[]).includes(name) ? (name as DType) : undefined;
}

function literalNumber(node: ts.Expression): number | undefined {
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) return -Number(node.operand.text);
  return undefined;
}

/** What is statically known about an enum argument. */
export function enumArgument(call: SourceCall, index: number, ctx: LiftContext): EnumArgument | undefined {
  const arg = call.args[index];
  if (!arg?.node) return undefined;
  const direct = ctx.enumReference(arg.node);
  if (direct) return { meaning: direct.member.meaning ?? '', member: direct.member.name, enumName: direct.enum.spec.name, direct: true };
  const literal = literalNumber(arg.node);
  const paramEnum: EnumRecord | undefined = enumForParam(ctx.catalog, call.entry, index);
  if (literal !== undefined && paramEnum) {
    const member = memberByValue(paramEnum, literal);
    if (member?.meaning) return { meaning: member.meaning, member: member.name, enumName: paramEnum.spec.name, direct: true };
    return undefined;
  }
  const value = arg.value;
  if (value?.kind === 'enum' && value.meaning) return { meaning: value.meaning, member: value.member, enumName: value.enumName, direct: false };
  if (arg.possibleMeanings?.length) return { meaning: '', member: '', enumName: '', direct: false, alternatives: arg.possibleMeanings };
  return undefined;
}

export const roleLifter: Lifter = {
  name: 'roles',
  lift(call: SourceCall, ctx: LiftContext): LiftResult {
    const spec = call.entry.spec;
    const symbol = spec.symbol;
    if (spec.kind !== 'function') {
      return { ok: false, diagnostics: [pending('OB1003', { symbol, targetSymbol: `${ctx.target} equivalent`, reason: `\`${symbol}\` is a C++ ${spec.kind}` }, symbol)] };
    }
    if (call.node.arguments.some((a) => ts.isSpreadElement(a))) {
      return { ok: false, diagnostics: [pending('OB1015', { symbol, reason: 'spread arguments', params: String(spec.params.length) }, symbol)] };
    }
    if (call.args.length > spec.params.length) {
      return { ok: false, diagnostics: [pending('OB1015', { symbol, reason: `${call.args.length} arguments`, params: String(spec.params.length) }, symbol)] };
    }
    const keys = roleKeysOf(spec.params);
    const args = new Map<RoleKey, Expr>();
    const enums = new Map<RoleKey, EnumArgument>();
    call.args.forEach((arg, i) => {
      const key = keys[i] ?? unnamedRoleKey(spec.params[i].name);
      args.set(key, arg);
      const e = enumArgument(call, i, ctx);
      if (e) enums.set(key, e);
    });
    if (call.template) args.set('template', call.template);
    const origin: InvocationOrigin = { backend: call.backend, entry: call.entry, symbol };
    if ('primitive' in spec.binds) {
      const invocation: PrimitiveInvocation = { kind: 'primitive', primitive: spec.binds.primitive, args, enums, origin };
      return { ok: true, invocation };
    }
    return { ok: true, invocation: operatorInvocation(spec.binds.operator, args, enums, origin, call, ctx) };
  },
};

function operatorInvocation(
  operator: string,
  all: ReadonlyMap<RoleKey, Expr>,
  enums: ReadonlyMap<RoleKey, EnumArgument>,
  origin: InvocationOrigin,
  call: SourceCall,
  ctx: LiftContext,
): OpInvocation {
  const inputs = new Map<string, TensorExpr>();
  const outputs = new Map<string, TensorExpr>();
  const attributes = new Map<string, AttributeExpr>();
  const args = new Map<RoleKey, Expr>();
  let stream: Expr | undefined;
  const shared = all.get('dtype');
  const sharedMeaning = enums.get('dtype')?.meaning;
  const tensorDType = (name: string) => {
    const own = all.get(`dtype:${name}`);
    const meaning = own ? enums.get(`dtype:${name}`)?.meaning : sharedMeaning;
    const expr = own ?? shared;
    if (!expr) return undefined;
    const dtype = dtypeOfMeaning(meaning);
    return { expr, ...(meaning ? { meaning } : {}), ...(dtype ? { dtype } : {}) };
  };
  for (const [key, expr] of all) {
    const { role, occurrence } = splitRoleKey(key);
    const [kind, name] = role.includes(':') ? [role.slice(0, role.indexOf(':')), role.slice(role.indexOf(':') + 1)] : [role, ''];
    if ((kind === 'input' || kind === 'output') && occurrence === 1) {
      const dtype = tensorDType(name);
      const descriptor = all.get(`desc:${name}`);
      (kind === 'input' ? inputs : outputs).set(name, { ptr: expr, ...(dtype ? { dtype } : {}), ...(descriptor ? { descriptor } : {}) });
    } else if (kind === 'attr') {
      const meaning = enums.get(key)?.meaning;
      attributes.set(occurrence === 1 ? name : `${name}#${occurrence}`, { expr, ...(meaning ? { meaning } : {}) });
    } else if (key === 'stream') stream = expr;
    else if ((kind === 'desc' || kind === 'dtype') && occurrence === 1 && all.has(`input:${name}`)) {
      // carried by the tensor
    } else if ((kind === 'desc' || kind === 'dtype') && occurrence === 1 && all.has(`output:${name}`)) {
      // carried by the tensor
    } else args.set(key, expr);
  }
  return { kind: 'operator', operator, inputs, outputs, attributes, ...(stream ? { stream } : {}), numerics: numericsOf(all, enums, call, ctx), args, enums, origin };
}

function numericsOf(all: ReadonlyMap<RoleKey, Expr>, enums: ReadonlyMap<RoleKey, EnumArgument>, call: SourceCall, ctx: LiftContext): Numerics {
  const mathMode = enums.get('math-mode')?.meaning;
  const computeType = enums.get('compute-type')?.meaning;
  let numerics: Numerics = {
    ...(mathMode ? { mathMode: { meaning: mathMode, from: 'argument' as const } } : {}),
    ...(computeType ? { computeType: { meaning: computeType, from: 'argument' as const } } : {}),
  };
  const handle = all.get('handle');
  if (!numerics.mathMode && handle?.node) {
    const set = ctx.context.lastSetCall(handle.node, call.node, { primitive: 'handle.set-math-mode', role: 'handle' });
    const modeArg = set ? ctx.context.argumentFor(set, 'math-mode') : undefined;
    const mode = modeArg ? ctx.enumReference(modeArg)?.member.meaning : undefined;
    if (mode) numerics = { ...numerics, mathMode: { meaning: mode, from: 'handle' } };
  }
  return numerics;
}
