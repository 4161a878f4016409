import { describe, expect, it } from 'vitest';
import { Tensor } from '../../src/runtime/tensor.js';
import { compareRuns } from '../../src/verify/compare-runs.js';
import { reportJson } from '../../src/verify/render-json.js';
import { renderJUnit, xmlEscape } from '../../src/verify/render-junit.js';
import { renderMarkdown } from '../../src/verify/render-markdown.js';
import { renderText } from '../../src/verify/render-text.js';
import { ToleranceResolver } from '../../src/verify/tolerance.js';
import { syntheticRuns, type ProgramApi } from './synthetic-runs.js';
import { catalog, IEEE, TF32_FTZ } from './fixture-catalog.js';
import { assertWellFormedXml } from './well-formed-xml.js';

const BASE = '/work/models';
const x = (seed: number) => Tensor.fromNumbers(Array.from({ length: 16 }, (_, i) => Math.sin(seed * 7 + i)), [4, 4], 'float32');

function body(axis: number, nan: boolean) {
  return (api: ProgramApi) => {
    const [a] = api.op('MatMul', [x(1), x(2)], {}, 3);
    if (!nan) api.op('Relu', [a], {}, 4); // dropped by the port: unmatched
    const input = nan ? Tensor.fromNumbers([...a.toFloat64()].map((v, i) => (i === 5 ? NaN : v)), [4, 4], 'float32') : a;
    const [p] = api.op('Softmax', [input], { axis }, 5);
    api.copy(p, 6);
    return { probs: p, 'odd <name> & "quotes"': a };
  };
}

const report = compareRuns(
  syntheticRuns('original', { file: `${BASE}/original.ts`, backend: 'cuda', profile: IEEE, prefix: 'ref', body: body(-1, false) }),
  syntheticRuns('ported', {
    file: `${BASE}/ported.ts`,
    backend: 'cann',
    profile: TF32_FTZ,
    prefix: 'low',
    body: body(0, true),
    diagnostics: () => [{ id: 'OB2007', severity: 'error', message: 'lowSoftmax reads memory written by lowMatMul <on stream 2> & races', backend: 'cann', symbol: 'lowSoftmax', site: { file: `${BASE}/ported.ts`, line: 5, column: 3 } }],
  }),
  { catalog, tolerances: new ToleranceResolver(catalog) },
);

describe('reporters', () => {
  it('the report under test has a warn, an unmatched call, a failure with NaNs and a diagnostic', () => {
    expect(report.ops.map((o) => o.verdict)).toEqual(['warn', 'unmatched', 'fail']);
    expect(report.ops[2].comparison?.metrics.nonFinite.nan).toBeGreaterThan(0);
    expect(report.verdict).toBe('fail');
  });

  it('JSON keeps the contract: verdict, ops, outputs, firstDivergence (strings for non-finite numbers, relative paths)', () => {
    const json = reportJson(report, BASE) as Record<string, any>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['verdict', 'ops', 'outputs', 'firstDivergence', 'copies', 'diagnostics', 'summary']));
    expect(json.verdict).toBe('fail');
    expect(json.ops).toHaveLength(3);
    expect(json.ops[2]).toMatchObject({ index: 3, verdict: 'fail', original: [{ op: 'Softmax', site: { file: 'original.ts', line: 5 } }], ported: [{ op: 'Softmax', site: { file: 'ported.ts', line: 5 } }] });
    expect(json.ops[2].metrics.maxRelError).toEqual(expect.any(Number));
    expect(json.ops[1]).toMatchObject({ kind: 'unmatched', verdict: 'unmatched', metrics: null, ported: [] });
    expect(json.outputs.map((o: { name: string }) => o.name)).toEqual(['probs', 'odd <name> & "quotes"']);
    expect(json.firstDivergence).toMatchObject({ kind: 'diagnostic', at: 'OB2007', ported: { site: { file: 'ported.ts', line: 5 } }, original: { op: 'Softmax', site: { file: 'original.ts', line: 5 } } });
    // Round-trips through JSON (no NaN / Infinity literals).
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    // Non-finite numbers become strings.
    const row = report.ops[0];
    const infinite = { ...report, ops: [{ ...row, comparison: { ...row.comparison!, metrics: { ...row.comparison!.metrics, maxRelError: Infinity, cosine: NaN } } }] };
    const again = reportJson(infinite, BASE) as Record<string, any>;
    expect(again.ops[0].metrics).toMatchObject({ maxRelError: 'Infinity', cosine: 'NaN' });
  });

  it('JUnit XML is well-formed, with a failure per failing row and diagnostic and skipped unmatched rows', () => {
    const xml = renderJUnit(report, BASE);
    assertWellFormedXml(xml);
    expect(xml).toMatch(/<testsuites name="opbridge verify" tests="(\d+)" failures="(\d+)"/);
    const failures = xml.match(/<failure /g)?.length ?? 0;
    const expected = [...report.ops, ...report.copies, ...report.outputs].filter((r) => r.verdict === 'fail').length + 1;
    expect(failures).toBe(expected);
    expect(xml).toContain(`failures="${expected}"`);
    expect(xml).toMatch(/<skipped message="no counterpart in the port/);
    expect(xml).toContain('odd &lt;name&gt; &amp; &quot;quotes&quot;');
    expect(xml).toMatch(/classname="opbridge\.verify\.diagnostics"/);
    expect(xml).toMatch(/file="ported\.ts" line="5"/);
  });

  it('(the well-formedness check itself rejects broken XML)', () => {
    const prolog = '<?xml version="1.0" encoding="UTF-8"?>\n';
    expect(() => assertWellFormedXml(`${prolog}<a><b></a></b>`)).toThrow(/wrong element/);
    expect(() => assertWellFormedXml(`${prolog}<a x="1 & 2"/>`)).toThrow(/bad entity/);
    expect(() => assertWellFormedXml(`${prolog}<a>x < y</a>`)).toThrow(/malformed tag|raw/);
    expect(() => assertWellFormedXml(`${prolog}<a/><b/>`)).toThrow(/2 root elements/);
    expect(() => assertWellFormedXml(`${prolog}<a>`)).toThrow(/unclosed/);
  });

  it('escapes XML, dropping characters XML 1.0 cannot hold', () => {
    expect(xmlEscape(`a<b>&"c'\u0001\ud800`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
  });

  it('Markdown has the verdict, the first divergence with both sites and one table row per call', () => {
    const md = renderMarkdown(report, BASE);
    expect(md).toMatch(/^# opbridge verify: ❌ fail/);
    expect(md).toContain('**diagnostic OB2007**');
    expect(md).toContain('- original: `original.ts:5:3` refSoftmax (Softmax)');
    expect(md).toContain('- port: `ported.ts:5:3` lowSoftmax (Softmax)');
    const callRows = md.split('## Calls')[1].split('##')[0].split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(callRows).toHaveLength(3);
    expect(md).toContain('odd <name> & "quotes"');
  });

  it('the terminal table highlights the first divergence and shows both call sites', () => {
    const text = renderText(report, BASE);
    expect(text).toMatch(/first divergence: diagnostic OB2007/);
    expect(text).toMatch(/original {2}original\.ts:5:3 {2}refSoftmax/);
    expect(text).toMatch(/port {6}ported\.ts:5:3 {2}lowSoftmax/);
    expect(text).toMatch(/MatMul +refMatMul → lowMatMul +f32\[4×4\]/);
    expect(text).toMatch(/FAIL {2}calls: 1 warn, 1 fail, 1 unmatched/);
    // The unmatched call is listed with no counterpart.
    expect(text).toMatch(/Relu → — +refRelu → — +f32\[4×4\] +unmatched/);
  });

  it('marks the failing call as the first divergence when no runtime error comes first', () => {
    const plain = compareRuns(
      syntheticRuns('original', { file: `${BASE}/original.ts`, backend: 'cuda', profile: IEEE, body: body(-1, false) }),
      syntheticRuns('ported', { file: `${BASE}/ported.ts`, backend: 'cuda', profile: IEEE, body: body(0, false) }),
      { catalog, tolerances: new ToleranceResolver(catalog) },
    );
    const text = renderText(plain, BASE);
    expect(text).toMatch(/▶3 +Softmax/);
    expect(text).toMatch(/first divergence: op #3/);
  });
});
