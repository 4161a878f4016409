import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { InputError } from '../../src/errors.js';
import { ToleranceResolver } from '../../src/verify/tolerance.js';
import { EMPTY_CONFIG, loadVerifyConfig, VerifyConfigSchema } from '../../src/verify/verify-config.js';
import { tempDir } from '../helpers/temp-dir.js';

const catalog = loadCatalog();

describe('strict tolerances', () => {
  it('default to torch.testing.assert_close per dtype, integers exact', () => {
    const t = new ToleranceResolver(catalog);
    expect(t.forOperator('Softmax', 'float16')).toMatchObject({ rtol: 1e-3, atol: 1e-5, source: 'default' });
    expect(t.forOperator('Softmax', 'bfloat16')).toMatchObject({ rtol: 1.6e-2, atol: 1e-5 });
    expect(t.forOperator('Softmax', 'float32')).toMatchObject({ rtol: 1.3e-6, atol: 1e-5 });
    expect(t.forOperator('Softmax', 'float64')).toMatchObject({ rtol: 1e-7, atol: 1e-7 });
    expect(t.forOperator('ArgMax', 'int64')).toMatchObject({ rtol: 0, atol: 0 });
    expect(t.forValue('bool')).toMatchObject({ rtol: 0, atol: 0, source: 'default' });
  });

  it("take an operator's catalog tolerances per dtype (operators/Attention.yaml)", () => {
    const t = new ToleranceResolver(catalog);
    const fromYaml = catalog.operator('Attention')!.spec.tolerances.float16!;
    expect(t.forOperator('Attention', 'float16')).toMatchObject({ rtol: fromYaml.rtol, atol: fromYaml.atol, source: 'catalog' });
    expect(t.forOperator('Attention', 'float32')).toMatchObject({ rtol: 1.3e-6, source: 'default' });
  });

  it('use the looser of two aligned operators', () => {
    const t = new ToleranceResolver(catalog);
    const both = t.forOperators(['Softmax', 'Attention'], 'float16');
    expect(both.atol).toBe(catalog.operator('Attention')!.spec.tolerances.float16!.atol);
    expect(both.rtol).toBe(1e-3);
  });

  it('follow the config file: per operator and dtype over per operator over global over catalog', () => {
    const config = VerifyConfigSchema.parse({
      rtol: 1e-4,
      atol: 1e-6,
      operators: { MatMul: { rtol: 2e-3, atol: 3e-3 }, Softmax: { float16: { rtol: 4e-3, atol: 5e-3 } }, Attention: { float32: { rtol: 0.5, atol: 0.5 } } },
      outputs: { logits: { rtol: 0.1, atol: 0.2 } },
    });
    const t = new ToleranceResolver(catalog, { config });
    expect(t.forOperator('MatMul', 'float16')).toMatchObject({ rtol: 2e-3, atol: 3e-3, source: 'config' });
    expect(t.forOperator('Softmax', 'float16')).toMatchObject({ rtol: 4e-3, atol: 5e-3, source: 'config' });
    // Softmax float32 has no entry: the global config values.
    expect(t.forOperator('Softmax', 'float32')).toMatchObject({ rtol: 1e-4, atol: 1e-6, source: 'config' });
    // Attention float16: no per-dtype entry, so the catalog's (more specific than the global config).
    expect(t.forOperator('Attention', 'float16')).toMatchObject({ source: 'catalog' });
    expect(t.forValue('float32', 'logits')).toMatchObject({ rtol: 0.1, atol: 0.2, source: 'config' });
    expect(t.forValue('float32', 'other')).toMatchObject({ rtol: 1e-4, atol: 1e-6, source: 'config' });
    // Global values do not loosen integer comparisons.
    expect(t.forValue('int32')).toMatchObject({ rtol: 0, atol: 0, source: 'default' });
  });

  it('are replaced by --rtol / --atol everywhere', () => {
    const config = VerifyConfigSchema.parse({ operators: { MatMul: { rtol: 2e-3, atol: 3e-3 } } });
    const t = new ToleranceResolver(catalog, { rtol: 0.25, config });
    expect(t.forOperator('MatMul', 'float32')).toMatchObject({ rtol: 0.25, atol: 3e-3, source: 'cli' });
    expect(new ToleranceResolver(catalog, { atol: 7 }).forValue('float16')).toMatchObject({ rtol: 1e-3, atol: 7, source: 'cli' });
  });
});

describe('verify config files', () => {
  it('load, validate and resolve mappings against the file', () => {
    const dir = tempDir({ 'verify.yaml': 'ranks: 2\ntimeout: 30\nwiden: false\noperators:\n  MatMul: { rtol: 1.0e-4, atol: 1.0e-5 }\nmappings: [profiles/extra.yaml]\n' });
    const config = loadVerifyConfig(join(dir, 'verify.yaml'));
    expect(config).toMatchObject({ ranks: 2, timeout: 30, widen: false, operators: { MatMul: { rtol: 1e-4, atol: 1e-5 } } });
    expect(config.mappings).toEqual([join(dir, 'profiles/extra.yaml')]);
    expect(EMPTY_CONFIG).toMatchObject({ widen: true, operators: {}, outputs: {}, mappings: [] });
  });

  it('report schema errors with file, line and path', () => {
    const dir = tempDir({ 'verify.yaml': 'ranks: 2\noperators:\n  MatMul:\n    rtol: -1\n    atol: 0\n' });
    const file = join(dir, 'verify.yaml');
    let error: unknown;
    try {
      loadVerifyConfig(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const e = error as InputError;
    expect(e.location).toEqual({ file, line: 4 });
    expect(e.message).toMatch(/operators\.MatMul/);
    expect(e.fix).toMatch(/docs\/verify\.md/);
  });

  it('report unknown keys and YAML syntax errors with their line', () => {
    const dir = tempDir({ 'a.yaml': 'ranks: 1\nrtoll: 3\n', 'b.yaml': 'ranks: [1\n' });
    expect(() => loadVerifyConfig(join(dir, 'a.yaml'))).toThrow(/rtoll/);
    try {
      loadVerifyConfig(join(dir, 'a.yaml'));
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).location?.line).toBe(2);
    }
    expect(() => loadVerifyConfig(join(dir, 'b.yaml'))).toThrow(/invalid YAML/);
    expect(() => loadVerifyConfig(join(dir, 'missing.yaml'))).toThrow(/cannot read/);
  });
});
