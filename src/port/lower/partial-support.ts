/**
 * Whether a `partial` target entry's documented gaps can matter for one call. Each
 * `unsupported` item that names something checkable — an enum meaning (`copy.host-to-host`),
 * a reduction (`reduction = avg`), a dtype (`float64`) or a source enum member (`ncclAvg`) —
 * is dropped when the call's constant arguments show it is not involved. Dtypes are judged by
 * the entry's `dtypes` list rather than the item's wording (items often list what *is*
 * supported). Items that name nothing checkable ("the header marks it experimental") apply.
 */
import type { EntryRecord } from '../../catalog/catalog.js';
import { DTYPES } from '../../runtime/dtype.js';
import type { Invocation } from '../ir/invocation.js';

interface Tag {
  readonly family: string;
  readonly meaning: string;
}

function tagsOf(item: string, sourceMembers: ReadonlyMap<string, string>): Tag[] {
  const tags: Tag[] = [];
  for (const m of item.matchAll(/\b([a-z]+)\.([a-z0-9][a-z0-9-]*)\b/g)) tags.push({ family: m[1], meaning: `${m[1]}.${m[2]}` });
  for (const m of item.matchAll(/reduction\s*=\s*([a-z]+)/gi)) tags.push({ family: 'reduce', meaning: `reduce.${m[1].toLowerCase()}` });
  for (const m of item.matchAll(/\b([a-z]+\d*)\b/g)) {
    if ((DTYPES as readonly string[]).includes(m[1]) || m[1] === 'bool' || m[1] === 'bf16') tags.push({ family: 'dtype', meaning: `dtype.${m[1]}` });
  }
  for (const m of item.matchAll(/\b[A-Za-z_][A-Za-z0-9_]*\b/g)) {
    const meaning = sourceMembers.get(m[0]);
    if (meaning) tags.push({ family: meaning.slice(0, meaning.indexOf('.')), meaning });
  }
  return tags;
}

/** The `unsupported` items of `target` that may apply to this invocation. */
export function applicableGaps(target: EntryRecord, invocation: Invocation, sourceMembers: ReadonlyMap<string, string>): string[] {
  if (target.spec.status !== 'partial') return [];
  const known = new Map<string, Set<string>>(); // family → meanings the call uses (constants)
  const unknownFamilies = new Set<string>();
  for (const e of invocation.enums.values()) {
    for (const meaning of e.meaning ? [e.meaning] : (e.alternatives ?? [])) {
      const family = meaning.slice(0, meaning.indexOf('.'));
      known.set(family, (known.get(family) ?? new Set()).add(meaning));
    }
  }
  for (const key of invocation.args.keys()) {
    if (!invocation.enums.has(key)) {
      if (key === 'dtype' || key.startsWith('dtype:')) unknownFamilies.add('dtype');
      if (key === 'reduce-op') unknownFamilies.add('reduce');
      if (key === 'copy-kind') unknownFamilies.add('copy');
      if (key === 'flags') unknownFamilies.add('stream').add('event');
    }
  }
  const dtypes = [...(known.get('dtype') ?? [])].map((m) => m.slice('dtype.'.length));
  const dtypeMayFail = unknownFamilies.has('dtype') || (target.spec.dtypes !== undefined && dtypes.some((d) => !(target.spec.dtypes as readonly string[]).includes(d)));
  return (target.spec.unsupported ?? []).filter((item) => {
    const tags = tagsOf(item, sourceMembers);
    if (tags.length === 0) return true;
    const dtypeTagged = tags.some((t) => t.family === 'dtype');
    return (dtypeTagged && dtypeMayFail) || tags.some((t) => t.family !== 'dtype' && (unknownFamilies.has(t.family) || known.get(t.family)?.has(t.meaning)));
  });
}
