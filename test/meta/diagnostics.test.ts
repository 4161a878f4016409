/** Every diagnostic id has its docs page, with the title the code uses. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/catalog/package-root.js';
import { RUNTIME_DIAGNOSTICS } from '../../src/backends/sim/diagnostics.js';

const docs = join(packageRoot(), 'docs/diagnostics');

describe('diagnostic pages', () => {
  it.each(Object.entries(RUNTIME_DIAGNOSTICS))('%s has a page with its title and severity', (id, info) => {
    const path = join(docs, `${id}.md`);
    expect(existsSync(path), path).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(text.split('\n')[0]).toBe(`# ${id}: ${info.title}`);
    expect(text).toContain(`Severity: **${info.severity}**`);
    expect(readFileSync(join(docs, 'README.md'), 'utf8')).toContain(`[${id}](${id}.md)`);
  });
});
