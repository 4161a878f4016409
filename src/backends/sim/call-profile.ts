/**
 * The numeric profile a vendor call runs under: the backend's default profile from the
 * catalog, overridden by the knobs in effect (a handle's math mode, a call's cubeMathType,
 * XDNN's TGEMM template argument, ...), as the catalog's `knobs` describe them.
 */
import type { Catalog } from '../../catalog/catalog.js';
import { loadCatalog } from '../../catalog/load-catalog.js';
import type { BackendId } from '../../catalog/vocabulary.js';
import { withOverrides, type NumericProfile } from '../../runtime/numerics/numeric-profile.js';

/** A knob setting: the knob's symbol and parameter, and the value given (member name or number). */
export interface KnobSetting {
  readonly symbol: string;
  readonly param: string;
  readonly value: string | number | boolean;
}

export function callProfile(backend: BackendId, settings: readonly KnobSetting[] = [], catalog: Catalog = loadCatalog()): NumericProfile {
  return applyKnobs(catalog.defaultProfile(backend), backend, settings, catalog);
}

/**
 * The profile of one catalog entry: the entry's own `profile` (cublasHgemm's fp16 compute,
 * cublasDgemm's fp64) or the backend default when it names none, then the knobs in effect.
 */
export function entryProfile(
  backend: BackendId,
  symbol: string,
  settings: readonly KnobSetting[] = [],
  catalog: Catalog = loadCatalog(),
): NumericProfile {
  const base = catalog.entry(backend, symbol)?.spec.profile;
  return applyKnobs(base ? catalog.profile(base) : catalog.defaultProfile(backend), backend, settings, catalog);
}

function applyKnobs(start: NumericProfile, backend: BackendId, settings: readonly KnobSetting[], catalog: Catalog): NumericProfile {
  let profile = start;
  for (const setting of settings) {
    for (const knob of catalog.knobsFor(backend, setting.symbol)) {
      if (knob.spec.param !== setting.param) continue;
      const match = knob.spec.values.find((v) => v.member === setting.value || v.value === setting.value);
      if (match) profile = withOverrides(profile, match.set, `${profile.id}+${setting.symbol}.${setting.param}=${String(setting.value)}`);
    }
  }
  return profile;
}
