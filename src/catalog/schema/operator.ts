/** `operators/<Op>.yaml`: one canonical operator of the reference runtime. */
import { z } from 'zod';
import { DTYPES } from '../../runtime/dtype.js';
import { OPERATOR_CATEGORIES } from '../vocabulary.js';
import { ProvenanceListSchema } from './provenance.js';

const DTypeSchema = z.enum(DTYPES);

export const ToleranceSchema = z
  .object({
    rtol: z.number().nonnegative(),
    atol: z.number().nonnegative(),
    reason: z.string().optional(),
  })
  .strict();
export type Tolerance = z.infer<typeof ToleranceSchema>;

const TensorSpecSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
    description: z.string().min(1),
    dtypes: z.array(DTypeSchema).min(1),
    optional: z.boolean().default(false),
    /** Variadic inputs (Concat, Sum) or per-rank tensors (collectives). */
    variadic: z.boolean().default(false),
  })
  .strict();

const AttributeSpecSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
    type: z.enum(['int', 'float', 'string', 'ints', 'floats', 'bool', 'tensor', 'dtype']),
    description: z.string().min(1),
    /** Omitted when the attribute is required or has no default. */
    default: z.union([z.number(), z.string(), z.boolean(), z.array(z.number()), z.null()]).optional(),
    required: z.boolean().default(false),
    values: z.array(z.union([z.string(), z.number()])).optional(),
  })
  .strict();

export const OperatorSchema = z
  .object({
    id: z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'operator ids are PascalCase (the ONNX name where ONNX has it)'),
    category: z.enum(OPERATOR_CATEGORIES),
    summary: z.string().min(1),
    /** ONNX counterpart, or null for operators ONNX lacks (collectives, some random streams). */
    onnx: z
      .object({
        op: z.string(),
        domain: z.string().default('ai.onnx'),
        since: z.number().int().positive(),
        url: z.string().url(),
      })
      .strict()
      .nullable(),
    inputs: z.array(TensorSpecSchema),
    outputs: z.array(TensorSpecSchema).min(1),
    attributes: z.array(AttributeSpecSchema).default([]),
    semantics: z.string().min(1),
    /** Per-dtype overrides of the torch.testing.assert_close defaults. */
    tolerances: z.partialRecord(DTypeSchema, ToleranceSchema).default({}),
    provenance: ProvenanceListSchema,
  })
  .strict();

export type OperatorInput = z.input<typeof OperatorSchema>;
export type OperatorSpec = z.output<typeof OperatorSchema>;
