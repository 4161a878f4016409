/** `opbridge port`, spawned as users run it: output modes, exit codes, colour, bad input. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';

const cli = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const tsx = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;

function opbridge(cwd: string, args: string[], env: Record<string, string> = { NO_COLOR: '1' }) {
  const r = spawnSync(tsx, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const MODEL = `import { cudaMalloc, cudaMemcpy, cudaMemcpyHostToDevice, cudnnCreate, ref, type DevicePtr } from 'opbridge/cuda';
export function main() {
  const d = ref<DevicePtr>();
  cudaMalloc(d, 16);
  cudaMemcpy(d.value, new Float32Array(4), 16, cudaMemcpyHostToDevice);
  cudnnCreate(ref());
}
`;

describe('opbridge port', () => {
  it('prints a unified diff and the diagnostics in a dry run, changes nothing, exits 0', () => {
    const dir = tempDir({ 'src/model.ts': MODEL, 'src/plain.ts': 'export {};\n' });
    const r = opbridge(dir, ['port', 'src', '--to', 'cann']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--- a/src/model.ts\n+++ b/src/model.ts\n');
    expect(r.stdout).toContain('\n-  cudaMalloc(d, 16);\n');
    expect(r.stdout).toContain('\n+  aclrtMalloc(d, 16, ACL_MEM_MALLOC_HUGE_FIRST);\n');
    expect(r.stdout).toMatch(/src\/model\.ts:6:3: error OB1002 cann does not support `cudnnCreate`/);
    expect(r.stdout).toContain('Results: 1 ok, 0 unmodified, 1 skipped, 0 errors → cann');
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(readFileSync(join(dir, 'src/model.ts'), 'utf8')).toBe(MODEL);
  });

  it('prints JSON with files, outcomes, rewrites, diagnostics and the summary under --json', () => {
    const dir = tempDir({ 'model.ts': MODEL });
    const r = opbridge(dir, ['port', '.', '--to', 'kunlun', '--json'], {});
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { files: { path: string; outcome: string; rewrites: unknown[]; diagnostics: { id: string }[] }[]; summary: Record<string, unknown> };
    expect(json.files).toEqual([expect.objectContaining({ path: 'model.ts', outcome: 'ok', from: 'cuda' })]);
    expect(json.files[0].rewrites).toContainEqual({ line: 5, column: 3, kind: 'call', from: 'cudaMemcpy', to: ['xpu_memcpy'] });
    expect(json.files[0].diagnostics.map((d) => d.id)).toContain('OB1019');
    expect(json.summary).toMatchObject({ to: 'kunlun', files: 1, ok: 1, error: 0 });
    expect(r.stderr).toBe('');
  });

  it('rewrites in place with --write (without comments under --no-comments), then finds nothing to do', () => {
    const dir = tempDir({ 'model.ts': MODEL });
    expect(opbridge(dir, ['port', 'model.ts', '--to', 'musa', '--write', '--no-comments']).code).toBe(0);
    const written = readFileSync(join(dir, 'model.ts'), 'utf8');
    expect(written).toContain("from 'opbridge/musa'");
    expect(written).not.toContain('// opbridge');
    const again = opbridge(dir, ['port', 'model.ts', '--to', 'musa', '--write']);
    expect(again.stdout).toContain('Results: 0 ok, 1 unmodified');
  });

  it('writes a ported copy with --out-dir and exits 2 (bad input) when a file cannot be parsed, porting the others', () => {
    const dir = tempDir({ 'in/model.ts': MODEL, 'in/broken.ts': "import { cudaFree } from 'opbridge/cuda';\nconst = ;\n", 'in/notes.md': 'n\n' });
    const r = opbridge(dir, ['port', 'in', '--to', 'maca', '--out-dir', 'out']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('in/broken.ts: error does not parse: 2:7');
    expect(r.stdout).toContain('fix the syntax error there');
    expect(readFileSync(join(dir, 'out/model.ts'), 'utf8')).toContain('mcMalloc(d, 16);');
    expect(readFileSync(join(dir, 'out/notes.md'), 'utf8')).toBe('n\n');
    expect(readFileSync(join(dir, 'out/broken.ts'), 'utf8')).toContain('const = ;');
  });

  it('exits 2 with a clear message on bad usage', () => {
    const dir = tempDir({ 'model.ts': MODEL });
    const unknown = opbridge(dir, ['port', '.', '--to', 'ascend']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--to: unknown backend 'ascend'");
    const both = opbridge(dir, ['port', '.', '--to', 'cann', '--write', '--out-dir', 'x']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--write and --out-dir cannot be used together');
    const missing = opbridge(dir, ['port', 'nope', '--to', 'cann', '--json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout).error.message).toBe("path 'nope' does not exist");
    expect(opbridge(dir, ['port', '.']).code).toBe(2);
  });
});
