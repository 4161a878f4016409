/**
 * The status type of a status a lowering writes, read back from its text: a call of a target
 * facade function (`cudnnCreate(h)`, `cuda.cudnnCreate(h)`) has the status enum of its entry; a
 * choice between members of one status enum (`ready && graph.execute(…).is_good() ?
 * CUDNN_STATUS_SUCCESS : CUDNN_STATUS_EXECUTION_FAILED`, a cudnn-frontend graph's status) has
 * that enum. Anything else is unknown. Lowerings write target names through TargetNames, whose
 * `facadePathOf` turns a written name back into a facade path.
 */
import type { Catalog, EnumRecord } from '../../catalog/catalog.js';
import { statusEnumOf, isStatusEnum } from '../mapping/enum-mapping.js';
import type { FacadeSymbol } from '../mapping/facade-index.js';
import { ts } from '../syntax/typescript.js';

export interface WrittenStatus {
  readonly status: EnumRecord;
  /** The target symbol whose status it is (the entry called, or the enum). */
  readonly symbol: string;
}

/** Resolves a written reference (`['cuda', 'cudnnCreate']`) to the target facade symbol it names. */
export type WrittenNameResolver = (written: readonly string[]) => FacadeSymbol | undefined;

/**
 * Parsed status texts: the same lowering text is read on trial, when routed and when placed, and
 * files repeat calls; parsing it is most of the cost. Bounded, since texts vary without end.
 */
const parsed = new Map<string, ts.Expression | null>();
const PARSED_LIMIT = 4096;

function parseStatus(text: string): ts.Expression | undefined {
  const cached = parsed.get(text);
  if (cached !== undefined) return cached ?? undefined;
  // No parent pointers: statusOf only walks down.
  const file = ts.createSourceFile('status.ts', `(${text});`, ts.ScriptTarget.Latest, false);
  const [statement] = file.statements;
  const expression = file.statements.length === 1 && statement && ts.isExpressionStatement(statement) ? statement.expression : undefined;
  if (parsed.size >= PARSED_LIMIT) parsed.clear();
  parsed.set(text, expression ?? null);
  return expression;
}

export function writtenStatus(text: string, catalog: Catalog, resolve: WrittenNameResolver): WrittenStatus | undefined {
  const expression = parseStatus(text);
  return expression ? statusOf(expression, catalog, resolve) : undefined;
}

function statusOf(node: ts.Expression, catalog: Catalog, resolve: WrittenNameResolver): WrittenStatus | undefined {
  while (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) node = node.expression;
  if (ts.isCallExpression(node)) {
    const symbol = reference(node.expression, resolve);
    const status = symbol?.kind === 'entry' ? statusEnumOf(catalog, symbol.entry) : undefined;
    return status && symbol?.kind === 'entry' ? { status, symbol: symbol.entry.spec.symbol } : undefined;
  }
  if (ts.isConditionalExpression(node)) {
    const a = statusOf(node.whenTrue, catalog, resolve);
    const b = statusOf(node.whenFalse, catalog, resolve);
    return a && b && a.status === b.status ? { status: a.status, symbol: a.status.spec.name } : undefined;
  }
  const symbol = reference(node, resolve);
  return symbol?.kind === 'enum-member' && isStatusEnum(symbol.enum) ? { status: symbol.enum, symbol: symbol.enum.spec.name } : undefined;
}

/** The symbol a name or member chain refers to, when it is one. */
function reference(node: ts.Expression, resolve: WrittenNameResolver): FacadeSymbol | undefined {
  const path: string[] = [];
  let n: ts.Expression = node;
  while (ts.isPropertyAccessExpression(n)) {
    path.unshift(n.name.text);
    n = n.expression;
  }
  if (!ts.isIdentifier(n)) return undefined;
  path.unshift(n.text);
  return resolve(path);
}
