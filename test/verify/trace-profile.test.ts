import { describe, expect, it } from 'vitest';
import { callProfile } from '../../src/backends/sim/call-profile.js';
import { resolveTraceProfile } from '../../src/verify/trace-profile.js';
import { catalog } from './fixture-catalog.js';

describe('resolveTraceProfile', () => {
  it('resolves catalog profile ids, golden and ieee', () => {
    const r = resolveTraceProfile(catalog, 'cann', 'verify-fixture.tf32-ftz');
    expect(r.ok && r.profile).toMatchObject({ matmul: { format: 'tf32' }, flushToZero: true });
    expect(resolveTraceProfile(catalog, 'cuda', 'ieee')).toMatchObject({ ok: true, profile: { id: 'ieee' } });
  });

  it('re-applies knob settings recorded as <base>+<symbol>.<param>=<value>, as callProfile spells them', () => {
    const knobbed = callProfile('cuda', [{ symbol: 'refSetMathMode', param: 'mode', value: 'REF_MATH_TF32' }], catalog);
    expect(knobbed.id).toBe('verify-fixture.ieee+refSetMathMode.mode=REF_MATH_TF32');
    const r = resolveTraceProfile(catalog, 'cuda', knobbed.id);
    expect(r.ok && r.profile).toEqual(knobbed);
  });

  it('explains what it cannot resolve', () => {
    expect(resolveTraceProfile(catalog, 'cuda', 'nowhere.profile')).toMatchObject({ ok: false, reason: expect.stringContaining('--mappings') });
    expect(resolveTraceProfile(catalog, 'cuda', 'verify-fixture.ieee+refSetMathMode.mode=REF_MATH_FP8')).toMatchObject({ ok: false, reason: expect.stringContaining('no cuda knob') });
    expect(resolveTraceProfile(catalog, 'fixture', 'verify-fixture.ieee+x.y=1')).toMatchObject({ ok: false });
  });
});
