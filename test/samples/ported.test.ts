/**
 * samples/<name>/ported/<backend>.ts: the committed ports are exactly what `npm run
 * samples:port` produces now, and every port whose target facade exists verifies: `verify`
 * passes, or warns only where the catalog documents precision (port-verification.ts).
 *
 * Ports the porter cannot complete yet stay in KNOWN_GAPS, each with the failure it shows
 * today. A gap that closes, or fails differently, fails this test: regenerate the ports and
 * update the entry (or delete it).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/catalog/package-root.js';
import { portSamples, sampleNames, type PortedSample } from '../../scripts/port-samples.js';
import { shortfalls, verifyPorts, type PortPair, type PortVerdict } from './port-verification.js';

const root = packageRoot();
/** Ranks each sample runs with (as samples/README.md shows for `opbridge run`). */
const RANKS: Readonly<Record<string, number>> = { 'data-parallel-step': 4 };

interface KnownGap {
  /** Matches the first shortfall the pair shows today. */
  readonly failure: RegExp;
  /** What the porter leaves undone, from the port's diagnostics and the failure. */
  readonly gap: string;
}

// Every pair verifies today; a pair the porter cannot complete again is recorded here with its failure.
const KNOWN_GAPS: Readonly<Record<string, KnownGap>> = {};

const key = (p: { sample: string; backend: string }): string => `${p.sample}→${p.backend}`;
const facadeExists = (backend: string): boolean => existsSync(join(root, 'src/backends', backend, 'index.ts'));

describe('ported samples', () => {
  let ported: PortedSample[];
  let pairs: PortPair[];
  let verdicts: Map<PortPair, PortVerdict>;

  beforeAll(async () => {
    ported = await portSamples({ root });
    pairs = ported
      .filter((p) => facadeExists(p.backend))
      .map((p) => ({ sample: p.sample, backend: p.backend, original: p.original, ported: p.path, ranks: RANKS[p.sample] ?? 1 }));
    verdicts = await verifyPorts(root, pairs);
  }, 600_000);

  it('are byte-identical to a fresh `npm run samples:port`, with no stray files', () => {
    expect(ported.length).toBeGreaterThan(0);
    const stale = ported.filter((p) => !existsSync(join(root, p.path)) || readFileSync(join(root, p.path), 'utf8') !== p.text).map((p) => p.path);
    expect(stale, 'run `npm run samples:port` and commit the result').toEqual([]);
    const generated = new Set(ported.map((p) => p.path));
    const stray = sampleNames(root).flatMap((sample) => {
      const dir = join(root, 'samples', sample, 'ported');
      return existsSync(dir) ? readdirSync(dir).map((f) => `samples/${sample}/ported/${f}`).filter((f) => !generated.has(f)) : [];
    });
    expect(stray, 'files samples:port does not generate').toEqual([]);
  });

  it('list only real pairs as known gaps', () => {
    const real = new Set(pairs.map(key));
    expect(Object.keys(KNOWN_GAPS).filter((k) => !real.has(k))).toEqual([]);
  });

  it('verify: pass, or warn only where the catalog documents precision (known gaps fail as recorded)', () => {
    const surprises: string[] = [];
    for (const pair of pairs) {
      const found = shortfalls(verdicts.get(pair)!);
      const known = KNOWN_GAPS[key(pair)];
      if (!known) {
        if (found.length) surprises.push(`${key(pair)}: ${found.slice(0, 3).join(' | ')}`);
      } else if (found.length === 0) {
        surprises.push(`${key(pair)} now verifies: delete its KNOWN_GAPS entry`);
      } else if (!known.failure.test(found[0])) {
        surprises.push(`${key(pair)} fails differently from its KNOWN_GAPS entry (${known.gap}): ${found[0]}`);
      }
    }
    expect(surprises).toEqual([]);
  });
});
