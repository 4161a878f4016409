/**
 * What a statement-group reader decided for a file (lift/statement-groups.ts): which anchor runs'
 * groups go, and why a run that reads and ports on its own stays anyway (a shared object, a
 * marker). The lifter asks while it lifts a run: undefined while the file is still being decided
 * (a trial port of the run), the decision afterwards. Readings of runs are kept with them, so a
 * run is read once however often it is tried.
 */
import type { ResolvedCall, StaticContext } from '../context/static-context.js';
import type { ts } from '../syntax/typescript.js';

export interface RunDecision {
  readonly accepted: boolean;
  readonly reason?: string;
}

export class GroupDecisions<Reading> {
  private readonly decisions = new WeakMap<ts.SourceFile, { readonly accepted: ReadonlySet<ts.CallExpression>; readonly held: ReadonlyMap<ts.CallExpression, string> }>();
  private readonly readings = new WeakMap<ts.CallExpression, Reading>();

  constructor(private readonly read: (run: ResolvedCall, context: StaticContext) => Reading) {}

  /** The run's reading, read once. */
  readingOf(run: ResolvedCall, context: StaticContext): Reading {
    let reading = this.readings.get(run.node);
    if (reading === undefined) {
      reading = this.read(run, context);
      this.readings.set(run.node, reading);
    }
    return reading;
  }

  /** The file is being decided again (a new port of it): nothing is decided until `decide`. */
  undecide(sourceFile: ts.SourceFile): void {
    this.decisions.delete(sourceFile);
  }

  decide(sourceFile: ts.SourceFile, accepted: ReadonlySet<ts.CallExpression>, held: ReadonlyMap<ts.CallExpression, string>): void {
    this.decisions.set(sourceFile, { accepted, held });
  }

  /** Undefined while the file is being decided; otherwise whether the run's group goes, and why not. */
  decisionFor(run: ts.CallExpression): RunDecision | undefined {
    const decision = this.decisions.get(run.getSourceFile());
    if (!decision) return undefined;
    if (decision.accepted.has(run)) return { accepted: true };
    const reason = decision.held.get(run);
    return { accepted: false, ...(reason !== undefined ? { reason } : {}) };
  }
}
