/** Shape comparisons the CNNL checks share. */
export function shapesEqual(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

export function product(values: readonly number[]): number {
  return values.reduce((n, d) => n * d, 1);
}
