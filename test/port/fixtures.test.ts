/**
 * Port fixtures, found by naming convention: `test/fixtures/port/<case>/input.ts` and one
 * `expected.<backend>.ts` per target, with optional `options.json` (porter options `comments`
 * and `from`; `typeCheck` and `typeCheckSkip` are read by type-check.test.ts). Each pair is one test; a second run over the expected output
 * must change nothing, and two runs over the input must agree. Adding a case is adding files.
 *
 * OPBRIDGE_UPDATE_PORT_FIXTURES=1 rewrites the expected files from the current porter (review
 * the diff before committing it).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKENDS, type BackendId } from '../../src/catalog/vocabulary.js';
import { portSource, type PortSourceOptions } from '../../src/port/port-source.js';

const root = new URL('../fixtures/port/', import.meta.url).pathname;
const update = process.env.OPBRIDGE_UPDATE_PORT_FIXTURES === '1';

interface FixturePair {
  readonly name: string;
  readonly target: BackendId;
  readonly input: string;
  readonly expectedPath: string;
  readonly options: Partial<PortSourceOptions>;
}

function fixtures(): FixturePair[] {
  const pairs: FixturePair[] = [];
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    if (!existsSync(join(dir, 'input.ts'))) continue;
    const input = readFileSync(join(dir, 'input.ts'), 'utf8');
    const raw = existsSync(join(dir, 'options.json')) ? (JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) as Record<string, unknown>) : {};
    const options: Partial<PortSourceOptions> = {
      ...(typeof raw.comments === 'boolean' ? { comments: raw.comments } : {}),
      ...(typeof raw.from === 'string' ? { from: raw.from as BackendId } : {}),
    };
    for (const file of readdirSync(dir).sort()) {
      const m = /^expected\.([a-z]+)\.ts$/.exec(file);
      if (!m) continue;
      if (!(BACKENDS as readonly string[]).includes(m[1])) throw new Error(`${name}/${file}: '${m[1]}' is not a backend`);
      pairs.push({ name, target: m[1] as BackendId, input, expectedPath: join(dir, file), options });
    }
  }
  return pairs;
}

const pairs = fixtures();

describe('port fixtures', () => {
  it('finds fixture pairs', () => {
    expect(pairs.length).toBeGreaterThan(30);
  });

  it.each(pairs.map((p) => [`${p.name} → ${p.target}`, p] as const))('%s', (_, pair) => {
    const options = { to: pair.target, fileName: 'input.ts', ...pair.options };
    const first = portSource(pair.input, options);
    if (update) writeFileSync(pair.expectedPath, first.output);
    const expected = readFileSync(pair.expectedPath, 'utf8');
    expect(first.output).toBe(expected);
    expect(first.outcome).toBe(expected === pair.input ? 'nochange' : 'ok');
    // Idempotent: porting the ported file again changes nothing, and the same input gives the same output.
    const again = portSource(first.output, options);
    expect(again.output).toBe(first.output);
    expect(again.outcome).toBe('nochange');
    expect(portSource(pair.input, options).output).toBe(first.output);
  });
});
