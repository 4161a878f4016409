/**
 * The generic lowerer: picks the target entry through the catalog (same primitive or operator,
 * preferring entries whose `cuda:` names the source's CUDA equivalent) and fills each target
 * parameter with the source argument of the same role — or a role synonym, a parameter of the
 * same name (for parameters without a role), a derived value, the source binding's fixed
 * attribute value, or the catalog `default`. Enum arguments are mapped by meaning. A source
 * argument the target cannot take is a diagnostic unless it is documented as droppable:
 *
 * - a library `handle` (the target call binds its context differently);
 * - `dst-capacity` (a bound the source API does not have);
 * - `reserved` parameters;
 * - an argument equal to its parameter's catalog `default`;
 * - an attribute equal to the value the target binding fixes;
 * - an output buffer equal to the input of an in-place target parameter.
 *
 * Impure arguments (calls, assignments) are never dropped, and are hoisted into constants when
 * the target order would evaluate them in another order or more than once.
 */
import { readFromAlgorithmQuery } from './algorithm-from-query.js';
import { bindingKey } from '../../catalog/answers.js';
import type { Catalog, EntryRecord, EnumRecord } from '../../catalog/catalog.js';
import type { BackendId } from '../../catalog/vocabulary.js';
import { facadeIndex } from '../mapping/facade-index.js';
import type { ParamSpec } from '../../catalog/schema/mapping.js';
import { pending, type PendingDiagnostic } from '../diagnostics/port-diagnostics.js';
import { formatCall, type CallArgument } from '../emit/call-text.js';
import type { Expr } from '../ir/expr.js';
import type { EnumArgument, Invocation } from '../ir/invocation.js';
import { roleView } from '../ir/role-view.js';
import { roleKey, roleKeysOf, splitRoleKey, type RoleKey } from '../ir/roles.js';
import { unnamedRoleKey } from '../lift/role-lifter.js';
import { correspondingEnum, enumForParam, isStatusEnum, memberByMeaning, sameNumbering } from '../mapping/enum-mapping.js';
import { roleSynonyms } from '../mapping/role-synonyms.js';
import { chooseTarget } from '../mapping/target-entry.js';
import { sourceValue, textValue, type ArgumentValue } from './argument-values.js';
import type { LowerContext, LowerResult, Lowerer, PreludeStatement } from './lowerer.js';
import { applicableGaps } from './partial-support.js';
import { byDeclaredHandle } from './declared-handle.js';
import { deriveRole } from './role-derivations.js';
import { targetText } from './target-text.js';

const DROPPABLE_ROLES = new Set(['handle', 'dst-capacity', 'reserved']);

type Attempt = { ok: true; call: string; prelude: PreludeStatement[]; diagnostics: PendingDiagnostic[] } | { ok: false; diagnostics: PendingDiagnostic[] };

export const roleLowerer: Lowerer = {
  name: 'roles',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult {
    const source = invocation.origin.entry;
    const symbol = source.spec.symbol;
    const choice = chooseTarget(ctx.catalog, source, ctx.target);
    // Entries binding what the source binds come first: their failures explain more than a
    // variant's (aclnnSoftmax before aclnnLogSoftmax for cudnnSoftmaxForward).
    const key = bindingKey(source);
    const usable = byDeclaredHandle(
      choice.candidates.filter((e) => e.spec.status !== 'unsupported' && e.spec.status !== 'unknown').sort((a, b) => Number(bindingKey(b) === key) - Number(bindingKey(a) === key)),
      invocation,
      ctx,
    );
    // A gap's workaround entry serves when the call's arguments fit it (flags left at their default).
    for (const alternative of usable.length === 0 ? (choice.alternatives ?? []) : []) {
      const mark = ctx.names.mark();
      const attempt = lowerTo(invocation, alternative, ctx);
      if (attempt.ok) return { ok: true, lowering: { prelude: attempt.prelude, call: attempt.call, targetSymbols: [alternative.spec.symbol], diagnostics: attempt.diagnostics } };
      ctx.names.rollback(mark);
    }
    if (usable.length === 0) {
      const unsupported = choice.candidates[0];
      if (choice.gap || unsupported) {
        const notes = firstSentence(choice.gap?.spec.notes ?? unsupported?.spec.notes ?? `${unsupported?.spec.symbol} is ${unsupported?.spec.status}`);
        const use = choice.gap?.spec.use?.length ? ` (use: ${choice.gap.spec.use.join(', ')})` : '';
        return { ok: false, diagnostics: [pending('OB1002', { target: ctx.target, symbol, notes: `${notes}${use}` }, symbol)] };
      }
      const binding = bindingKey(source).replace(':', ' ');
      const unrelated = choice.unrelated?.length ? ` with the same meaning (${describeUnrelated(choice.unrelated)})` : '';
      const reason = choice.cudaEquivalents.length === 0 ? `\`${symbol}\` names no CUDA equivalent and no ${ctx.target} entry binds ${binding}${unrelated}` : `no entry answers ${choice.cudaEquivalents.join(', ')}, no gap, no entry binding ${binding}${unrelated}`;
      return { ok: false, diagnostics: [pending('OB1001', { symbol, target: ctx.target, reason }, symbol)] };
    }
    let first: Attempt | undefined;
    for (const target of usable) {
      const mark = ctx.names.mark();
      const attempt = lowerTo(invocation, target, ctx);
      if (!attempt.ok) ctx.names.rollback(mark);
      if (attempt.ok) {
        return { ok: true, lowering: { prelude: attempt.prelude, call: attempt.call, targetSymbols: [target.spec.symbol], diagnostics: attempt.diagnostics } };
      }
      first ??= attempt;
    }
    return { ok: false, diagnostics: first!.diagnostics };
  },
};

/** The entries that bind the same primitive but mean something else: the first reason, and how many more. */
function describeUnrelated(unrelated: NonNullable<ReturnType<typeof chooseTarget>['unrelated']>): string {
  const [first, ...rest] = unrelated;
  return `${first.why}${rest.length ? `; ${rest.length} other ${rest.length === 1 ? 'entry does' : 'entries do'} not fit either` : ''}`;
}

function firstSentence(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  const end = t.search(/\.\s/);
  return end < 0 ? t.replace(/\.$/, '') : t.slice(0, end);
}

function structural(symbol: string, target: EntryRecord, reason: string): Attempt {
  return { ok: false, diagnostics: [pending('OB1003', { symbol, targetSymbol: target.spec.symbol, reason }, symbol)] };
}

/** Why the generic lowerer cannot write `target` for this source entry, if it cannot. */
function conventionMismatch(source: EntryRecord, target: EntryRecord): string | undefined {
  if (target.spec.kind !== 'function') return `\`${target.spec.symbol}\` is a C++ ${target.spec.kind}`;
  const sKey = bindingKey(source);
  const tKey = bindingKey(target);
  if (sKey !== tKey) return `it binds ${tKey.replace(':', ' ')}, the source binds ${sKey.replace(':', ' ')}`;
  const sb = source.spec.binds;
  const tb = target.spec.binds;
  if ('operator' in sb && 'operator' in tb) {
    if (sb.phase !== 'single' || tb.phase !== 'single') return 'one side is a two-phase call (workspace query + run)';
    if (sb.layout && tb.layout && sb.layout !== 'any' && tb.layout !== 'any' && sb.layout !== tb.layout) return `the source is ${sb.layout}, the target ${tb.layout}`;
  }
  const sTemplate = source.spec.template?.length ?? 0;
  const tTemplate = target.spec.template?.length ?? 0;
  if (sTemplate !== tTemplate) return 'C++ template arguments differ';
  return undefined;
}

function lowerTo(invocation: Invocation, target: EntryRecord, ctx: LowerContext): Attempt {
  const source = invocation.origin.entry;
  const symbol = source.spec.symbol;
  const mismatch = conventionMismatch(source, target);
  if (mismatch) return structural(symbol, target, mismatch);

  const callee = ctx.names.value(target.spec.symbol, ctx.style, ctx.origin);
  const view = roleView(invocation);
  const binding = bindingKey(source);
  const sourceKeys = roleKeysOf(source.spec.params).map((k, i) => k ?? unnamedRoleKey(source.spec.params[i].name));
  const sourceIndex = (key: RoleKey) => sourceKeys.indexOf(key);
  const targetKeys = roleKeysOf(target.spec.params);
  const consumed = new Set<RoleKey>();
  const values: ArgumentValue[] = [];
  const diagnostics: PendingDiagnostic[] = [];
  const failures: PendingDiagnostic[] = [];

  target.spec.params.forEach((param, j) => {
    const tk = targetKeys[j];
    const found = resolveParam(param, tk, view, invocation, source, binding, sourceKeys, consumed, ctx);
    if (!found) {
      failures.push(pending('OB1005', { targetSymbol: target.spec.symbol, param: param.name, role: param.role ?? 'no role', symbol }, symbol));
      return;
    }
    if (found.key !== undefined) {
      const mapped = mapEnum(found.key, found.value, param, j, invocation, view, source, target, sourceIndex(found.key), ctx);
      if (mapped.failure) failures.push(mapped.failure);
      if (mapped.warning) diagnostics.push(mapped.warning);
      values.push(mapped.value);
    } else values.push(found.value);
  });

  for (const [key, expr] of view) {
    if (consumed.has(key) || key === 'template') continue;
    if (!droppable(key, expr, view, source, target, sourceIndex(key), ctx.catalog)) {
      const index = sourceIndex(key);
      failures.push(pending('OB1004', { param: index >= 0 ? source.spec.params[index].name : key, role: splitRoleKey(key).role.replace(/^param:.*/, 'no role'), symbol, targetSymbol: target.spec.symbol }, symbol));
    }
  }
  if (failures.length > 0) return { ok: false, diagnostics: failures };

  const { prelude, write } = preserveEvaluationOrder(values, invocation, ctx);
  const commented = new Set<Expr>();
  const args: CallArgument[] = values.map((v) => {
    const owner = v.commentsOf;
    const comments = owner && !commented.has(owner) ? owner.comments : undefined;
    if (owner) commented.add(owner);
    return { text: v.render(write), ...(comments ? { comments } : {}) };
  });
  const templateArg = view.get('template');
  const call = formatCall(callee, templateArg ? [{ text: templateArg.text }, ...args] : args, ctx.layout);

  const gaps = applicableGaps(target, invocation, sourceMemberMeanings(ctx.catalog, invocation));
  if (gaps.length > 0) diagnostics.push(pending('OB1011', { targetSymbol: target.spec.symbol, symbol, unsupported: gaps.join('; ') }, symbol));
  if (target.spec.confidence !== 'confirmed') diagnostics.push(pending('OB1012', { symbol, targetSymbol: target.spec.symbol, confidence: target.spec.confidence }, symbol));
  return { ok: true, call, prelude, diagnostics };
}

interface Found {
  readonly value: ArgumentValue;
  /** The source role key, when the value is one source argument unchanged (enum mapping applies). */
  readonly key?: RoleKey;
}

function resolveParam(
  param: ParamSpec,
  tk: RoleKey | undefined,
  view: ReadonlyMap<RoleKey, Expr>,
  invocation: Invocation,
  source: EntryRecord,
  binding: string,
  sourceKeys: readonly RoleKey[],
  consumed: Set<RoleKey>,
  ctx: LowerContext,
): Found | undefined {
  const take = (key: RoleKey): Found | undefined => {
    const expr = view.get(key);
    if (!expr) return undefined;
    consumed.add(key);
    return { value: sourceValue(expr), key };
  };
  if (tk) {
    const direct = take(tk);
    if (direct) return direct;
    const { role, occurrence } = splitRoleKey(tk);
    for (const synonym of roleSynonyms(role, binding)) {
      const found = take(roleKey(synonym, occurrence));
      if (found) return found;
    }
  }
  // Parameters without a role on either side are matched by name.
  const sameName = source.spec.params.findIndex((p) => p.name === param.name);
  if (sameName >= 0 && (!param.role || !source.spec.params[sameName].role) && !consumed.has(sourceKeys[sameName])) {
    const found = take(sourceKeys[sameName]);
    if (found) return found;
  }
  if (param.role?.startsWith('output:')) {
    // An in-place source buffer (an `inout` input, as HcclBroadcast's `buf`) is also the output.
    const inPlace = source.spec.params.findIndex((p) => p.dir === 'inout' && p.role?.startsWith('input:'));
    const found = inPlace >= 0 ? take(sourceKeys[inPlace]) : undefined;
    if (found) return found;
  }
  if (param.role) {
    const derived = deriveRole(param.role, view, invocation.enums);
    if (derived) {
      derived.uses.forEach((u) => view.has(u) && consumed.add(u));
      return { value: derived.value };
    }
    const fixed = fixedAttribute(source, param.role);
    if (fixed !== undefined) return { value: textValue(fixed) };
  }
  if (param.default !== undefined) return { value: textValue(targetText(param.default, ctx)) };
  return undefined;
}

/** The value the source binding fixes for `attr:<name>` (cuRAND's uniform range), as code. */
function fixedAttribute(entry: EntryRecord, role: string): string | undefined {
  if (!role.startsWith('attr:') || !('operator' in entry.spec.binds)) return undefined;
  const value = entry.spec.binds.fixed?.[role.slice('attr:'.length)];
  return value === undefined ? undefined : JSON.stringify(value).replace(/"/g, "'");
}

interface MappedEnum {
  readonly value: ArgumentValue;
  readonly failure?: PendingDiagnostic;
  readonly warning?: PendingDiagnostic;
}

function mapEnum(
  key: RoleKey,
  value: ArgumentValue,
  param: ParamSpec,
  j: number,
  invocation: Invocation,
  view: ReadonlyMap<RoleKey, Expr>,
  source: EntryRecord,
  target: EntryRecord,
  si: number,
  ctx: LowerContext,
): MappedEnum {
  const symbol = source.spec.symbol;
  const argument = invocation.enums.get(key);
  const sourceEnum = si >= 0 ? enumForParam(ctx.catalog, source, si, argument?.meaning) : undefined;
  const argumentEnum = argument ? ctx.catalog.backend(source.backend).enums.get(argument.enumName) : undefined;
  const targetEnum = enumForParam(ctx.catalog, target, j, argument?.meaning) ?? (sourceEnum ?? argumentEnum ? correspondingEnum(ctx.catalog, (sourceEnum ?? argumentEnum)!, ctx.target) : undefined);
  if (argument?.direct) {
    const where = ` for \`${param.name}\` of \`${target.spec.symbol}\` (porting \`${symbol}\`)`;
    if (!argument.meaning) {
      return { value, failure: pending('OB1006', { member: argument.member, meaning: 'no meaning tag in the catalog', target: ctx.target, where }, symbol) };
    }
    const member = targetEnum ? memberByMeaning(targetEnum, argument.meaning, argumentEnum ? { enum: argumentEnum, member: argument.member } : undefined) : undefined;
    if (member && targetEnum) {
      const arg = view.get(key);
      return { value: textValue(ctx.names.member(targetEnum.spec.name, member.name, ctx.style, arg?.origin ?? ctx.origin), arg) };
    }
    // "No flags" needs no flag member: 0 is the empty flag set on every backend.
    if (param.role === 'flags' && isNoFlags(argument, argumentEnum)) return { value: textValue('0', view.get(key)) };
    // A source argument left at its default stands for "the default": the target's default serves.
    const arg = view.get(key);
    const sourceParam = si >= 0 ? source.spec.params[si] : undefined;
    if (arg && sourceParam && param.default !== undefined && defaultsOf(source, sourceParam, ctx.catalog).some((d) => equalsDefault(arg, d, ctx.catalog))) {
      return { value: textValue(targetText(param.default, ctx), arg) };
    }
    return { value, failure: pending('OB1006', { member: argument.member, meaning: argument.meaning, target: ctx.target, where }, symbol) };
  }
  // A status of one library is not a status of another (cudaError_t becomes aclError, never HcclResult).
  if (!argument && sourceEnum && targetEnum && isStatusEnum(sourceEnum) && isStatusEnum(targetEnum) && correspondingEnum(ctx.catalog, sourceEnum, ctx.target) !== targetEnum) {
    const where = ` for \`${param.name}\` of \`${target.spec.symbol}\` (porting \`${symbol}\`)`;
    return { value, failure: pending('OB1006', { member: source.spec.params[si].name, meaning: `a ${sourceEnum.spec.name} status, not a ${targetEnum.spec.name}`, target: ctx.target, where }, symbol) };
  }
  // Statuses flow from calls, which are ported too; other enum values (copy kinds, dtypes) may be computed.
  // An algorithm read from the file's own (ported) query is already the target's.
  const read = view.get(key)?.node;
  if (!argument && sourceEnum && targetEnum && !isStatusEnum(sourceEnum) && !sameNumbering(sourceEnum, targetEnum) && !(read && readFromAlgorithmQuery(read, ctx.context))) {
    return {
      value,
      warning: pending('OB1007', { param: source.spec.params[si].name, symbol, targetSymbol: target.spec.symbol, enum: targetEnum.spec.name }, symbol),
    };
  }
  return { value };
}

/** A flags member that means "no flags": its meaning ends in `default` and its value is 0 (or unconfirmed). */
function isNoFlags(argument: EnumArgument, e: EnumRecord | undefined): boolean {
  const last = argument.meaning.slice(argument.meaning.lastIndexOf('.') + 1);
  const value = e?.spec.members.find((m) => m.name === argument.member)?.value;
  return (last === 'default' || last.endsWith('-default')) && (value === 0 || value === null || value === undefined);
}

function droppable(key: RoleKey, expr: Expr, view: ReadonlyMap<RoleKey, Expr>, source: EntryRecord, target: EntryRecord, si: number, catalog: Catalog): boolean {
  if (!expr.pure) return false;
  const { role } = splitRoleKey(key);
  if (DROPPABLE_ROLES.has(role)) return true;
  // An error-string call that takes no code (aclGetRecentErrMsg) still answers "what went wrong";
  // the entry is partial and says what is lost, which the port reports (OB1011).
  if (role === 'error' && 'primitive' in target.spec.binds && target.spec.binds.primitive === 'error.string' && target.spec.status === 'partial') return true;
  const param = si >= 0 ? source.spec.params[si] : undefined;
  if (param && defaultsOf(source, param, catalog).some((d) => equalsDefault(expr, d, catalog))) return true;
  if (role.startsWith('attr:') && 'operator' in target.spec.binds) {
    const fixed = target.spec.binds.fixed?.[role.slice('attr:'.length)];
    if (fixed !== undefined && expr.value && 'value' in expr.value && expr.value.value === fixed) return true;
  }
  if (role.startsWith('output:')) {
    // In-place targets (HCCL broadcast): the output is the input buffer.
    const inPlace = target.spec.params.find((p) => p.dir === 'inout' && p.role?.startsWith('input:'));
    const input = inPlace?.role ? view.get(inPlace.role) : undefined;
    if (input && input.text.trim() === expr.text.trim()) return true;
  }
  return false;
}

interface CatalogDefault {
  readonly text: string;
  readonly backend: BackendId;
}

/**
 * The defaults that make an argument droppable: its parameter's, and (for vendors that copy
 * CUDA's signatures without restating defaults) the same parameter of the CUDA equivalent.
 */
function defaultsOf(source: EntryRecord, param: ParamSpec, catalog: Catalog): CatalogDefault[] {
  const out: CatalogDefault[] = [];
  if (param.default !== undefined) out.push({ text: param.default, backend: source.backend });
  if (source.backend !== 'cuda') {
    for (const c of source.spec.cuda ?? []) {
      const cudaParam = catalog.entry('cuda', c)?.spec.params.find((p) => p.name === param.name && p.role === param.role);
      if (cudaParam?.default !== undefined) out.push({ text: cudaParam.default, backend: 'cuda' });
    }
  }
  return out;
}

/** Whether an argument is a default: the same text, number or literal, or an enum member of the same meaning. */
function equalsDefault(expr: Expr, d: CatalogDefault, catalog: Catalog): boolean {
  const written = expr.node ? expr.node.getText() : expr.text;
  if (written === d.text || expr.text === d.text) return true;
  const v = expr.value;
  if (!v) return false;
  if (v.kind === 'number') return Number(d.text) === v.value;
  if (v.kind === 'null') return d.text === 'null';
  if (v.kind === 'boolean') return d.text === String(v.value);
  if (v.kind === 'enum') {
    if (v.member === d.text) return true;
    const resolved = facadeIndex(catalog, d.backend).resolve(d.text.split('.'));
    const meaning = resolved?.symbol.kind === 'enum-member' ? resolved.symbol.member.meaning : undefined;
    return (meaning !== undefined && meaning === v.meaning) || (/^-?\d+$/.test(d.text) && v.value === Number(d.text));
  }
  return false;
}

let cudaMembers: WeakMap<Catalog, Map<string, string>> = new WeakMap();

/** Enum member names → meanings of CUDA and the source backend (partial-support notes name them). */
function sourceMemberMeanings(catalog: Catalog, invocation: Invocation): Map<string, string> {
  let map = cudaMembers.get(catalog);
  if (!map) {
    map = new Map();
    for (const e of catalog.backend('cuda').enums.values()) for (const m of e.spec.members) if (m.meaning) map.set(m.name, m.meaning);
    cudaMembers.set(catalog, map);
  }
  if (invocation.origin.backend === 'cuda') return map;
  const merged = new Map(map);
  for (const e of catalog.backend(invocation.origin.backend).enums.values()) for (const m of e.spec.members) if (m.meaning) merged.set(m.name, m.meaning);
  return merged;
}

/** Resets cached catalog-derived tables (tests that mutate a catalog). */
export function resetLowererCaches(): void {
  cudaMembers = new WeakMap();
}

/**
 * When the target order would run impure source arguments in another order, or one of them
 * twice, every impure argument is hoisted (in source order) into a fresh constant.
 */
function preserveEvaluationOrder(values: readonly ArgumentValue[], invocation: Invocation, ctx: LowerContext): { prelude: PreludeStatement[]; write: (e: Expr) => string } {
  const plain = (e: Expr) => e.text;
  const impureUses = values.flatMap((v) => v.sources).filter((e) => !e.pure);
  const impure = [...new Set(impureUses)].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const inOrder = impureUses.length === impure.length && impureUses.every((e, i) => e === impure[i]);
  if (inOrder) return { prelude: [], write: plain };
  const names = new Map<Expr, string>();
  const prelude: PreludeStatement[] = [];
  const sourceParams = invocation.origin.entry.spec.params;
  for (const e of impure) {
    const name = ctx.fresh.fresh(e.order !== undefined && sourceParams[e.order] ? sourceParams[e.order].name : 'value');
    names.set(e, name);
    prelude.push({ text: `const ${name} = ${e.text}`, declares: true });
  }
  return { prelude, write: (e) => names.get(e) ?? e.text };
}

