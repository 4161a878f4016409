/**
 * Writes a call the way the source call was laid out: on one line, or one argument per line
 * with the source's indentation (and the closing parenthesis on its own line if it was).
 */
import type { ArgumentComments } from '../ir/expr.js';
import { ts } from '../syntax/typescript.js';

export interface CallLayout {
  readonly multiline: boolean;
  /** Indentation of each argument line. */
  readonly indent: string;
  /** Indentation of the closing parenthesis when it sits on its own line. */
  readonly closeIndent: string | undefined;
}

export const SINGLE_LINE: CallLayout = { multiline: false, indent: '', closeIndent: undefined };

export function callLayoutOf(node: ts.CallExpression, sourceFile: ts.SourceFile): CallLayout {
  const text = sourceFile.text;
  const open = node.arguments.pos;
  const close = node.end - 1;
  const inner = text.slice(open, close);
  if (!inner.includes('\n') || node.arguments.length === 0) return SINGLE_LINE;
  const first = node.arguments[0].getStart(sourceFile);
  const lineStart = text.lastIndexOf('\n', first - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, first))![0];
  const lastEnd = node.arguments[node.arguments.length - 1].end;
  const tail = text.slice(lastEnd, close);
  const closeIndent = tail.includes('\n') ? /[ \t]*$/.exec(tail)![0] : undefined;
  return { multiline: true, indent, closeIndent };
}

export interface CallArgument {
  readonly text: string;
  readonly comments?: ArgumentComments;
}

/** A comment that can sit inside a line: `// x` becomes `/* x *\/`. */
function inline(comment: string): string {
  if (!comment.startsWith('//')) return comment;
  const body = comment.slice(2).trim();
  return body.includes('*/') ? '' : `/* ${body} */`;
}

export function formatCall(callee: string, args: readonly CallArgument[], layout: CallLayout): string {
  if (!layout.multiline || args.length === 0) {
    const parts = args.map((a) => [...(a.comments?.leading ?? []).map(inline), a.text, ...(a.comments?.trailing ?? []).map(inline)].filter(Boolean).join(' '));
    return `${callee}(${parts.join(', ')})`;
  }
  const lines: string[] = [];
  args.forEach((a, i) => {
    for (const c of a.comments?.leading ?? []) lines.push(`${layout.indent}${c}`);
    const trailing = a.comments?.trailing ?? [];
    const comma = i < args.length - 1 ? ',' : '';
    const lastIsLine = trailing.length > 0 && trailing[trailing.length - 1].startsWith('//');
    // A line comment must end its line: it goes after the comma.
    const after = trailing.map((c, k) => (k < trailing.length - 1 ? inline(c) : c)).filter(Boolean).join(' ');
    lines.push(`${layout.indent}${a.text}${lastIsLine ? `${comma} ${after}` : `${after ? ` ${after}` : ''}${comma}`}`);
  });
  const last = args[args.length - 1].comments?.trailing ?? [];
  const close = layout.closeIndent !== undefined || (last.length > 0 && last[last.length - 1].startsWith('//')) ? `\n${layout.closeIndent ?? ''}` : '';
  return `${callee}(\n${lines.join('\n')}${close})`;
}
