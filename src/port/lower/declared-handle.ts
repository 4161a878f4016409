/**
 * Which of several equal target entries fits the handle the call is given. Where the source
 * has one handle for what the target splits in two (CNNL's cnnlHandle_t stands for cuBLAS's and
 * cuDNN's), a call on the handle names both targets (`cnnlSetQueue` → cublasSetStream,
 * cudnnSetStream); the handle variable or parameter, though, ports to one type
 * (`lt: cnnlHandle_t` → `lt: cudnnHandle_t`). The entry whose handle parameter takes that type
 * goes first, so `cnnlSetQueue(lt, stream)` becomes `cudnnSetStream(lt, stream)` and the port
 * type-checks; a create call fills a `ref<cnnlHandle_t>()` with the matching create
 * (`cudnnCreate`), so the handle's creation, stream and destruction stay one library's. Only where the file states the handle's type (declared-type.ts); otherwise the
 * order stays the catalog's. A CNNL handle whose work is matrix products is cuBLAS's in CUDA
 * (structural/cnnl-lift/handle-library.ts): its calls take the cuBLAS entries.
 */
import type { EntryRecord, TypeRecord } from '../../catalog/catalog.js';
import { declaredFacadeType, heldFacadeType } from '../context/declared-type.js';
import type { Invocation } from '../ir/invocation.js';
import { correspondingType } from '../mapping/type-mapping.js';
import { cudaHandleTypeOf } from '../structural/cnnl-lift/handle-library.js';
import { ts } from '../syntax/typescript.js';
import type { LowerContext } from './lowerer.js';

/** The roles a handle argument has: the handle used, or the one a create call fills. */
const HANDLE_ROLES = ['handle', 'out-handle'] as const;

/** `candidates`, those whose handle parameter takes the handle argument's ported type first. */
export function byDeclaredHandle(candidates: readonly EntryRecord[], invocation: Invocation, ctx: LowerContext): readonly EntryRecord[] {
  if (candidates.length < 2 || invocation.kind !== 'primitive') return candidates;
  const role = HANDLE_ROLES.find((r) => invocation.args.get(r)?.node);
  const node = role ? invocation.args.get(role)?.node : undefined;
  if (!role || !node) return candidates;
  const types = ctx.catalog.backend(invocation.origin.backend).types;
  const resolve = (name: ts.EntityName | ts.Expression): TypeRecord | undefined => {
    const last = ts.isIdentifier(name) ? name.text : ts.isQualifiedName(name) ? name.right.text : ts.isPropertyAccessExpression(name) ? name.name.text : undefined;
    return last ? types.get(last) : undefined;
  };
  const declared = role === 'handle' ? declaredFacadeType(node, resolve) : heldFacadeType(node, resolve);
  if (!declared || declared.spec.kind !== 'handle') return candidates;
  const mapped = correspondingType(ctx.catalog, declared, ctx.target);
  if (mapped?.kind !== 'type') return candidates;
  const typeName = (ctx.target === 'cuda' && cudaHandleTypeOf(node, declared.spec.name, ctx.catalog, ctx.context)) || mapped.type.spec.name;
  // An out-handle parameter is written `cudnnHandle_t*`.
  const takes = (e: EntryRecord) => e.spec.params.some((p) => p.role === role && p.type.replace(/\s*\*$/, '') === typeName);
  const fitting = candidates.filter(takes);
  return fitting.length === 0 || fitting.length === candidates.length ? candidates : [...fitting, ...candidates.filter((e) => !takes(e))];
}
