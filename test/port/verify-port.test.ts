/** `port --verify`: which files are verified, where the texts are, and how results are reported. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { port } from '../../src/port/port.js';
import type { PortVerifier } from '../../src/port/verify-port.js';
import type { VerifyReport } from '../../src/verify/verify-report.js';
import { tempDir } from '../helpers/temp-dir.js';

const PROGRAM = `import { cudaMalloc, cudaFree, ref, type DevicePtr } from 'opbridge/cuda';
import { scale } from './helpers.js';
export function main() {
  const d = ref<DevicePtr>();
  cudaMalloc(d, scale(16));
  cudaFree(d.value);
  return {};
}
`;
const LIBRARY = "import { cudaFree } from 'opbridge/cuda';\nexport function release(p: never) { return cudaFree(p); }\n";
const HELPERS = 'export const scale = (n: number) => n;\n';

/** A verifier that records what it was given and answers a fixed verdict. */
function recorder(verdict: 'pass' | 'fail') {
  const calls: { original: string; ported: string; originalText: string; portedText: string; siblings: boolean }[] = [];
  const verifier: PortVerifier = async (original, ported) => {
    calls.push({ original, ported, originalText: readFileSync(original, 'utf8'), portedText: readFileSync(ported, 'utf8'), siblings: join(original, '..') === join(ported, '..') });
    return { verdict, firstDivergence: verdict === 'fail' ? { kind: 'op', rank: 0, at: '3', reason: 'max abs error 0.5 > atol' } : null } as unknown as VerifyReport;
  };
  return { calls, verifier };
}

describe('port --verify', () => {
  it('verifies model programs only, next to the original in a dry run, and cleans up', async () => {
    const dir = tempDir({ 'model.ts': PROGRAM, 'lib.ts': LIBRARY, 'helpers.ts': HELPERS });
    const { calls, verifier } = recorder('pass');
    const result = await port([dir], { to: 'cann', cwd: dir, verify: true, verifier });
    expect(calls).toHaveLength(1);
    expect(calls[0].original).toBe(join(dir, 'model.ts'));
    expect(calls[0].siblings).toBe(true);
    expect(calls[0].portedText).toContain('aclrtMalloc(d, scale(16), ACL_MEM_MALLOC_HUGE_FIRST);');
    expect(readdirSync(dir).sort()).toEqual(['helpers.ts', 'lib.ts', 'model.ts']);
    expect(result.files.find((f) => f.path === 'model.ts')?.verification).toEqual({ verdict: 'pass' });
    expect(result.files.find((f) => f.path === 'lib.ts')?.verification).toBeUndefined();
    expect(result.summary.verified).toEqual({ pass: 1, warn: 0, fail: 0, error: 0 });
  });

  it('keeps the original in a temporary sibling when rewriting in place, and uses the written copy with --out-dir', async () => {
    const dir = tempDir({ 'model.ts': PROGRAM, 'helpers.ts': HELPERS });
    const inPlace = recorder('fail');
    const written = await port([dir], { to: 'musa', cwd: dir, write: true, verify: true, verifier: inPlace.verifier });
    expect(inPlace.calls[0]).toMatchObject({ ported: join(dir, 'model.ts'), originalText: PROGRAM, siblings: true });
    expect(written.files[1].verification).toEqual({ verdict: 'fail', firstDivergence: 'op 3 (rank 0): max abs error 0.5 > atol' });
    expect(readdirSync(dir).sort()).toEqual(['helpers.ts', 'model.ts']);

    const other = tempDir({ 'src/model.ts': PROGRAM, 'src/helpers.ts': HELPERS });
    const copy = recorder('pass');
    await port([join(other, 'src')], { to: 'maca', cwd: other, outDir: join(other, 'out'), verify: true, verifier: copy.verifier });
    expect(copy.calls[0]).toMatchObject({ original: join(other, 'src/model.ts'), ported: join(other, 'out/model.ts') });
    expect(existsSync(join(other, 'out/helpers.ts'))).toBe(true);
  });

  it('runs the original and the port on the reference runtime (CUDA → Kunlun) and passes', async () => {
    const program = `import { cudaMalloc, cudaFree, cudaMemcpy, cudaMemcpyHostToDevice, cudaMemcpyDeviceToDevice, cudaMemcpyDeviceToHost, ref, type DevicePtr } from 'opbridge/cuda';
export function main() {
  const host = new Float32Array([1, 2, 3, 4]);
  const a = ref<DevicePtr>();
  const b = ref<DevicePtr>();
  cudaMalloc(a, host.byteLength);
  cudaMalloc(b, host.byteLength);
  cudaMemcpy(a.value, host, host.byteLength, cudaMemcpyHostToDevice);
  cudaMemcpy(b.value, a.value, host.byteLength, cudaMemcpyDeviceToDevice);
  const out = new Float32Array(4);
  cudaMemcpy(out, b.value, out.byteLength, cudaMemcpyDeviceToHost);
  cudaFree(b.value);
  cudaFree(a.value);
  return { out };
}
`;
    const dir = tempDir({ 'model.ts': program, 'package.json': '{ "type": "module" }' });
    const result = await port([dir], { to: 'kunlun', cwd: dir, verify: { timeoutMs: 60_000 } });
    const model = result.files.find((f) => f.path === 'model.ts')!;
    expect(model.output).toContain('xpu_memcpy(out, b.value, out.byteLength, XPU_DEVICE_TO_HOST);');
    expect(model.verification).toEqual({ verdict: 'pass' });
  }, 120_000);

  it('reports a program that cannot run with the verify engine\'s message, not a crash', async () => {
    // T-Head's enum values are unconfirmed (its constants are their names), so a program that
    // relies on CUDA's numbers fails when the port runs.
    const needsNumbers = PROGRAM.replace('import { cudaMalloc,', 'import { cudaMemcpyHostToDevice, cudaMalloc,').replace(
      'const d = ref<DevicePtr>();',
      "if (typeof cudaMemcpyHostToDevice !== 'number') throw new Error('expected a numeric cudaMemcpyKind');\n  const d = ref<DevicePtr>();",
    );
    const dir = tempDir({ 'model.ts': needsNumbers, 'helpers.ts': HELPERS, 'package.json': '{ "type": "module" }' });
    const result = await port([dir], { to: 'thead', cwd: dir, verify: { timeoutMs: 60_000 } });
    const model = result.files.find((f) => f.path === 'model.ts')!;
    expect(model.outcome).toBe('ok');
    expect(model.verification?.error).toMatch(/ported program/);
    expect(result.summary.verified).toEqual({ pass: 0, warn: 0, fail: 0, error: 1 });
    expect(readdirSync(dir).sort()).toEqual(['helpers.ts', 'model.ts', 'package.json']);
  }, 120_000);
});
