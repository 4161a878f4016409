/** Outcomes and file-level behaviour of portSource, in small inline cases. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { portSource } from '../../src/port/port-source.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('which files are ported', () => {
  it('skips a file without a facade import, and leaves one already on the target unchanged', () => {
    expect(portSource('export const x = 1;\n', { to: 'cann' })).toMatchObject({ outcome: 'skip', reason: 'no opbridge facade import' });
    const ported = lines("import { aclrtMalloc } from 'opbridge/cann';", 'aclrtMalloc(p, n, 0);');
    expect(portSource(ported, { to: 'cann' })).toMatchObject({ outcome: 'nochange', output: ported });
  });

  it('skips a file that imports two source facades unless --from says which (OB1013)', () => {
    const text = lines("import { cudaMalloc } from 'opbridge/cuda';", "import { musaMalloc } from 'opbridge/musa';", 'cudaMalloc(p, n);', 'musaMalloc(q, n);');
    const skipped = portSource(text, { to: 'cann' });
    expect(skipped.outcome).toBe('skip');
    expect(skipped.diagnostics.map((d) => [d.id, d.line])).toEqual([['OB1013', 2]]);
    const fromMusa = portSource(text, { to: 'cann', from: 'musa' });
    expect(fromMusa.output).toContain('aclrtMalloc(q, n, ACL_MEM_MALLOC_HUGE_FIRST);');
    expect(fromMusa.output).toContain('cudaMalloc(p, n);');
  });

  it('does not touch a file that does not parse (OB1016, outcome error)', () => {
    const text = lines("import { cudaMalloc } from 'opbridge/cuda';", 'cudaMalloc(p, n', 'const = ;');
    const result = portSource(text, { to: 'cann' });
    expect(result).toMatchObject({ outcome: 'error', output: text });
    expect(result.diagnostics[0]).toMatchObject({ id: 'OB1016', severity: 'error', line: 3 });
  });

  it('reports re-exports of the source facade without rewriting them (OB1014)', () => {
    const text = lines("export { cudaMalloc } from 'opbridge/cuda';", "import { cudaFree } from 'opbridge/cuda';", 'cudaFree(p);');
    const result = portSource(text, { to: 'cann' });
    expect(result.output).toContain("export { cudaMalloc } from 'opbridge/cuda';");
    expect(result.output).toContain('aclrtFree(p);');
    expect(result.diagnostics.map((d) => d.id)).toEqual(['OB1014']);
  });
});

describe('what is rewritten', () => {
  it('reports every rewrite with its position, and every diagnostic with severity and effort', () => {
    const text = lines("import { cudaMalloc, cudnnCreate, ref } from 'opbridge/cuda';", 'cudaMalloc(p, n);', 'cudnnCreate(ref());');
    const result = portSource(text, { to: 'cann' });
    expect(result.rewrites).toEqual([{ line: 2, column: 1, kind: 'call', from: 'cudaMalloc', to: ['aclrtMalloc'] }]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ id: 'OB1002', severity: 'error', line: 3, column: 1, symbol: 'cudnnCreate', effortHours: 4 })]);
  });

  it('leaves names inside strings, templates, comments and property names alone', () => {
    const text = lines(
      "import { cudaFree } from 'opbridge/cuda';",
      'const o = { cudaFree: 1 };',
      'o.cudaFree;',
      "const s = 'cudaFree(p)'; // cudaFree(p)",
      'const t = `cudaFree ${cudaFree(p)}`;',
    );
    const out = portSource(text, { to: 'cann' }).output;
    expect(out).toContain('const o = { cudaFree: 1 };\no.cudaFree;\n');
    expect(out).toContain("const s = 'cudaFree(p)'; // cudaFree(p)");
    expect(out).toContain('const t = `cudaFree ${aclrtFree(p)}`;');
  });

  it('leaves a call it cannot port exactly as written, arguments included', () => {
    const text = lines("import { ncclAllReduce, ncclFloat32, ncclAvg, cudaMemcpyHostToDevice } from 'opbridge/cuda';", 'ncclAllReduce(a, b, n, k === cudaMemcpyHostToDevice ? ncclFloat32 : ncclFloat32, ncclAvg, c, s);');
    const out = portSource(text, { to: 'cann', comments: false }).output;
    expect(out.split('\n')[1]).toBe('ncclAllReduce(a, b, n, k === cudaMemcpyHostToDevice ? ncclFloat32 : ncclFloat32, ncclAvg, c, s);');
    expect(out.split('\n')[0]).toBe("import { ncclAllReduce, ncclFloat32, ncclAvg, cudaMemcpyHostToDevice } from 'opbridge/cuda';");
  });

  it('honours markers in block comments too, and ignores marker text in strings', () => {
    const text = lines("import { cudaFree } from 'opbridge/cuda';", '/* opbridge-ignore-next-line */', 'cudaFree(a);', "const s = '// opbridge-ignore-next-line';", 'cudaFree(b);');
    const out = portSource(text, { to: 'cann' }).output;
    expect(out).toContain('cudaFree(a);');
    expect(out).toContain('aclrtFree(b);');
    expect(out).toContain("import { aclrtFree } from 'opbridge/cann';\nimport { cudaFree } from 'opbridge/cuda';");
  });

  it('imports a target name under an alias when the same name stays in use as a source name', () => {
    // T-Head keeps CUDA's names: a suppressed cudaFree stays CUDA's while the other becomes T-Head's.
    const text = lines("import { cudaFree } from 'opbridge/cuda';", '// opbridge-ignore-next-line', 'cudaFree(a);', 'cudaFree(b);');
    const out = portSource(text, { to: 'thead' }).output;
    expect(out).toBe(lines("import { cudaFree as cudaFree_1 } from 'opbridge/thead';", "import { cudaFree } from 'opbridge/cuda';", '// opbridge-ignore-next-line', 'cudaFree(a);', 'cudaFree_1(b);'));
    expect(portSource(out, { to: 'thead' }).outcome).toBe('nochange');
  });

  it('writes diagnostics once: a second run recognises its own comments; porting the call later removes them', () => {
    const text = lines("import { cudaMemcpy, cudaMemcpyDefault } from 'opbridge/cuda';", 'function f() {', '  cudaMemcpy(d, h, n, cudaMemcpyDefault);', '}');
    const first = portSource(text, { to: 'kunlun' });
    expect(first.output).toContain('  // opbridge OB1006: `cudaMemcpyDefault` (copy.default) has no kunlun equivalent for `kind` of `xpu_memcpy` (porting `cudaMemcpy`)\n  cudaMemcpy(');
    expect(portSource(first.output, { to: 'kunlun' }).outcome).toBe('nochange');
    const fixed = first.output.replace('cudaMemcpyDefault);', 'cudaMemcpyDeviceToHost);').replace('cudaMemcpyDefault }', 'cudaMemcpyDefault, cudaMemcpyDeviceToHost }');
    const again = portSource(fixed, { to: 'kunlun' }).output;
    expect(again).not.toContain('OB1006');
    expect(again).toContain('  xpu_memcpy(d, h, n, XPU_DEVICE_TO_HOST);');
  });

  it('keeps CRLF line endings', () => {
    // cudnnCreate of a handle that is not a variable stays as written, with a comment.
    const text = "import { cudaFree, cudnnCreate } from 'opbridge/cuda';\r\ncudaFree(p);\r\ncudnnCreate(ref());\r\n";
    const out = portSource(text, { to: 'cann' }).output;
    expect(out.split('\r\n')).toHaveLength(6);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('merges nothing into an existing target import, and does not import a name twice', () => {
    const text = lines("import { aclrtFree } from 'opbridge/cann';", "import { cudaFree, cudaMalloc } from 'opbridge/cuda';", 'aclrtFree(q);', 'cudaFree(p);', 'cudaMalloc(r, 4);');
    const out = portSource(text, { to: 'cann' }).output;
    expect(out).toBe(lines("import { aclrtFree } from 'opbridge/cann';", "import { aclrtMalloc, ACL_MEM_MALLOC_HUGE_FIRST } from 'opbridge/cann';", 'aclrtFree(q);', 'aclrtFree(p);', 'aclrtMalloc(r, 4, ACL_MEM_MALLOC_HUGE_FIRST);'));
  });

  it('warns when a status whose success the target does not number goes straight into a helper (OB1018)', () => {
    const text = lines("import { ncclAllReduce, cudaFree, ncclSum, ncclFloat32 } from 'opbridge/cuda';", 'check(ncclAllReduce(a, a, n, ncclFloat32, ncclSum, c, s));', 'check(cudaFree(p));');
    const kunlun = portSource(text, { to: 'kunlun', comments: false });
    expect(kunlun.diagnostics.filter((d) => d.id === 'OB1018').map((d) => [d.line, d.symbol])).toEqual([[2, 'ncclAllReduce']]);
    expect(portSource(text, { to: 'cann' }).diagnostics.map((d) => d.id)).not.toContain('OB1018');
  });
});

describe('ports of what the port wrote', () => {
  it('reports a status of another library that reaches a status variable through a function called on the spot (OB1034)', () => {
    // The CANN port of status-variable-two-libraries assigns each aclnn pair's status as `status = (() => { …; const status_1 = aclnnX(…); …; return status_1; })()`.
    const cann = readFileSync(new URL('../fixtures/port/status-variable-two-libraries/expected.cann.ts', import.meta.url), 'utf8');
    const maca = portSource(cann, { from: 'cann', to: 'maca', fileName: 'attention.ts' });
    const stray = maca.diagnostics.filter((d) => d.id === 'OB1034');
    expect(stray).toHaveLength(1);
    expect(stray[0].message).toContain('`mcdnnSoftmaxForward` (mcdnnStatus_t) is assigned to `status`');
  });
});
