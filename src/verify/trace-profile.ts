/**
 * The numeric profile behind a profile id recorded in a trace. Facades record the id of the
 * profile a call ran under: a catalog profile (`cann.default`), or one changed by vendor
 * knobs, which `callProfile` spells `<base>+<symbol>.<param>=<value>` (one `+` term per knob).
 * Knob terms are re-applied from the catalog's `knobs`, exactly as the facade applied them.
 */
import type { Catalog } from '../catalog/catalog.js';
import { BACKENDS, type BackendId } from '../catalog/vocabulary.js';
import { OpbridgeError } from '../errors.js';
import { withOverrides, type NumericProfile } from '../runtime/numerics/numeric-profile.js';

export type ProfileLookup =
  | { readonly ok: true; readonly profile: NumericProfile }
  | { readonly ok: false; readonly reason: string };

export function resolveTraceProfile(catalog: Catalog, backend: string, id: string): ProfileLookup {
  const [base, ...knobs] = id.split('+');
  let profile: NumericProfile;
  try {
    profile = catalog.profile(base);
  } catch (error) {
    if (error instanceof OpbridgeError) return { ok: false, reason: `numeric profile '${base}' is not in the catalog (add its profiles/<backend>.yaml with --mappings)` };
    throw error;
  }
  for (const term of knobs) {
    const match = /^(.+)\.([^.=]+)=(.*)$/.exec(term);
    if (!match || !(BACKENDS as readonly string[]).includes(backend)) {
      return { ok: false, reason: `cannot interpret the knob setting '${term}' of profile '${id}'` };
    }
    const [, symbol, param, value] = match;
    const knob = catalog
      .knobsFor(backend as BackendId, symbol)
      .filter((k) => k.spec.param === param)
      .flatMap((k) => k.spec.values)
      .find((v) => v.member === value || (v.value !== undefined && String(v.value) === value));
    if (!knob) return { ok: false, reason: `the catalog has no ${backend} knob ${symbol}(${param} = ${value}) for profile '${id}'` };
    profile = withOverrides(profile, knob.set, `${profile.id}+${term}`);
  }
  return { ok: true, profile };
}
