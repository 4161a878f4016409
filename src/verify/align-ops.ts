/**
 * Aligns the operator calls of the original program with those of the port.
 *
 * A dynamic program over both call sequences (a weighted longest common subsequence) picks
 * the best set of ordered matches, each one of:
 *
 * - one-to-one: same class (see op-equivalence.ts) and output shape; worth 3 when the golden
 *   results agree (value-confirmed), else 1 (structural);
 * - one-to-many / many-to-one (up to `maxFusion` calls on one side, e.g. a fused
 *   Gemm+bias+GELU against MatMul, Add, Gelu): same final output shape; worth 2 when the
 *   final golden results agree, 0.5 when the single call's family is that of the run's first
 *   or last call, else not allowed.
 *
 * Ties go to the matching that leaves fewer calls unmatched.
 *
 * Calls left over are then paired out of order when class, shape and golden result agree
 * (`reordered`). Runs still unmatched between two matches are compared through their final
 * results when those have the same shape and either agree or share a family (`region`);
 * calls the original records no output for (intermediate steps) pair in order with same-class
 * port calls; anything else is reported `unmatched`. Sequences too long for the quadratic program
 * (`maxCells`) are aligned greedily within a window.
 */
export interface AlignItem {
  /** Equivalence class for one-to-one matches. */
  readonly cls: string;
  readonly family: string;
  /** Shape (and count) of the call's outputs, as a key; '' when it has none. */
  readonly shape: string;
}

export interface AlignOptions {
  /** Whether the golden results of original call i and ported call j agree. */
  readonly agree: (i: number, j: number) => boolean;
  readonly maxFusion?: number;
  readonly maxCells?: number;
}

export type UnitKind = 'match' | 'fused' | 'reordered' | 'region' | 'unmatched';

export interface AlignedUnit {
  readonly kind: UnitKind;
  /** Indices into the original's calls (empty for a port-only unmatched call). */
  readonly original: readonly number[];
  readonly ported: readonly number[];
  /** The golden results agree (the pairing is value-confirmed). */
  readonly confirmed: boolean;
}

const SKIP_ORIGINAL = 1;
const SKIP_PORTED = 2;
const ONE_TO_ONE = 3;
const ONE_TO_MANY = 10; // + run length
const MANY_TO_ONE = 30; // + run length
/**
 * A tie-breaker per call a match covers: between equally good matchings, prefer the one that
 * leaves fewer calls unmatched (a fused call takes the whole run it became, not its tail).
 */
const COVERAGE = 1e-6;

export function alignOps(original: readonly AlignItem[], ported: readonly AlignItem[], options: AlignOptions): AlignedUnit[] {
  const n = original.length;
  const m = ported.length;
  const maxCells = options.maxCells ?? 4_000_000;
  const cache = new Map<number, boolean>();
  const agree = (i: number, j: number): boolean => {
    const key = i * (m + 1) + j;
    let v = cache.get(key);
    if (v === undefined) cache.set(key, (v = options.agree(i, j)));
    return v;
  };
  const path = (n + 1) * (m + 1) <= maxCells ? programPath(original, ported, agree, options.maxFusion ?? 6) : greedyPath(original, ported, agree);
  return finish(path, original, ported, agree);
}

interface Step {
  readonly original: number[];
  readonly ported: number[];
  readonly matched: boolean;
  readonly confirmed: boolean;
  readonly kind: UnitKind;
}

function programPath(original: readonly AlignItem[], ported: readonly AlignItem[], agree: (i: number, j: number) => boolean, maxFusion: number): Step[] {
  const n = original.length;
  const m = ported.length;
  const width = m + 1;
  const score = new Float64Array((n + 1) * width);
  const move = new Uint8Array((n + 1) * width);
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      let best = -1;
      let bestMove = 0;
      const offer = (value: number, code: number): void => {
        if (value > best) {
          best = value;
          bestMove = code;
        }
      };
      if (i > 0 && j > 0) {
        const o = original[i - 1];
        const p = ported[j - 1];
        if (o.cls === p.cls && o.shape === p.shape) offer(score[(i - 1) * width + j - 1] + (agree(i - 1, j - 1) ? 3 : 1) + 2 * COVERAGE, ONE_TO_ONE);
        for (let k = 2; k <= maxFusion && k <= j; k++) {
          if (o.shape !== p.shape || o.shape === '') break;
          const first = ported[j - k];
          const gain = agree(i - 1, j - 1) ? 2 : o.family === first.family || o.family === p.family ? 0.5 : -1;
          if (gain > 0) offer(score[(i - 1) * width + j - k] + gain + (k + 1) * COVERAGE, ONE_TO_MANY + k);
        }
        for (let k = 2; k <= maxFusion && k <= i; k++) {
          if (o.shape !== p.shape || o.shape === '') break;
          const first = original[i - k];
          const gain = agree(i - 1, j - 1) ? 2 : p.family === first.family || p.family === o.family ? 0.5 : -1;
          if (gain > 0) offer(score[(i - k) * width + j - 1] + gain + (k + 1) * COVERAGE, MANY_TO_ONE + k);
        }
      }
      if (j > 0) offer(score[i * width + j - 1], SKIP_PORTED);
      if (i > 0) offer(score[(i - 1) * width + j], SKIP_ORIGINAL);
      score[i * width + j] = best;
      move[i * width + j] = bestMove;
    }
  }
  const steps: Step[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const code = move[i * width + j];
    if (code === SKIP_ORIGINAL) {
      steps.push({ original: [--i], ported: [], matched: false, confirmed: false, kind: 'unmatched' });
    } else if (code === SKIP_PORTED) {
      steps.push({ original: [], ported: [--j], matched: false, confirmed: false, kind: 'unmatched' });
    } else if (code === ONE_TO_ONE) {
      i--;
      j--;
      steps.push({ original: [i], ported: [j], matched: true, confirmed: agree(i, j), kind: 'match' });
    } else if (code > MANY_TO_ONE) {
      const k = code - MANY_TO_ONE;
      const confirmed = agree(i - 1, j - 1);
      steps.push({ original: range(i - k, i), ported: [j - 1], matched: true, confirmed, kind: 'fused' });
      i -= k;
      j -= 1;
    } else {
      const k = code - ONE_TO_MANY;
      const confirmed = agree(i - 1, j - 1);
      steps.push({ original: [i - 1], ported: range(j - k, j), matched: true, confirmed, kind: 'fused' });
      i -= 1;
      j -= k;
    }
  }
  return steps.reverse();
}

/** For very long traces: match each original call with the next same-class call of the port within a window. */
function greedyPath(original: readonly AlignItem[], ported: readonly AlignItem[], agree: (i: number, j: number) => boolean): Step[] {
  const WINDOW = 64;
  const steps: Step[] = [];
  let j = 0;
  for (let i = 0; i < original.length; i++) {
    const o = original[i];
    const candidates: number[] = [];
    for (let t = j; t < Math.min(ported.length, j + WINDOW); t++) if (ported[t].cls === o.cls && ported[t].shape === o.shape) candidates.push(t);
    const found = candidates.find((t) => agree(i, t)) ?? candidates[0] ?? -1;
    if (found < 0) {
      steps.push({ original: [i], ported: [], matched: false, confirmed: false, kind: 'unmatched' });
      continue;
    }
    while (j < found) steps.push({ original: [], ported: [j++], matched: false, confirmed: false, kind: 'unmatched' });
    steps.push({ original: [i], ported: [j], matched: true, confirmed: agree(i, j), kind: 'match' });
    j++;
  }
  while (j < ported.length) steps.push({ original: [], ported: [j++], matched: false, confirmed: false, kind: 'unmatched' });
  return steps;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

/** Out-of-order pairs, then regions between matches, then the final order (by position in the port). */
function finish(steps: Step[], original: readonly AlignItem[], ported: readonly AlignItem[], agree: (i: number, j: number) => boolean): AlignedUnit[] {
  const leftOriginal = steps.filter((s) => !s.matched && s.original.length).map((s) => s.original[0]);
  const leftPorted = new Set(steps.filter((s) => !s.matched && s.ported.length).map((s) => s.ported[0]));
  const reordered = new Map<number, number>(); // original -> ported
  for (const i of leftOriginal) {
    for (const j of leftPorted) {
      if (original[i].cls === ported[j].cls && original[i].shape === ported[j].shape && agree(i, j)) {
        reordered.set(i, j);
        leftPorted.delete(j);
        break;
      }
    }
  }
  const taken = new Set(reordered.values());

  // Position of each unit: its first ported call; original-only calls sit just before the next ported call.
  const placed: { unit: AlignedUnit; position: number }[] = [];
  let cursor = 0;
  let gapOriginal: number[] = [];
  let gapPorted: number[] = [];
  let gapCursor = 0;
  const flushGap = (): void => {
    if (gapOriginal.length && gapPorted.length) {
      const o = gapOriginal[gapOriginal.length - 1];
      const p = gapPorted[gapPorted.length - 1];
      const sameShape = original[o].shape === ported[p].shape && original[o].shape !== '';
      const confirmed = sameShape && agree(o, p);
      if (sameShape && (confirmed || original[o].family === ported[p].family)) {
        placed.push({ unit: { kind: 'region', original: gapOriginal, ported: gapPorted, confirmed }, position: gapPorted[0] });
        gapOriginal = [];
        gapPorted = [];
        return;
      }
    }
    // Intermediate steps the original does not store (cuBLAS axpy's alpha·x) against the same
    // operators in the port, in order: a structural match, nothing to compare by value.
    if (gapOriginal.length && gapOriginal.length === gapPorted.length && gapOriginal.every((o, k) => original[o].shape === '' && original[o].cls === ported[gapPorted[k]].cls)) {
      gapOriginal.forEach((o, k) => placed.push({ unit: { kind: 'match', original: [o], ported: [gapPorted[k]], confirmed: false }, position: gapPorted[k] }));
      gapOriginal = [];
      gapPorted = [];
      return;
    }
    for (const o of gapOriginal) placed.push({ unit: { kind: 'unmatched', original: [o], ported: [], confirmed: false }, position: gapCursor - 0.5 });
    for (const p of gapPorted) placed.push({ unit: { kind: 'unmatched', original: [], ported: [p], confirmed: false }, position: p });
    gapOriginal = [];
    gapPorted = [];
  };
  for (const step of steps) {
    if (step.matched) {
      flushGap();
      placed.push({ unit: { kind: step.kind, original: step.original, ported: step.ported, confirmed: step.confirmed }, position: step.ported[0] });
      cursor = step.ported[step.ported.length - 1] + 1;
      gapCursor = cursor;
      continue;
    }
    if (step.original.length) {
      const i = step.original[0];
      const j = reordered.get(i);
      if (j !== undefined) placed.push({ unit: { kind: 'reordered', original: [i], ported: [j], confirmed: true }, position: j });
      else gapOriginal.push(i);
    } else {
      const j = step.ported[0];
      if (!taken.has(j)) gapPorted.push(j);
      cursor = j + 1;
    }
  }
  flushGap();
  return placed
    .map((p, order) => ({ ...p, order }))
    .sort((a, b) => a.position - b.position || a.order - b.order)
    .map((p) => p.unit);
}
