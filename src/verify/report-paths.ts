/** File paths in reports: relative to a base directory (the working directory) when under it. */
import { isAbsolute, relative } from 'node:path';
import type { CallSite } from '../backends/sim/call-site.js';

export function reportPath(file: string, base: string = process.cwd()): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(base, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** `file:line:column`, or '?' when the site is unknown. */
export function formatSite(site: CallSite | null | undefined, base?: string): string {
  return site ? `${reportPath(site.file, base)}:${site.line}:${site.column}` : '?';
}
