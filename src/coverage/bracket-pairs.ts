/**
 * Matching brackets in a token list: for each `(`, `[`, `{` the index of its closer and back.
 * Preprocessor directives are matched on their own, so a `{` inside `#define` never pairs
 * with code outside it. Unbalanced brackets get -1 (the scanner then falls back to lines).
 */
import { TokenKind, type CppTokens } from './cpp-lexer.js';

export function bracketPairs(tokens: CppTokens): Int32Array {
  const match = new Int32Array(tokens.count).fill(-1);
  const { kinds, codes } = tokens;
  // Two stacks of opener indices: code, and the current directive (reset at its end).
  const code: number[] = [];
  const directive: number[] = [];
  let stack = code;
  for (let i = 0; i < tokens.count; i++) {
    const kind = kinds[i];
    if (kind === TokenKind.Hash) {
      stack = directive;
      continue;
    }
    if (kind === TokenKind.EndOfDirective) {
      directive.length = 0;
      stack = code;
      continue;
    }
    if (kind !== TokenKind.Punct) continue;
    const c = codes[i];
    if (c === 40 || c === 91 || c === 123) stack.push(i);
    else if (c === 41 || c === 93 || c === 125) {
      const opener = c === 41 ? 40 : c === 93 ? 91 : 123;
      // Pop to the nearest opener of the same type; unmatched openers in between stay -1.
      for (let k = stack.length - 1; k >= 0; k--) {
        if (codes[stack[k]] === opener) {
          match[stack[k]] = i;
          match[i] = stack[k];
          stack.length = k;
          break;
        }
      }
    }
  }
  return match;
}
