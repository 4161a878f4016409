/**
 * The route through CUDA (src/port/hub-route.ts): when it is taken, and how the second leg's
 * findings and rewrites are reported against the file the user gave — first with scripted legs
 * (exact positions), then with the real porter on a committed sample port, verified by numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackendId } from '../../src/catalog/vocabulary.js';
import { pending, placeDiagnostic, type PortDiagnostic } from '../../src/port/diagnostics/port-diagnostics.js';
import { EditList } from '../../src/port/edits/edit-list.js';
import { hubRouteApplies, portThroughHub, workLeft, type LegResult } from '../../src/port/hub-route.js';
import type { PortRewrite } from '../../src/port/port-result.js';
import { portSource } from '../../src/port/port-source.js';
import { verify } from '../../src/verify/verify.js';
import { tempDir } from '../helpers/temp-dir.js';

const source = ['setup();', 'run(opA(1));', 'after();', ''].join('\n');

/** A leg that replaces each `find` with `replace`, recording one rewrite per replacement. */
function scriptedLeg(replacements: Record<string, { text: string; from: string; to: string[] }>, findings: (output: string) => PortDiagnostic[] = () => []) {
  return (text: string): LegResult => {
    const edits = new EditList(text);
    const rewrites: PortRewrite[] = [];
    for (const [find, r] of Object.entries(replacements)) {
      const at = text.indexOf(find);
      if (at < 0) continue;
      edits.replace(at, at + find.length, r.text);
      const line = text.slice(0, at).split('\n').length;
      rewrites.push({ line, column: at - text.lastIndexOf('\n', at - 1), kind: 'call', from: r.from, to: r.to });
    }
    const output = edits.apply();
    return { output, rewrites, diagnostics: findings(output), edits: edits.applied() };
  };
}

const firstLeg = scriptedLeg({ 'opA(1)': { text: 'hubA(1);\n  hubB(1)', from: 'opA', to: ['hubA', 'hubB'] } });
const unsupported = (output: string, symbol: string) => {
  const lines = output.split('\n');
  const line = lines.findIndex((l) => l.includes(`${symbol}(`));
  return placeDiagnostic(pending('OB1002', { target: 'cambricon', symbol, notes: 'scripted' }, symbol), line + 1, lines[line].indexOf(symbol) + 1);
};
const secondLeg = scriptedLeg({ 'hubA(1)': { text: 'tgtA(1)', from: 'hubA', to: ['tgtA'] } }, (output) => [unsupported(output, 'hubB')]);
const legs = (text: string, from: BackendId, to: BackendId) => (to === 'cuda' ? firstLeg(text) : secondLeg(text));
const heavyDirect = { error: 3, warning: 0, effortHours: 12 };

describe('portThroughHub with scripted legs', () => {
  it('reports second-leg findings at the source call they stem from, naming it', () => {
    const routed = portThroughHub(source, 'musa', 'cambricon', true, legs, heavyDirect)!;
    expect(routed.output).toBe(['setup();', 'run(tgtA(1);', '  hubB(1));', 'after();', ''].join('\n'));
    expect(routed.route).toEqual({ via: 'cuda', direct: heavyDirect });
    expect(routed.diagnostics).toHaveLength(1);
    expect(routed.diagnostics[0]).toMatchObject({ id: 'OB1002', line: 2, column: 5, symbol: 'opA' });
    expect(routed.diagnostics[0].message).toMatch(/`hubB`: scripted \(in the cuda port of `opA`\)$/);
  });

  it('rewrites go from the source symbol to what the second leg wrote, keeping hub names still in the output', () => {
    const routed = portThroughHub(source, 'musa', 'cambricon', true, legs, heavyDirect)!;
    expect(routed.rewrites).toEqual([{ line: 2, column: 5, kind: 'call', from: 'opA', to: ['tgtA', 'hubB'] }]);
  });

  it('is not taken when it leaves as much work as the direct port, or when the first leg leaves a call unported', () => {
    expect(portThroughHub(source, 'musa', 'cambricon', true, legs, { error: 1, warning: 0, effortHours: 4 })).toBeUndefined();
    const failed = scriptedLeg({ 'opA(1)': { text: 'hubA(1)', from: 'opA', to: ['hubA'] } }, (output) => [unsupported(output, 'hubA')]);
    expect(portThroughHub(source, 'musa', 'cambricon', true, (t, f, to) => (to === 'cuda' ? failed(t) : secondLeg(t)), heavyDirect)).toBeUndefined();
  });

  it('keeps the first leg\'s warnings, saying they arose on the way, and counts them as work', () => {
    const warned = scriptedLeg({ 'opA(1)': { text: 'hubA(1);\n  hubB(1)', from: 'opA', to: ['hubA', 'hubB'] } }, () => [{ ...unsupported(source, 'opA'), severity: 'warning', effortHours: 0.5 }]);
    const viaWarning = (t: string, f: BackendId, to: BackendId) => (to === 'cuda' ? warned(t) : secondLeg(t));
    const routed = portThroughHub(source, 'musa', 'cambricon', true, viaWarning, heavyDirect)!;
    expect(routed.diagnostics.map((d) => [d.severity, d.line, d.message.endsWith('(on the way through cuda)')])).toEqual([
      ['warning', 2, true],
      ['error', 2, false],
    ]);
    expect(portThroughHub(source, 'musa', 'cambricon', true, viaWarning, { error: 1, warning: 0, effortHours: 4.25 })).toBeUndefined();
  });

  it('is tried only between two backends other than CUDA, when the direct port left work', () => {
    const work = { error: 1, warning: 0, effortHours: 1 };
    expect(hubRouteApplies('musa', 'cambricon', work)).toBe(true);
    expect(hubRouteApplies('musa', 'cambricon', { error: 0, warning: 1, effortHours: 0.25 })).toBe(true);
    expect(hubRouteApplies('musa', 'cambricon', { error: 0, warning: 0, effortHours: 0 })).toBe(false);
    expect(hubRouteApplies('cuda', 'cambricon', work)).toBe(false);
    expect(hubRouteApplies('musa', 'cuda', work)).toBe(false);
  });

  it('counts work by severity and estimated hours', () => {
    expect(workLeft([unsupported('x hubB(1)', 'hubB'), { ...unsupported('hubB(', 'hubB'), severity: 'warning', effortHours: 0.5 }])).toEqual({ error: 1, warning: 1, effortHours: 4.5 });
  });
});

describe('portSource through CUDA on a committed sample port', () => {
  const root = join(import.meta.dirname, '../..');
  const musa = readFileSync(join(root, 'samples/mlp/ported/musa.ts'), 'utf8');

  it('mlp: MUSA → Cambricon goes through CUDA, leaves nothing to do, and computes what the CUDA original computes', async () => {
    const direct = portSource(musa, { from: 'musa', to: 'cambricon' });
    expect(direct.route?.via).toBe('cuda');
    expect(direct.route!.direct.error).toBeGreaterThan(0);
    expect(direct.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(direct.output).not.toMatch(/opbridge\/(musa|cuda)'/);
    expect(direct.output).toMatch(/\bcnnlMatMul_v2\(/);
    const lines = musa.split('\n');
    for (const r of direct.rewrites) {
      // At the source symbol, or at the start of the statement that holds it.
      expect(lines.slice(r.line - 1, r.line + 2).join('\n').slice(r.column - 1), `rewrite of ${r.from}`).toContain(r.from);
      expect(r.from, 'a source name, not a CUDA one').not.toMatch(/^(cuda|cublas|cudnn)/);
      for (const t of r.to) expect(direct.output).toMatch(new RegExp(`\\b${t}\\b`));
    }
    expect(portSource(direct.output, { to: 'cambricon' })).toMatchObject({ outcome: 'nochange', output: direct.output });
    expect(portSource(direct.output, { from: 'musa', to: 'cambricon' })).toMatchObject({ outcome: 'skip', output: direct.output });
    const dir = tempDir({ 'original.ts': readFileSync(join(root, 'samples/mlp/cuda.ts'), 'utf8'), 'ported.ts': direct.output, 'package.json': '{ "type": "module" }' });
    const report = await verify(join(dir, 'original.ts'), join(dir, 'ported.ts'), { timeoutMs: 300_000 });
    expect(report.verdict, JSON.stringify(report.firstDivergence)).toMatch(/^(pass|warn)$/);
  }, 400_000);

  it('a direct port that leaves nothing to do is kept (MACA → T-Head renames)', () => {
    const maca = readFileSync(join(root, 'samples/mlp/ported/maca.ts'), 'utf8');
    const result = portSource(maca, { from: 'maca', to: 'thead' });
    expect(result.route).toBeUndefined();
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
