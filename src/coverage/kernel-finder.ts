/**
 * Custom device code in CUDA sources: `__global__` kernels and `__device__` functions with
 * their body size, and kernel launches (`kernel<<<grid, block, shared, stream>>>(...)` and
 * `cudaLaunchKernel(kernel, ...)`). Custom kernels are not catalog APIs: porting them means
 * rewriting them in the target's kernel language, which the effort model prices by body size.
 *
 * Not found: kernels declared inside macros, extended `__device__` lambdas, kernels launched
 * through function pointers other than by name (reported as `(expression)`).
 */
import { bracketPairs } from './bracket-pairs.js';
import { Punct, TokenKind, tokenColumn, tokenText, type CppTokens } from './cpp-lexer.js';
import type { KernelDefinition, KernelLaunch } from './file-scan.js';

/** Call-like attributes that may sit between `__global__` and the function name. */
const ATTRIBUTE_CALLS = new Set(['__launch_bounds__', '__attribute__', 'alignas', '__declspec', '__align__', 'decltype', '__cluster_dims__', '__maxnreg__']);

/** Words skipped when looking for the kernel named in `cudaLaunchKernel`'s first argument. */
const CAST_WORDS = new Set(['void', 'const', 'char', 'reinterpret_cast', 'static_cast', 'const_cast', 'auto']);

const LAUNCH_CALLS = new Set(['cudaLaunchKernel', 'cudaLaunchCooperativeKernel']);

const SEMICOLON = 59;
const EQUALS = 61;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const OPEN_PAREN = 40;
const COMMA = 44;
const LESS = 60;
const GREATER = 62;

export interface KernelFindings {
  readonly kernels: KernelDefinition[];
  readonly launches: KernelLaunch[];
}

export function findKernels(tokens: CppTokens, pairs: Int32Array = bracketPairs(tokens)): KernelFindings {
  const { kinds, codes, lines, count } = tokens;
  const kernels: KernelDefinition[] = [];
  const launches: KernelLaunch[] = [];
  const text = (i: number): string => tokenText(tokens, i);
  const isIdentifier = (i: number): boolean => i >= 0 && i < count && kinds[i] === TokenKind.Identifier;
  const punct = (i: number, code: number): boolean => i >= 0 && i < count && kinds[i] === TokenKind.Punct && codes[i] === code;
  const at = (i: number) => ({ line: lines[i], column: tokenColumn(tokens, i) });

  /** `a::b::name` ending at the identifier `i`. */
  const qualifiedEndingAt = (i: number): string => {
    let name = text(i);
    let j = i;
    while (punct(j - 1, Punct.Scope) && isIdentifier(j - 2)) {
      name = `${text(j - 2)}::${name}`;
      j -= 2;
    }
    return name;
  };

  /** A function defined after the qualifier at `i`, or undefined (a variable, a lambda, a declaration). */
  const definitionAfter = (i: number, kind: KernelDefinition['kind']): KernelDefinition | undefined => {
    let open = -1;
    for (let j = i + 1; j < count && j < i + 96; j++) {
      if (kinds[j] === TokenKind.EndOfDirective || kinds[j] === TokenKind.Hash) return undefined;
      if (punct(j, OPEN_PAREN)) {
        if (isIdentifier(j - 1) && ATTRIBUTE_CALLS.has(text(j - 1)) && pairs[j] > 0) {
          j = pairs[j];
          continue;
        }
        open = j;
        break;
      }
      if (punct(j, SEMICOLON) || punct(j, EQUALS) || punct(j, OPEN_BRACE) || punct(j, OPEN_BRACKET)) return undefined;
    }
    const nameIndex = open - 1;
    if (open < 0 || !isIdentifier(nameIndex) || nameIndex === i || pairs[open] < 0) return undefined;
    const name = text(nameIndex);
    if (name.startsWith('__') && name.endsWith('__')) return undefined; // an extended lambda `[] __device__ (...)`
    for (let k = pairs[open] + 1; k < count && k < pairs[open] + 32; k++) {
      if (punct(k, SEMICOLON) || punct(k, EQUALS) || punct(k, COMMA)) return undefined;
      if (punct(k, OPEN_BRACE)) {
        const close = pairs[k];
        const bodyLines = close > k ? lines[close] - lines[k] + 1 : 1;
        return { name: qualifiedEndingAt(nameIndex), kind, bodyLines, ...at(nameIndex) };
      }
    }
    return undefined;
  };

  /** Index of the kernel name before `<<<` at `i` (skipping template arguments), or -1. */
  const launchedName = (i: number): number => {
    let p = i - 1;
    if (punct(p, GREATER) || punct(p, Punct.LaunchClose)) {
      let depth = 0;
      for (let q = p; q >= 0 && q > i - 256; q--) {
        if (punct(q, GREATER)) depth++;
        else if (punct(q, Punct.LaunchClose)) depth += 3;
        else if (punct(q, LESS)) depth--;
        else if (punct(q, SEMICOLON) || punct(q, OPEN_BRACE)) return -1;
        if (depth === 0) {
          p = q - 1;
          break;
        }
      }
      if (depth !== 0) return -1;
    }
    return isIdentifier(p) ? p : -1;
  };

  const launchConfig = (i: number): string | undefined => {
    for (let j = i + 1; j < count && j < i + 512; j++) {
      if (punct(j, Punct.LaunchClose)) return tokens.text.slice(tokens.ends[i], tokens.starts[j]).replace(/\s+/g, ' ').trim().slice(0, 120);
      if (punct(j, SEMICOLON)) return undefined;
      if (kinds[j] === TokenKind.Punct && pairs[j] > j) j = pairs[j];
    }
    return undefined;
  };

  /** The kernel named in the first argument of `cudaLaunchKernel(` at `open`. */
  const firstArgumentKernel = (open: number): number => {
    const close = pairs[open];
    for (let j = open + 1; j < close; j++) {
      if (punct(j, COMMA)) return -1;
      if (isIdentifier(j) && !CAST_WORDS.has(text(j))) {
        let last = j;
        while (punct(last + 1, Punct.Scope) && isIdentifier(last + 2)) last += 2;
        return last;
      }
    }
    return -1;
  };

  let inDirective = false;
  for (let i = 0; i < count; i++) {
    const kind = kinds[i];
    if (kind === TokenKind.Hash) inDirective = true;
    else if (kind === TokenKind.EndOfDirective) inDirective = false;
    if (inDirective) continue;
    if (kind === TokenKind.Identifier) {
      const word = text(i);
      if (word === '__global__' || word === '__device__') {
        const definition = definitionAfter(i, word === '__global__' ? 'global' : 'device');
        if (definition) kernels.push(definition);
      } else if (LAUNCH_CALLS.has(word) && punct(i + 1, OPEN_PAREN) && pairs[i + 1] > 0 && !punct(i - 1, 46) && !punct(i - 1, Punct.Arrow)) {
        const kernel = firstArgumentKernel(i + 1);
        if (kernel >= 0) launches.push({ kernel: qualifiedEndingAt(kernel), via: word as KernelLaunch['via'], ...at(kernel) });
      }
    } else if (kind === TokenKind.Punct && codes[i] === Punct.LaunchOpen) {
      const nameIndex = launchedName(i);
      const config = launchConfig(i);
      launches.push({
        kernel: nameIndex >= 0 ? qualifiedEndingAt(nameIndex) : '(expression)',
        via: 'chevrons',
        ...(config !== undefined ? { config } : {}),
        ...at(nameIndex >= 0 ? nameIndex : i),
      });
    }
  }
  return { kernels, launches };
}
