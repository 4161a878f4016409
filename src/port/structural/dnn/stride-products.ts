/**
 * Whether a stride expression is the product of some dims however either is written: CUDA the
 * porter wrote itself spells a packed stride `outC.value * (outH.value * outW.value)` where the
 * dims' running product reads `outC.value * outH.value * outW.value`. Both sides are read as
 * factors — number literals multiplied together, every other operand by its text (outer
 * parentheses dropped) — and compared as multisets. Only `*` is looked through: an operand with
 * any other operator at its top level (`h + 2 * pad - 3 + 1`) is one factor, so nothing is
 * treated as equal that arithmetic would not make equal.
 */
import type { Expr } from '../../ir/expr.js';

interface Factors {
  readonly number: number;
  readonly names: readonly string[];
}

/** `(x)` → `x` while the parentheses enclose the whole text. */
function unwrap(text: string): string {
  let t = text.trim();
  while (t.startsWith('(') && t.endsWith(')') && closingOf(t, 0) === t.length - 1) t = t.slice(1, -1).trim();
  return t;
}

function closingOf(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if ('([{'.includes(text[i])) depth++;
    else if (')]}'.includes(text[i]) && --depth === 0) return i;
  }
  return -1;
}

/** The operands of a top-level product, or undefined when the top level has another operator. */
function operands(text: string): string[] | undefined {
  if (/['"`]/.test(text)) return undefined;
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0 && c === '*') {
      if (text[i + 1] === '*' || text[i - 1] === '*') return undefined; // `**`
      parts.push(text.slice(start, i));
      start = i + 1;
    } else if (depth === 0 && /[-+/%<>=?:&|^!,~]/.test(c)) return undefined;
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

function factorsOf(text: string, into: { number: number; names: string[] }): void {
  const t = unwrap(text);
  const parts = operands(t);
  if (parts && parts.length > 1) {
    for (const p of parts) factorsOf(p, into);
    return;
  }
  if (/^\d+(\.\d+)?$/.test(t)) into.number *= Number(t);
  else into.names.push(t.replace(/\s+/g, ''));
}

function factors(exprs: readonly Expr[]): Factors {
  const into = { number: 1, names: [] as string[] };
  for (const e of exprs) {
    const value = e.value?.kind === 'number' ? e.value.value : undefined;
    if (value !== undefined && /^[\d.\s()]+$/.test(e.text)) into.number *= value;
    else factorsOf(e.text, into);
  }
  return { number: into.number, names: [...into.names].sort() };
}

/** Whether `stride` equals the product of `dims` (1 for none), by value or by its factors. */
export function isProductOf(stride: Expr, dims: readonly Expr[]): boolean {
  const values = dims.map((d) => (d.value?.kind === 'number' ? d.value.value : undefined));
  if (stride.value?.kind === 'number' && values.every((v) => v !== undefined)) return stride.value.value === values.reduce((a, b) => a! * b!, 1);
  const [s, d] = [factors([stride]), factors(dims)];
  return s.number === d.number && s.names.length === d.names.length && s.names.every((n, i) => n === d.names[i]);
}
