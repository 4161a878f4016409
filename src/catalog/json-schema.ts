/** JSON Schemas of the catalog file formats, for editor completion of user mapping files. */
import { z } from 'zod';
import { MappingFileSchema } from './schema/mapping.js';
import { OperatorSchema } from './schema/operator.js';
import { ProfileFileSchema } from './schema/profile.js';

export function catalogJsonSchemas(): Record<string, unknown> {
  const convert = (schema: z.ZodType, title: string) => ({ title, ...(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as object) });
  return {
    'mapping.schema.json': convert(MappingFileSchema, 'opbridge mapping file (mappings/<backend>/<library>.yaml)'),
    'operator.schema.json': convert(OperatorSchema, 'opbridge operator file (operators/<Op>.yaml)'),
    'profile.schema.json': convert(ProfileFileSchema, 'opbridge numeric profile file (profiles/<backend>.yaml)'),
  };
}
