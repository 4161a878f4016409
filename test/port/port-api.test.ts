/** port(paths, options): files, outcomes, writing in place and to an output tree, errors per file. */
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { port } from '../../src/index.js';
import { tempDir } from '../helpers/temp-dir.js';

const MODEL = "import { cudaMalloc, ref, type DevicePtr } from 'opbridge/cuda';\nconst p = ref<DevicePtr>();\ncudaMalloc(p, 64);\n";
const UNPORTABLE = "import { cudnnCreate, ref } from 'opbridge/cuda';\ncudnnCreate(ref());\n";

describe('port()', () => {
  it('returns an outcome per TypeScript file, rewrites, diagnostics and a summary, and writes nothing in a dry run', async () => {
    const dir = tempDir({ 'src/model.ts': MODEL, 'src/layers/conv.ts': UNPORTABLE, 'src/plain.ts': 'export {};\n', 'src/types.d.ts': 'export {};\n', 'README.md': '# x\n', 'node_modules/x/index.ts': MODEL });
    const result = await port([join(dir, 'src')], { to: 'cann', cwd: dir });
    expect(result.files.map((f) => [f.path, f.outcome])).toEqual([
      ['src/layers/conv.ts', 'ok'],
      ['src/model.ts', 'ok'],
      ['src/plain.ts', 'skip'],
    ]);
    expect(result.summary).toMatchObject({ to: 'cann', files: 3, ok: 2, nochange: 0, skip: 1, error: 0, rewrites: 1, diagnostics: { error: 1, warning: 0, info: 0 }, byId: { OB1002: 1 }, effortHours: 4 });
    expect(readFileSync(join(dir, 'src/model.ts'), 'utf8')).toBe(MODEL);
    expect(result.files[1].output).toContain('aclrtMalloc(p, 64, ACL_MEM_MALLOC_HUGE_FIRST);');
  });

  it('rewrites changed files in place with write, and a second run changes nothing', async () => {
    const dir = tempDir({ 'model.ts': MODEL, 'plain.ts': 'export {};\n' });
    const first = await port([dir], { to: 'musa', write: true, cwd: dir });
    expect(first.files.find((f) => f.path === 'model.ts')?.written).toBe(join(dir, 'model.ts'));
    expect(first.files.find((f) => f.path === 'plain.ts')?.written).toBeUndefined();
    expect(readFileSync(join(dir, 'model.ts'), 'utf8')).toBe("import { musaMalloc, ref, type DevicePtr } from 'opbridge/musa';\nconst p = ref<DevicePtr>();\nmusaMalloc(p, 64);\n");
    const second = await port([dir], { to: 'musa', write: true, cwd: dir });
    expect(second.summary).toMatchObject({ ok: 0, nochange: 1, skip: 1 });
  });

  it('writes a ported copy of the tree with outDir, copying other files, never reading the output as input', async () => {
    const dir = tempDir({ 'app/model.ts': MODEL, 'app/data/weights.bin': 'xx', 'app/plain.ts': 'export {};\n' });
    const out = join(dir, 'app/ported');
    const result = await port([join(dir, 'app')], { to: 'kunlun', outDir: out, cwd: dir });
    expect(readFileSync(join(out, 'model.ts'), 'utf8')).toContain('xpu_malloc(p, 64, XPU_MEM_MAIN);');
    expect(readFileSync(join(out, 'plain.ts'), 'utf8')).toBe('export {};\n');
    expect(readFileSync(join(out, 'data/weights.bin'), 'utf8')).toBe('xx');
    expect(readFileSync(join(dir, 'app/model.ts'), 'utf8')).toBe(MODEL);
    expect(result.summary.copied).toBe(1);
    const again = await port([join(dir, 'app')], { to: 'kunlun', outDir: out, cwd: dir });
    expect(again.files.map((f) => f.path)).toEqual(['app/model.ts', 'app/plain.ts']);
  });

  it('keeps going when one file fails: unparsable or unreadable files are errors of their own', async () => {
    const dir = tempDir({ 'a.ts': MODEL, 'b.ts': 'import { cudaMalloc } from "opbridge/cuda";\nconst = ;\n', 'c.ts': MODEL });
    if (process.getuid?.() !== 0) chmodSync(join(dir, 'c.ts'), 0o000);
    const result = await port([dir], { to: 'cann', cwd: dir });
    expect(result.files.find((f) => f.path === 'a.ts')?.outcome).toBe('ok');
    expect(result.files.find((f) => f.path === 'b.ts')).toMatchObject({ outcome: 'error', reason: expect.stringMatching(/does not parse: 2:7/) });
    if (process.getuid?.() !== 0) expect(result.files.find((f) => f.path === 'c.ts')).toMatchObject({ outcome: 'error', reason: expect.stringMatching(/could not port: .*permission denied/i) });
    chmodSync(join(dir, 'c.ts'), 0o644);
  });

  it('rejects bad input with a usage or input error that names the problem', async () => {
    const dir = tempDir({ 'a.ts': MODEL, 'notes.txt': 'x' });
    await expect(port([dir], { to: 'nvidia' as never })).rejects.toThrow("--to: unknown backend 'nvidia'");
    await expect(port([dir], { to: 'cann', write: true, outDir: join(dir, 'o') })).rejects.toThrow('--write and --out-dir cannot be used together');
    await expect(port([join(dir, 'missing')], { to: 'cann' })).rejects.toThrow(/does not exist/);
    await expect(port([join(dir, 'notes.txt')], { to: 'cann' })).rejects.toThrow(/is not a TypeScript file/);
    expect(existsSync(join(dir, 'o'))).toBe(false);
  });
});
