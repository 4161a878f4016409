/**
 * Whether a target entry the catalog does not name as the source's equivalent means the same
 * thing, so that it may answer the source by role. Binding the same primitive or operator is
 * not enough:
 *
 * - an operator binding means its operator *and* the operators fused after it (cuBLAS's saxpy
 *   binds Mul then Add: it is no answer for a plain Mul);
 * - primitives that act on an object (`descriptor.*`, `tensor.*`, `workspace.query`,
 *   `algorithm.query`, `executor.*`, `graph.*`) mean what they mean for that object: creating a
 *   CNNL matmul algorithm is not creating a cuBLASLt matmul descriptor, and the workspace of an
 *   OpTensor is not a dropout's reserve space. Such an entry answers only when its object
 *   parameters (descriptors, tensors, executors, plans, graphs) are the source's, role for role,
 *   with corresponding types.
 *
 * Runtime primitives (memory, copies, streams, events, devices, communicators) mean the same
 * wherever they are bound.
 */
import type { Catalog, EntryRecord } from '../../catalog/catalog.js';
import type { ParamSpec } from '../../catalog/schema/mapping.js';
import { stripCType } from './enum-mapping.js';
import { roleSynonyms } from './role-synonyms.js';
import { correspondingType } from './type-mapping.js';

/** Primitives whose meaning depends on the object they act on. */
const OBJECT_PRIMITIVE = /^(descriptor|tensor|workspace|algorithm|executor|graph)\./;

/** Type kinds that are the object an object primitive acts on (a library handle or stream is not). */
const OBJECT_KINDS: ReadonlySet<string> = new Set(['descriptor', 'tensor', 'scalar', 'array', 'executor', 'plan', 'graph']);

export type MeaningCheck = { readonly same: true } | { readonly same: false; readonly why: string };

const SAME: MeaningCheck = { same: true };

function fusedChain(entry: EntryRecord): string {
  const b = entry.spec.binds;
  return 'operator' in b ? [b.operator, ...(b.then ?? []).map((s) => s.operator)].join(' then ') : b.primitive;
}

interface ObjectParam {
  readonly param: ParamSpec;
  readonly typeName: string;
}

function objectParams(catalog: Catalog, entry: EntryRecord): ObjectParam[] {
  const types = catalog.backend(entry.backend).types;
  const out: ObjectParam[] = [];
  for (const param of entry.spec.params) {
    const typeName = stripCType(param.type);
    const type = types.get(typeName);
    if (type && OBJECT_KINDS.has(type.spec.kind)) out.push({ param, typeName });
  }
  return out;
}

function sameRole(a: ParamSpec, b: ParamSpec, binding: string): boolean {
  if (!a.role || !b.role) return false;
  return a.role === b.role || roleSynonyms(a.role, binding).includes(b.role);
}

/**
 * Whether `candidate` (a target entry binding the same primitive or operator as `source`)
 * means what `source` means; if not, why (for the diagnostic).
 */
export function sameMeaning(catalog: Catalog, source: EntryRecord, candidate: EntryRecord): MeaningCheck {
  const s = source.spec.binds;
  const c = candidate.spec.binds;
  if ('operator' in s) {
    if (!('operator' in c) || fusedChain(source) !== fusedChain(candidate)) return { same: false, why: `\`${candidate.spec.symbol}\` computes ${fusedChain(candidate)}, \`${source.spec.symbol}\` ${fusedChain(source)}` };
    return SAME;
  }
  if (!('primitive' in c) || c.primitive !== s.primitive) return { same: false, why: `\`${candidate.spec.symbol}\` binds ${fusedChain(candidate)}` };
  if (!OBJECT_PRIMITIVE.test(s.primitive)) return SAME;
  const binding = `primitive:${s.primitive}`;
  const sourceObjects = objectParams(catalog, source);
  const candidateObjects = objectParams(catalog, candidate);
  for (const so of sourceObjects) {
    const matched = candidateObjects.find((co) => sameRole(so.param, co.param, binding));
    if (!matched) return { same: false, why: `\`${candidate.spec.symbol}\` takes no ${so.param.role ?? so.param.name} like \`${so.param.name}\` (${so.typeName})` };
    const corresponding = correspondingType(catalog, catalog.backend(source.backend).types.get(so.typeName)!, candidate.backend);
    if (corresponding?.kind !== 'type' || corresponding.type.spec.name !== matched.typeName) {
      return { same: false, why: `\`${candidate.spec.symbol}\` acts on ${matched.typeName}, \`${source.spec.symbol}\` on ${so.typeName}${corresponding ? ` (whose counterpart is ${corresponding.kind === 'type' ? corresponding.type.spec.name : corresponding.enum.spec.name})` : ''}` };
    }
  }
  for (const co of candidateObjects) {
    if (!sourceObjects.some((so) => sameRole(so.param, co.param, binding))) return { same: false, why: `\`${candidate.spec.symbol}\` also acts on \`${co.param.name}\` (${co.typeName}), which \`${source.spec.symbol}\` has no counterpart for` };
  }
  if (sourceObjects.length === 0 && candidateObjects.length === 0) return { same: false, why: `neither call types the object it acts on, so nothing says it is the same one` };
  return SAME;
}
