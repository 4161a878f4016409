/**
 * Statement groups: calling conventions that spell one operation as several statements (aclnn:
 * an aclCreateTensor per operand, the workspace query, the workspace, the run, the destroys).
 * A group reader runs before the walk. It finds the groups of a file and returns the statements
 * to remove for the groups whose operation ports (the porter answers `ports(call)` by lifting and
 * lowering the anchor call on trial). The walk then ports each anchor call through the lifter
 * registered for it, which reads its group again; the removed statements are absorbed
 * (StaticContext.absorb), so other modules do not count uses inside them.
 */
import type { Catalog } from '../../catalog/catalog.js';
import type { BackendId } from '../../catalog/vocabulary.js';
import type { StaticContext } from '../context/static-context.js';
import type { ts } from '../syntax/typescript.js';

export interface StatementGroupInput {
  readonly sourceFile: ts.SourceFile;
  readonly catalog: Catalog;
  readonly target: BackendId;
  readonly context: StaticContext;
  /** Whether the facade call lifts and lowers to the target (a trial; nothing is written). */
  ports(call: ts.CallExpression): boolean;
  /** Whether the statement is under an `opbridge-ignore` marker (its group must stay as written). */
  suppressed(node: ts.Node): boolean;
}

export interface StatementGroupReader {
  readonly name: string;
  /** The statements that vanish because the operation they belong to ports as one call. */
  absorbed(input: StatementGroupInput): readonly ts.Statement[];
}
