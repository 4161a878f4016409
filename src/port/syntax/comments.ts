/**
 * Comments of a file, found by scanning the text outside string, template, regular-expression
 * and JSX-text literals (whose ranges come from the syntax tree, so `"// x"` or a URL in a
 * template is never taken for a comment).
 */
import { ts } from './typescript.js';

export interface CommentRange {
  readonly start: number;
  readonly end: number;
  readonly kind: 'line' | 'block';
  /** The comment text including its `//` or `/* *\/` delimiters. */
  readonly text: string;
}

function literalRanges(sourceFile: ts.SourceFile): [number, number][] {
  const ranges: [number, number][] = [];
  const visit = (node: ts.Node): void => {
    switch (node.kind) {
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.TemplateHead:
      case ts.SyntaxKind.TemplateMiddle:
      case ts.SyntaxKind.TemplateTail:
      case ts.SyntaxKind.RegularExpressionLiteral:
      case ts.SyntaxKind.JsxText:
        ranges.push([node.getStart(sourceFile), node.end]);
        return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return ranges.sort((a, b) => a[0] - b[0]);
}

export function findComments(sourceFile: ts.SourceFile): CommentRange[] {
  const text = sourceFile.text;
  const literals = literalRanges(sourceFile);
  const comments: CommentRange[] = [];
  let next = 0;
  let i = 0;
  while (i < text.length) {
    while (next < literals.length && literals[next][1] <= i) next++;
    if (next < literals.length && literals[next][0] <= i) {
      i = literals[next][1];
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 47 /* / */ && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d === 47) {
        let end = text.indexOf('\n', i);
        if (end < 0) end = text.length;
        if (text.charCodeAt(end - 1) === 13) end--;
        comments.push({ start: i, end, kind: 'line', text: text.slice(i, end) });
        i = end;
        continue;
      }
      if (d === 42 /* * */) {
        const close = text.indexOf('*/', i + 2);
        const end = close < 0 ? text.length : close + 2;
        comments.push({ start: i, end, kind: 'block', text: text.slice(i, end) });
        i = end;
        continue;
      }
    }
    i++;
  }
  return comments;
}
