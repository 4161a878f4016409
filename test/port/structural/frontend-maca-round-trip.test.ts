/**
 * cudnn-frontend graphs through MetaX MACA and back. MACA's Graph::get_workspace_size() returns
 * the size (no out-argument), so CUDA → MACA assigns it (`w.value = g.get_workspace_size()`);
 * MACA → CUDA writes CUDA's out-argument form back under the status helper the same block checks
 * its graph calls with, and the CUDA → X graph reader follows the assignment where it stays (CUDA
 * has the size-returning overload too). Decided by text: the round trip gives the program back
 * unchanged, and a MACA program ports to CANN / Kunlun / Cambricon (through CUDA) exactly as its
 * CUDA original does — those ports are verified numerically by their own fixtures and samples.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { portSource } from '../../../src/port/port-source.js';

const fixture = (name: string, file = 'input.ts') => readFileSync(new URL(`../../fixtures/port/${name}/${file}`, import.meta.url), 'utf8');
const notInfo = (r: { diagnostics: readonly { severity: string }[] }) => r.diagnostics.filter((d) => d.severity !== 'info');

describe('cuda → maca → cuda gives cudnn-frontend programs back', () => {
  it.each(['cudnn-frontend-graphs', 'cudnn-frontend-one-node', 'cudnn-frontend-helper-graphs', 'cudnn-frontend-layernorm', 'cudnn-frontend-training-norm', 'cudnn-frontend-workspace-assigned'])('%s', (name) => {
    const original = fixture(name);
    const there = portSource(original, { to: 'maca' });
    expect(notInfo(there)).toEqual([]);
    const back = portSource(there.output, { from: 'maca', to: 'cuda' });
    expect(notInfo(back)).toEqual([]);
    expect(back.output).toBe(original);
  });

  it('the checked out-argument form goes to MACA as an assignment and comes back checked', () => {
    const there = portSource(fixture('cudnn-frontend-graphs'), { to: 'maca' });
    expect(there.output).toContain('  workspaceBytes.value = graph.get_workspace_size();\n');
    const back = portSource(there.output, { from: 'maca', to: 'cuda' });
    expect(back.output).toContain('  checkFrontend(graph.get_workspace_size(workspaceBytes), `${what} get_workspace_size`);\n');
  });
});

describe('maca → cuda: the status helper of the block, or the overload that returns the size', () => {
  const maca = (build: string) => `import { mcdnn_frontend, ref, type mcdnnHandle_t } from 'opbridge/maca';
type Graph = InstanceType<typeof mcdnn_frontend.graph.Graph>;
type error_t = InstanceType<typeof mcdnn_frontend.error_t>;
function checkFrontend(error: error_t, what: string): void {
  if (!error.is_good()) throw new Error(\`\${what}: \${error.get_message()}\`);
}
function keep(error: error_t): error_t {
  return error;
}
export function size(graph: Graph, handle: mcdnnHandle_t): number {
${build}
  const bytes = ref<number>();
  bytes.value = graph.get_workspace_size();
  return bytes.value;
}
`;

  it('under the helper that checks the block’s graph calls, its message naming the method', () => {
    const r = portSource(maca(`  checkFrontend(graph.build_operation_graph(handle), 'size: build_operation_graph');\n  checkFrontend(graph.build_plans(), 'size: build_plans');`), { from: 'maca', to: 'cuda' });
    expect(notInfo(r)).toEqual([]);
    expect(r.output).toContain("  checkFrontend(graph.get_workspace_size(bytes), 'size: get_workspace_size');\n");
    expect(r.output).not.toContain('bytes.value = graph.get_workspace_size()');
  });

  it('a helper that keeps the status is no check: the assignment stays', () => {
    const r = portSource(maca(`  keep(graph.build_plans());`), { from: 'maca', to: 'cuda' });
    expect(r.output).toContain('  bytes.value = graph.get_workspace_size();\n');
  });

  it('graph calls checked in place (`.is_good()`), no helper: the assignment stays', () => {
    const r = portSource(maca(`  if (!graph.build_plans().is_good()) throw new Error('build_plans');`), { from: 'maca', to: 'cuda' });
    expect(r.output).toContain('  bytes.value = graph.get_workspace_size();\n');
    expect(r.output).not.toContain('get_workspace_size(bytes)');
  });
});

describe('maca → cann / kunlun / cambricon lowers graphs whose workspace size MACA assigns', () => {
  it.each([
    ['cudnn-frontend-graphs', 'cann'],
    ['cudnn-frontend-graphs', 'kunlun'],
    ['cudnn-frontend-graphs', 'cambricon'],
    ['cudnn-frontend-one-node', 'cann'],
  ] as const)('%s → %s: as the CUDA program ports', (name, to) => {
    const maca = fixture(name, 'expected.maca.ts');
    const r = portSource(maca, { from: 'maca', to });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.output).not.toContain('get_workspace_size');
    expect(r.output).toBe(fixture(name, `expected.${to}.ts`));
  });
});
