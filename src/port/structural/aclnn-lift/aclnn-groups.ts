/**
 * The aclnn operations of a file, for the walk (lift/statement-groups.ts): every second-phase
 * call is read with its group (aclnn-group.ts); a group goes when its run ports (tried by the
 * porter) and every object it uses (tensor, scalar, int array) is used only by the first phases
 * of groups that go and by its destroys. Objects shared with an operation that stays keep every
 * operation using them as written (to a fixed point), so no statement refers to a removed name.
 * The decision is kept per source file, so the lifter declines the runs of groups that stay.
 */
import { GroupDecisions, type RunDecision } from '../../lift/group-decisions.js';
import type { StaticContext, ResolvedCall } from '../../context/static-context.js';
import type { StatementGroupInput, StatementGroupReader } from '../../lift/statement-groups.js';
import { ts } from '../../syntax/typescript.js';
import { readGroup, statementIn, statementOf, type AclnnGroup, type AclnnObject, type GroupReading } from './aclnn-group.js';
import { usesOf } from '../../syntax/named-variables.js';


/** The second phases of aclnn operations: execute-phase entries of the aclnn library. */
export function isAclnnRun(call: ResolvedCall): boolean {
  const binds = call.entry.spec.binds;
  return call.backend === 'cann' && call.entry.library === 'aclnn' && 'operator' in binds && binds.phase === 'execute';
}

const fileGroups = new GroupDecisions<GroupReading>(readGroup);

export function groupOf(run: ResolvedCall, context: StaticContext): GroupReading {
  return fileGroups.readingOf(run, context);
}

/**
 * Undefined while the file is being decided (a trial); otherwise whether the run's group goes,
 * and why not when the reason is not the run's own port failing (shared objects, markers).
 */
export function decisionFor(run: ts.CallExpression): RunDecision | undefined {
  return fileGroups.decisionFor(run);
}

function objectsOf(group: AclnnGroup): AclnnObject[] {
  return group.operands.flatMap((o) => (o.kind === 'value' ? [] : o.kind === 'list' ? [o.object, ...o.elements.flatMap((e) => (e.kind === 'tensor' ? [e.object] : []))] : [o.object]));
}

/** The declarations of the tensor lists of groups: their element tensors are used there. */
function listDeclarations(groups: readonly AclnnGroup[]): Set<ts.Statement> {
  return new Set(groups.flatMap((g) => g.operands.flatMap((o) => (o.kind === 'list' ? [o.object.declaration] : []))));
}

/** `aclDestroyTensor(t);` and its kin. */
function isDestroyOf(statement: ts.Statement, name: string, context: StaticContext): boolean {
  if (!ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) return false;
  const call = context.resolve(statement.expression);
  const binds = call?.entry.spec.binds;
  return Boolean(call && binds && 'primitive' in binds && binds.primitive === 'tensor.destroy' && call.args.length === 1 && ts.isIdentifier(call.args[0]) && call.args[0].text === name);
}

/** `by \`aclnnAddGetWorkspaceSize\``: the call a use is an argument of (line numbers move when comments are written). */
function whereUsed(use: ts.Node, sourceFile: ts.SourceFile): string {
  for (let n: ts.Node | undefined = use.parent; n; n = n.parent) {
    if (ts.isCallExpression(n)) return `by \`${n.expression.getText(sourceFile)}\``;
    if (ts.isStatement(n)) break;
  }
  return `in \`${statementOf(use)?.getText(sourceFile).split('\n')[0].slice(0, 60) ?? use.getText(sourceFile)}\``;
}

export const aclnnGroupReader: StatementGroupReader = {
  name: 'aclnn operations (tensors, two phases, workspace, destroys)',
  absorbed(input: StatementGroupInput): readonly ts.Statement[] {
    const { context, sourceFile } = input;
    fileGroups.undecide(sourceFile);
    const groups: AclnnGroup[] = [];
    for (const call of context.allCalls()) {
      if (!isAclnnRun(call)) continue;
      const reading = groupOf(call, context);
      if (reading.ok) groups.push(reading.group);
    }
    const held = new Map<ts.CallExpression, string>();
    let candidates = groups.filter((g) => {
      const statements = [...g.own, statementOf(g.run.node)!, ...objectsOf(g).map((o) => o.declaration)];
      const marked = statements.find((s) => input.suppressed(s));
      if (marked) held.set(g.run.node, `line ${sourceFile.getLineAndCharacterOfPosition(marked.getStart(sourceFile)).line + 1} of the operation is marked opbridge-ignore`);
      // A run that does not port is reported by the walk with the lowerer's own reason.
      return !marked && input.ports(g.run.node);
    });
    // Objects: every use is its declaration, a destroy, or the first phase of a group that goes.
    const destroys = new Map<AclnnObject['declaration'], ts.Statement[]>();
    for (let changed = true; changed; ) {
      changed = false;
      const prepares = new Set(candidates.map((g) => statementOf(g.prepare.node)!));
      const lists = listDeclarations(candidates);
      const blocked = new Map<ts.VariableStatement, string>();
      for (const object of candidates.flatMap(objectsOf)) {
        if (blocked.has(object.declaration) || destroys.has(object.declaration)) continue;
        const scope = object.declaration.parent;
        const found: ts.Statement[] = [];
        for (const use of usesOf(object.name, scope)) {
          const statement = statementIn(use, scope);
          if (statement === object.declaration) continue;
          // A first phase may sit in a nested block (`if (epilogue === …) { … }`).
          const own = statementOf(use);
          if ((statement && prepares.has(statement)) || (own && prepares.has(own))) continue;
          if (own && lists.has(own)) continue;
          if (statement && isDestroyOf(statement, object.name, context)) {
            found.push(statement);
            continue;
          }
          blocked.set(object.declaration, `\`${object.name}\` is also used ${whereUsed(use, sourceFile)}, which stays as written`);
          break;
        }
        if (!blocked.has(object.declaration)) destroys.set(object.declaration, found);
      }
      const kept = candidates.filter((g) => {
        const reason = objectsOf(g).map((o) => blocked.get(o.declaration)).find((r) => r !== undefined);
        if (reason) held.set(g.run.node, reason);
        return reason === undefined;
      });
      if (kept.length !== candidates.length) {
        changed = true;
        candidates = kept;
        destroys.clear();
      }
    }
    fileGroups.decide(sourceFile, new Set(candidates.map((g) => g.run.node)), held);
    const statements = new Set<ts.Statement>();
    for (const g of candidates) {
      for (const s of g.own) statements.add(s);
      for (const o of objectsOf(g)) {
        statements.add(o.declaration);
        for (const d of destroys.get(o.declaration) ?? []) statements.add(d);
      }
    }
    return [...statements].sort((a, b) => a.pos - b.pos);
  },
};
