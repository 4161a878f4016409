/**
 * Aligns the operator calls of the original program with those of the port.
 *
 * A dynamic program over both call sequences (a weighted longest common subsequence) picks
 * the best set of ordered matches, each one of:
 *
 * - one-to-one: same class (see op-equivalence.ts) and output shape; worth 3 when the golden
 *   results agree (value-confirmed), else 1 (structural);
 * - one-to-many / many-to-one: a single call (one record, or every launch of one vendor call)
 *   against a chain of up to `maxFusion` consecutive calls on the other side (a fused
 *   Gemm+bias+GELU against MatMul, Add, Gelu; cuBLAS axpy against a scale into scratch memory
 *   and an add), same final output shape — or only the same element count when the final
 *   golden results agree (a graph node computed on the flat buffer: cast, op, narrowing cast). Worth 3 when the final golden results agree and the
 *   chain keeps its intermediates to itself (`chain`, decided from traced memory accesses),
 *   2 when they agree and that is unknown, 0.5 when the single record's family is that of the
 *   chain's first or last call; never when an intermediate escapes (see chainGain).
 *
 * - tiled: a batched call against the run of per-batch calls (one class, the batched call's
 *   family) whose results are its slices along the leading dim; offered only when the
 *   concatenation agrees, worth 3.
 *
 * Ties go to the matching that leaves fewer calls unmatched. Unmatched calls that carry no
 * value of their own (transparent steps, layout transposes, further launches of a paired vendor call) are then
 * grouped with their matched neighbour (`absorbed`).
 *
 * Calls left over are then paired out of order when class, shape and golden result agree
 * (`reordered`). Runs still unmatched between two matches are compared through their final
 * results when those have the same shape and either agree or share a family (`region`);
 * calls the original records no output for (intermediate steps) pair in order with same-class
 * port calls; anything else is reported `unmatched`. Sequences too long for the quadratic program
 * (`maxCells`) are aligned greedily within a window.
 */
import type { Containment } from './chain-containment.js';

export interface AlignItem {
  /** Equivalence class for one-to-one matches. */
  readonly cls: string;
  readonly family: string;
  /** Shape of the call's first output as a key (size-1 dims dropped: same elements, same order); '' when it has none. */
  readonly shape: string;
  /**
   * The call cannot change the value it passes on (a Mul by the scalar 1, a widening Cast):
   * left unmatched just before a matched call, it is grouped with that call.
   */
  readonly transparent?: boolean;
  /**
   * The call only moves data into another layout (a Transpose): a port stages operands for a
   * vendor op that wants another layout (NCHW ↔ NHWC around a CNNL batch norm). Left unmatched
   * just before a matched call (else just after one), it is grouped with that call; a wrong
   * layout shows in the matched call's result or in later results.
   */
  readonly layout?: boolean;
  /**
   * An element-wise function of one tensor: two such calls of one class pair one to one when
   * their element counts (`size`) agree, whatever shapes their libraries give them (XDNN's
   * activations take the packed length, cuDNN's a 4-D descriptor).
   */
  readonly elementwise?: boolean;
  /**
   * The element count of the call's first output. A chain whose final result has the single
   * call's element count but another shape (a port that computes a graph node on the flat
   * buffer, [2048] for [2, 16, 4, 16]) pairs with it only when the golden values agree.
   */
  readonly size?: number;
  /**
   * The vendor call this record belongs to (symbol and call site): one vendor call may run as
   * several canonical launches, and those left unmatched beside a matched launch of the same
   * call are grouped with it (a decomposition, e.g. a norm that also computes its rstd).
   */
  readonly call?: string;
}

export interface AlignOptions {
  /**
   * Whether calls [from, to) of one side keep their intermediate results inside the run
   * (chain-containment.ts). Absent: not known, and only the value-or-family rules apply.
   */
  readonly chain?: (side: 'original' | 'ported', from: number, to: number) => Containment;
  /** Whether the golden results of original call i and ported call j agree. */
  readonly agree: (i: number, j: number) => boolean;
  /**
   * Whether the golden results of a group of calls on one side, concatenated in order, agree
   * with the one call on the other (a batched call against its per-batch calls).
   */
  readonly agreeTiled?: (original: readonly number[], ported: readonly number[]) => boolean;
  readonly maxFusion?: number;
  readonly maxCells?: number;
}

/** Same class and a result of the same shape (or, element-wise, the same element count). */
function pairs(o: AlignItem, p: AlignItem): boolean {
  return o.cls === p.cls && (o.shape === p.shape || (o.elementwise === true && p.elementwise === true && o.size !== undefined && o.size === p.size));
}

export type UnitKind = 'match' | 'fused' | 'reordered' | 'region' | 'unmatched';

export interface AlignedUnit {
  readonly kind: UnitKind;
  /** Indices into the original's calls (empty for a port-only unmatched call). */
  readonly original: readonly number[];
  readonly ported: readonly number[];
  /** The golden results agree (the pairing is value-confirmed). */
  readonly confirmed: boolean;
  /**
   * The side whose calls tile the other side's one result (each gives one slice along its
   * leading dim, in order): compared through their concatenation.
   */
  readonly tiled?: 'original' | 'ported';
  /**
   * Calls grouped with the unit without being compared: transparent steps and the other
   * launches of a decomposed vendor call (see AlignItem). Shown with the unit, never compared.
   */
  readonly absorbed?: { readonly original: readonly number[]; readonly ported: readonly number[] };
}

const SKIP_ORIGINAL = 1;
const SKIP_PORTED = 2;
const ONE_TO_ONE = 3;
const ONE_TO_MANY = 10; // + run length
const MANY_TO_ONE = 30; // + run length
const CALL_TO_MANY = 100; // + run length: one whole vendor call (several launches) of the original against a run of the port
const MANY_TO_CALL = 200; // + run length: a run of the original against one whole vendor call of the port
/** The most launches of one vendor call taken whole as the single side of a chain. */
const MAX_CALL_LAUNCHES = 16;
const TILED_ORIGINAL = 300; // + group length: original calls tile one ported call
const TILED_PORTED = 600; // + group length: ported calls tile one original call
/** The most per-batch calls one batched call is paired with. */
const MAX_TILES = 64;
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
  const agreeTiled = options.agreeTiled ?? ((): boolean => false);
  const chains = new Map<string, Containment>();
  const chain = (side: 'original' | 'ported', from: number, to: number): Containment => {
    if (!options.chain) return 'unknown';
    const key = `${side}:${from}:${to}`;
    let v = chains.get(key);
    if (v === undefined) chains.set(key, (v = options.chain(side, from, to)));
    return v;
  };
  const maxFusion = Math.min(options.maxFusion ?? 6, 19); // move codes hold run lengths below 20
  const path = (n + 1) * (m + 1) <= maxCells ? programPath(original, ported, agree, agreeTiled, chain, maxFusion) : greedyPath(original, ported, agree);
  return finish(absorb(path, original, ported), original, ported, agree, chain);
}

interface Step {
  readonly original: number[];
  readonly ported: number[];
  readonly matched: boolean;
  readonly confirmed: boolean;
  readonly kind: UnitKind;
  readonly tiled?: 'original' | 'ported';
  absorbedOriginal?: number[];
  absorbedPorted?: number[];
}

/**
 * Whether a single call and the last call of a chain end in comparable results: 'shape' when
 * their results have the same shape, 'size' when only the element count agrees (the same values
 * in the same order under another shape; the chain is then taken only when the golden values
 * confirm it), false otherwise.
 */
function sameResult(a: AlignItem, b: AlignItem): 'shape' | 'size' | false {
  if (a.shape === '' || b.shape === '') return false;
  if (a.shape === b.shape) return 'shape';
  return a.size !== undefined && a.size > 0 && a.size === b.size ? 'size' : false;
}

/**
 * How many calls of `group` tile `whole`: the leading dim of whole's shape when the rest of it
 * is the shape of each call of the group (0 when it cannot be tiled).
 */
function tileCount(whole: AlignItem): { count: number; tile: string } {
  const dims = whole.shape.split('x');
  if (dims.length < 2) return { count: 0, tile: '' };
  const count = Number(dims[0]);
  return Number.isInteger(count) && count >= 2 && count <= MAX_TILES ? { count, tile: dims.slice(1).join('x') } : { count: 0, tile: '' };
}

/**
 * Whether calls [from, from + count) of `group` can be the per-batch calls of `whole`: one class
 * among themselves, each result one tile. The batched call only needs the same family, not the
 * same class: a library may record the batched product as a MatMul whose alpha it applies as a
 * blend on storing (cnnlBatchMatMulBCast_v2) while the per-batch calls are Gemms carrying that
 * alpha. The tiling is offered only when the golden values confirm it, so the family merely
 * keeps unrelated operators from being tried.
 */
function tiles(group: readonly AlignItem[], from: number, count: number, whole: AlignItem, tile: string): boolean {
  for (let k = from; k < from + count; k++) {
    if (group[k].cls !== group[from].cls || group[k].family !== whole.family || group[k].shape !== tile) return false;
  }
  return true;
}

/**
 * For each end position e (1..length): how many launches the vendor call ending at e - 1 made,
 * when it is a whole call of several launches (the next record belongs to another call); else 0.
 */
function wholeCalls(items: readonly AlignItem[]): Int32Array {
  const out = new Int32Array(items.length + 1);
  let start = 0;
  for (let e = 1; e <= items.length; e++) {
    const call = items[e - 1].call;
    if (e === 1 || call === undefined || items[e - 2].call !== call) start = e - 1;
    const ends = e === items.length || items[e].call === undefined || items[e].call !== call;
    const size = e - start;
    if (call !== undefined && ends && size >= 2 && size <= MAX_CALL_LAUNCHES) out[e] = size;
  }
  return out;
}

/**
 * What a single call (or one vendor call's launches) against a run of k >= 2 calls on the other
 * side is worth: value-confirmed and the run keeps its intermediates to itself (a chain): 3, as
 * much as a confirmed one-to-one pair, so the chain wins over pairing its last call alone by
 * coverage only; value-confirmed with containment unknown: 2; unconfirmed but the single call's
 * family is that of the run's first or last call: 0.5. A run whose intermediates escape is not
 * a unit, nor is a whole multi-launch call against a run not known to be a chain.
 */
function chainGain(agreed: boolean, sameFamily: boolean, containment: Containment, wholeCall: boolean): number {
  if (containment === 'escapes') return -1;
  if (wholeCall) return containment === 'contained' && agreed ? 3 : -1;
  if (agreed) return containment === 'contained' ? 3 : 2;
  return sameFamily ? 0.5 : -1;
}

function programPath(
  original: readonly AlignItem[],
  ported: readonly AlignItem[],
  agree: (i: number, j: number) => boolean,
  agreeTiled: (original: readonly number[], ported: readonly number[]) => boolean,
  chain: (side: 'original' | 'ported', from: number, to: number) => Containment,
  maxFusion: number,
): Step[] {
  const n = original.length;
  const m = ported.length;
  const callOriginal = wholeCalls(original);
  const callPorted = wholeCalls(ported);
  const width = m + 1;
  const score = new Float64Array((n + 1) * width);
  const move = new Uint16Array((n + 1) * width);
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
        if (pairs(o, p)) offer(score[(i - 1) * width + j - 1] + (agree(i - 1, j - 1) ? 3 : 1) + 2 * COVERAGE, ONE_TO_ONE);
        // One call (or all launches of one vendor call) against a run of the other side.
        const g = callOriginal[i];
        const chainable = sameResult(o, p);
        for (let k = 2; k <= maxFusion && k <= j; k++) {
          if (!chainable) break;
          const first = ported[j - k];
          const agreed = agree(i - 1, j - 1);
          if (chainable === 'size' && !agreed) break;
          const sameFamily = o.family === first.family || o.family === p.family;
          const containment = chain('ported', j - k, j);
          const gain = chainGain(agreed, sameFamily, containment, false);
          if (gain > 0) offer(score[(i - 1) * width + j - k] + gain + (k + 1) * COVERAGE, ONE_TO_MANY + k);
          const whole = g ? chainGain(agreed, sameFamily, containment, true) : -1;
          if (whole > 0) offer(score[(i - g) * width + j - k] + whole + (k + g) * COVERAGE, CALL_TO_MANY + k);
        }
        const h = callPorted[j];
        for (let k = 2; k <= maxFusion && k <= i; k++) {
          if (!chainable) break;
          const first = original[i - k];
          const agreed = agree(i - 1, j - 1);
          if (chainable === 'size' && !agreed) break;
          const sameFamily = p.family === first.family || p.family === o.family;
          const containment = chain('original', i - k, i);
          const gain = chainGain(agreed, sameFamily, containment, false);
          if (gain > 0) offer(score[(i - k) * width + j - 1] + gain + (k + 1) * COVERAGE, MANY_TO_ONE + k);
          const whole = h ? chainGain(agreed, sameFamily, containment, true) : -1;
          if (whole > 0) offer(score[(i - k) * width + j - h] + whole + (k + h) * COVERAGE, MANY_TO_CALL + k);
        }
        // A batched call against its per-batch calls, only when the golden values confirm the
        // tiling: per-batch results may be recorded in another layout (a column-major port of a
        // row-major batched product), and shapes alone would then pair calls that read differently.
        const byPort = tileCount(p);
        if (byPort.count && byPort.count <= i && tiles(original, i - byPort.count, byPort.count, p, byPort.tile) && agreeTiled(range(i - byPort.count, i), [j - 1])) {
          const k = byPort.count;
          offer(score[(i - k) * width + j - 1] + 3 + (k + 1) * COVERAGE, TILED_ORIGINAL + k);
        }
        const byOriginal = tileCount(o);
        if (byOriginal.count && byOriginal.count <= j && tiles(ported, j - byOriginal.count, byOriginal.count, o, byOriginal.tile) && agreeTiled([i - 1], range(j - byOriginal.count, j))) {
          const k = byOriginal.count;
          offer(score[(i - 1) * width + j - k] + 3 + (k + 1) * COVERAGE, TILED_PORTED + k);
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
    } else if (code > TILED_PORTED) {
      const k = code - TILED_PORTED;
      const group = range(j - k, j);
      steps.push({ original: [i - 1], ported: group, matched: true, confirmed: agreeTiled([i - 1], group), kind: 'fused', tiled: 'ported' });
      i -= 1;
      j -= k;
    } else if (code > TILED_ORIGINAL) {
      const k = code - TILED_ORIGINAL;
      const group = range(i - k, i);
      steps.push({ original: group, ported: [j - 1], matched: true, confirmed: agreeTiled(group, [j - 1]), kind: 'fused', tiled: 'original' });
      i -= k;
      j -= 1;
    } else if (code > MANY_TO_CALL) {
      const k = code - MANY_TO_CALL;
      const h = callPorted[j];
      steps.push({ original: range(i - k, i), ported: range(j - h, j), matched: true, confirmed: agree(i - 1, j - 1), kind: 'fused' });
      i -= k;
      j -= h;
    } else if (code > CALL_TO_MANY) {
      const k = code - CALL_TO_MANY;
      const g = callOriginal[i];
      steps.push({ original: range(i - g, i), ported: range(j - k, j), matched: true, confirmed: agree(i - 1, j - 1), kind: 'fused' });
      i -= g;
      j -= k;
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
    for (let t = j; t < Math.min(ported.length, j + WINDOW); t++) if (pairs(o, ported[t])) candidates.push(t);
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
function finish(
  steps: Step[],
  original: readonly AlignItem[],
  ported: readonly AlignItem[],
  agree: (i: number, j: number) => boolean,
  chain: (side: 'original' | 'ported', from: number, to: number) => Containment,
): AlignedUnit[] {
  const leftOriginal = steps.filter((s) => !s.matched && s.original.length).map((s) => s.original[0]);
  const leftPorted = new Set(steps.filter((s) => !s.matched && s.ported.length).map((s) => s.ported[0]));
  const reordered = new Map<number, number>(); // original -> ported
  for (const i of leftOriginal) {
    for (const j of leftPorted) {
      if (pairs(original[i], ported[j]) && agree(i, j)) {
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
      // Compared through final results only: no run may hand an intermediate to later calls.
      const leaks = chain('original', gapOriginal[0], o + 1) === 'escapes' || chain('ported', gapPorted[0], p + 1) === 'escapes';
      if (sameShape && !leaks && (confirmed || original[o].family === ported[p].family)) {
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
      const absorbed = step.absorbedOriginal?.length || step.absorbedPorted?.length ? { original: step.absorbedOriginal ?? [], ported: step.absorbedPorted ?? [] } : undefined;
      const unit: AlignedUnit = { kind: step.kind, original: step.original, ported: step.ported, confirmed: step.confirmed, ...(step.tiled ? { tiled: step.tiled } : {}), ...(absorbed ? { absorbed } : {}) };
      placed.push({ unit, position: Math.min(step.ported[0], ...(step.absorbedPorted ?? [])) });
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

/**
 * Groups unmatched calls with the matched unit beside them when they cannot carry a value of
 * their own into the comparison: a transparent call just before a matched call of its side, a
 * layout transpose just before or after one, or a launch of the same vendor call as its neighbour in the unit (repeated until stable, so
 * a six-launch decomposition joins whole). Only in-order neighbours: nothing is reordered.
 */
function absorb(steps: Step[], original: readonly AlignItem[], ported: readonly AlignItem[]): Step[] {
  const owner = [new Map<number, Step>(), new Map<number, Step>()];
  for (const step of steps) {
    if (!step.matched) continue;
    for (const i of step.original) owner[0].set(i, step);
    for (const j of step.ported) owner[1].set(j, step);
  }
  const absorbed = new Set<Step>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const step of steps) {
      if (step.matched || absorbed.has(step)) continue;
      const side = step.original.length ? 0 : 1;
      const index = side === 0 ? step.original[0] : step.ported[0];
      const items = side === 0 ? original : ported;
      const self = items[index];
      const next = owner[side].get(index + 1);
      const previous = owner[side].get(index - 1);
      const sameCall = (k: number): boolean => self.call !== undefined && items[k]?.call === self.call;
      const into = next && (self.transparent || self.layout || sameCall(index + 1)) ? next : previous && (self.layout || sameCall(index - 1)) ? previous : undefined;
      if (!into) continue;
      if (side === 0) (into.absorbedOriginal ??= []).push(index);
      else (into.absorbedPorted ??= []).push(index);
      owner[side].set(index, into);
      absorbed.add(step);
      changed = true;
    }
  }
  return steps.filter((s) => !absorbed.has(s)).map((s) => (s.matched ? { ...s, absorbedOriginal: s.absorbedOriginal?.sort((a, b) => a - b), absorbedPorted: s.absorbedPorted?.sort((a, b) => a - b) } : s));
}
