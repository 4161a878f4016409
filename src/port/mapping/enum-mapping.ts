/**
 * Enums across backends, by meaning: which enum a parameter takes, which target enum
 * corresponds to a source enum, and which target member carries a member's meaning. Kunlun
 * numbers its copy directions differently from CUDA; meanings make that irrelevant.
 */
import type { Catalog, EntryRecord, EnumRecord } from '../../catalog/catalog.js';
import type { BackendId } from '../../catalog/vocabulary.js';
import { roleKeysOf } from '../ir/roles.js';
import type { EnumMember } from './facade-index.js';
import { roleSynonyms } from './role-synonyms.js';
import { chooseTarget } from './target-entry.js';
import { bindingKey } from '../../catalog/answers.js';

/** Stripped C types by type as written: the catalog spells a few hundred types, asked about on every call. */
const strippedTypes = new Map<string, string>();

/** `const float*` → `float`, `cudaStream_t*` → `cudaStream_t`. */
export function stripCType(type: string): string {
  let stripped = strippedTypes.get(type);
  if (stripped === undefined) {
    stripped = type
      .replace(/\b(const|volatile|struct|enum|unsigned|signed)\b/g, (m) => (m === 'unsigned' || m === 'signed' ? m : ''))
      .replace(/[*&]/g, '')
      .trim()
      .replace(/\s+/g, ' ');
    strippedTypes.set(type, stripped);
  }
  return stripped;
}

export function isStatusEnum(e: EnumRecord): boolean {
  return e.spec.members.some((m) => m.meaning === 'status.success');
}

/** Per catalog entry (entries belong to one catalog): what statusEnumOf and enumForParam answered. */
const statusEnums = new WeakMap<EntryRecord, EnumRecord | null>();
const paramEnums = new WeakMap<EntryRecord, Map<string, EnumRecord | null>>();

/** The enum of the status a call returns: its return type, or the status enum it lists. */
export function statusEnumOf(catalog: Catalog, entry: EntryRecord): EnumRecord | undefined {
  const cached = statusEnums.get(entry);
  if (cached !== undefined) return cached ?? undefined;
  const status = findStatusEnum(catalog, entry);
  statusEnums.set(entry, status ?? null);
  return status;
}

function findStatusEnum(catalog: Catalog, entry: EntryRecord): EnumRecord | undefined {
  const enums = catalog.backend(entry.backend).enums;
  const returned = enums.get(stripCType(entry.spec.returns));
  if (returned) return isStatusEnum(returned) ? returned : undefined;
  const listed = (entry.spec.enums ?? []).map((n) => enums.get(n)).filter((e): e is EnumRecord => e !== undefined && isStatusEnum(e));
  return listed.length === 1 ? listed[0] : undefined;
}

/**
 * The enum a parameter takes: its C type when that is an enum, else the one non-status enum
 * the entry lists (flags typed `unsigned int`), or the listed enum that has `meaning`.
 */
export function enumForParam(catalog: Catalog, entry: EntryRecord, index: number, meaning?: string): EnumRecord | undefined {
  let byParam = paramEnums.get(entry);
  if (!byParam) paramEnums.set(entry, (byParam = new Map()));
  const key = meaning === undefined ? String(index) : `${index}\u0000${meaning}`;
  const cached = byParam.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const found = findParamEnum(catalog, entry, index, meaning);
  byParam.set(key, found ?? null);
  return found;
}

function findParamEnum(catalog: Catalog, entry: EntryRecord, index: number, meaning?: string): EnumRecord | undefined {
  const enums = catalog.backend(entry.backend).enums;
  const param = entry.spec.params[index];
  if (!param) return undefined;
  const typed = enums.get(stripCType(param.type));
  if (typed) return typed;
  if (!/\b(int|unsigned|int\d+_t|uint\d+_t|size_t|long)\b/.test(param.type)) return undefined;
  // Integer-typed parameters that carry an enum: only when the entry says which one.
  const typedElsewhere = new Set(entry.spec.params.map((p) => stripCType(p.type)));
  const listed = (entry.spec.enums ?? [])
    .map((n) => enums.get(n))
    .filter((e): e is EnumRecord => e !== undefined && !isStatusEnum(e) && !typedElsewhere.has(e.spec.name));
  if (meaning) {
    const withMeaning = listed.filter((e) => e.spec.members.some((m) => m.meaning === meaning));
    return withMeaning.length === 1 ? withMeaning[0] : undefined;
  }
  const integerParams = entry.spec.params.filter((p) => !enums.has(stripCType(p.type)) && p.role && ENUM_ROLES.has(p.role));
  return listed.length === 1 && integerParams.length === 1 && integerParams[0] === param ? listed[0] : undefined;
}

/** Roles whose integer-typed arguments may carry an enum listed by the entry. */
const ENUM_ROLES = new Set(['flags', 'mode', 'copy-kind', 'reduce-op', 'dtype', 'math-mode', 'compute-type', 'rng-type', 'alloc-policy', 'format', 'layout', 'nan-propagation']);

function commonPrefix(names: readonly string[]): string {
  if (names.length < 2) return '';
  let prefix = names[0];
  for (const n of names) while (!n.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

const stems = new WeakMap<EnumRecord, Map<string, string>>();

/** A member's name without its enum's common prefix, lower case, no underscores. */
export function memberStem(e: EnumRecord, member: string): string {
  let map = stems.get(e);
  if (!map) {
    const prefix = commonPrefix(e.spec.members.map((m) => m.name));
    map = new Map(e.spec.members.map((m) => [m.name, m.name.slice(prefix.length).replace(/_/g, '').toLowerCase()]));
    stems.set(e, map);
  }
  return map.get(member) ?? member.replace(/_/g, '').toLowerCase();
}

/** The member of `e` with `meaning`; when several have it, the one whose name matches `like`. */
export function memberByMeaning(e: EnumRecord, meaning: string, like?: { enum: EnumRecord; member: string }): EnumMember | undefined {
  const candidates = e.spec.members.filter((m) => m.meaning === meaning);
  if (candidates.length <= 1 || !like) return candidates[0];
  const stem = memberStem(like.enum, like.member);
  return candidates.find((m) => memberStem(e, m.name) === stem) ?? candidates[0];
}

/** The member of `e` with a numeric value (the first one that has a meaning, when aliases share it). */
export function memberByValue(e: EnumRecord, value: number): EnumMember | undefined {
  const members = e.spec.members.filter((m) => m.value === value);
  return members.find((m) => m.meaning) ?? members[0];
}

/** Whether two enums give every meaning they share the same number (a non-constant argument can pass unchanged). */
export function sameNumbering(a: EnumRecord, b: EnumRecord): boolean {
  for (const m of a.spec.members) {
    if (!m.meaning) continue;
    const other = b.spec.members.find((x) => x.meaning === m.meaning);
    if (other && (other.value === null || m.value === null || other.value !== m.value)) return false;
  }
  return true;
}

type Votes = Map<string, Map<string, number>>;
const voteCache = new WeakMap<Catalog, Map<string, Votes>>();

/**
 * How often each source enum meets each target enum at the same place (a parameter with the
 * same role, or the returned status) when source entries are answered by their target entries.
 */
function enumVotes(catalog: Catalog, from: BackendId, to: BackendId): Votes {
  let perCatalog = voteCache.get(catalog);
  if (!perCatalog) voteCache.set(catalog, (perCatalog = new Map()));
  const key = `${from}\u0000${to}`;
  let votes = perCatalog.get(key);
  if (votes) return votes;
  votes = new Map();
  const vote = (s: EnumRecord | undefined, t: EnumRecord | undefined) => {
    if (!s || !t) return;
    const row = votes!.get(s.spec.name) ?? new Map<string, number>();
    row.set(t.spec.name, (row.get(t.spec.name) ?? 0) + 1);
    votes!.set(s.spec.name, row);
  };
  for (const source of catalog.backend(from).entries.values()) {
    const target = chooseTarget(catalog, source, to).candidates[0];
    if (!target) continue;
    vote(statusEnumOf(catalog, source), statusEnumOf(catalog, target));
    const sourceKeys = roleKeysOf(source.spec.params);
    const targetKeys = roleKeysOf(target.spec.params);
    const binding = bindingKey(source);
    sourceKeys.forEach((k, i) => {
      if (!k) return;
      const sourceEnum = enumForParam(catalog, source, i);
      if (!sourceEnum) return;
      const candidates = [k, ...roleSynonyms(k, binding)];
      const j = targetKeys.findIndex((t) => t !== undefined && candidates.includes(t));
      if (j >= 0) vote(sourceEnum, enumForParam(catalog, target, j));
    });
  }
  perCatalog.set(key, votes);
  return votes;
}

function suffixLength(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let n = 0;
  while (n < x.length && n < y.length && x[x.length - 1 - n] === y[y.length - 1 - n]) n++;
  return n;
}

const correspondence = new WeakMap<Catalog, Map<string, EnumRecord | null>>();

/**
 * The target enum that corresponds to a source enum: the one it meets most often at the same
 * place in answered calls, then the one sharing most meanings, then the closest name. A status
 * enum corresponds only to an enum it meets in answered calls.
 */
export function correspondingEnum(catalog: Catalog, source: EnumRecord, target: BackendId): EnumRecord | undefined {
  if (source.backend === target) return source;
  let cache = correspondence.get(catalog);
  if (!cache) correspondence.set(catalog, (cache = new Map()));
  const key = `${source.backend}\u0000${source.spec.name}\u0000${target}`;
  if (cache.has(key)) return cache.get(key) ?? undefined;
  const meanings = new Set(source.spec.members.map((m) => m.meaning).filter((m): m is string => m !== undefined));
  const votes = enumVotes(catalog, source.backend, target).get(source.spec.name);
  let best: EnumRecord | undefined;
  let bestScore: number[] = [];
  // Every library has its own status enum, all sharing `status.success`: only calls relate them.
  const needsVotes = isStatusEnum(source);
  for (const candidate of catalog.backend(target).enums.values()) {
    const overlap = candidate.spec.members.filter((m) => m.meaning && meanings.has(m.meaning)).length;
    if (overlap === 0 || (needsVotes && !votes?.get(candidate.spec.name))) continue;
    const score = [votes?.get(candidate.spec.name) ?? 0, overlap, suffixLength(source.spec.name, candidate.spec.name)];
    if (!best || compareScores(score, bestScore) > 0 || (compareScores(score, bestScore) === 0 && candidate.spec.name < best.spec.name)) {
      best = candidate;
      bestScore = score;
    }
  }
  cache.set(key, best ?? null);
  return best;
}

function compareScores(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
