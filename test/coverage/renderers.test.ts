import { describe, expect, it } from 'vitest';
import { STATUSES, TARGET_BACKENDS } from '../../src/catalog/vocabulary.js';
import { renderCoverage } from '../../src/cli/commands/coverage.js';
import { coverage } from '../../src/coverage/coverage.js';
import type { CoverageReport } from '../../src/coverage/coverage-report.js';
import { CSV_COLUMNS, renderCsv } from '../../src/coverage/render-csv.js';
import { renderMarkdown } from '../../src/coverage/render-markdown.js';
import { renderSarif, SARIF_RULES } from '../../src/coverage/render-sarif.js';
import { NO_PAINT, renderText } from '../../src/coverage/render-text.js';
import { FIXTURE_PROJECT, fixtureCatalog } from './fixture-catalog.js';

let cached: CoverageReport | undefined;
async function fixtureReport(): Promise<CoverageReport> {
  cached ??= await coverage([FIXTURE_PROJECT], { catalog: fixtureCatalog(), cwd: FIXTURE_PROJECT });
  return cached;
}

/** Splits one CSV line (quoted cells may hold commas and doubled quotes). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') cells.push(cell), (cell = '');
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

describe('coverage renderers', () => {
  it('json: keeps the CLI contract { backends: { <id>: { coverage } }, apis: [...] } plus kernels, files and summary', async () => {
    const json = JSON.parse(renderCoverage(await fixtureReport(), 'json', false));
    expect(Object.keys(json.backends)).toEqual([...TARGET_BACKENDS]);
    for (const b of Object.values(json.backends) as { coverage: number }[]) {
      expect(b.coverage).toBeGreaterThanOrEqual(0);
      expect(b.coverage).toBeLessThanOrEqual(1);
    }
    expect(json.apis.length).toBe(json.summary.apis);
    expect(json.apis[0]).toMatchObject({ symbol: expect.any(String), sites: expect.any(Number), occurrences: expect.any(Array), targets: expect.any(Object) });
    expect(json.kernels.map((k: { name: string }) => k.name)).toEqual(['bias_relu', 'scale_rows', 'clamp01']);
    expect(json.files.map((f: { path: string }) => f.path)).toEqual(['kernels/attention.cpp', 'kernels/train_step.cu', 'model/gpu.ts', 'model/mlp.ts']);
    expect(json.model.effort.perApi.unsupported).toBeGreaterThan(0);
  });

  it('sarif: is structurally valid SARIF 2.1.0 with one result per site of a partial, unsupported or unknown API', async () => {
    const report = await fixtureReport();
    const sarif = JSON.parse(renderSarif(report, { cwd: FIXTURE_PROJECT }));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('opbridge');
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ruleIds).toEqual(Object.values(SARIF_RULES).map((r) => r.id));
    for (const rule of run.tool.driver.rules) {
      expect(rule.helpUri).toMatch(/^file:\/\/.*docs\/coverage\.md#/);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
      expect(rule.shortDescription.text).toBeTruthy();
    }
    const flagged = report.apis.filter((a) => report.targets.some((t) => ['partial', 'unsupported', 'unknown'].includes(a.targets[t]!.status)));
    const apiResults = run.results.filter((r: { ruleId: string }) => r.ruleId !== SARIF_RULES.kernel.id);
    expect(apiResults).toHaveLength(flagged.reduce((n, a) => n + a.sites, 0));
    expect(run.results.length - apiResults.length).toBe(report.kernels.length);
    for (const result of run.results) {
      expect(ruleIds[result.ruleIndex]).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.message.text).toBeTruthy();
      const loc = result.locations[0].physicalLocation;
      expect(loc.artifactLocation.uri).not.toMatch(/^\//);
      expect(loc.artifactLocation.uriBaseId).toBe('SRCROOT');
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
      expect(loc.region.startColumn).toBeGreaterThanOrEqual(1);
      expect(Object.values(result.partialFingerprints)[0]).toMatch(/^[0-9a-f]{32}$/);
    }
    const fingerprints = run.results.map((r: { partialFingerprints: Record<string, string> }) => Object.values(r.partialFingerprints)[0]);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    expect(run.originalUriBaseIds.SRCROOT.uri).toMatch(/^file:\/\/.*\/$/);
    const unsupported = apiResults.find((r: { properties: { symbol: string } }) => r.properties.symbol === 'cudaGetErrorString');
    expect(unsupported).toMatchObject({ ruleId: 'coverage/unsupported-api', level: 'error' });
    expect(unsupported.message.text).toMatch(/unsupported on cann; unknown on kunlun, cambricon, musa, maca, thead/);
  });

  it('csv: one row per API × target with stable columns', async () => {
    const report = await fixtureReport();
    const lines = renderCsv(report).trimEnd().split('\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + report.apis.length * report.targets.length);
    const rows = lines.slice(1).map(csvCells);
    for (const row of rows) {
      expect(row).toHaveLength(CSV_COLUMNS.length);
      expect(STATUSES).toContain(row[1]);
    }
    const malloc = rows.find((r) => r[0] === 'cann' && r[8] === 'cudaMalloc')!;
    expect(malloc.slice(0, 5)).toEqual(['cann', 'native', 'explicit', 'confirmed', 'aclrtMalloc']);
  });

  it('md: a summary, a targets table with a row per target, and API tables per library', async () => {
    const report = await fixtureReport();
    const md = renderMarkdown(report);
    expect(md).toMatch(/^# CUDA API coverage\n/);
    const targetRows = md.split('\n').filter((l) => /^\| \*\*\w+\*\* \(/.test(l));
    expect(targetRows).toHaveLength(report.targets.length);
    for (const row of targetRows) expect(row.split(' | ')).toHaveLength(10);
    expect(md).toContain('### cuBLAS');
    expect(md).toMatch(/\| `cudaMalloc`<br><sub>kernels\/train_step\.cu:52 \+1 files<\/sub> \| function \| 5 \| native `aclrtMalloc` \|/);
    expect(md).toContain('## Custom kernels');
  });

  it('text: plain without paint, names every target, and coloured only when asked', async () => {
    const report = await fixtureReport();
    const plain = renderText(report, NO_PAINT);
    expect(plain).not.toMatch(/\u001b\[/);
    for (const t of report.targets) expect(plain).toMatch(new RegExp(`^${t}\\s`, 'm'));
    expect(plain).toMatch(/Declared by this code, so not counted as APIs: CUDA_CHECK \(macro/);
    const red = (s: string) => `\u001b[31m${s}\u001b[39m`;
    const coloured = renderText(report, { ...NO_PAINT, red });
    expect(coloured).toContain(red('unsupported'));
  });
});
