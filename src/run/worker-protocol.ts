/** Messages a rank worker posts back to the runner. */
import type { RuntimeDiagnostic } from '../backends/sim/diagnostics.js';
import type { TraceRecord } from '../backends/sim/trace.js';
import type { TensorData } from '../runtime/tensor-transfer.js';

export interface WorkerError {
  readonly message: string;
  readonly kind: string;
  readonly stack?: string;
  readonly fix?: string;
  readonly file?: string;
  readonly line?: number;
}

export type WorkerResult =
  | {
      readonly ok: true;
      readonly rank: number;
      /** Index of the run in WorkerInput.runs. */
      readonly run: number;
      readonly outputs: readonly { readonly name: string; readonly data: TensorData }[];
      readonly trace: readonly TraceRecord[];
      readonly diagnostics: readonly RuntimeDiagnostic[];
      readonly simulatedTimeUs: number;
    }
  | { readonly ok: false; readonly rank: number; readonly run: number; readonly error: WorkerError };
