/** Status variables and the type each takes (src/port/context/status-variables.ts). */
import { describe, expect, it } from 'vitest';
import type { EnumRecord } from '../../src/catalog/catalog.js';
import { statusVariables, variableStatusType } from '../../src/port/context/status-variables.js';
import { ts } from '../../src/port/syntax/typescript.js';

const status = (name: string) => ({ backend: 'cuda', spec: { name, members: [] } }) as unknown as EnumRecord;
const cublas = status('cublasStatus_t');
const cudnn = status('cudnnStatus_t');
const xdnn = { backend: 'kunlun', spec: { name: 'Error_t', members: [] } } as unknown as EnumRecord;

describe('statusVariables', () => {
  const text = [
    'let s: Error_t = Error_t.SUCCESS;',
    'for (let i = 0; i < 4 && s === Error_t.SUCCESS; i++) s = xpu.fc_fusion(a);',
    'if (Error_t.SUCCESS !== (s)) throw new Error();',
    'const n: number = 3;',
    'let twice: Error_t = f(); function g(twice: number) {}',
  ].join('\n');
  const file = ts.createSourceFile('a.ts', text, ts.ScriptTarget.Latest, true);
  const found = statusVariables(file, (name) => (ts.isIdentifier(name) && name.text === 'Error_t' ? xdnn : undefined));

  it('finds variables by their declared status type, skipping names declared twice', () => {
    expect(found.map((v) => v.name)).toEqual(['s']);
  });

  it('collects the calls assigned and the values given or compared', () => {
    const [s] = found;
    expect(s.assigned.map((c) => c.getText())).toEqual(['xpu.fc_fusion(a)']);
    expect(s.related.map((e) => e.getText())).toEqual(['Error_t.SUCCESS', 'Error_t.SUCCESS', 'Error_t.SUCCESS']);
  });
});

describe('statusVariables through functions called on the spot', () => {
  // A lowering with statements writes a call inside an expression this way (`status = (() => { …; return call; })()`).
  const text = [
    'let s: Error_t = first();',
    's = (() => { const t = make(); return second(t); })();',
    's = (function () { const held = third(); release(); return held; })();',
    's = (() => fourth())();',
    's = (() => { let changing = fifth(); changing = sixth(); const inner = () => seventh(); return changing; })();',
    'const later = () => eighth();',
    's = later();',
  ].join('\n');
  const file = ts.createSourceFile('a.ts', text, ts.ScriptTarget.Latest, true);
  const [s] = statusVariables(file, (name) => (ts.isIdentifier(name) && name.text === 'Error_t' ? xdnn : undefined));

  it('takes what such a function returns, a constant of its own read as its initialiser', () => {
    // `changing` may hold either call, so it stays a value; the nested arrow's return is not the outer function's; `later()` is a call like any.
    expect(s.assigned.map((c) => c.getText())).toEqual(['first()', 'second(t)', 'third()', 'fourth()', 'later()']);
    expect(s.related.map((e) => e.getText())).toEqual(['changing']);
  });
});

describe('variableStatusType', () => {
  it('takes the type all calls agree on', () => {
    expect(variableStatusType(cudnn, [cublas, cublas]).spec.name).toBe('cublasStatus_t');
  });

  it('keeps the type most calls have, the mapped type on a tie, and the mapped type with no calls', () => {
    expect(variableStatusType(cudnn, [cublas, cudnn, cublas]).spec.name).toBe('cublasStatus_t');
    expect(variableStatusType(cudnn, [cublas, cudnn]).spec.name).toBe('cudnnStatus_t');
    expect(variableStatusType(cudnn, []).spec.name).toBe('cudnnStatus_t');
  });
});
