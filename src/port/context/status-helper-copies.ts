/**
 * Copies of a status helper for the status types it receives besides its own. A source with one
 * status type for several libraries (CNNL's and XDNN's serve matmul and DNN calls alike) checks
 * them all with one helper (`checkCublas(status: cnnlStatus_t, what)`); on a target where those
 * calls become two libraries' (cuBLAS and cuDNN) the helper keeps one type, and the statuses of
 * the other library reach a helper typed and compared for another (on CUDA a type error, on
 * MUSA, MACA or T-Head — whose facades export successes as names — every success taken for a
 * failure). Where the file has no helper of the same shape for that type, the port writes one:
 * the helper as ported, under a fresh name (copyName), with the status parameter and the members
 * of its status enum in the body those of the other library (`checkCnnl(status: cnnlStatus_t,
 * what)` → `checkCublas(status: cublasStatus_t, what)` next to `checkCnnl(status:
 * cudnnStatus_t, what)`), and routes those statuses to it.
 *
 * A helper is copied only when it judges a status by comparing it with members of its own
 * status enum, and otherwise uses it only as text (`status !== CNNL_STATUS_SUCCESS`,
 * `${status}`) or asks for its message (`cublasGetStatusString(status)`) where the target can
 * give the copy's status one (copyMessage): passing the status on to anything else would make
 * the copy hand another library's status to a function written for the helper's. A status that reaches
 * a helper of another type in the source already (CUDA code checking a cuDNN call with its
 * cuBLAS helper) is left so where both libraries number success alike (every CUDA library's
 * success is 0); only where the port makes the mismatch, or the successes differ, is a copy due.
 */
import type { Catalog, EntryRecord, EnumRecord } from '../../catalog/catalog.js';
import { isStatusEnum } from '../mapping/enum-mapping.js';
import type { BackendId } from '../../catalog/vocabulary.js';
import { errorStringEntry } from '../mapping/error-string-entry.js';
import { ts } from '../syntax/typescript.js';
import { sameShape, type StatusHelper } from './status-helpers.js';

const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

export const statusKey = (e: EnumRecord): string => `${e.backend}\u0000${e.spec.name}`;

/**
 * Whether a helper judges its status only by comparing it with members of its own status enum
 * (`isOwnMember` says which expressions are), at least once. Its other uses may be inside
 * template strings, and (`passesOn`) arguments of the calls it says yes to (a facade's
 * `cudaGetErrorString(status)`): those do not judge the status, but a copy for another status
 * type could not keep them.
 */
export function judgesByMember(helper: StatusHelper, isOwnMember: (node: ts.Expression) => boolean, passesOn: (call: ts.CallExpression) => boolean = () => false): boolean {
  const body = helper.declaration.body;
  if (!body) return false;
  let comparisons = 0;
  let other = false;
  const visit = (node: ts.Node): void => {
    if (other) return;
    // A nested function that declares the same name hides the parameter; too clever to follow.
    if (node !== helper.declaration && ts.isFunctionLike(node) && node.parameters.some((p) => p.name.getText() === helper.param)) {
      other = true;
      return;
    }
    if (ts.isIdentifier(node) && node.text === helper.param && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) {
      let n: ts.Node = node;
      while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
      const parent = n.parent;
      if (ts.isBinaryExpression(parent) && EQUALITY.has(parent.operatorToken.kind)) {
        let against = parent.left === n ? parent.right : parent.left;
        while (ts.isParenthesizedExpression(against)) against = against.expression;
        if (isOwnMember(against)) comparisons++;
        else other = true;
      } else if (!ts.isTemplateSpan(parent) && !(ts.isCallExpression(parent) && parent.arguments.includes(n as ts.Expression) && passesOn(parent))) other = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return !other && comparisons > 0;
}

/** A status one of a helper's calls passes to it, on the target. */
export interface ReceivedStatus {
  readonly status: EnumRecord;
  /** Whether the source status had the helper's declared type (then any mismatch is the port's). */
  readonly declared: boolean;
}

export interface StatusHelperCopy {
  readonly helper: StatusHelper;
  readonly status: EnumRecord;
  readonly name: string;
}

export interface CopyPlanInput {
  readonly helpers: readonly StatusHelper[];
  /** The target status type a helper takes after retyping. */
  readonly typeOf: (helper: StatusHelper) => EnumRecord | undefined;
  readonly received: (helper: StatusHelper) => readonly ReceivedStatus[];
  /** Whether both status types give success the same confirmed number. */
  readonly sameSuccess: (a: EnumRecord, b: EnumRecord) => boolean;
  readonly copyable: (helper: StatusHelper, status: EnumRecord) => boolean;
  readonly fresh: (base: string) => string;
  /** The library words of every status type the catalog knows (libraryWord), which a helper's name may end in. */
  readonly libraries: ReadonlySet<string>;
}

/** The copies to write, by helper name and status key. */
export function planStatusHelperCopies(input: CopyPlanInput): Map<string, StatusHelperCopy> {
  const copies = new Map<string, StatusHelperCopy>();
  for (const helper of input.helpers) {
    const own = input.typeOf(helper);
    if (!own) continue;
    for (const { status, declared } of input.received(helper)) {
      const key = copyKey(helper.name, status);
      if (copies.has(key) || statusKey(status) === statusKey(own)) continue;
      if (!declared && input.sameSuccess(status, own)) continue;
      const sibling = input.helpers.some((o) => o !== helper && sameShape(o, helper) && input.typeOf(o) && statusKey(input.typeOf(o)!) === statusKey(status));
      if (sibling || !input.copyable(helper, status)) continue;
      copies.set(key, { helper, status, name: input.fresh(copyName(helper.name, status, input.libraries)) });
    }
  }
  return copies;
}

export function copyKey(helperName: string, status: EnumRecord): string {
  return `${helperName}\u0000${statusKey(status)}`;
}

/**
 * The word a status type's library goes by in a name: `cublasStatus_t` → `Cublas`, `mcdnnStatus_t`
 * → `Mcdnn`, `aclnnStatus` → `Aclnn`, `XPUError_t` → `XPU`; a scoped type with no stem of its own
 * by its namespace (`xpu::Error_t` → `Xpu`, `cudnn_frontend::error_code_t` → `CudnnFrontend`).
 */
export function libraryWord(status: EnumRecord): string {
  const parts = status.spec.name.split('::');
  const stem = parts[parts.length - 1].replace(/_?(Status|Error|Result|Ret|error_code)?(_t)?$/, '') || parts[parts.length - 2] || parts[parts.length - 1];
  return stem
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

const wordsOf = new WeakMap<Catalog, ReadonlySet<string>>();

/** The library words (libraryWord) of every status type of every backend in the catalog. */
export function statusLibraryWords(catalog: Catalog): ReadonlySet<string> {
  let words = wordsOf.get(catalog);
  if (!words) {
    words = new Set([...catalog.backends.values()].flatMap((b) => [...b.enums.values()].filter(isStatusEnum).map(libraryWord)).filter((w) => w !== ''));
    wordsOf.set(catalog, words);
  }
  return words;
}

/**
 * A copy's name: a helper named for a library (`checkCnnl`, `checkCublas`: it ends in one of
 * `libraries`' words after a lower-case letter or digit) is named for the copy's instead
 * (`checkCublas`, `checkAclnn`), and one that names the copy's library already (`checkCublas`,
 * retyped for cuDNN's status, copied for cuBLAS's) says that it checks its status
 * (`checkCublasStatus`); any other gets the copy's library appended (`explainDnn` →
 * `explainDnnMcblas`). The file porter makes the name fresh.
 */
export function copyName(helper: string, status: EnumRecord, libraries: ReadonlySet<string>): string {
  const word = libraryWord(status);
  const ending = [...libraries, word]
    .filter((w) => w !== '' && helper.length > w.length && helper.endsWith(w) && /[a-z0-9]/.test(helper[helper.length - w.length - 1]))
    .sort((a, b) => b.length - a.length)[0];
  if (ending === undefined) return `${helper}${word}`;
  if (ending === word) return `${helper}Status`;
  return `${helper.slice(0, helper.length - ending.length)}${word}`;
}

/** A replacement inside the helper's declaration: [start, end) of the source becomes `text`. */
export interface CopyReplacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The copy's text: the declaration's ported text (`textOf`) with the replacements made; undefined
 * when a replacement lies inside a larger edit (its ported text is not the source's pieces).
 */
export function copyText(start: number, end: number, replacements: readonly CopyReplacement[], textOf: (start: number, end: number) => string, edits: readonly { start: number; end: number }[]): string | undefined {
  const sorted = [...replacements].sort((a, b) => a.start - b.start);
  for (const r of sorted) {
    if (edits.some((e) => e.start !== e.end && e.start <= r.start && e.end >= r.end && (e.start < r.start || e.end > r.end))) return undefined;
  }
  let out = '';
  let at = start;
  for (const r of sorted) {
    if (r.start < at) return undefined;
    out += textOf(at, r.start) + r.text;
    at = r.end;
  }
  return out + textOf(at, end);
}

/**
 * How a copy for `status` writes a message call of its helper (`cublasGetStatusString(status)`):
 * - `call`: the target's code-to-string function for that status (`cudnnGetErrorString(status)`
 *   in a copy for cudnnStatus_t), in place of the helper's ported call;
 * - `kept`: the helper's call as ported, when that is a target message function that takes no
 *   code (CANN's `aclGetRecentErrMsg()`, the thread's latest message whichever library failed):
 *   it does not depend on the status's type, so the copy's status gets the same message.
 * Undefined when neither holds (a message written for the helper's status type only, or a
 * naming function of that type): the copy could not keep the helper's behaviour.
 */
export type CopyMessage = { readonly kind: 'call'; readonly entry: EntryRecord } | { readonly kind: 'kept' };

/**
 * @param ported the target symbols the helper's call is lowered to, when it lowers to one call
 *   expression alone (asked only when the target has no code-to-string function for `status`)
 */
export function copyMessage(catalog: Catalog, target: BackendId, status: EnumRecord, ported: () => readonly string[] | undefined): CopyMessage | undefined {
  const own = status.backend === target ? errorStringEntry(catalog, status) : undefined;
  if (own) return { kind: 'call', entry: own };
  const symbols = ported();
  if (symbols?.length !== 1) return undefined;
  const entry = catalog.entry(target, symbols[0]);
  const binds = entry?.spec.binds;
  return entry && binds && 'primitive' in binds && binds.primitive === 'error.string' && entry.spec.params.length === 0 ? { kind: 'kept' } : undefined;
}
