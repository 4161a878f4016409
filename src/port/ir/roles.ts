/**
 * Role keys: a catalog role (`bytes`, `input:X`, `attr:pads`), with `#n` added for the n-th
 * parameter (n ≥ 2) of one signature that has the same role (cuDNN's pad_h and pad_w are both
 * `attr:pads`: `attr:pads` and `attr:pads#2`). Arguments move between signatures by key.
 */
export type RoleKey = string;

export function roleKey(role: string, occurrence: number): RoleKey {
  return occurrence <= 1 ? role : `${role}#${occurrence}`;
}

export function splitRoleKey(key: RoleKey): { role: string; occurrence: number } {
  const hash = key.lastIndexOf('#');
  return hash < 0 ? { role: key, occurrence: 1 } : { role: key.slice(0, hash), occurrence: Number(key.slice(hash + 1)) };
}

/** The role keys of a parameter list, in order (parameters without a role get `undefined`). */
export function roleKeysOf(params: readonly { role?: string }[]): (RoleKey | undefined)[] {
  const seen = new Map<string, number>();
  return params.map((p) => {
    if (!p.role) return undefined;
    const n = (seen.get(p.role) ?? 0) + 1;
    seen.set(p.role, n);
    return roleKey(p.role, n);
  });
}
