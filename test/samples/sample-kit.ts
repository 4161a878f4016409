/**
 * Shared pieces of the sample tests: where a sample lives, its outputs as float64, the
 * canonical operator sequence of a rank's trace, and elementwise tolerance checks.
 */
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ProgramRun, RankRun } from '../../src/run/run-program.js';
import { LAMBDA, type Estimate } from './error-model.js';

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
    const difference = Math.abs(actual[i] - expected[i]);
    const ratio = difference === 0 ? 0 : difference / bound[i];
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

/** `actual` within LAMBDA standard deviations of an error-model reference (error-model.ts). */
export function expectEstimate(name: string, actual: ArrayLike<number>, reference: Estimate): void {
  expectWithin(name, actual, reference.v, reference.sd.map((sd) => LAMBDA * sd));
}
