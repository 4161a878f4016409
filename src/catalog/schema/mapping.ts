/**
 * `mappings/<backend>/<library>.yaml`: a vendor library's API as the catalog knows it:
 * enums, opaque types, functions with their C signatures and bindings, and gaps (CUDA symbols
 * the backend cannot answer).
 */
import { z } from 'zod';
import { DTYPES } from '../../runtime/dtype.js';
import { BACKENDS, MEANING_PATTERN, PRIMITIVES, STATUSES, TYPE_KINDS, isValidRole } from '../vocabulary.js';
import { ConfidenceSchema, ProvenanceListSchema, SourceSchema } from './provenance.js';

const Identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_~][A-Za-z0-9_]*)*$/, 'a C or C++ identifier');

export const EnumMemberSchema = z
  .object({
    name: Identifier,
    /** null when the numeric value could not be confirmed (the enum is then not `confirmed`). */
    value: z.number().int().nullable(),
    /** Dotted tag used to map members across backends by meaning, e.g. copy.host-to-device. */
    meaning: z.string().regex(MEANING_PATTERN, 'a dotted lower-case tag such as copy.host-to-device').optional(),
    note: z.string().optional(),
  })
  .strict();

export const EnumSchema = z
  .object({
    name: Identifier,
    header: z.string().optional(),
    /** The C type that values are passed as when it differs from the enum name (e.g. int). */
    underlying: z.string().optional(),
    members: z.array(EnumMemberSchema).min(1),
    provenance: ProvenanceListSchema,
    confidence: ConfidenceSchema,
    notes: z.string().optional(),
  })
  .strict();
export type EnumSpec = z.infer<typeof EnumSchema>;

/**
 * A member of a struct type as code reaches it (`id.internal`). Members with the same `meaning`
 * correspond across backends, so the porter renames `ncclUniqueId.internal` to
 * `cnclCliqueId.bytes`. A member the facade adds (TypeScript has no address-of) says so in `note`.
 */
export const TypeMemberSchema = z
  .object({
    name: Identifier,
    /** Dotted tag shared by corresponding members, e.g. unique-id.bytes. */
    meaning: z.string().regex(MEANING_PATTERN, 'a dotted lower-case tag such as unique-id.bytes').optional(),
    /** Defaults to the type's confidence; a member less than confirmed says why in `note`. */
    confidence: ConfidenceSchema.optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((m) => m.confidence === undefined || m.confidence === 'confirmed' || m.note !== undefined, {
    message: 'a member that is not confirmed needs a note saying why',
    path: ['note'],
  });
export type TypeMemberSpec = z.infer<typeof TypeMemberSchema>;

export const TypeSchema = z
  .object({
    name: Identifier,
    kind: z.enum(TYPE_KINDS),
    header: z.string().optional(),
    /** The CUDA type this corresponds to. */
    cuda: Identifier.optional(),
    definition: z.string().optional(),
    /** Members code reads or writes, with the meaning that matches them across backends. */
    members: z.array(TypeMemberSchema).optional(),
    provenance: ProvenanceListSchema,
    confidence: ConfidenceSchema,
    notes: z.string().optional(),
  })
  .strict();
export type TypeSpec = z.infer<typeof TypeSchema>;

export const ParamSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
    /** The C type exactly as declared, e.g. `const float*`, `cudaStream_t`. */
    type: z.string().min(1),
    dir: z.enum(['in', 'out', 'inout']),
    role: z
      .string()
      .refine(isValidRole, 'a role from the catalog vocabulary (src/catalog/vocabulary.ts), e.g. input:A, attr:transA, stream')
      .optional(),
    /** TypeScript expression the porter inserts when the source has no argument for this role. */
    default: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();
export type ParamSpec = z.infer<typeof ParamSchema>;

const FusedStepSchema = z
  .object({
    operator: z.string().regex(/^[A-Z][A-Za-z0-9]*$/),
    fixed: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.array(z.number())])).optional(),
  })
  .strict();

/**
 * One form of a mode-dependent call: the operator chain it runs when an enum member selects it,
 * whether the member is an argument of the call (cudnnSoftmaxForward algo) or was set on its
 * descriptor (cuBLASLt epilogue, cuDNN activation / pooling / op-tensor / reduce mode).
 */
const BindingVariantSchema = z
  .object({
    /** The enum member that selects this form, e.g. CUBLASLT_EPILOGUE_GELU_BIAS. */
    when: Identifier,
    /** The operator this form runs when it is not the binding's own operator. */
    operator: z.string().regex(/^[A-Z][A-Za-z0-9]*$/).optional(),
    then: z.array(FusedStepSchema).optional(),
    fixed: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.array(z.number())])).optional(),
    /** Numeric profile of this form when it differs from the entry's. */
    profile: z.string().optional(),
    notes: z.string().optional(),
  })
  .strict();

const OperatorBindingSchema = z
  .object({
    operator: z.string().regex(/^[A-Z][A-Za-z0-9]*$/),
    /**
     * Operators fused after the main one (cuBLASLt epilogues: bias Add, Gelu, Relu). Roles
     * address their tensors and attributes as `input:<Op>.<name>`, `attr:<Op>.<name>`.
     */
    then: z.array(FusedStepSchema).optional(),
    /** aclnn-style two-phase calls: `prepare` (GetWorkspaceSize) and `execute` (the run). */
    phase: z.enum(['single', 'prepare', 'execute']).default('single'),
    /** Memory order of the matrices or activations this call reads. */
    layout: z.enum(['row-major', 'column-major', 'NCHW', 'NHWC', 'ND', 'any']).optional(),
    /** Operator attributes this call fixes regardless of its arguments (aclnnGelu: approximate=tanh). */
    fixed: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.array(z.number())])).optional(),
    /**
     * Mode-dependent forms (see BindingVariantSchema). Roles name the tensors of the binding's
     * own operator; a variant's operator takes them in the same order (first input to first input).
     */
    variants: z.array(BindingVariantSchema).optional(),
    notes: z.string().optional(),
  })
  .strict();

const PrimitiveBindingSchema = z.object({ primitive: z.enum(PRIMITIVES), notes: z.string().optional() }).strict();

export const BindingSchema = z.union([OperatorBindingSchema, PrimitiveBindingSchema]);
export type Binding = z.infer<typeof BindingSchema>;

export const EntrySchema = z
  .object({
    symbol: Identifier,
    kind: z.enum(['function', 'method', 'macro', 'constructor']).default('function'),
    header: z.string().optional(),
    aliases: z.array(Identifier).optional(),
    returns: z.string().min(1),
    /**
     * The returned pointer may be null where the signature does not say so (aclGetRecentErrMsg
     * without a recorded error): the facade types it `… | null`, and a port that reaches another
     * function drops the source's null guard (`?? ''`) only when that one has no such flag.
     */
    returnsNull: z.boolean().optional(),
    /** C++ template parameters, passed in the facade as a leading array of type names. */
    template: z.array(z.object({ name: z.string(), description: z.string().optional() }).strict()).optional(),
    params: z.array(ParamSchema),
    binds: BindingSchema,
    enums: z.array(Identifier).optional(),
    status: z.enum(STATUSES),
    /** Required for `partial`: what is missing (dtypes, attributes, modes). */
    unsupported: z.array(z.string().min(1)).optional(),
    /** Other target symbols a `composite` answer needs. */
    companions: z.array(Identifier).optional(),
    dtypes: z.array(z.enum(DTYPES)).optional(),
    /** Numeric profile id (profiles/<backend>.yaml) that governs this call. */
    profile: z.string().optional(),
    /** The CUDA symbol(s) this entry answers. Required on target backends. */
    cuda: z.array(Identifier).optional(),
    since: z.string().optional(),
    deprecated: z.string().optional(),
    provenance: ProvenanceListSchema,
    confidence: ConfidenceSchema,
    notes: z.string().optional(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    if (entry.status === 'partial' && !entry.unsupported?.length) {
      ctx.addIssue({ code: 'custom', path: ['unsupported'], message: "a 'partial' entry must list what is unsupported" });
    }
    if (entry.status === 'composite' && !entry.companions?.length) {
      ctx.addIssue({ code: 'custom', path: ['companions'], message: "a 'composite' entry must list its companion calls" });
    }
    const names = new Set<string>();
    entry.params.forEach((p, i) => {
      if (names.has(p.name)) ctx.addIssue({ code: 'custom', path: ['params', i, 'name'], message: `duplicate parameter '${p.name}'` });
      names.add(p.name);
    });
  });
export type EntrySpec = z.output<typeof EntrySchema>;

/** A CUDA symbol this backend answers without a symbol of its own. */
export const GapSchema = z
  .object({
    cuda: Identifier,
    status: z.enum(['unsupported', 'unknown', 'partial', 'composite']),
    /** Target symbols to use instead, when there is a workaround. */
    use: z.array(Identifier).optional(),
    notes: z.string().min(1),
    provenance: ProvenanceListSchema,
    confidence: ConfidenceSchema,
  })
  .strict();
export type GapSpec = z.infer<typeof GapSchema>;

export const MappingFileSchema = z
  .object({
    backend: z.enum(BACKENDS),
    library: z.string().regex(/^[a-z][a-z0-9-]*$/),
    /** The vendor header/library version this file mirrors, e.g. "cuBLAS 13.1.1". */
    version: z.string().min(1),
    header: z.string().optional(),
    sources: z.record(z.string(), SourceSchema).default({}),
    enums: z.array(EnumSchema).default([]),
    types: z.array(TypeSchema).default([]),
    entries: z.array(EntrySchema).default([]),
    gaps: z.array(GapSchema).default([]),
    notes: z.string().optional(),
  })
  .strict();
export type MappingFile = z.output<typeof MappingFileSchema>;
