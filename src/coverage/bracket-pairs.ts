/**
 * Matching brackets in a token list: for each `(`, `[`, `{` the index of its closer and back.
 * Preprocessor directives are matched on their own, so a `{` inside `#define` never pairs
 * with code outside it. Unbalanced brackets get -1 (the scanner then falls back to lines).
 */
import { TokenKind, type CppTokens } from './cpp-lexer.js';

const OPENERS: Readonly<Record<number, number>> = { 40: 41, 91: 93, 123: 125 };
const CLOSERS = new Set([41, 93, 125]);

export function bracketPairs(tokens: CppTokens): Int32Array {
  const match = new Int32Array(tokens.count).fill(-1);
  const code = new Stack();
  const directive = new Stack();
  let stack = code;
  for (let i = 0; i < tokens.count; i++) {
    const kind = tokens.kinds[i];
    if (kind === TokenKind.Hash) {
      stack = directive;
      continue;
    }
    if (kind === TokenKind.EndOfDirective) {
      directive.clear();
      stack = code;
      continue;
    }
    if (kind !== TokenKind.Punct) continue;
    const c = tokens.codes[i];
    if (OPENERS[c] !== undefined) stack.push(i);
    else if (CLOSERS.has(c)) {
      // Pop to the nearest opener of the same type; unmatched openers in between stay -1.
      const open = stack.popMatching((j) => OPENERS[tokens.codes[j]] === c);
      if (open >= 0) {
        match[open] = i;
        match[i] = open;
      }
    }
  }
  return match;
}

class Stack {
  private items: number[] = [];

  push(i: number): void {
    this.items.push(i);
  }

  clear(): void {
    this.items.length = 0;
  }

  popMatching(fits: (i: number) => boolean): number {
    for (let k = this.items.length - 1; k >= 0; k--) {
      if (fits(this.items[k])) {
        const found = this.items[k];
        this.items.length = k;
        return found;
      }
    }
    return -1;
  }
}
