/** Every diagnostic id has its docs page, with the title and severity the code uses; no page lacks an id. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/catalog/package-root.js';
import { RUNTIME_DIAGNOSTICS } from '../../src/backends/sim/diagnostics.js';
import { PORT_DIAGNOSTICS } from '../../src/port/diagnostics/port-diagnostics.js';

const docs = join(packageRoot(), 'docs/diagnostics');
const ALL: Record<string, { title: string; severity: string }> = { ...PORT_DIAGNOSTICS, ...RUNTIME_DIAGNOSTICS };

describe('diagnostic pages', () => {
  it.each(Object.entries(ALL))('%s has a page with its title and severity', (id, info) => {
    const path = join(docs, `${id}.md`);
    expect(existsSync(path), path).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(text.split('\n')[0]).toBe(`# ${id}: ${info.title}`);
    expect(text).toContain(`Severity: **${info.severity}**`);
    expect(readFileSync(join(docs, 'README.md'), 'utf8')).toContain(`[${id}](${id}.md)`);
  });

  it.each(Object.entries(PORT_DIAGNOSTICS))('%s states its effort estimate and has the sections users read', (id, info) => {
    const text = readFileSync(join(docs, `${id}.md`), 'utf8');
    expect(text).toContain(`Effort estimate: ${info.effortHours ? `${info.effortHours} h` : 'none'} per occurrence`);
    for (const heading of ['## What it means', '## Typical porting cause', '## Example', '## Fix']) expect(text).toContain(heading);
  });

  it('has no page without a diagnostic id in the code', () => {
    const pages = readdirSync(docs).filter((f) => /^OB\d{4}\.md$/.test(f)).map((f) => f.replace('.md', ''));
    expect(pages.sort()).toEqual(Object.keys(ALL).sort());
  });

  it('numbers port diagnostics OB1xxx and run-time diagnostics OB2xxx', () => {
    expect(Object.keys(PORT_DIAGNOSTICS).every((id) => /^OB1\d{3}$/.test(id))).toBe(true);
    expect(Object.keys(RUNTIME_DIAGNOSTICS).every((id) => /^OB2\d{3}$/.test(id))).toBe(true);
  });
});
