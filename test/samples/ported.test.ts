/**
 * samples/<name>/ported/<backend>.ts: the committed ports are exactly what `npm run
 * samples:port` produces now, and every port whose target facade exists verifies: `verify`
 * passes, or warns only where the catalog documents precision (port-verification.ts).
 *
 * Round trips: each port, ported back to CUDA in memory, leaves no error diagnostic (warnings
 * ask for review, as they do on the way out) and verifies against the CUDA original by the same bar (cuda → X → cuda keeps the results).
 *
 * Ports the porter cannot complete yet stay in KNOWN_GAPS / ROUND_TRIP_GAPS, each with the
 * failure it shows today. A gap that closes, or fails differently, fails this test: regenerate
 * the ports and update the entry (or delete it).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/catalog/package-root.js';
import { portSource } from '../../src/port/port-source.js';
import type { PortDiagnostic } from '../../src/port/diagnostics/port-diagnostics.js';
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

// A port back the porter cannot complete is recorded here (key `<sample>→<backend>`: the port to
// <backend> ported back) with the first shortfall it shows.
const ROUND_TRIP_GAPS: Readonly<Record<string, KnownGap>> = {};

const key = (p: { sample: string; backend: string }): string => `${p.sample}→${p.backend}`;

/** The port back's error diagnostics as one shortfall line, counted by id. */
function diagnosticShortfall(diagnostics: readonly PortDiagnostic[]): string[] {
  const counts = new Map<string, number>();
  for (const d of diagnostics) if (d.severity === 'error') counts.set(d.id, (counts.get(d.id) ?? 0) + 1);
  if (counts.size === 0) return [];
  const first = diagnostics.find((d) => d.severity === 'error')!;
  return [`port back leaves ${[...counts].map(([id, n]) => `${id}×${n}`).join(' ')} (first: ${first.id} ${first.message})`];
}

/** Compares what each pair shows with its recorded gap; the messages of every surprise. */
function surprisesAgainst(gaps: Readonly<Record<string, KnownGap>>, found: ReadonlyMap<string, readonly string[]>): string[] {
  const surprises: string[] = [];
  for (const [pair, shortfall] of found) {
    const known = gaps[pair];
    if (!known) {
      if (shortfall.length) surprises.push(`${pair}: ${shortfall.slice(0, 3).join(' | ')}`);
    } else if (shortfall.length === 0) {
      surprises.push(`${pair} now verifies: delete its entry`);
    } else if (!known.failure.test(shortfall[0])) {
      surprises.push(`${pair} fails differently from its recorded gap (${known.gap}): ${shortfall[0]}`);
    }
  }
  return surprises;
}
const facadeExists = (backend: string): boolean => existsSync(join(root, 'src/backends', backend, 'index.ts'));

describe('ported samples', () => {
  let ported: PortedSample[];
  let pairs: PortPair[];
  let verdicts: Map<PortPair, PortVerdict>;
  let backPairs: { pair: PortPair; diagnostics: readonly PortDiagnostic[] }[];
  // Inside the package, so the ports back resolve `opbridge/cuda` as the samples do.
  const backDir = mkdtempSync(join(root, '.opbridge-tmp-round-trip-'));
  afterAll(() => rmSync(backDir, { recursive: true, force: true }));

  beforeAll(async () => {
    ported = await portSamples({ root });
    const verifiable = ported.filter((p) => facadeExists(p.backend));
    pairs = verifiable.map((p) => ({ sample: p.sample, backend: p.backend, original: p.original, ported: p.path, ranks: RANKS[p.sample] ?? 1 }));
    backPairs = verifiable.map((p) => {
      const back = portSource(p.text, { from: p.backend, to: 'cuda', fileName: p.path });
      const file = join(backDir, `${p.sample}.${p.backend}.ts`);
      writeFileSync(file, back.output);
      const pair = { sample: p.sample, backend: p.backend, original: p.original, ported: file.slice(root.length + 1), ranks: RANKS[p.sample] ?? 1 };
      return { pair, diagnostics: back.diagnostics };
    });
    // One call, so each original runs once for its ports and its ports back.
    verdicts = await verifyPorts(root, [...pairs, ...backPairs.map((b) => b.pair)]);
  }, 900_000);

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
    expect(Object.keys(ROUND_TRIP_GAPS).filter((k) => !real.has(k))).toEqual([]);
  });

  it('verify: pass, or warn only where the catalog documents precision (known gaps fail as recorded)', () => {
    expect(surprisesAgainst(KNOWN_GAPS, new Map(pairs.map((pair) => [key(pair), shortfalls(verdicts.get(pair)!)])))).toEqual([]);
  });

  it('ported back to CUDA: no error diagnostic, and verifies against the original (known gaps fail as recorded)', () => {
    const found = new Map(backPairs.map(({ pair, diagnostics }) => [key(pair), [...diagnosticShortfall(diagnostics), ...shortfalls(verdicts.get(pair)!)]]));
    expect(surprisesAgainst(ROUND_TRIP_GAPS, found)).toEqual([]);
  });
});
