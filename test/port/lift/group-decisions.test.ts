/**
 * A statement-group reader's decisions: undecided while the file is being decided (a trial port
 * of a run), then accepted, held with a reason, or simply not accepted; readings are made once.
 */
import { describe, expect, it } from 'vitest';
import type { ResolvedCall } from '../../../src/port/context/static-context.js';
import type { StaticContext } from '../../../src/port/context/static-context.js';
import { GroupDecisions } from '../../../src/port/lift/group-decisions.js';
import { parseSource, ts } from '../../../src/port/syntax/typescript.js';

const { sourceFile } = parseSource('model.ts', 'f(1);\ng(2);\nh(3);\n');
const calls = sourceFile.statements.map((s) => (s as ts.ExpressionStatement).expression as ts.CallExpression);
const run = (node: ts.CallExpression) => ({ node }) as unknown as ResolvedCall;
const context = {} as StaticContext;

describe('GroupDecisions', () => {
  it('answers undefined until the file is decided, then per run', () => {
    const groups = new GroupDecisions(() => 'reading');
    const [f, g, h] = calls;
    expect(groups.decisionFor(f)).toBeUndefined();
    groups.decide(sourceFile, new Set([f]), new Map([[g, '`d` is shared with h(3)']]));
    expect(groups.decisionFor(f)).toEqual({ accepted: true });
    expect(groups.decisionFor(g)).toEqual({ accepted: false, reason: '`d` is shared with h(3)' });
    expect(groups.decisionFor(h)).toEqual({ accepted: false });
    groups.undecide(sourceFile);
    expect(groups.decisionFor(f)).toBeUndefined();
  });

  it('reads each run once', () => {
    let reads = 0;
    const groups = new GroupDecisions((r: ResolvedCall) => ({ text: r.node.getText(sourceFile), n: ++reads }));
    const first = groups.readingOf(run(calls[0]), context);
    expect(groups.readingOf(run(calls[0]), context)).toBe(first);
    groups.readingOf(run(calls[1]), context);
    expect(reads).toBe(2);
  });
});
