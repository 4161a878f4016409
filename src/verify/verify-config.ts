/**
 * `--config verify.yaml`: tolerances and run settings for `opbridge verify`, validated with
 * zod; every error names the file, the line and the path inside the file.
 *
 * ```yaml
 * ranks: 2
 * timeout: 120            # seconds per program run
 * rtol: 1.0e-5            # strict tolerance for every comparison (else catalog / defaults)
 * atol: 1.0e-6
 * widen: true             # widen by the target's numeric profile (default true)
 * operators:              # per operator: one tolerance, or one per dtype
 *   MatMul: { rtol: 1.0e-4, atol: 1.0e-5 }
 *   Softmax:
 *     float16: { rtol: 2.0e-3, atol: 1.0e-4 }
 * outputs:                # per named output of main()
 *   logits: { rtol: 1.0e-3, atol: 1.0e-4 }
 * mappings: [my-profiles.yaml]   # extra catalog files, relative to this file
 * ```
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { DTYPES } from '../runtime/dtype.js';
import { formatPath, parseYaml } from '../catalog/yaml-document.js';
import { formatIssue, type CatalogIssue } from '../catalog/validate-file.js';

const ToleranceSchema = z
  .object({
    rtol: z.number().nonnegative(),
    atol: z.number().nonnegative(),
  })
  .strict();

const PerDTypeSchema = z.partialRecord(z.enum(DTYPES), ToleranceSchema);

export const VerifyConfigSchema = z
  .object({
    ranks: z.number().int().min(1).max(64).optional(),
    timeout: z.number().positive().max(86_400).optional(),
    rtol: z.number().nonnegative().optional(),
    atol: z.number().nonnegative().optional(),
    widen: z.boolean().default(true),
    operators: z.record(z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'operator ids are PascalCase (MatMul, Softmax, ...)'), z.union([ToleranceSchema, PerDTypeSchema])).default({}),
    outputs: z.record(z.string(), ToleranceSchema).default({}),
    mappings: z.array(z.string().min(1)).default([]),
  })
  .strict();

export type VerifyConfig = z.output<typeof VerifyConfigSchema>;
export type ConfigTolerance = z.output<typeof ToleranceSchema>;

export const EMPTY_CONFIG: VerifyConfig = VerifyConfigSchema.parse({});

/** Reads and validates a config file; `mappings` come back resolved against the file's directory. */
export function loadVerifyConfig(file: string): VerifyConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new InputError('cannot read the verify config file', { location: { file }, fix: 'check the --config path', cause });
  }
  const parsed = parseYaml(text, file);
  const result = VerifyConfigSchema.safeParse(parsed.data ?? {});
  if (!result.success) {
    const issues: CatalogIssue[] = result.error.issues.map((issue) => {
      // Point at the offending key itself, not at the object holding it.
      const path = [...issue.path, ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])] as PropertyKey[];
      return { file, line: parsed.lineOf(path), path: formatPath(path), message: issue.message };
    });
    const [first, ...rest] = issues;
    const more = rest.length ? `\n${rest.slice(0, 9).map(formatIssue).join('\n')}` : '';
    throw new InputError(`${first.path}: ${first.message}${more}`, {
      location: { file, line: first.line },
      fix: 'correct the field (the verify config format is documented in docs/verify.md)',
    });
  }
  const config = result.data;
  return { ...config, mappings: config.mappings.map((m) => resolve(dirname(file), m)) };
}
