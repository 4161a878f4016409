/**
 * `port --verify`: runs the original and the ported program on the reference runtime and
 * compares them call by call (`verify`, src/verify/verify.ts). Only model programs (files
 * exporting `main`) are verified. The ported text is verified where it would live: a sibling
 * temporary file in a dry run (so relative imports resolve as for the original), the written
 * file with --write (the original then goes to a sibling temporary file) or --out-dir.
 */
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { verify, type VerifyOptions } from '../verify/verify.js';
import type { VerifyReport } from '../verify/verify-report.js';

export interface PortVerification {
  readonly verdict?: 'pass' | 'warn' | 'fail';
  /** Where the port first diverges, in one line. */
  readonly firstDivergence?: string;
  /** Why the programs could not be run (a missing facade, a program that throws, a timeout). */
  readonly error?: string;
}

export type PortVerifier = (original: string, ported: string) => Promise<VerifyReport>;

export function defaultVerifier(options: VerifyOptions): PortVerifier {
  return (original, ported) => verify(original, ported, options);
}

const PROGRAM = /\bexport\s+(async\s+)?function\s+main\b|\bexport\s+(const|let|var)\s+main\b|\bexport\s*\{[^}]*\bmain\b[^}]*\}/;

/** Whether a file is a model program `opbridge run` and `verify` can execute. */
export function isModelProgram(text: string): boolean {
  return PROGRAM.test(text);
}

function sibling(file: string, tag: string): string {
  return join(dirname(file), `.${basename(file).replace(/\.(m|c)?tsx?$/, '')}.opbridge-${tag}-${randomBytes(4).toString('hex')}.ts`);
}

/**
 * Verifies one ported file. `written` is where the ported text was written (--write / --out-dir),
 * absent in a dry run; `source` and `output` are the texts.
 */
export async function verifyPortedFile(file: string, source: string, output: string, written: string | undefined, verifier: PortVerifier): Promise<PortVerification> {
  const inPlace = written === file;
  const temporary = written === undefined ? sibling(file, 'port') : inPlace ? sibling(file, 'original') : undefined;
  try {
    if (temporary) writeFileSync(temporary, written === undefined ? output : source);
    const original = inPlace ? temporary! : file;
    const ported = written ?? temporary!;
    const report = await verifier(original, ported);
    const d = report.firstDivergence;
    return { verdict: report.verdict, ...(d ? { firstDivergence: `${d.kind} ${d.at} (rank ${d.rank}): ${d.reason}` } : {}) };
  } catch (error) {
    return { error: (error as Error).message };
  } finally {
    if (temporary) rmSync(temporary, { force: true });
  }
}
