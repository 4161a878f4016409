/**
 * The identifier-like words of a ported file's code, before its facade imports are rewritten:
 * what decides which target names the imports keep. A name written while porting can vanish
 * again (a status helper rewritten whole for another library's status, `CUDNN_STATUS_SUCCESS`
 * becoming `CUBLAS_STATUS_SUCCESS`), so what the imports need is read from the result, not from
 * the names asked for along the way. Words in comments and strings count too: that can keep an
 * import nothing uses, never drop one that is used.
 */
import { ts } from '../syntax/typescript.js';
import type { EditList } from './edit-list.js';

const WORD = /[A-Za-z_$][\w$]*/g;

/**
 * The words of the file with `edits` applied, outside the `skipped` declarations (the import
 * declarations about to be rewritten), plus those of `added` text still to be inserted.
 */
export function writtenWords(edits: EditList, sourceFile: ts.SourceFile, skipped: readonly ts.Node[], added: readonly string[]): Set<string> {
  const words = new Set<string>();
  const collect = (text: string) => {
    for (const m of text.matchAll(WORD)) words.add(m[0]);
  };
  let at = 0;
  for (const node of [...skipped].sort((a, b) => a.pos - b.pos)) {
    const start = node.getStart(sourceFile);
    if (start > at) collect(edits.textOf(at, start));
    at = Math.max(at, node.end);
  }
  collect(edits.textOf(at, sourceFile.text.length));
  for (const text of added) collect(text);
  return words;
}
