/**
 * Shared pieces of the sample tests: where a sample lives, its outputs as float64, the
 * canonical operator sequence of a rank's trace, and the float32 rounding constants the
 * tolerances are built from.
 */
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ProgramRun, RankRun } from '../../src/run/run-program.js';

/** Unit roundoff of float32 (round to nearest). */
export const U32 = 2 ** -24;

/** Higham's γ(n) = n·u / (1 − n·u): the relative error bound of n roundings. */
export function gamma(n: number, u = U32): number {
  return (n * u) / (1 - n * u);
}

export function samplePath(name: string): string {
  return fileURLToPath(new URL(`../../samples/${name}/cuda.ts`, import.meta.url));
}

export function output(run: ProgramRun, name: string, rank = 0): Float64Array {
  const t = run.ranks[rank].outputs.get(name);
  if (!t) throw new Error(`the sample returned no output '${name}' (it returned ${[...run.ranks[rank].outputs.keys()].join(', ')})`);
  return t.toFloat64();
}

/** Canonical operators of the rank's operator calls, in program order. */
export function operatorSequence(rank: RankRun): string[] {
  return rank.trace.filter((t) => t.kind === 'op').map((t) => t.op);
}

/** Every element within its own bound; reports the worst element on failure. */
export function expectWithin(name: string, actual: ArrayLike<number>, expected: ArrayLike<number>, bound: ArrayLike<number>): void {
  expect(actual.length, `${name}: length`).toBe(expected.length);
  let worst = -1;
  let worstRatio = 0;
  for (let i = 0; i < expected.length; i++) {
    const ratio = Math.abs(actual[i] - expected[i]) / bound[i];
    if (Number.isNaN(ratio)) {
      [worst, worstRatio] = [i, Infinity];
      break;
    }
    if (ratio > worstRatio) {
      worstRatio = ratio;
      worst = i;
    }
  }
  const detail = worst < 0 ? '' : `${name}[${worst}] = ${actual[worst]}, reference ${expected[worst]}, bound ${bound[worst]}`;
  expect(worstRatio, detail).toBeLessThanOrEqual(1);
}
