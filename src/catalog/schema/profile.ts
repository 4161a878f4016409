/** `profiles/<backend>.yaml`: numeric profiles and the vendor knobs that switch them. */
import { z } from 'zod';
import { ACCUMULATE_DTYPES, MATRIX_FORMATS, REDUCTION_ORDERS } from '../../runtime/numerics/numeric-profile.js';
import { BACKENDS } from '../vocabulary.js';
import { ConfidenceSchema, ProvenanceListSchema, SourceSchema } from './provenance.js';

const MatrixUnitSchema = z
  .object({
    format: z.enum(MATRIX_FORMATS),
    rounding: z.enum(['nearest-even', 'nearest-away', 'truncate']),
    accumulate: z.enum(ACCUMULATE_DTYPES),
    splitK: z.number().int().positive(),
  })
  .partial()
  .strict();

export const ProfileOverridesSchema = z
  .object({
    matmul: MatrixUnitSchema,
    conv: MatrixUnitSchema,
    reduce: z
      .object({
        accumulate: z.enum(ACCUMULATE_DTYPES),
        order: z.enum(REDUCTION_ORDERS),
        blockSize: z.number().int().positive(),
      })
      .partial()
      .strict(),
    halfCompute: z.enum(['float64', 'float32', 'native']),
    flushToZero: z.boolean(),
    gelu: z.enum(['as-requested', 'erf', 'tanh']),
    softmax: z.enum(['max-subtract', 'no-max-subtract']),
  })
  .partial()
  .strict();

export const ProfileSchema = ProfileOverridesSchema.extend({
  id: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/, 'profile ids look like <backend>.<name>'),
  summary: z.string().min(1),
  /** Base profile: 'ieee', 'golden' or another profile id. Default 'ieee'. */
  extends: z.string().default('ieee'),
  provenance: ProvenanceListSchema,
  confidence: ConfidenceSchema,
  notes: z.string().optional(),
}).strict();
export type ProfileSpec = z.output<typeof ProfileSchema>;

const KnobValueSchema = z
  .object({
    /** Enum member name or numeric value of the knob argument. */
    member: z.string().optional(),
    value: z.union([z.number(), z.string(), z.boolean()]).optional(),
    set: ProfileOverridesSchema,
    note: z.string().optional(),
  })
  .strict()
  .refine((v) => v.member !== undefined || v.value !== undefined, 'a knob value needs `member` or `value`');

export const KnobSchema = z
  .object({
    /** The vendor call whose argument switches numerics (cublasSetMathMode, aclnnMatmulGetWorkspaceSize, ...). */
    symbol: z.string().min(1),
    param: z.string().min(1),
    /** handle: sticks to the handle; call: applies to that call only; process: environment-wide. */
    scope: z.enum(['handle', 'call', 'descriptor', 'process']),
    values: z.array(KnobValueSchema).min(1),
    provenance: ProvenanceListSchema,
    confidence: ConfidenceSchema,
    notes: z.string().optional(),
  })
  .strict();
export type KnobSpec = z.output<typeof KnobSchema>;

export const ProfileFileSchema = z
  .object({
    backend: z.enum(BACKENDS),
    /** Profile applied when a call sets no knob. */
    default: z.string(),
    sources: z.record(z.string(), SourceSchema).default({}),
    profiles: z.array(ProfileSchema).min(1),
    knobs: z.array(KnobSchema).default([]),
  })
  .strict();
export type ProfileFile = z.output<typeof ProfileFileSchema>;
