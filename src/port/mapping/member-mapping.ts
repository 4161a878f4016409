/**
 * Members of ported types: `id.internal` of an ncclUniqueId is `id.bytes` of the cnclCliqueId it
 * becomes. Members correspond by the catalog's member `meaning` (types: members), like enum
 * members, so every direction works; a member the catalog lists on neither side is left alone
 * (nothing is known about it), one listed on one side without a counterpart is reported.
 */
import type { TypeRecord } from '../../catalog/catalog.js';
import type { TypeMemberSpec } from '../../catalog/schema/mapping.js';
import type { Confidence } from '../../catalog/vocabulary.js';

export type MemberCorrespondence =
  /** Same spelling on the target (or nothing known either side): leave the access as written. */
  | { readonly kind: 'unchanged'; readonly confidence?: Confidence }
  | { readonly kind: 'renamed'; readonly name: string; readonly confidence: Confidence }
  /** The catalog lists the member on one side and nothing matches it on the other. */
  | { readonly kind: 'missing'; readonly reason: string };

export function correspondingMember(source: TypeRecord, target: TypeRecord, member: string): MemberCorrespondence {
  if (source === target) return { kind: 'unchanged' };
  const sourceMembers = source.spec.members ?? [];
  const targetMembers = target.spec.members ?? [];
  const known = sourceMembers.find((m) => m.name === member);
  if (known?.meaning) {
    const match = targetMembers.find((m) => m.meaning === known.meaning);
    if (!match) return { kind: 'missing', reason: `no ${target.spec.name} member has its meaning (${known.meaning})` };
    const confidence = weakest(confidenceOf(known, source), confidenceOf(match, target));
    return match.name === member ? { kind: 'unchanged', confidence } : { kind: 'renamed', name: match.name, confidence };
  }
  const sameName = targetMembers.find((m) => m.name === member);
  if (sameName) return { kind: 'unchanged', confidence: confidenceOf(sameName, target) };
  if (known) return { kind: 'missing', reason: `the catalog gives it no meaning to match` };
  if (targetMembers.length > 0) return { kind: 'missing', reason: `${target.spec.name} has no member of that name (its members: ${targetMembers.map((m) => m.name).join(', ')})` };
  return { kind: 'unchanged' };
}

function confidenceOf(member: TypeMemberSpec, type: TypeRecord): Confidence {
  return member.confidence ?? type.spec.confidence;
}

const ORDER: readonly Confidence[] = ['confirmed', 'inferred', 'unconfirmed'];

function weakest(a: Confidence, b: Confidence): Confidence {
  return ORDER[Math.max(ORDER.indexOf(a), ORDER.indexOf(b))];
}
