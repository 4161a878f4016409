/**
 * The TypeScript compiler API bundled with ts-morph. The porter only parses (no program, no
 * type-checker), so one source file costs one scan.
 */
import { ts } from 'ts-morph';

export { ts };
export type Ts = typeof ts;

export function scriptKindOf(fileName: string): ts.ScriptKind {
  if (fileName.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (fileName.endsWith('.js') || fileName.endsWith('.mjs') || fileName.endsWith('.cjs')) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

export interface ParsedSource {
  readonly sourceFile: ts.SourceFile;
  /** Syntax errors, as `line:column message`; the file is not rewritten when there are any. */
  readonly syntaxErrors: readonly { line: number; column: number; message: string }[];
}

export function parseSource(fileName: string, text: string): ParsedSource {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKindOf(fileName));
  // parseDiagnostics is not in the public typings but is how the compiler reports syntax errors
  // of a file parsed on its own (ts.transpileModule reads the same list).
  const raw = (sourceFile as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const syntaxErrors = raw.map((d) => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(d.start);
    return { line: line + 1, column: character + 1, message: ts.flattenDiagnosticMessageText(d.messageText, ' ') };
  });
  return { sourceFile, syntaxErrors };
}

/** 1-based line and column of a node's first token. */
export function positionOf(sourceFile: ts.SourceFile, node: ts.Node): { line: number; column: number } {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  return { line: line + 1, column: character + 1 };
}
