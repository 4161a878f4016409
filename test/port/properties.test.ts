/**
 * Properties of the porter on generated programs (test/port/program-generator.ts): it never
 * throws on valid TypeScript, its output parses, a second run changes nothing, and two runs
 * over the same input agree — also from one non-CUDA backend to another. Run counts are fixed (seeded) so the suite stays fast and stable.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TARGET_BACKENDS } from '../../src/catalog/vocabulary.js';
import { portSource } from '../../src/port/port-source.js';
import { parseSource } from '../../src/port/syntax/typescript.js';
import { facadeProgram } from './program-generator.js';

const targets = fc.constantFrom(...TARGET_BACKENDS);
const settings = { numRuns: 150, seed: 20261128 };

describe('porter properties', () => {
  it('generated programs are valid TypeScript (the generator is sound)', () => {
    fc.assert(fc.property(facadeProgram, (program) => parseSource('p.ts', program).syntaxErrors.length === 0), settings);
  });

  it('never throws, and its output parses', () => {
    fc.assert(
      fc.property(facadeProgram, targets, fc.boolean(), (program, to, comments) => {
        const result = portSource(program, { to, comments });
        expect(['ok', 'nochange']).toContain(result.outcome);
        expect(parseSource('p.ts', result.output).syntaxErrors).toEqual([]);
      }),
      settings,
    );
  });

  it('changes nothing on a second run, and gives the same output twice', () => {
    fc.assert(
      fc.property(facadeProgram, targets, fc.boolean(), (program, to, comments) => {
        const first = portSource(program, { to, comments });
        expect(portSource(program, { to, comments }).output).toBe(first.output);
        const second = portSource(first.output, { to, comments });
        expect(second.output).toBe(first.output);
        expect(second.outcome).toBe('nochange');
      }),
      settings,
    );
  });

  it('between two backends other than CUDA (where the route through CUDA may be taken): never throws, output parses, a second run changes nothing', () => {
    const pairs = fc.tuple(targets, targets).filter(([a, b]) => a !== b);
    fc.assert(
      fc.property(facadeProgram, pairs, fc.boolean(), (program, [via, to], comments) => {
        const source = portSource(program, { to: via, comments: false }).output;
        const first = portSource(source, { from: via, to, comments });
        expect(['ok', 'nochange', 'skip']).toContain(first.outcome);
        expect(parseSource('p.ts', first.output).syntaxErrors).toEqual([]);
        // The same options again (the source may still import CUDA where the first port left calls).
        expect(portSource(first.output, { from: via, to, comments }).output).toBe(first.output);
      }),
      { ...settings, numRuns: 60 },
    );
  });
});
