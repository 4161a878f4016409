/**
 * SARIF 2.1.0 for GitHub code scanning and SARIF viewers: one result per site of an API that
 * is unsupported, unknown or partial on at least one requested target (rule and level from
 * the worst of those), and one result per custom kernel that needs porting. Each result
 * carries a fingerprint that survives unrelated line moves (symbol, file, n-th use in file).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../catalog/package-root.js';
import type { BackendId, Status } from '../catalog/vocabulary.js';
import type { ApiUsage, CoverageReport, KernelReport } from './coverage-report.js';
import { KERNEL_PORTING } from './kernel-porting.js';
import { plural, STATUS_MEANINGS } from './report-labels.js';

export type SarifLevel = 'error' | 'warning' | 'note';

interface Rule {
  readonly id: string;
  readonly name: string;
  readonly level: SarifLevel;
  readonly short: string;
  readonly full: string;
  readonly anchor: string;
}

/** Statuses that produce results, worst first. */
const REPORTED: readonly Status[] = ['unsupported', 'unknown', 'partial'];

export const SARIF_RULES: Readonly<Record<'unsupported' | 'unknown' | 'partial' | 'kernel', Rule>> = {
  unsupported: {
    id: 'coverage/unsupported-api',
    name: 'UnsupportedApi',
    level: 'error',
    short: 'CUDA API unsupported on a target backend',
    full: `The catalog states that a requested target ${STATUS_MEANINGS.unsupported}: this call needs a custom implementation or a design change before the port.`,
    anchor: 'statuses',
  },
  unknown: {
    id: 'coverage/unknown-api',
    name: 'UnknownApi',
    level: 'warning',
    short: 'Target support for a CUDA API is unknown',
    full: 'The catalog has no answer for this API on a requested target (or does not know the API at all). Find out before estimating the port; add the answer to the catalog with its source.',
    anchor: 'statuses',
  },
  partial: {
    id: 'coverage/partial-api',
    name: 'PartialApi',
    level: 'note',
    short: 'CUDA API only partly supported on a target backend',
    full: `On a requested target the API ${STATUS_MEANINGS.partial}. Check the missing modes against this call's arguments.`,
    anchor: 'statuses',
  },
  kernel: {
    id: 'coverage/custom-kernel',
    name: 'CustomKernel',
    level: 'warning',
    short: 'Custom CUDA kernel needs porting',
    full: 'A __global__ kernel or __device__ function is custom device code: targets without CUDA-style kernels need it rewritten in their kernel language (Ascend C, BANG C, XPU C/C++); CUDA-like targets need a rebuild and re-test.',
    anchor: 'kernels',
  },
};

/** Where the coverage docs are: the installed package's docs/coverage.md. */
export function coverageDocsUri(anchor?: string): string {
  return `${pathToFileURL(join(packageRoot(), 'docs', 'coverage.md')).href}${anchor ? `#${anchor}` : ''}`;
}

function fingerprint(...parts: (string | number)[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

function artifactUri(path: string): { uri: string; uriBaseId?: string } {
  if (path.startsWith('/')) return { uri: pathToFileURL(path).href };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}

function describeTargets(api: ApiUsage, targets: readonly BackendId[]): string {
  const groups = new Map<Status, BackendId[]>();
  for (const t of targets) {
    const status = api.targets[t]!.status;
    if (!REPORTED.includes(status)) continue;
    groups.set(status, [...(groups.get(status) ?? []), t]);
  }
  return REPORTED.filter((s) => groups.has(s))
    .map((s) => `${s} on ${groups.get(s)!.join(', ')}`)
    .join('; ');
}

function kernelMessage(k: KernelReport, targets: readonly BackendId[]): { text: string; level: SarifLevel } {
  const handPort = targets.filter((t) => KERNEL_PORTING[t].approach === 'hand-port');
  const rebuild = targets.filter((t) => KERNEL_PORTING[t].approach === 'recompile');
  const parts: string[] = [];
  if (handPort.length) parts.push(`needs a hand port on ${handPort.map((t) => `${t} (${KERNEL_PORTING[t].language})`).join(', ')}`);
  if (rebuild.length) parts.push(`a rebuild and re-test on ${rebuild.join(', ')}`);
  const what = k.kind === 'global' ? 'Custom kernel' : 'Device function';
  return { text: `${what} '${k.name}' (${plural(k.bodyLines, 'line')}) ${parts.join('; ') || 'has no requested target'}.`, level: handPort.length ? 'warning' : 'note' };
}

export function renderSarif(report: CoverageReport, options: { cwd?: string } = {}): string {
  const rules = Object.values(SARIF_RULES);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results: unknown[] = [];
  const location = (file: string, line: number, column: number) => ({
    physicalLocation: { artifactLocation: artifactUri(file), region: { startLine: line, startColumn: column } },
  });

  for (const api of report.apis) {
    const statuses = report.targets.map((t) => api.targets[t]!.status);
    const worst = REPORTED.find((s) => statuses.includes(s));
    if (!worst) continue;
    const rule = SARIF_RULES[worst as 'unsupported' | 'unknown' | 'partial'];
    const summary = describeTargets(api, report.targets);
    const nth = new Map<string, number>();
    for (const o of api.occurrences) {
      const n = (nth.get(o.file) ?? 0) + 1;
      nth.set(o.file, n);
      results.push({
        ruleId: rule.id,
        ruleIndex: ruleIndex.get(rule.id),
        level: rule.level,
        message: { text: `'${api.symbol}'${api.known ? '' : ' (not in the catalog)'} is ${summary}.` },
        locations: [location(o.file, o.line, o.column)],
        partialFingerprints: { 'opbridgeApiSite/v1': fingerprint(rule.id, api.source, api.symbol, o.file, n) },
        properties: {
          symbol: api.symbol,
          source: api.source,
          library: api.library,
          kind: api.kind,
          targets: Object.fromEntries(report.targets.map((t) => [t, { status: api.targets[t]!.status, symbols: api.targets[t]!.symbols, basis: api.targets[t]!.basis }])),
        },
      });
    }
  }
  const kernelRule = SARIF_RULES.kernel;
  const kernelTargets = report.targets.filter((t) => KERNEL_PORTING[t].approach !== 'none');
  for (const k of report.kernels) {
    if (kernelTargets.length === 0) break;
    const { text, level } = kernelMessage(k, kernelTargets);
    results.push({
      ruleId: kernelRule.id,
      ruleIndex: ruleIndex.get(kernelRule.id),
      level,
      message: { text },
      locations: [location(k.file, k.line, k.column)],
      partialFingerprints: { 'opbridgeKernel/v1': fingerprint(kernelRule.id, k.file, k.name) },
      properties: { kernel: k.name, kind: k.kind, bodyLines: k.bodyLines, hours: k.hours },
    });
  }

  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'opbridge',
            semanticVersion: report.tool.version,
            version: report.tool.version,
            informationUri: coverageDocsUri(),
            rules: rules.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.short },
              fullDescription: { text: r.full },
              help: { text: r.full, markdown: `${r.full}\n\nSee docs/coverage.md, section "${r.anchor}".` },
              helpUri: coverageDocsUri(r.anchor),
              defaultConfiguration: { level: r.level },
              properties: { tags: ['portability', 'cuda'] },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: `${pathToFileURL(options.cwd ?? process.cwd()).href}/` } },
        columnKind: 'utf16CodeUnits',
        results,
        properties: {
          targets: report.targets,
          coverage: Object.fromEntries(report.targets.map((t) => [t, report.backends[t]!.coverage])),
        },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
