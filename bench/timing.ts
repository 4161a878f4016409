/**
 * Side-by-side timing. Contenders run round-robin (one call each per round) so that a burst of
 * load from other processes hits all of them alike; each reports the median and best of its
 * rounds. The garbage of one contender (tfjs allocates per op) is collected before the next
 * call is timed, so no contender pays for another's collection.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

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
  /**
   * Least process CPU time (user + system, all threads) of a round. For a single-threaded
   * contender this is its own cost without the time the OS gave to other processes.
   */
  readonly minCpuMs: number;
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
  const cpu = contenders.map(() => Infinity);
  const start = performance.now();
  for (let round = 0; round < options.rounds; round++) {
    if (round >= options.minRounds && performance.now() - start > options.budgetMs) break;
    for (let i = 0; i < contenders.length; i++) {
      collectGarbage();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await contenders[i].run();
      samples[i].push(performance.now() - t0);
      const used = process.cpuUsage(c0);
      cpu[i] = Math.min(cpu[i], (used.user + used.system) / 1000);
    }
  }
  return contenders.map((c, i) => {
    const sorted = [...samples[i]].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    return { name: c.name, samplesMs: samples[i], medianMs: median, minMs: sorted[0], minCpuMs: cpu[i] };
  });
}
