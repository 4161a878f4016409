/**
 * Roles that mean the same thing in different vendor signatures, where the catalog spells them
 * differently: NCCL's `send`/`recv` buffers are BKCL's and CNCL's `src`/`dst`; NCCL's `root` is
 * HCCL's `attr:root`; communicator set-up counts ranks as `nranks` or `count` and lists devices
 * as `dims` or `device`. Scoped by binding where the equivalence only holds there.
 */
const SYNONYMS: readonly { readonly binding?: string; readonly pair: readonly [string, string] }[] = [
  { pair: ['send', 'src'] },
  { pair: ['recv', 'dst'] },
  { pair: ['root', 'attr:root'] },
  { binding: 'primitive:communicator.init', pair: ['nranks', 'count'] },
  { binding: 'primitive:communicator.init', pair: ['dims', 'device'] },
];

/** Other spellings of `role` under a binding key (`primitive:copy.sync`, `operator:Broadcast`). */
export function roleSynonyms(role: string, binding: string): string[] {
  const out: string[] = [];
  for (const s of SYNONYMS) {
    if (s.binding && s.binding !== binding) continue;
    if (s.pair[0] === role) out.push(s.pair[1]);
    else if (s.pair[1] === role) out.push(s.pair[0]);
  }
  return out;
}
