/** How a lowering with statements before its call replaces the source call. */
import { describe, expect, it } from 'vitest';
import { EditList } from '../../src/port/edits/edit-list.js';
import { placeLowering } from '../../src/port/emit/statement-placement.js';
import type { Lowering } from '../../src/port/lower/lowerer.js';
import { parseSource, ts } from '../../src/port/syntax/typescript.js';

function place(text: string, lowering: Lowering): string {
  const { sourceFile } = parseSource('s.ts', text);
  let call: ts.CallExpression | undefined;
  const visit = (n: ts.Node): void => {
    if (!call && ts.isCallExpression(n) && n.expression.getText(sourceFile) === 'src') call = n;
    ts.forEachChild(n, visit);
  };
  visit(sourceFile);
  const edits = new EditList(text);
  const placed = placeLowering(call!, lowering, edits, sourceFile);
  return placed.ok ? edits.apply() : `refused: ${placed.reason}`;
}

const hoisted: Lowering = { prelude: [{ text: 'const n = size()', declares: true }], call: 'tgt(n, n)', targetSymbols: ['tgt'], diagnostics: [] };
const companion: Lowering = { prelude: [{ text: 'copy(a, b)', declares: false }], call: 'tgt(b)', targetSymbols: ['copy', 'tgt'], diagnostics: [] };

describe('placing a lowering', () => {
  it('replaces only the call when there is nothing to run first', () => {
    expect(place('x = src(1) + 2;', { ...hoisted, prelude: [] })).toBe('x = tgt(n, n) + 2;');
  });

  it('replaces a whole statement with several, in its indentation', () => {
    expect(place('function f() {\n    src(1);\n}', hoisted)).toBe('function f() {\n    const n = size();\n    tgt(n, n);\n}');
  });

  it('keeps a declaration or return around the final call', () => {
    expect(place('  const st: number = src(1);', hoisted)).toBe('  const n = size();\n  const st: number = tgt(n, n);');
    expect(place('function f() { return src(1); }', hoisted)).toBe('function f() { const n = size();\n  return tgt(n, n); }'.replace('\n  ', '\n'));
  });

  it('adds braces when the statement is not in a block', () => {
    expect(place('if (ok) src(1);', hoisted)).toBe('if (ok) {\n  const n = size();\n  tgt(n, n);\n}');
  });

  it('puts the statements before an if whose condition evaluates the call first, else wraps them', () => {
    expect(place("  if (src(1) !== OK) throw new Error('x');", hoisted)).toBe("  const n = size();\n  if (tgt(n, n) !== OK) throw new Error('x');");
    expect(place('if (!(src(1))) fail();', companion)).toBe('copy(a, b);\nif (!(tgt(b))) fail();');
    // Something else is evaluated first, or the if is an else branch: the statements may not run earlier.
    expect(place('if (ready && src(1) !== OK) fail();', hoisted)).toBe('if (ready && (() => { const n = size(); return tgt(n, n); })() !== OK) fail();');
    expect(place('if (a) b(); else if (src(1) !== OK) fail();', hoisted)).toBe('if (a) b(); else if ((() => { const n = size(); return tgt(n, n); })() !== OK) fail();');
  });

  it('puts the statements before a check statement that takes the status, so no wrapper is needed', () => {
    expect(place('check(src(1));', companion)).toBe('copy(a, b);\ncheck(tgt(b));');
    expect(place('check(src(1));', hoisted)).toBe('const n = size();\ncheck(tgt(n, n));');
    // No arrow function, so an `await` in the statement stays in its async function.
    expect(place('async function f() { check(src(await g())); }', hoisted)).toBe('async function f() { const n = size();\ncheck(tgt(n, n)); }');
  });

  it('writes a statement with a body as a block, its status statements checked like the call', () => {
    const guarded: Lowering = {
      prelude: [],
      call: 'run()',
      epilogue: [
        { text: 'if (mode === GELU)', declares: true, body: [{ text: 'gelu()', declares: false, status: true }, { text: 'free()', declares: false }] },
        { text: 'destroy()', declares: false },
      ],
      targetSymbols: ['run', 'gelu'],
      diagnostics: [],
    };
    expect(place("function f() {\n  check(src(1), 'what');\n}", guarded)).toBe(
      "function f() {\n  check(run(), 'what');\n  if (mode === GELU) {\n    check(gelu(), 'what');\n    free();\n  }\n  destroy();\n}",
    );
  });

  it('uses the file\'s line endings', () => {
    expect(place('a();\r\nsrc(1);\r\n', hoisted)).toBe('a();\r\nconst n = size();\r\ntgt(n, n);\r\n');
  });
});
