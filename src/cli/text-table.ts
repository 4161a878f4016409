/** Aligned text tables for the terminal; colour codes do not count toward column widths. */

const ANSI = /\u001b\[[0-9;]*m/g;

export function visibleWidth(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

export interface TableOptions {
  /** Right-align these column indices (numbers). */
  readonly alignRight?: readonly number[];
  readonly indent?: string;
  /** Truncate cells of these columns to this many characters. */
  readonly maxWidth?: Readonly<Record<number, number>>;
}

function truncate(text: string, width: number): string {
  if (visibleWidth(text) <= width) return text;
  const plain = text.replace(ANSI, '');
  return `${[...plain].slice(0, Math.max(1, width - 1)).join('')}…`;
}

export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const indent = options.indent ?? '';
  const all = [header, ...rows].map((row) => row.map((cell, i) => (options.maxWidth?.[i] ? truncate(cell, options.maxWidth[i]) : cell)));
  const widths = header.map((_, i) => Math.max(...all.map((row) => visibleWidth(row[i] ?? ''))));
  const line = (row: readonly string[]): string =>
    indent +
    row
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i] - visibleWidth(cell));
        return options.alignRight?.includes(i) ? pad + cell : i === row.length - 1 ? cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(all[0]), indent + widths.map((w) => '─'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}
