/**
 * Side-by-side timing. Contenders run round-robin (one call each per round) so that a burst of
 * load from other processes hits all of them alike; each reports the median of its rounds.
 */
export interface Contender<T = unknown> {
  readonly name: string;
  /** One call of the workload; may be async (ONNX Runtime sessions are). */
  readonly run: () => T | Promise<T>;
}

export interface Timing {
  readonly name: string;
  readonly samplesMs: readonly number[];
  readonly medianMs: number;
  readonly minMs: number;
}

export interface TimingOptions {
  /** Untimed calls per contender first (JIT warm-up, session allocation). */
  readonly warmup: number;
  /** Timed rounds at most. */
  readonly rounds: number;
  /** Stop starting new rounds after this much wall time (at least `minRounds` are run). */
  readonly budgetMs: number;
  readonly minRounds: number;
}

export async function timeInterleaved(contenders: readonly Contender[], options: TimingOptions): Promise<Timing[]> {
  for (const c of contenders) for (let i = 0; i < options.warmup; i++) await c.run();
  const samples = contenders.map(() => [] as number[]);
  const start = performance.now();
  for (let round = 0; round < options.rounds; round++) {
    if (round >= options.minRounds && performance.now() - start > options.budgetMs) break;
    for (let i = 0; i < contenders.length; i++) {
      const t0 = performance.now();
      await contenders[i].run();
      samples[i].push(performance.now() - t0);
    }
  }
  return contenders.map((c, i) => {
    const sorted = [...samples[i]].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    return { name: c.name, samplesMs: samples[i], medianMs: median, minMs: sorted[0] };
  });
}
