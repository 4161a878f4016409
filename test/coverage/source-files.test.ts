import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { discoverSources } from '../../src/coverage/source-files.js';
import { scanSources } from '../../src/coverage/scan-sources.js';
import { tempDir } from '../helpers/temp-dir.js';
import { fixtureCatalog } from './fixture-catalog.js';

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('discoverSources', () => {
  it('finds C, C++, CUDA and TypeScript sources, skipping node_modules, .git and declaration files', () => {
    const root = tempDir({
      'src/a.cu': '', 'src/b.cuh': '', 'src/c.cpp': '', 'src/d.h': '', 'src/e.ts': '', 'src/f.d.ts': '', 'src/g.py': '', 'src/h.c': '', 'src/i.cc': '', 'src/j.cxx': '', 'src/k.hpp': '',
      'node_modules/dep/x.cu': '', '.git/objects/y.cu': '',
    });
    const found = discoverSources([root], { cwd: root });
    expect(found.files.map((f) => `${f.path}:${f.language}`)).toEqual([
      'src/a.cu:cuda', 'src/b.cuh:cuda', 'src/c.cpp:cpp', 'src/d.h:cpp', 'src/e.ts:typescript', 'src/h.c:c', 'src/i.cc:cpp', 'src/j.cxx:cpp', 'src/k.hpp:cpp',
    ]);
    expect(found.skipped).toEqual([]);
  });

  it('survives a symlink loop and does not scan a file twice through two paths', () => {
    const root = tempDir({ 'src/a.cu': 'cudaMalloc(p, 1);' });
    symlinkSync(join(root, 'src'), join(root, 'src', 'loop'));
    symlinkSync(join(root, 'src', 'a.cu'), join(root, 'alias.cu'));
    symlinkSync(join(root, 'missing.cu'), join(root, 'dangling.cu'));
    const found = discoverSources([root, join(root, 'src')], { cwd: root });
    expect(found.files.map((f) => f.path)).toEqual(['alias.cu']);
    expect(found.skipped.map((s) => `${s.path}: ${s.reason}`)).toEqual([
      'dangling.cu: broken symlink',
      'src/loop: already scanned through another path (symlink loop or duplicate)',
      'src: already scanned through another path (symlink loop or duplicate)',
    ]);
  });

  it('skips files above the size limit with a reason', () => {
    const root = tempDir({ 'big.cu': 'x'.repeat(2048), 'small.cu': 'int x;' });
    const found = discoverSources([root], { cwd: root, maxFileBytes: 1024 });
    expect(found.files.map((f) => f.path)).toEqual(['small.cu']);
    expect(found.skipped[0]).toMatchObject({ path: 'big.cu', reason: expect.stringMatching(/larger than/) });
  });

  it('rejects a missing path, an explicitly named unsupported file, and an unreadable (self-looping) file, naming each', () => {
    const root = tempDir({ 'notes.txt': 'hi' });
    symlinkSync(join(root, 'self.cu'), join(root, 'self.cu'));
    const missing = inputError(() => discoverSources([join(root, 'nope')], { cwd: root }));
    expect(missing.message).toMatch(/path '.*nope' does not exist/);
    expect(missing.fix).toBeTruthy();
    const unsupported = inputError(() => discoverSources([join(root, 'notes.txt')], { cwd: root }));
    expect(unsupported.message).toBe("'notes.txt' is not a C, C++, CUDA or TypeScript source");
    expect(unsupported.fix).toMatch(/\.cu .*\.ts/);
    const loop = inputError(() => discoverSources([join(root, 'self.cu')], { cwd: root }));
    expect(loop.message).toMatch(/cannot read '.*self\.cu'/);
  });
});

describe('scanSources', () => {
  it('skips binary files with a reason and reports files relative to cwd', async () => {
    const root = tempDir({ 'ok.cu': 'cudaFree(p);\n' });
    mkdirSync(join(root, 'bin'));
    writeFileSync(join(root, 'bin', 'blob.h'), Buffer.from([0x63, 0x75, 0x00, 0x01]));
    const result = await scanSources([root], fixtureCatalog(), { cwd: root });
    expect(result.files.map((f) => [f.path, f.lines, f.references.map((r) => r.name)])).toEqual([['ok.cu', 1, ['cudaFree']]]);
    expect(result.skipped).toEqual([{ path: 'bin/blob.h', reason: 'binary content (NUL bytes); not scanned' }]);
  });
});
