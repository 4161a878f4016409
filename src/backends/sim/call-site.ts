/**
 * Where in the model program a facade call was made: the first stack frame outside
 * opbridge's own sources. With tsx's source maps these are TypeScript lines.
 */
import { fileURLToPath } from 'node:url';
import { join, sep } from 'node:path';
import { packageRoot } from '../../catalog/package-root.js';

export interface CallSite {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

let internalPrefixes: string[] | undefined;

function isInternal(file: string): boolean {
  internalPrefixes ??= [join(packageRoot(), 'src') + sep, join(packageRoot(), 'dist') + sep];
  return (
    file.startsWith('node:') ||
    file.includes(`${sep}node_modules${sep}`) ||
    internalPrefixes.some((p) => file.startsWith(p))
  );
}

const FRAME = /\(?((?:file:\/\/|\/|[A-Za-z]:\\)[^()]*?):(\d+):(\d+)\)?$/;

/** The first call site outside opbridge in the current stack, if any. */
export function captureCallSite(): CallSite | undefined {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 40;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  for (const line of stack.split('\n').slice(1)) {
    const match = FRAME.exec(line.trim());
    if (!match) continue;
    const file = match[1].startsWith('file://') ? fileURLToPath(match[1]) : match[1];
    if (isInternal(file)) continue;
    return { file, line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}
