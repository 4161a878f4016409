/**
 * The Invocation IR (docs/port-architecture.md): a backend-neutral description of one vendor
 * call, produced by a lifter from the source call and turned into target code by a lowerer.
 *
 * - `PrimitiveInvocation`: a runtime primitive (memory, copies, streams, events, handles,
 *   communicators, generators) with its arguments by role and the meanings of its enum arguments.
 * - `OpInvocation`: a canonical operator with tensors (pointer, dtype, dims, strides, layout),
 *   attributes, stream and numerics knowledge, plus the call-level arguments that are not part
 *   of the operator (communicator, handle, counts, leading dimensions, descriptors, workspace).
 *
 * Both keep where they came from (`origin`), so lowerers can prefer the target entry the
 * catalog names as the equivalent of the source symbol.
 */
import type { EntryRecord } from '../../catalog/catalog.js';
import type { BackendId, Primitive } from '../../catalog/vocabulary.js';
import type { DType } from '../../runtime/dtype.js';
import type { Expr } from './expr.js';
import type { RoleKey } from './roles.js';

/** A statically known enum argument: the source member and its meaning tag. */
export interface EnumArgument {
  readonly meaning: string;
  readonly member: string;
  readonly enumName: string;
  /** Whether the argument is the member itself (so the lowerer may write the target member). */
  readonly direct: boolean;
  /** For a value built from several members (`cond ? a : b`): the meanings it can take. */
  readonly alternatives?: readonly string[];
}

export interface InvocationOrigin {
  readonly backend: BackendId;
  readonly entry: EntryRecord;
  /** The symbol as the catalog spells it (`xpu::fc_fusion`). */
  readonly symbol: string;
}

export interface PrimitiveInvocation {
  readonly kind: 'primitive';
  readonly primitive: Primitive;
  readonly args: ReadonlyMap<RoleKey, Expr>;
  readonly enums: ReadonlyMap<RoleKey, EnumArgument>;
  readonly origin: InvocationOrigin;
}

export interface DTypeExpr {
  /** The argument that gives the element type (`ncclFloat32`), when the call has one. */
  readonly expr?: Expr;
  readonly meaning?: string;
  /** The runtime dtype, when the meaning names one. */
  readonly dtype?: DType;
}

export interface TensorExpr {
  readonly ptr: Expr;
  /** Elements from `ptr` to the view's first element (a sub-tensor of a buffer), when not 0. */
  readonly offset?: Expr;
  readonly dtype?: DTypeExpr;
  /** Dimensions, outermost first; absent when the call does not say. */
  readonly dims?: readonly Expr[];
  /** Strides in elements, same order as dims. */
  readonly strides?: readonly Expr[];
  /** NCHW, NHWC, row-major, column-major, ... when the call fixes it. */
  readonly layout?: string;
  /** The descriptor that described the tensor in the source (cuDNN, CNNL), when there was one. */
  readonly descriptor?: Expr;
}

export interface AttributeExpr {
  readonly expr: Expr;
  /** The meaning of an enum-valued attribute (`reduce.sum`). */
  readonly meaning?: string;
  /**
   * The attribute applies only while `expr` (a value known at run time, such as a helper's
   * parameter) has one of `meanings` of the source enum `enumName`; every value it can take is
   * known statically (parameter-values.ts), so the lowering may branch on it.
   */
  readonly when?: { readonly expr: Expr; readonly enumName: string; readonly meanings: readonly string[] };
}

export interface Numerics {
  /** Math-mode meaning in effect (`math.tf32`), and where it came from. */
  readonly mathMode?: { readonly meaning: string; readonly from: 'argument' | 'handle' | 'descriptor' };
  readonly computeType?: { readonly meaning: string; readonly from: 'argument' | 'handle' | 'descriptor' };
}

export interface OpInvocation {
  readonly kind: 'operator';
  readonly operator: string;
  readonly inputs: ReadonlyMap<string, TensorExpr>;
  readonly outputs: ReadonlyMap<string, TensorExpr>;
  /** Keyed by attribute name; repeated vendor parameters keep their `#n` suffix (`pads#2`). */
  readonly attributes: ReadonlyMap<string, AttributeExpr>;
  readonly stream?: Expr;
  readonly numerics: Numerics;
  /** Call-level arguments that are not part of the operator, by role key. */
  readonly args: ReadonlyMap<RoleKey, Expr>;
  readonly enums: ReadonlyMap<RoleKey, EnumArgument>;
  readonly origin: InvocationOrigin;
}

export type Invocation = PrimitiveInvocation | OpInvocation;
