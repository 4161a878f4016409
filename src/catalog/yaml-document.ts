/**
 * YAML parsing that remembers where things are, so schema errors can name the file, the
 * line and the path inside the file (`entries[3].params[1].dir`).
 */
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import { InputError } from '../errors.js';

export interface ParsedYaml {
  readonly file: string;
  readonly data: unknown;
  /** 1-based line of the node at `path`, or of its nearest existing ancestor. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const line = err.linePos?.[0]?.line;
    throw new InputError(`invalid YAML: ${err.message.split('\n')[0]}`, {
      location: { file, line },
      fix: 'fix the YAML syntax at that line (indentation, quoting, duplicate keys)',
    });
  }
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  return {
    file,
    data,
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n) as unknown[], true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return undefined;
    },
  };
}

/** `entries[3].params[1].dir` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}
