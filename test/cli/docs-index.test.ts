/**
 * The documentation index and the README link what exists: every page under docs/ is reachable
 * from docs/README.md (diagnostic pages through docs/diagnostics/README.md, whose completeness
 * test/meta/diagnostics.test.ts checks), and every relative link in them points to a file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/catalog/package-root.js';

const root = packageRoot();
const docs = join(root, 'docs');

/** Relative link targets of a Markdown file, resolved against its directory (anchors dropped). */
function links(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1].split('#')[0])
    .filter((target) => target !== '' && !/^[a-z]+:/.test(target))
    .map((target) => join(dirname(file), target));
}

function pages(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(dir, f));
}

describe('documentation links', () => {
  it('lists every page outside docs/diagnostics in docs/README.md', () => {
    const linked = new Set(links(join(docs, 'README.md')));
    const missing = pages(docs)
      .filter((p) => p !== join(docs, 'README.md') && !p.startsWith(join(docs, 'diagnostics') + sep))
      .filter((p) => !linked.has(p))
      .map((p) => relative(root, p));
    expect(missing).toEqual([]);
    expect(linked.has(join(docs, 'diagnostics/README.md'))).toBe(true);
  });

  it('links the docs index, the diagnostics pages and the support tables from the README', () => {
    const linked = new Set(links(join(root, 'README.md')));
    expect(linked.has(join(docs, 'README.md'))).toBe(true);
    expect(linked.has(join(docs, 'diagnostics/README.md'))).toBe(true);
    for (const table of readdirSync(join(docs, 'support'))) expect(linked.has(join(docs, 'support', table)), table).toBe(true);
  });

  it('has no broken relative link in the README or the docs index', () => {
    const broken = [join(root, 'README.md'), join(docs, 'README.md')].flatMap((f) => links(f).filter((target) => !existsSync(target)).map((t) => relative(root, t)));
    expect(broken).toEqual([]);
  });

  it('keeps the first lines of the README: the demo and the test command', () => {
    const block = readFileSync(join(root, 'README.md'), 'utf8').split('```')[1].split('\n');
    expect(block.slice(1, 3).map((l) => l.split('#')[0].trim())).toEqual(['npm ci && npm run demo', 'npm ci && npm test']);
  });
});
