/**
 * Finds references to CUDA symbols in C, C++ and CUDA tokens.
 *
 * An identifier counts when the CUDA catalog knows it, or when its prefix belongs to a CUDA
 * library (`cudaX`, `CUBLAS_X`, ...; see symbol-patterns.ts). Prefixed names that the code
 * itself declares (`int cudaDevice = 0;`, `#define CUDA_CHECK(x)`, `void cudaWarmup()`) are
 * collected as declarations instead, so the join can tell user names from unknown APIs.
 * Member names (`prop.cudaX`) and names qualified by a user namespace (`mylib::cudaX`) are
 * never APIs.
 *
 * cudnn-frontend (best effort): `namespace fe = cudnn_frontend;` and `using namespace`
 * aliases are followed, qualified names under `cudnn_frontend::` are references, and method
 * calls on variables declared as `cudnn_frontend::graph::Graph` (`graph.sdpa(...)`,
 * `graph->build_plans(...)`, chained `set_*` calls) become `cudnn_frontend::graph::Graph::<method>`.
 */
import { bracketPairs } from './bracket-pairs.js';
import { Punct, TokenKind, tokenColumn, tokenText, type CppTokens } from './cpp-lexer.js';
import type { LocalDeclaration, SourceReference } from './file-scan.js';
import type { SymbolIndex } from './symbol-index.js';
import { cudaLibraryOf } from './symbol-patterns.js';

export const FRONTEND_NAMESPACE = 'cudnn_frontend';
export const FRONTEND_GRAPH_CLASS = 'cudnn_frontend::graph::Graph';

/** Keywords after which a name starts an expression, so `keyword name` is not a declaration. */
const EXPRESSION_KEYWORDS = new Set([
  'return', 'case', 'else', 'do', 'goto', 'throw', 'sizeof', 'new', 'delete', 'co_return', 'co_yield', 'co_await', 'alignof',
  'typeid', 'and', 'or', 'not', 'xor', 'bitand', 'bitor', 'compl', 'not_eq', 'and_eq', 'or_eq', 'xor_eq', 'defined', 'typedef',
  'if', 'while', 'for', 'switch', 'decltype', 'noexcept', 'static_assert', 'operator',
]);

/** Declarator qualifiers skipped when walking back from `*` / `&` to the type name. */
const DECLARATOR_QUALIFIERS = new Set(['const', 'volatile', '__restrict__', '__restrict', 'restrict']);

/** Built-in and common type words (names ending in `_t` are taken as types too). */
const TYPE_WORDS = new Set([
  'void', 'bool', 'char', 'short', 'int', 'long', 'float', 'double', 'signed', 'unsigned', 'auto', 'half', '__half',
  '__nv_bfloat16', 'wchar_t', 'char8_t', 'char16_t', 'char32_t', 'dim3', 'uint', 'size_t',
]);

const SEMICOLON = 59;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const COMMA = 44;
const LESS = 60;
const GREATER = 62;
const STAR = 42;
const AMPERSAND = 38;
const DOT = 46;
const EQUALS = 61;

/** Punctuation that may follow a declared name: `= ; , [ ( ) { :`. */
const DECLARATION_FOLLOWERS = new Set([EQUALS, SEMICOLON, COMMA, 91, OPEN_PAREN, CLOSE_PAREN, OPEN_BRACE, 58]);

export interface CppReferences {
  readonly references: SourceReference[];
  readonly declarations: LocalDeclaration[];
}

export function findCppReferences(tokens: CppTokens, index: SymbolIndex, pairs: Int32Array = bracketPairs(tokens)): CppReferences {
  const { kinds, codes, lines, count } = tokens;
  const references: SourceReference[] = [];
  const declarations: LocalDeclaration[] = [];
  /** Namespace aliases that lead into cudnn_frontend: alias → qualified target. */
  const aliases = new Map<string, string>();
  /** `using namespace` directives into cudnn_frontend. */
  const usings: string[] = [];
  const graphVariables = new Set<string>();
  /** Token indices of Graph method names already counted (for chained `set_*` calls). */
  const graphMethodTokens = new Set<number>();
  /** The variable of an open `auto name = ...;` statement. */
  let pendingAuto: string | undefined;
  /** First token of the current `#define` body: a use, whatever precedes it. */
  let macroBodyStart = -1;

  const text = (i: number): string => tokenText(tokens, i);
  const isIdentifier = (i: number): boolean => i >= 0 && i < count && kinds[i] === TokenKind.Identifier;
  const punct = (i: number, code: number): boolean => i >= 0 && i < count && kinds[i] === TokenKind.Punct && codes[i] === code;
  const at = (i: number) => ({ line: lines[i], column: tokenColumn(tokens, i) });
  const refer = (i: number, name: string, written?: string): void => {
    references.push({ name, backend: 'cuda', ...at(i), ...(written && written !== name ? { written } : {}) });
  };

  const looksLikeTypeName = (name: string): boolean => {
    if (TYPE_WORDS.has(name) || name.endsWith('_t')) return true;
    const known = index.get(name);
    return known?.kind === 'type' || known?.kind === 'enum';
  };

  /** Is the identifier at `i` being declared (`Type name =`, `Type *name)`, `struct name {`)? */
  const looksLikeDeclaration = (i: number): boolean => {
    const next = i + 1;
    if (!(next < count && kinds[next] === TokenKind.Punct && DECLARATION_FOLLOWERS.has(codes[next]))) return false;
    if (i === macroBodyStart) return false;
    const p = i - 1;
    if (isIdentifier(p)) return !EXPRESSION_KEYWORDS.has(text(p));
    if (!(punct(p, STAR) || punct(p, AMPERSAND))) return false;
    let q = p;
    while (q >= 0 && (punct(q, STAR) || punct(q, AMPERSAND) || (isIdentifier(q) && DECLARATOR_QUALIFIERS.has(text(q))))) q--;
    if (!isIdentifier(q) || EXPRESSION_KEYWORDS.has(text(q))) return false;
    const before = q - 1;
    // `Type *name` at the start of a statement (a bare product `a * b;` would be pointless).
    if (before < 0 || kinds[before] === TokenKind.EndOfDirective || punct(before, SEMICOLON) || punct(before, OPEN_BRACE) || punct(before, CLOSE_BRACE)) return true;
    if (isIdentifier(before)) return !EXPRESSION_KEYWORDS.has(text(before));
    // In `(`, `,` or `<` position, `a * b` may be a product: only a type-looking name declares.
    if (punct(before, OPEN_PAREN) || punct(before, COMMA) || punct(before, LESS) || punct(before, Punct.Scope)) return looksLikeTypeName(text(q));
    return false;
  };

  /** Identifiers joined by `::` starting at `i`: their texts and the last token index. */
  const readChain = (i: number): { segments: string[]; last: number } => {
    const segments = [text(i)];
    let last = i;
    while (punct(last + 1, Punct.Scope) && isIdentifier(last + 2)) {
      segments.push(text(last + 2));
      last += 2;
    }
    return { segments, last };
  };

  /** The qualified name with namespace aliases and `using namespace` applied. */
  const normalize = (segments: readonly string[]): string => {
    const head = aliases.get(segments[0]);
    const joined = head ? [head, ...segments.slice(1)].join('::') : segments.join('::');
    if (!head && segments[0] !== FRONTEND_NAMESPACE) {
      for (const ns of usings) {
        const candidate = `${ns}::${joined}`;
        if (candidate === FRONTEND_GRAPH_CLASS || candidate.startsWith(`${FRONTEND_GRAPH_CLASS}::`) || index.resolveQualified(candidate) || (ns === FRONTEND_NAMESPACE && segments[0] === 'graph')) return candidate;
      }
    }
    return joined;
  };

  /** After a mention of the Graph class ending at `last`, remember the variable it declares. */
  const noteGraphVariable = (last: number): void => {
    if (pendingAuto) graphVariables.add(pendingAuto);
    let j = last + 1;
    while (j < count && (punct(j, GREATER) || punct(j, STAR) || punct(j, AMPERSAND) || punct(j, Punct.LaunchClose) || (isIdentifier(j) && text(j) === 'const'))) j++;
    if (isIdentifier(j) && j + 1 < count && kinds[j + 1] === TokenKind.Punct && DECLARATION_FOLLOWERS.has(codes[j + 1])) graphVariables.add(text(j));
  };

  const memberAccess = (i: number, name: string): void => {
    const receiver = i - 2;
    let onGraph = false;
    if (isIdentifier(receiver) && graphVariables.has(text(receiver)) && !punct(receiver - 1, DOT) && !punct(receiver - 1, Punct.Arrow)) onGraph = true;
    else if (punct(receiver, CLOSE_PAREN) && pairs[receiver] > 0) {
      const callee = pairs[receiver] - 1;
      onGraph = graphMethodTokens.has(callee) && text(callee).startsWith('set_');
    }
    if (onGraph) {
      refer(i, `${FRONTEND_GRAPH_CLASS}::${name}`, name);
      graphMethodTokens.add(i);
    }
  };

  const directive = (hash: number): number => {
    const nameIndex = hash + 1;
    if (!isIdentifier(nameIndex)) return hash;
    const name = text(nameIndex);
    if (name === 'define') {
      const macro = nameIndex + 1;
      if (!isIdentifier(macro)) return nameIndex;
      const macroName = text(macro);
      if (cudaLibraryOf(macroName) && !index.has(macroName)) declarations.push({ name: macroName, how: 'macro', ...at(macro) });
      let last = macro;
      // Function-like macro: its parameters are not uses.
      if (punct(macro + 1, OPEN_PAREN) && tokens.starts[macro + 1] === tokens.ends[macro] && pairs[macro + 1] > 0) last = pairs[macro + 1];
      macroBodyStart = last + 1;
      return last;
    }
    if (name === 'ifdef' || name === 'ifndef' || name === 'undef') {
      // Their operands test whether a macro exists (version guards, include guards): not uses.
      let j = nameIndex;
      while (j + 1 < count && kinds[j + 1] !== TokenKind.EndOfDirective) j++;
      return j;
    }
    return nameIndex;
  };

  for (let i = 0; i < count; i++) {
    const kind = kinds[i];
    if (kind === TokenKind.Hash) {
      i = directive(i);
      continue;
    }
    if (kind === TokenKind.Punct) {
      if (codes[i] === SEMICOLON) pendingAuto = undefined;
      continue;
    }
    if (kind !== TokenKind.Identifier) continue;
    const name = text(i);

    if (name === 'namespace' && isIdentifier(i + 1) && punct(i + 2, EQUALS) && isIdentifier(i + 3)) {
      const chain = readChain(i + 3);
      const target = normalize(chain.segments);
      if (target === FRONTEND_NAMESPACE || target.startsWith(`${FRONTEND_NAMESPACE}::`)) aliases.set(text(i + 1), target);
      i = chain.last;
      continue;
    }
    if (name === 'using' && isIdentifier(i + 1) && text(i + 1) === 'namespace' && isIdentifier(i + 2)) {
      const chain = readChain(i + 2);
      const target = normalize(chain.segments);
      if (target === FRONTEND_NAMESPACE || target.startsWith(`${FRONTEND_NAMESPACE}::`)) usings.push(target);
      i = chain.last;
      continue;
    }
    if (name === 'auto' && isIdentifier(i + 1) && punct(i + 2, EQUALS)) {
      pendingAuto = text(i + 1);
      continue;
    }
    if (name === 'defined') {
      // `defined X` / `defined(X)` tests a macro's existence.
      i = punct(i + 1, OPEN_PAREN) && pairs[i + 1] > 0 ? pairs[i + 1] : i + 1;
      continue;
    }
    const prev = i - 1;
    if (punct(prev, DOT) || punct(prev, Punct.Arrow)) {
      memberAccess(i, name);
      continue;
    }
    // Qualified by something we did not resolve (`mylib::cudaX`, `Foo<T>::cudaX`): a user name.
    if (punct(prev, Punct.Scope) && (isIdentifier(prev - 1) || punct(prev - 1, GREATER))) continue;

    if (punct(i + 1, Punct.Scope) && isIdentifier(i + 2)) {
      const chain = readChain(i);
      const qualified = normalize(chain.segments);
      const written = chain.segments.join('::');
      if (qualified.startsWith(`${FRONTEND_NAMESPACE}::`)) {
        refer(i, qualified, written);
        if (qualified === FRONTEND_GRAPH_CLASS) noteGraphVariable(chain.last);
      } else if (index.get(qualified)) refer(i, qualified);
      i = chain.last;
      continue;
    }

    if (usings.length > 0) {
      const qualified = normalize([name]);
      if (qualified !== name) {
        refer(i, qualified, name);
        if (qualified === FRONTEND_GRAPH_CLASS) noteGraphVariable(i);
        continue;
      }
    }

    const known = index.get(name);
    if (known) {
      // Unprefixed members of C++ enum classes (HALF, A) count only when qualified.
      if (known.kind === 'enum-member' && !cudaLibraryOf(name)) continue;
      refer(i, name);
      continue;
    }
    if (cudaLibraryOf(name) === undefined) continue;
    if (looksLikeDeclaration(i)) {
      const p = i - 1;
      const how = isIdentifier(p) && ['struct', 'class', 'enum', 'union', 'using', 'typename'].includes(text(p)) ? 'type' : 'variable-or-function';
      declarations.push({ name, how, ...at(i) });
    } else refer(i, name);
  }
  return { references, declarations };
}
