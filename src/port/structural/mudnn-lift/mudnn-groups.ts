/**
 * The muDNN operations of a file, for the walk (lift/statement-groups.ts): every run is read with
 * its op descriptor and workspace (mudnn-operation.ts); its statements go when the run ports (tried
 * by the porter) and every run configured through the same descriptor ports too. The decision is
 * kept per source file, so the lifter declines the runs whose statements stay, with the reason.
 */
import { GroupDecisions, type RunDecision } from '../../lift/group-decisions.js';
import type { ResolvedCall, StaticContext } from '../../context/static-context.js';
import type { StatementGroupInput, StatementGroupReader } from '../../lift/statement-groups.js';
import type { ts } from '../../syntax/typescript.js';
import { isMudnnRun, readOperation, type OperationReading, type RunObject } from './mudnn-operation.js';
import { statementOf } from '../aclnn-lift/aclnn-group.js';
import { LIFT_TARGETS } from './lift-targets.js';

const fileGroups = new GroupDecisions<OperationReading>(readOperation);

/** Per file: the op-descriptor calls of runs that port whose statements stay for their status (mudnn-operation.ts `assigned`). */
const successCalls = new WeakMap<ts.SourceFile, ReadonlySet<ts.CallExpression>>();

export function operationOf(run: ResolvedCall, context: StaticContext): OperationReading {
  return fileGroups.readingOf(run, context);
}

/** Undefined while the file is being decided (a trial); otherwise whether the run's statements go, and why not. */
export function decisionFor(run: ts.CallExpression): RunDecision | undefined {
  return fileGroups.decisionFor(run);
}

/** Whether an op-descriptor call goes with a run that ports while its statement stays for the status: written as the success status. */
export function answersSuccess(call: ts.CallExpression): boolean {
  return successCalls.get(call.getSourceFile())?.has(call) ?? false;
}

export const mudnnGroupReader: StatementGroupReader = {
  name: 'muDNN operations (op descriptor, workspace, run)',
  absorbed(input: StatementGroupInput): readonly ts.Statement[] {
    const { context, sourceFile } = input;
    fileGroups.undecide(sourceFile);
    successCalls.delete(sourceFile);
    if (!LIFT_TARGETS.has(input.target)) return [];
    const runs = context.allCalls().filter(isMudnnRun);
    const held = new Map<ts.CallExpression, string>();
    const line = (node: ts.Node) => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
    const ports = new Map<ts.CallExpression, boolean>();
    for (const run of runs) {
      const reading = operationOf(run, context);
      if (!reading.ok) continue;
      const marked = [...reading.operation.own].find((s) => input.suppressed(s)) ?? (input.suppressed(run.node) ? run.node : undefined);
      if (marked) held.set(run.node, `line ${line(marked)} of the operation is marked opbridge-ignore`);
      // A run that does not port is reported by the walk with its own reason.
      ports.set(run.node, !marked && input.ports(run.node));
    }
    // A descriptor shared by several runs goes only with all of them.
    const byDescriptor = new Map<ts.VariableStatement, ResolvedCall[]>();
    for (const run of runs) {
      const reading = operationOf(run, context);
      const declaration = reading.ok ? reading.operation.descriptor?.declaration : undefined;
      if (declaration) byDescriptor.set(declaration, [...(byDescriptor.get(declaration) ?? []), run]);
    }
    const accepted = new Set<ts.CallExpression>();
    const statements = new Set<ts.Statement>();
    const success = new Set<ts.CallExpression>();
    for (const run of runs) {
      const reading = operationOf(run, context);
      if (!reading.ok || !ports.get(run.node)) continue;
      const sharing = reading.operation.descriptor ? byDescriptor.get(reading.operation.descriptor.declaration) ?? [] : [];
      const blocker = sharing.find((other) => !ports.get(other.node));
      if (blocker) {
        held.set(run.node, `its descriptor \`${reading.operation.descriptor!.name}\` also configures the \`${blocker.entry.spec.symbol}\` on line ${line(blocker.node)}, which stays as written`);
        continue;
      }
      accepted.add(run.node);
      for (const s of reading.operation.own) statements.add(s);
      for (const call of reading.operation.assigned) success.add(call);
    }
    // A scratch buffer or tensor descriptor goes when nothing that stays uses it: every run using
    // it ports (its statement is rewritten without it) and the other statements using it go.
    const rewritten = new Set<ts.Statement>([...accepted].map((run) => statementOf(run)).filter((s): s is ts.Statement => s !== undefined));
    const objects = new Map<ts.VariableStatement, RunObject>();
    for (const run of runs) {
      const reading = operationOf(run, context);
      if (reading.ok) for (const object of reading.operation.objects) objects.set(object.declaration, object);
    }
    for (const object of objects.values()) {
      if (object.users.every((u) => statements.has(u) || rewritten.has(u))) for (const s of object.statements) statements.add(s);
    }
    fileGroups.decide(sourceFile, accepted, held);
    successCalls.set(sourceFile, success);
    return [...statements].sort((a, b) => a.pos - b.pos);
  },
};
