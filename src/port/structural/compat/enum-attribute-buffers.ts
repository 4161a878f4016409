/**
 * Attribute buffers holding an enum member, ported to a CUDA-compatible target whose member
 * numbers are unconfirmed (MUSA, MACA, T-Head: their facades export such members as their
 * names). CUDA code passes the value through a one-element typed array
 * (`cublasLtMatmulDescSetAttribute(desc, CUBLASLT_MATMUL_DESC_EPILOGUE, new Uint32Array([CUBLASLT_EPILOGUE_RELU_BIAS]), 4)`);
 * a typed array cannot hold a name (`new Uint32Array(['MCBLASLT_EPILOGUE_RELU_BIAS'])` is
 * `[0]`, silently another member), so the port passes the value itself, which the facades
 * accept as the attribute's value (`buf` may be the value: cublaslt-descriptors.ts). The size
 * argument stays: it still describes the C storage of the attribute.
 *
 * The element is rewritten when it is a member of a name-valued target enum, or a variable or
 * parameter declared with a CUDA enum type whose target enum is name-valued
 * (`epilogue: cublasLtEpilogue_t`). A buffer built elsewhere (`const buf = new Int32Array(...)`
 * passed by name) is not followed; the facade rejects a number where it expects a name.
 */
import type { Catalog } from '../../../catalog/catalog.js';
import type { BackendId } from '../../../catalog/vocabulary.js';
import type { Expr } from '../../ir/expr.js';
import type { Invocation } from '../../ir/invocation.js';
import type { RoleKey } from '../../ir/roles.js';
import type { LowerContext, LowerResult, Lowerer, LowererRegistry } from '../../lower/lowerer.js';
import { roleLowerer } from '../../lower/role-lowerer.js';
import { correspondingEnum } from '../../mapping/enum-mapping.js';
import { ts } from '../../syntax/typescript.js';

/** Targets whose facades export unconfirmed enum members as names. */
export const NAME_VALUED_TARGETS: readonly BackendId[] = ['musa', 'maca', 'thead'];

/** Typed arrays C's 4-byte enum attributes are written through (int32_t / uint32_t / enum). */
const ENUM_BUFFER_TYPES = new Set(['Int32Array', 'Uint32Array']);

const namedMembers = new WeakMap<Catalog, Map<BackendId, Set<string>>>();

/** Members of `target`'s enums whose numbers the catalog does not confirm. */
function nameValuedMembers(catalog: Catalog, target: BackendId): Set<string> {
  let byTarget = namedMembers.get(catalog);
  if (!byTarget) namedMembers.set(catalog, (byTarget = new Map()));
  let names = byTarget.get(target);
  if (!names) {
    names = new Set();
    for (const e of catalog.backend(target).enums.values()) for (const m of e.spec.members) if (m.value === null) names.add(m.name);
    byTarget.set(target, names);
  }
  return names;
}

/** The single element of `new Int32Array([x])` / `new Uint32Array([x])`. */
function singleElement(node: ts.Expression | undefined): ts.Expression | undefined {
  if (!node || !ts.isNewExpression(node) || !ts.isIdentifier(node.expression) || !ENUM_BUFFER_TYPES.has(node.expression.text)) return undefined;
  const [list, ...rest] = node.arguments ?? [];
  if (!list || rest.length > 0 || !ts.isArrayLiteralExpression(list) || list.elements.length !== 1) return undefined;
  const element = list.elements[0];
  return ts.isSpreadElement(element) ? undefined : element;
}

/** The type annotation of the parameter or variable `name` visible from `from` (no type checker: declarations only). */
function declaredType(from: ts.Node, name: string): string | undefined {
  for (let scope: ts.Node | undefined = from.parent; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope)) {
      const param = scope.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name);
      if (param) return param.type?.getText();
    }
    if (ts.isBlock(scope) || ts.isSourceFile(scope)) {
      for (const statement of scope.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        const d = statement.declarationList.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === name);
        if (d) return d.type?.getText();
      }
    }
  }
  return undefined;
}

/** Whether the CUDA enum type `typeName` corresponds to a target enum whose members are all name-valued. */
function nameValuedEnumType(catalog: Catalog, typeName: string | undefined, target: BackendId): boolean {
  const source = typeName ? catalog.backend('cuda').enums.get(typeName) : undefined;
  const answer = source ? correspondingEnum(catalog, source, target) : undefined;
  return answer !== undefined && answer.spec.members.length > 0 && answer.spec.members.every((m) => m.value === null);
}

/** The target text of the buffer's value when it must be passed as itself; undefined otherwise. */
function enumValueText(expr: Expr, ctx: LowerContext): string | undefined {
  const element = singleElement(expr.node);
  if (!element) return undefined;
  const inner = /\[\s*([^\]]+?)\s*,?\s*\]\s*\)\s*$/.exec(expr.text)?.[1];
  if (!inner || inner.includes(',')) return undefined;
  if (nameValuedMembers(ctx.catalog, ctx.target).has(inner.split('.').pop()!)) return inner;
  if (ts.isIdentifier(element) && nameValuedEnumType(ctx.catalog, declaredType(element, element.text), ctx.target)) return inner;
  return undefined;
}

export const enumAttributeBufferLowerer: Lowerer = {
  name: 'enum attribute values passed as themselves on name-valued targets',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    if (invocation.kind !== 'primitive' || invocation.origin.backend !== 'cuda' || !NAME_VALUED_TARGETS.includes(ctx.target)) return undefined;
    let replaced = false;
    const args = new Map<RoleKey, Expr>();
    for (const [role, expr] of invocation.args) {
      const text = enumValueText(expr, ctx);
      if (text !== undefined) {
        replaced = true;
        args.set(role, { ...expr, text, node: undefined });
      } else args.set(role, expr);
    }
    if (!replaced) return undefined;
    return roleLowerer.lower({ ...invocation, args }, ctx);
  },
};

export function registerEnumAttributeBuffers(lowerers: LowererRegistry): LowererRegistry {
  for (const target of NAME_VALUED_TARGETS) lowerers.register({ target, binding: 'primitive:descriptor.set' }, enumAttributeBufferLowerer);
  return lowerers;
}
