/**
 * Words and number formats shared by the text, Markdown, CSV and HTML reports, so every
 * format says the same thing the same way.
 */
import type { Status } from '../catalog/vocabulary.js';
import type { ApiUsage } from './coverage-report.js';
import type { SourceLanguage } from './file-scan.js';
import type { TargetAnswer } from './target-answers.js';
import { CUDA_LIBRARY_NAMES } from './symbol-patterns.js';

export const STATUS_MEANINGS: Readonly<Record<Status, string>> = {
  native: 'one target call does it',
  composite: 'several target calls do it',
  partial: 'works, but some dtypes, attributes or modes are missing',
  unsupported: 'the target has no way to do it',
  unknown: 'nobody has found out yet (not in the catalog, or no answer for this target)',
};

export const LANGUAGE_NAMES: Readonly<Record<SourceLanguage, string>> = { cuda: 'CUDA', cpp: 'C++', c: 'C', typescript: 'TypeScript' };

export function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function hours(h: number): string {
  return h >= 100 ? `${Math.round(h)} h` : `${h.toFixed(1)} h`;
}

export function libraryName(library: string): string {
  return CUDA_LIBRARY_NAMES[library] ?? library;
}

/** Symbol as shown in tables: cudnn-frontend names use the customary `fe::` alias. */
export function shortSymbol(api: Pick<ApiUsage, 'symbol'>): string {
  return api.symbol.startsWith('cudnn_frontend::') ? `fe::${api.symbol.slice('cudnn_frontend::'.length)}` : api.symbol;
}

/** A status with `*` when the answer is inferred rather than stated for the symbol. */
export function statusLabel(answer: Pick<TargetAnswer, 'status' | 'basis'>): string {
  return `${answer.status}${answer.basis === 'inferred' ? '*' : ''}`;
}

export const INFERRED_LEGEND = '* inferred: derived from the bound operator or primitive, an enum meaning or a type kind, not stated for the symbol';

/** How a target runs custom kernels, in a few words: "hand port to BANG C", "rebuild as MUSA C++". */
export function kernelApproachLabel(porting: { approach: string; language: string; confidence: string }): string {
  const how = porting.approach === 'hand-port' ? `hand port to ${porting.language}` : porting.approach === 'recompile' ? `rebuild as ${porting.language}` : 'nothing to port';
  return `${how}${porting.confidence === 'unconfirmed' ? ' (compatibility unconfirmed)' : ''}`;
}
