/**
 * A unified diff of one ported file (the `diff` package), coloured for a terminal: removed
 * lines red, added lines green, hunk headers cyan. Colour follows the terminal styling
 * (NO_COLOR, FORCE_COLOR, TTY) unless turned off.
 */
import { createTwoFilesPatch } from 'diff';

export interface DiffStyle {
  red(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
  bold(s: string): string;
}

export function unifiedDiff(path: string, before: string, after: string, style?: DiffStyle): string {
  const patch = createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, '', '', { context: 3 });
  const lines = patch.split('\n');
  // The package starts with an `Index:` line and a separator; `git diff` readers expect `---`.
  const start = lines.findIndex((l) => l.startsWith('--- '));
  const body = (start >= 0 ? lines.slice(start) : lines).map((line) => {
    if (!style) return line;
    if (line.startsWith('--- ') || line.startsWith('+++ ')) return style.bold(line);
    if (line.startsWith('@@')) return style.cyan(line);
    if (line.startsWith('+')) return style.green(line);
    if (line.startsWith('-')) return style.red(line);
    return line;
  });
  return body.join('\n');
}
