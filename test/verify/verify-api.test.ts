import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, UsageError } from '../../src/errors.js';
import { verify, verifySettings } from '../../src/verify/verify.js';
import { FIXTURE_PROFILE_FILES } from '../fixtures/verify/fixture-facade.js';
import { tempDir } from '../helpers/temp-dir.js';

const program = (name: string) => fileURLToPath(new URL(`../fixtures/verify/programs/${name}`, import.meta.url));

describe('verify (API)', () => {
  it('refuses a missing program before running anything', async () => {
    await expect(verify(program('nope.ts'), program('port-tf32.ts'))).rejects.toBeInstanceOf(InputError);
    await expect(verify(program('original.ts'), program('nope.ts'))).rejects.toThrow(/the ported program was not found/);
  });

  it('rejects negative or non-finite tolerances', () => {
    expect(() => verifySettings({ rtol: -1 })).toThrow(UsageError);
    expect(() => verifySettings({ atol: NaN })).toThrow(/--atol must be a non-negative number/);
  });

  it('takes ranks, timeout and mappings from the config file, options first', () => {
    const dir = tempDir({ 'verify.yaml': `ranks: 4\ntimeout: 30\nmappings: [${JSON.stringify(FIXTURE_PROFILE_FILES[1])}]\n` });
    const settings = verifySettings({ config: join(dir, 'verify.yaml') });
    expect(settings.limits).toMatchObject({ ranks: 4, timeoutMs: 30_000 });
    expect(settings.catalog.profile('verify-fixture.tf32-ftz').matmul.format).toBe('tf32');
    expect(verifySettings({ config: join(dir, 'verify.yaml'), ranks: 2, timeoutMs: 5000 }).limits).toMatchObject({ ranks: 2, timeoutMs: 5000 });
    expect(verifySettings().limits).toMatchObject({ ranks: 1, timeoutMs: undefined });
  });
});
