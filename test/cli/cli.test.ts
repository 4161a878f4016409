import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';

const cli = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const tsx = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;

function opbridge(...args: string[]) {
  const r = spawnSync(tsx, [cli, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the CLI contract', () => {
  it('prints help and version with exit 0', () => {
    expect(opbridge('--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('Exit codes') });
    expect(opbridge('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 on bad usage, with a JSON error under --json', () => {
    const r = opbridge('catalog', 'list', '--bogus');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--bogus'/);
    const j = opbridge('catalog', 'list', '--backend', 'nvidia', '--json');
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout).error).toMatchObject({ kind: 'UsageError', message: "--backend: unknown backend 'nvidia'" });
  });

  it('answers a broken --mappings file with its file, line and fix, exit 2 and no stack trace', () => {
    const dir = tempDir({ 'bad.yaml': 'backend: cuda\nlibrary: x\nversion: 1\nentries:\n  - symbol: 12abc\n' });
    const r = opbridge('catalog', 'validate', '--mappings', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:5: entries\[0\]\.symbol/);
    expect(r.stderr).toMatch(/fix:/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('respects NO_COLOR', () => {
    expect(opbridge('catalog', 'list').stdout).not.toMatch(/\u001b\[/);
  });
});
