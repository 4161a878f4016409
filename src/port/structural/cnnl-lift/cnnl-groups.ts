/**
 * The CNNL operations of a file, for the walk (lift/statement-groups.ts): every run (a CNNL entry
 * binding an operator) is read with its group (cnnl-group.ts); a group goes when its run ports
 * (tried by the porter) and every object it uses (tensor, op, algorithm and heuristic
 * descriptors, a queue asked of the handle) is used only by its lifecycle (declaration, create,
 * set-calls, destroy) and by statements of groups that go. An object shared with an operation
 * that stays keeps every operation using it as written (to a fixed point), so no statement refers
 * to a removed name. The decision is kept per source file, so the lifter declines the runs of
 * groups that stay.
 */
import { GroupDecisions, type RunDecision } from '../../lift/group-decisions.js';
import type { ResolvedCall, StaticContext } from '../../context/static-context.js';
import type { StatementGroupInput, StatementGroupReader } from '../../lift/statement-groups.js';
import { ts } from '../../syntax/typescript.js';
import { statementOf } from '../aclnn-lift/aclnn-group.js';
import {  } from '../../syntax/named-variables.js';
import { variableName } from '../../context/static-context.js';
import { declarationOf, usesOf } from '../../syntax/named-variables.js';
import { callOfStatement, readCnnlGroup, type CnnlGroup, type CnnlGroupReading } from './cnnl-group.js';
import { bareExpression } from '../../syntax/bare-expression.js';

/**
 * The runs the lifter reads (cnnl-lifter.ts). Other CNNL operations (convolution with its NHWC
 * staging, batch norm, pooling, casts, ...) keep the generic path's answer and their statements.
 */
export const LIFTED_RUNS: ReadonlySet<string> = new Set([
  'cnnlMatMul_v2',
  'cnnlBatchMatMulBCast_v2',
  'cnnlOpTensor',
  'cnnlActivationForward',
  'cnnlSoftmaxForward',
  'cnnlSoftmaxForward_v2',
  'cnnlLayerNormForward',
  'cnnlReduce',
  'cnnlCastDataType',
  'cnnlRmsNormForward',
  'cnnlConvolutionForward',
  'cnnlBatchNormForwardInference',
  'cnnlPoolingForward',
  'cnnlFlashAttentionForward',
]);

/** The runs of CNNL operations this module lifts. */
export function isCnnlRun(call: ResolvedCall): boolean {
  return call.backend === 'cambricon' && call.entry.library === 'cnnl' && 'operator' in call.entry.spec.binds && LIFTED_RUNS.has(call.entry.spec.symbol);
}

const fileGroups = new GroupDecisions<CnnlGroupReading>(readCnnlGroup);

export function cnnlGroupOf(run: ResolvedCall, context: StaticContext): CnnlGroupReading {
  return fileGroups.readingOf(run, context);
}

/** Undefined while the file is being decided (a trial); otherwise whether the run's group goes, and why not. */
export function cnnlDecisionFor(run: ts.CallExpression): RunDecision | undefined {
  return fileGroups.decisionFor(run);
}

function isInside(node: ts.Node, statements: ReadonlySet<ts.Statement>): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) if (statements.has(n as ts.Statement)) return true;
  return false;
}

/** `by \`cnnlOpTensor\``: the call a use is an argument of (line numbers move when comments are written). */
function whereUsed(use: ts.Node, sourceFile: ts.SourceFile): string {
  for (let n: ts.Node | undefined = use.parent; n; n = n.parent) {
    if (ts.isCallExpression(n)) return `by \`${n.expression.getText(sourceFile)}\``;
    if (ts.isStatement(n)) break;
  }
  return `in \`${statementOf(use)?.getText(sourceFile).split('\n')[0].slice(0, 60) ?? use.getText(sourceFile)}\``;
}

export const cnnlGroupReader: StatementGroupReader = {
  name: 'CNNL operations (descriptors, queries, workspace, run, destroys)',
  absorbed(input: StatementGroupInput): readonly ts.Statement[] {
    const { context, sourceFile } = input;
    fileGroups.undecide(sourceFile);
    const groups: CnnlGroup[] = [];
    for (const call of context.allCalls()) {
      if (!isCnnlRun(call)) continue;
      const reading = cnnlGroupOf(call, context);
      if (reading.ok && ![...reading.group.objects.values()].some((o) => o.foreign)) groups.push(reading.group);
    }
    const held = new Map<ts.CallExpression, string>();
    let candidates = groups.filter((g) => {
      const statements = [...g.own, ...[...g.objects.values()].flatMap((o) => [o.declaration, ...o.lifecycle])];
      const marked = statements.find((s) => input.suppressed(s));
      if (marked) held.set(g.run.node, `line ${sourceFile.getLineAndCharacterOfPosition(marked.getStart(sourceFile)).line + 1} of the operation is marked opbridge-ignore`);
      // A run that does not port is reported by the walk with the lowerer's own reason.
      return !marked && input.ports(g.run.node);
    });
    // Objects: every use outside their lifecycle lies in a statement of a group that goes.
    for (let changed = true; changed; ) {
      changed = false;
      const owned = new Set(candidates.flatMap((g) => [...g.own]));
      const kept = candidates.filter((g) => {
        for (const object of g.objects.values()) {
          const outside = object.uses.find((use) => !isInside(use, owned));
          if (outside) {
            held.set(g.run.node, `\`${object.name}\` is also used ${whereUsed(outside, sourceFile)}, which stays as written`);
            return false;
          }
        }
        return true;
      });
      if (kept.length !== candidates.length) {
        changed = true;
        candidates = kept;
      }
    }
    // A run read as part of another operation (the product of a dot chain) goes with it.
    const owned = new Set(candidates.flatMap((g) => [...g.own].filter((s) => s !== statementOf(g.run.node))));
    candidates = candidates.filter((g) => !owned.has(statementOf(g.run.node)!));
    fileGroups.decide(sourceFile, new Set(candidates.map((g) => g.run.node)), held);
    const statements = new Set<ts.Statement>();
    for (const g of candidates) {
      const runStatement = statementOf(g.run.node);
      for (const s of g.own) if (s !== runStatement) statements.add(s);
      for (const o of g.objects.values()) for (const s of [o.declaration, ...o.lifecycle]) statements.add(s);
    }
    for (const s of handlesLeftIdle(candidates, statements, context)) statements.add(s);
    for (const s of constantsLeftIdle(statements)) statements.add(s);
    return [...statements].sort((a, b) => a.pos - b.pos);
  },
};

/**
 * `const dims = [ROWS, IN]` declarations whose every use was in a set-call that went (dims
 * written by hand as named constants): they go with it.
 */
function constantsLeftIdle(absorbed: ReadonlySet<ts.Statement>): ts.Statement[] {
  const found: ts.Statement[] = [];
  const seen = new Set<string>();
  for (const statement of absorbed) {
    const visit = (n: ts.Node): void => {
      if (ts.isIdentifier(n) && !seen.has(n.text)) {
        seen.add(n.text);
        const declared = declarationOf(n.text, statement);
        const list = declared?.statement.declarationList;
        if (declared?.init && list && list.flags & ts.NodeFlags.Const && ts.isArrayLiteralExpression(bareExpression(declared.init)) && !absorbed.has(declared.statement)) {
          const uses = usesOf(n.text, declared.statement.parent).filter((u) => !isInside(u, new Set([declared.statement])));
          if (uses.every((u) => isInside(u, absorbed))) found.push(declared.statement);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(statement);
  }
  return found;
}

const HANDLE_LIFECYCLE = new Set(['handle.create', 'handle.set-stream', 'handle.destroy']);

/**
 * CNNL handles (`const h = ref<cnnlHandle_t>()`) whose every operation went: the lowerings make
 * the target's own handles (one CNNL handle stands for both cuBLAS's and cuDNN's), so the
 * handle's create, queue binding and destroy go too. A handle still used by anything else
 * (an operation that stays, a helper it is passed to) stays as written.
 */
function handlesLeftIdle(groups: readonly CnnlGroup[], absorbed: ReadonlySet<ts.Statement>, context: StaticContext): ts.Statement[] {
  const runs = new Set(groups.map((g) => statementOf(g.run.node)!));
  const gone = (node: ts.Node) => isInside(node, absorbed) || isInside(node, runs);
  const found: ts.Statement[] = [];
  const handles = new Set<string>();
  for (const g of groups) {
    const handle = context.argumentFor(g.run, 'handle');
    const name = handle ? variableName(handle) : undefined;
    if (name && !handles.has(name) && ts.isPropertyAccessExpression(bareExpression(handle!))) handles.add(name);
  }
  for (const name of handles) {
    const run = groups.find((g) => variableName(context.argumentFor(g.run, 'handle')!) === name)!.run.node;
    const declared = declarationOf(name, run);
    if (!declared?.init || !/^ref<cnnlHandle_t>\(\)$/.test(bareExpression(declared.init).getText())) continue;
    const lifecycle: ts.Statement[] = [];
    const stays = usesOf(name, declared.statement.parent).some((use) => {
      if (isInside(use, new Set([declared.statement])) || gone(use)) return false;
      const statement = statementOf(use);
      const call = statement ? callOfStatement(statement, context) : undefined;
      const binds = call?.entry.spec.binds;
      if (statement && call && binds && 'primitive' in binds && HANDLE_LIFECYCLE.has(binds.primitive) && variableName(context.argumentFor(call, 'handle') ?? call.args[0]) === name) {
        lifecycle.push(statement);
        return false;
      }
      return true;
    });
    if (!stays) found.push(declared.statement, ...lifecycle);
  }
  return found;
}
