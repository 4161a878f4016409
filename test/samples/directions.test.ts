/**
 * Between two backends other than CUDA: committed sample ports (samples/<s>/ported/<X>.ts) ported
 * on to another backend Y leave no more error diagnostics than the sample's own CUDA → Y port
 * (what Y lacks, such as an XDNN error string, stays a limit of Y) and verify against the CUDA
 * original by the samples' bar (pass, or warn only where the catalog documents precision). A fixed selection
 * covers every source and every target (the whole matrix, about 150 ports, is
 * `npm run samples:directions` → docs/port-directions.md). Pairs the porter cannot complete yet
 * stay in DIRECTION_GAPS with the first shortfall each shows; a gap that closes fails the test.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/catalog/package-root.js';
import type { BackendId } from '../../src/catalog/vocabulary.js';
import { portSource, type SourcePortResult } from '../../src/port/port-source.js';
import { SAMPLE_RANKS, shortfalls, verifyPorts, type PortPair, type PortVerdict } from './port-verification.js';

const root = packageRoot();
/** `<sample> <from>→<to>`: each source and each target at least once, routed and direct ports both. */
const DIRECTIONS = [
  'mlp kunlun→cambricon',
  'mlp cambricon→cann',
  'mlp thead→musa',
  'transformer-block maca→kunlun',
  'transformer-block thead→cann',
  'transformer-block kunlun→thead',
  'resnet-block musa→cambricon',
  'resnet-block cann→thead',
  'llama-block musa→kunlun',
  'llama-block cann→maca',
  'llama-block cambricon→kunlun',
  'llama-block maca→cann',
  'data-parallel-step cann→kunlun',
  'data-parallel-step kunlun→cann',
  'data-parallel-step maca→cambricon',
] as const;

/** Directions above the porter cannot complete yet, with the first shortfall each shows today. */
const DIRECTION_GAPS: Readonly<Record<string, { readonly failure: RegExp; readonly gap: string }>> = {
};

interface Direction {
  readonly name: string;
  readonly result: SourcePortResult;
  readonly pair: PortPair;
}

function shortfallOf(d: Direction, verdict: PortVerdict): string[] {
  const errors = d.result.diagnostics.filter((x) => x.severity === 'error');
  const fromCuda = portSource(readFileSync(join(root, d.pair.original), 'utf8'), { from: 'cuda', to: d.pair.backend as BackendId });
  const allowed = fromCuda.diagnostics.filter((x) => x.severity === 'error').length;
  const diagnostics = errors.length > allowed ? [`port leaves ${errors.length} error diagnostics, CUDA → ${d.pair.backend} ${allowed} (first: ${errors[0].id} ${errors[0].message})`] : [];
  return [...diagnostics, ...shortfalls(verdict)];
}

describe('sample ports between two backends other than CUDA', () => {
  const dir = mkdtempSync(join(root, '.opbridge-tmp-directions-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let directions: Direction[];
  let verdicts: Map<PortPair, PortVerdict>;

  beforeAll(async () => {
    directions = DIRECTIONS.map((name) => {
      const [sample, way] = name.split(' ');
      const [from, to] = way.split('→') as [BackendId, BackendId];
      const path = `samples/${sample}/ported/${from}.ts`;
      const result = portSource(readFileSync(join(root, path), 'utf8'), { from, to, fileName: path });
      const file = join(dir, `${sample}.${from}.${to}.ts`);
      writeFileSync(file, result.output);
      return { name, result, pair: { sample, backend: to, original: `samples/${sample}/cuda.ts`, ported: file.slice(root.length + 1), ranks: SAMPLE_RANKS[sample] ?? 1 } };
    });
    verdicts = await verifyPorts(root, directions.map((d) => d.pair));
  }, 900_000);

  it('lists only directions it checks as gaps', () => {
    expect(Object.keys(DIRECTION_GAPS).filter((k) => !(DIRECTIONS as readonly string[]).includes(k))).toEqual([]);
  });

  it('cover every source and every target', () => {
    const ways = DIRECTIONS.map((n) => n.split(' ')[1].split('→'));
    const others = ['cann', 'cambricon', 'kunlun', 'musa', 'maca', 'thead'];
    expect(new Set(ways.map(([from]) => from))).toEqual(new Set(others));
    expect(new Set(ways.map(([, to]) => to))).toEqual(new Set(others));
  });

  it('leave no more errors than CUDA → Y and verify against the CUDA original (gaps fail as recorded)', () => {
    const surprises: string[] = [];
    for (const d of directions) {
      const found = shortfallOf(d, verdicts.get(d.pair)!);
      const known = DIRECTION_GAPS[d.name];
      if (!known && found.length > 0) surprises.push(`${d.name}${d.result.route ? ' (through cuda)' : ''}: ${found.slice(0, 3).join(' | ')}`);
      else if (known && found.length === 0) surprises.push(`${d.name} now verifies: delete its entry`);
      else if (known && !known.failure.test(found[0])) surprises.push(`${d.name} fails differently from its recorded gap (${known.gap}): ${found[0]}`);
    }
    expect(surprises).toEqual([]);
  });
});
