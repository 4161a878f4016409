import { describe, expect, it } from 'vitest';
import { Punct, TokenKind, tokenColumn, tokenizeCpp, tokenText } from '../../src/coverage/cpp-lexer.js';

/** Identifiers with their line numbers, as `name@line`. */
function identifiers(source: string): string[] {
  const t = tokenizeCpp(source);
  const out: string[] = [];
  for (let i = 0; i < t.count; i++) if (t.kinds[i] === TokenKind.Identifier) out.push(`${tokenText(t, i)}@${t.lines[i]}`);
  return out;
}

function kinds(source: string): string[] {
  const t = tokenizeCpp(source);
  const names = Object.fromEntries(Object.entries(TokenKind).map(([k, v]) => [v, k]));
  return Array.from({ length: t.count }, (_, i) => `${names[t.kinds[i]]}:${tokenText(t, i)}`);
}

describe('tokenizeCpp', () => {
  it('skips line and block comments, including a line comment continued by a backslash', () => {
    const src = ['a // cudaFree(x) \\', 'cudaMalloc still comment', 'b /* cudaMemset', '   spans lines */ c'].join('\n');
    expect(identifiers(src)).toEqual(['a@1', 'b@3', 'c@4']);
  });

  it('skips string and character literals with escapes and encoding prefixes', () => {
    const src = `x = "cudaMalloc \\" still"; y = 'c'; z = '\\''; w = u8"cudaFree"; v = L'q'; u = U"cublasCreate";`;
    expect(identifiers(src)).toEqual(['x@1', 'y@1', 'z@1', 'w@1', 'v@1', 'u@1']);
  });

  it('skips raw strings with delimiters, even when they contain quotes, parentheses and newlines', () => {
    const src = ['auto s = R"sql(', 'select ")" as cudaMalloc', ')sql"; after', 'auto t = LR"(x)" ; end'].join('\n');
    expect(identifiers(src)).toEqual(['auto@1', 's@1', 'after@3', 'auto@4', 't@4', 'end@4']);
  });

  it('keeps C++14 digit separators inside numbers instead of opening a character literal', () => {
    expect(kinds("n = 1'000'000; m = 0x1e+5; k")).toEqual(['Identifier:n', 'Punct:=', "Number:1'000'000", 'Punct:;', 'Identifier:m', 'Punct:=', 'Number:0x1e+5', 'Punct:;', 'Identifier:k']);
  });

  it('ends an unterminated string at its line so the rest of the file still lexes', () => {
    expect(identifiers('a = "oops\ncudaMalloc(p);')).toEqual(['a@1', 'cudaMalloc@2', 'p@2']);
  });

  it('marks directives, keeps #define bodies as tokens across continuation lines, and does not tokenize header names or #error text', () => {
    const src = ['#include <cuda_runtime.h>', "#error can't build without CUDA", '#define CHECK(x) \\', '  cudaGetErrorString(x)', 'int y;'].join('\n');
    expect(kinds(src)).toEqual([
      'Hash:#', 'Identifier:include', 'EndOfDirective:',
      'Hash:#', 'Identifier:error', 'EndOfDirective:',
      'Hash:#', 'Identifier:define', 'Identifier:CHECK', 'Punct:(', 'Identifier:x', 'Punct:)', 'Identifier:cudaGetErrorString', 'Punct:(', 'Identifier:x', 'Punct:)', 'EndOfDirective:',
      'Identifier:int', 'Identifier:y', 'Punct:;',
    ]);
    expect(identifiers(src).find((s) => s.startsWith('cudaGetErrorString'))).toBe('cudaGetErrorString@4');
  });

  it('drops #if 0 blocks (with nesting and #else), but not #if 1 or #if X', () => {
    const src = ['#if 0 // disabled', 'cudaA();', '#if X', 'cudaB();', '#endif', '#else', 'cudaC();', '#endif', '#if 1', 'cudaD();', '#endif'].join('\n');
    expect(identifiers(src).filter((s) => s.startsWith('cuda'))).toEqual(['cudaC@7', 'cudaD@10']);
  });

  it('lexes ::, ->, <<< and >>> as single punctuators and reports 1-based columns', () => {
    const t = tokenizeCpp('  ns::k<<<g, b>>>(p->x);');
    const codes = Array.from({ length: t.count }, (_, i) => t.codes[i]);
    expect(codes).toContain(Punct.Scope);
    expect(codes).toContain(Punct.Arrow);
    expect(codes).toContain(Punct.LaunchOpen);
    expect(codes).toContain(Punct.LaunchClose);
    expect(tokenColumn(t, 0)).toBe(3);
  });

  it('counts lines with and without a trailing newline, and CRLF endings', () => {
    expect(tokenizeCpp('').lineCount).toBe(0);
    expect(tokenizeCpp('a\nb').lineCount).toBe(2);
    expect(tokenizeCpp('a\nb\n').lineCount).toBe(2);
    expect(identifiers('a\r\n// c\r\nb\r\n')).toEqual(['a@1', 'b@3']);
  });
});
