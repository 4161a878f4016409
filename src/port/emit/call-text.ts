/**
 * Writes a call the way the source call was laid out: on one line, or one argument per line
 * with the source's indentation (and the closing parenthesis on its own line if it was).
 */
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

export function formatCall(callee: string, args: readonly string[], layout: CallLayout): string {
  if (!layout.multiline || args.length === 0) return `${callee}(${args.join(', ')})`;
  const body = args.map((a) => `\n${layout.indent}${a}`).join(',');
  return `${callee}(${body}${layout.closeIndent !== undefined ? `\n${layout.closeIndent}` : ''})`;
}
