/**
 * A fast lexer for C, C++ and CUDA sources, written for the coverage scanner: it skips
 * comments, string and character literals (with encoding prefixes and raw strings
 * `R"d(...)d"`), honours line continuations, drops `#if 0` blocks, and emits identifiers,
 * numbers, punctuation and preprocessor-directive boundaries with their line numbers.
 * It does not preprocess: macros are neither expanded nor tracked (see docs/coverage.md).
 *
 * Tokens live in parallel typed arrays rather than objects, so a 200k-line tree lexes
 * without allocating a million small objects.
 */

export const TokenKind = {
  Identifier: 1,
  Number: 2,
  /** A string or character literal, including raw strings and encoding prefixes. */
  String: 3,
  /** Punctuation; `codes[i]` holds the character code or one of the `Punct` codes. */
  Punct: 4,
  /** The `#` that starts a preprocessor directive (first token on its line). */
  Hash: 5,
  /** The end of a preprocessor directive (its last unescaped newline, or end of file). */
  EndOfDirective: 6,
} as const;
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

/** Multi-character punctuators the scanner cares about; all others are single characters. */
export const Punct = {
  /** `::` */
  Scope: 0x10000,
  /** `->` */
  Arrow: 0x10001,
  /** `<<<` (CUDA launch configuration open) */
  LaunchOpen: 0x10002,
  /** `>>>` (CUDA launch configuration close, or three template closers) */
  LaunchClose: 0x10003,
} as const;

export interface CppTokens {
  readonly text: string;
  readonly count: number;
  readonly kinds: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** 1-based line of each token's first character. */
  readonly lines: Int32Array;
  /** Punctuation code (char code or a `Punct` value); 0 for other kinds. */
  readonly codes: Int32Array;
  /** Number of lines in the text (a trailing newline does not start a new line). */
  readonly lineCount: number;
}

/** Directives whose rest of line is free text (header names, messages), not tokens. */
const RAW_DIRECTIVES = new Set(['include', 'include_next', 'import', 'error', 'warning', 'line', 'ident', 'sccs']);

const NL = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const BACKSLASH = 92;
const SLASH = 47;
const STAR = 42;
const QUOTE = 34;
const APOSTROPHE = 39;
const HASH = 35;

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c >= 128;
}

function isIdentPart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c >= 128;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Growable parallel arrays. */
class TokenBuffer {
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  lines: Int32Array;
  codes: Int32Array;
  count = 0;

  constructor(capacity: number) {
    this.kinds = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.lines = new Int32Array(capacity);
    this.codes = new Int32Array(capacity);
  }

  push(kind: number, start: number, end: number, line: number, code: number): void {
    if (this.count === this.kinds.length) this.grow();
    const i = this.count++;
    this.kinds[i] = kind;
    this.starts[i] = start;
    this.ends[i] = end;
    this.lines[i] = line;
    this.codes[i] = code;
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    this.kinds = kinds;
    this.starts = copyInto(new Int32Array(size), this.starts);
    this.ends = copyInto(new Int32Array(size), this.ends);
    this.lines = copyInto(new Int32Array(size), this.lines);
    this.codes = copyInto(new Int32Array(size), this.codes);
  }
}

function copyInto(target: Int32Array, source: Int32Array): Int32Array {
  target.set(source);
  return target;
}

/** Tokenizes C, C++ or CUDA source text. Never throws: malformed input lexes as best it can. */
export function tokenizeCpp(text: string): CppTokens {
  const n = text.length;
  const out = new TokenBuffer(Math.max(256, n >> 2));
  let pos = 0;
  let line = 1;
  let atLineStart = true;
  let inDirective = false;
  /** > 0 while inside an `#if 0` block: depth of nested conditionals (1 = the `#if 0` itself). */
  let disabledDepth = 0;

  const emit = (kind: number, start: number, end: number, tokenLine: number, code = 0): void => {
    if (disabledDepth === 0) out.push(kind, start, end, tokenLine, code);
  };

  /** Position after a backslash-newline at `p`, or `p` when there is none. */
  const skipContinuation = (p: number): number => {
    if (text.charCodeAt(p) !== BACKSLASH) return p;
    let q = p + 1;
    if (text.charCodeAt(q) === CR) q++;
    if (text.charCodeAt(q) === NL) {
      line++;
      return q + 1;
    }
    return p;
  };

  /** Skips a quoted literal starting at the opening quote; stops at an unescaped newline. */
  const skipQuoted = (p: number, quote: number): number => {
    p++;
    while (p < n) {
      const c = text.charCodeAt(p);
      if (c === BACKSLASH) {
        const after = text.charCodeAt(p + 1);
        if (after === NL) line++;
        else if (after === CR && text.charCodeAt(p + 2) === NL) {
          line++;
          p++;
        }
        p += 2;
        continue;
      }
      if (c === quote) return p + 1;
      if (c === NL) return p; // unterminated: the literal ends with its line
      p++;
    }
    return n;
  };

  /** Skips a raw string whose `"` is at `p`: R"delim( ... )delim". */
  const skipRaw = (p: number): number => {
    const open = text.indexOf('(', p + 1);
    const delimiter = open >= 0 ? text.slice(p + 1, open) : '';
    if (open < 0 || delimiter.length > 16 || /[\s\\)]/.test(delimiter)) return skipQuoted(p, QUOTE);
    const close = text.indexOf(`)${delimiter}"`, open + 1);
    const end = close < 0 ? n : close + delimiter.length + 2;
    for (let q = p; q < end; q++) if (text.charCodeAt(q) === NL) line++;
    return end;
  };

  /** Skips to the end of the directive line (honouring continuations and block comments). */
  const skipRestOfDirective = (p: number): number => {
    while (p < n) {
      const c = text.charCodeAt(p);
      if (c === NL) return p;
      if (c === BACKSLASH) {
        const q = skipContinuation(p);
        p = q === p ? p + 1 : q;
        continue;
      }
      if (c === SLASH && text.charCodeAt(p + 1) === STAR) {
        p = skipBlockComment(p);
        continue;
      }
      p++;
    }
    return n;
  };

  const skipBlockComment = (p: number): number => {
    const close = text.indexOf('*/', p + 2);
    const end = close < 0 ? n : close + 2;
    for (let q = p + 2; q < end; q++) if (text.charCodeAt(q) === NL) line++;
    return end;
  };

  /** True when the directive's condition is the literal 0 (`#if 0`, optionally with a comment). */
  const conditionIsZero = (p: number): boolean => {
    let end = text.indexOf('\n', p);
    if (end < 0) end = n;
    return /^[ \t]*0[ \t]*(\/\/.*|\/\*.*?\*\/[ \t]*)?\r?$/.test(text.slice(p, end));
  };

  /** Handles a directive whose `#` is at `p`; returns the position to continue from. */
  const directive = (p: number): number => {
    const hashStart = p;
    const hashLine = line;
    p++;
    while (p < n) {
      const c = text.charCodeAt(p);
      if (c === SPACE || c === TAB) p++;
      else if (c === BACKSLASH && skipContinuation(p) !== p) p = skipContinuation(p);
      else break;
    }
    const nameStart = p;
    while (p < n && isIdentPart(text.charCodeAt(p))) p++;
    const name = text.slice(nameStart, p);
    if (disabledDepth > 0) {
      if (name === 'if' || name === 'ifdef' || name === 'ifndef') disabledDepth++;
      else if (name === 'endif') disabledDepth--;
      else if ((name === 'else' || name === 'elif' || name === 'elifdef' || name === 'elifndef') && disabledDepth === 1) disabledDepth = 0;
      if (disabledDepth > 0 || name === 'endif' || name === 'else') return skipRestOfDirective(p);
    } else if (name === 'if' && conditionIsZero(p)) {
      disabledDepth = 1;
      return skipRestOfDirective(p);
    }
    emit(TokenKind.Hash, hashStart, hashStart + 1, hashLine, HASH);
    if (name) emit(TokenKind.Identifier, nameStart, p, line);
    inDirective = true;
    if (RAW_DIRECTIVES.has(name)) return skipRestOfDirective(p);
    return p;
  };

  while (pos < n) {
    const c = text.charCodeAt(pos);

    if (c === NL) {
      if (inDirective) {
        emit(TokenKind.EndOfDirective, pos, pos, line);
        inDirective = false;
      }
      line++;
      pos++;
      atLineStart = true;
      continue;
    }
    if (c === SPACE || c === TAB || c === CR || c === 11 || c === 12) {
      pos++;
      continue;
    }
    if (c === BACKSLASH) {
      const next = skipContinuation(pos);
      pos = next === pos ? pos + 1 : next;
      continue;
    }
    if (c === SLASH) {
      const c2 = text.charCodeAt(pos + 1);
      if (c2 === SLASH) {
        // A line comment ends at a newline that is not escaped by a trailing backslash.
        let p = pos + 2;
        while (p < n) {
          const d = text.charCodeAt(p);
          if (d === NL) break;
          if (d === BACKSLASH) {
            const q = skipContinuation(p);
            p = q === p ? p + 1 : q;
            continue;
          }
          p++;
        }
        pos = p;
        continue;
      }
      if (c2 === STAR) {
        pos = skipBlockComment(pos);
        continue;
      }
    }
    if (c === HASH && atLineStart) {
      atLineStart = false;
      pos = directive(pos);
      continue;
    }
    atLineStart = false;

    if (isIdentStart(c)) {
      const start = pos;
      let p = pos + 1;
      while (p < n && isIdentPart(text.charCodeAt(p))) p++;
      const next = text.charCodeAt(p);
      if (next === QUOTE || next === APOSTROPHE) {
        const prefix = text.slice(start, p);
        if (next === QUOTE && (prefix === 'R' || prefix === 'LR' || prefix === 'uR' || prefix === 'UR' || prefix === 'u8R')) {
          const tokenLine = line;
          pos = skipRaw(p);
          emit(TokenKind.String, start, pos, tokenLine);
          continue;
        }
        if (prefix === 'L' || prefix === 'u' || prefix === 'U' || prefix === 'u8') {
          const tokenLine = line;
          pos = skipQuoted(p, next);
          emit(TokenKind.String, start, pos, tokenLine);
          continue;
        }
      }
      emit(TokenKind.Identifier, start, p, line);
      pos = p;
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(pos + 1)))) {
      // A preprocessing number: digits, letters, dots, exponent signs and C++14 digit separators.
      const start = pos;
      let p = pos + 1;
      while (p < n) {
        const d = text.charCodeAt(p);
        if (isIdentPart(d) || d === 46) p++;
        else if ((d === 43 || d === 45) && /[eEpP]/.test(text[p - 1])) p++;
        else if (d === APOSTROPHE && isIdentPart(text.charCodeAt(p + 1))) p += 2;
        else break;
      }
      emit(TokenKind.Number, start, p, line);
      pos = p;
      continue;
    }
    if (c === QUOTE || c === APOSTROPHE) {
      const start = pos;
      const tokenLine = line;
      pos = skipQuoted(pos, c);
      emit(TokenKind.String, start, pos, tokenLine);
      continue;
    }
    // Punctuation.
    const c2 = text.charCodeAt(pos + 1);
    if (c === 58 && c2 === 58) {
      emit(TokenKind.Punct, pos, pos + 2, line, Punct.Scope);
      pos += 2;
    } else if (c === 45 && c2 === 62) {
      emit(TokenKind.Punct, pos, pos + 2, line, Punct.Arrow);
      pos += 2;
    } else if (c === 60 && c2 === 60 && text.charCodeAt(pos + 2) === 60) {
      emit(TokenKind.Punct, pos, pos + 3, line, Punct.LaunchOpen);
      pos += 3;
    } else if (c === 62 && c2 === 62 && text.charCodeAt(pos + 2) === 62) {
      emit(TokenKind.Punct, pos, pos + 3, line, Punct.LaunchClose);
      pos += 3;
    } else {
      emit(TokenKind.Punct, pos, pos + 1, line, c);
      pos++;
    }
  }
  if (inDirective) emit(TokenKind.EndOfDirective, n, n, line);
  const lineCount = n === 0 ? 0 : text.charCodeAt(n - 1) === NL ? line - 1 : line;
  return { text, count: out.count, kinds: out.kinds, starts: out.starts, ends: out.ends, lines: out.lines, codes: out.codes, lineCount };
}

/** The text of token `i`. */
export function tokenText(tokens: CppTokens, i: number): string {
  return tokens.text.slice(tokens.starts[i], tokens.ends[i]);
}

/** 1-based column of token `i` (counted in UTF-16 code units, as editors and SARIF do by default). */
export function tokenColumn(tokens: CppTokens, i: number): number {
  const start = tokens.starts[i];
  return start - tokens.text.lastIndexOf('\n', start - 1);
}

/** True when token `i` is punctuation with the given code. */
export function isPunct(tokens: CppTokens, i: number, code: number): boolean {
  return i >= 0 && i < tokens.count && tokens.kinds[i] === TokenKind.Punct && tokens.codes[i] === code;
}
